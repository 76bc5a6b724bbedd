"""The runner: everything that touches torch. One `execute()` call is one engine step.

Per step: forget released requests, pack slots as the scheduler moved them, encode the
newcomers in batched encoder calls (grouped by length to bound padding; their cross-attention
K/V go once into their slots), then one decoder call over all packed slots 0..n-1 on the
static cache. Each slot feeds its
pending run (the last chosen token plus any grammar-forced tokens, so T > 1 when the grammar
jumps forward), and a greedy slot may feed a draft read from its source after it; shorter
runs are padded at later positions, which real tokens overwrite before anyone attends to
them. Drafted tokens are kept while they equal the model's greedy choice and the grammar
allows them (one device-to-host copy of the unmasked choices). The grammar then fills the
next-token bitmasks at each slot's deciding position (on CUDA, without drafts, this overlaps
the queued kernels; on a CPU only for the slots whose unmasked greedy choice it refuses); the
mask is applied to the whole batch as one tensor operation, and one device-to-host copy brings
back the choices and entropies of every slot.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass

import numpy as np
import torch
from torch import Tensor

from service.engine.beam import BeamGroup, Candidate
from service.engine.drafting import SourceDrafter
from service.engine.grounding import DocumentSpans, SpanTracker, SpanVocabulary
from service.engine.kv_cache import StaticKVCache
from service.engine.sequence import Limits, Sequence
from service.engine.step import Admission, FinishedSequence, RunnerOutput, SchedulerOutput
from service.grammar.constraint import Constraint, ContractGrammar, GrammarError
from service.model.transformer import Seq2SeqTransformer, step_mask

log = logging.getLogger(__name__)


@dataclass(slots=True)
class StepTimings:
    """Cumulative seconds per phase, for the benchmark's per-step overhead figures."""

    steps: int = 0
    admit: float = 0.0  # encoder + cache writes + grammar start for newcomers
    prepare: float = 0.0  # building the feed on the host
    forward: float = 0.0  # decoder call through the device-to-host copy of the choices
    mask: float = 0.0  # the grammar's bitmasks for the batch, and applying them
    update: float = 0.0  # grammar advance, forced runs, beam bookkeeping, retiring
    fed_tokens: int = 0  # real tokens fed to the decoder
    fed_positions: int = 0  # rows x run length computed (padding included)
    slots: int = 0  # slots decoded, summed over steps
    live_slots: int = 0  # of which decoding a live request (not idle, not a finished one's padding)
    drafted: int = 0  # draft tokens fed
    confirmed: int = 0  # of which the model's choice confirmed
    decisions: int = 0  # constrained choices made at a slot's deciding position
    masks: int = 0  # of which needed the grammar's mask (the others' greedy choice was allowed)

    @property
    def slot_fill(self) -> float:
        """Share of the decoded slots that served a live request."""
        return self.live_slots / max(self.slots, 1)


class ModelRunner:
    def __init__(
        self,
        model: Seq2SeqTransformer,
        grammar: ContractGrammar,
        max_slots: int,
        max_new_tokens: int,
        limits: Limits,
        device: torch.device,
    ) -> None:
        config = model.config
        if config.vocab_size < grammar.vocab_size:
            raise ValueError(
                f"model vocabulary {config.vocab_size} < tokenizer vocabulary {grammar.vocab_size}"
            )
        self.model = model
        self.grammar = grammar
        self.limits = limits
        self.device = device
        # On a CPU the step waits for its masks anyway: check each greedy choice first and mask
        # only the rows that need it. On a GPU the masks overlap the queued kernels instead.
        self.lazy_masks = device.type == "cpu"
        self.pad_id = config.pad_id
        self.bos_id = config.bos_id
        self.vocab_size = config.vocab_size
        run = 1 + limits.forced_per_step + limits.draft_tokens  # longest feed of one step
        positions_available = int(model.get_buffer("positions").shape[0])
        if max_new_tokens + run > positions_available:
            raise ValueError(
                f"max_new_tokens {max_new_tokens} leaves no room in {positions_available} positions"
            )
        self.cache = StaticKVCache(
            config,
            max_slots,
            max_new_tokens + run,
            config.max_source_len,
            device,
            model.embedding.weight.dtype,
        )
        self.rows: list[Sequence | None] = [None] * max_slots
        self.groups: dict[int, BeamGroup] = {}
        self.timings = StepTimings()
        self._tokens = np.zeros((max_slots, run), dtype=np.int64)
        copy = model.copy
        self.match_order = copy.match_order if copy is not None else 0
        self._canonical: list[int] = (
            copy.canonical.tolist() if copy is not None and self.match_order else list(range(self.vocab_size))
        )
        self._history = np.zeros((max_slots, run, self.match_order), dtype=np.int64)
        self._span_vocabulary = (
            SpanVocabulary(grammar.token_bytes, grammar.mask_words) if limits.grounded else None
        )
        self._run_offsets = np.arange(run, dtype=np.int64)
        pinned = device.type == "cuda"
        self._bitmask = torch.zeros((max_slots, grammar.mask_words), dtype=torch.int32, pin_memory=pinned)
        self._bitmask_host = self._bitmask.numpy()
        self._shifts = torch.arange(32, dtype=torch.int32, device=device)
        self._masked_width = min(self.vocab_size, grammar.mask_words * 32)

    # ---- one step ---------------------------------------------------------------------------

    @torch.inference_mode()
    def execute(self, output: SchedulerOutput) -> RunnerOutput:
        result = RunnerOutput()
        for request_id in output.released:
            self._forget(request_id)
        for source, target in output.moves:
            self._move(source, target)
        started = time.perf_counter()
        if output.admitted:
            self._admit(output.admitted, result)
        self.timings.admit += time.perf_counter() - started
        if output.num_slots:
            self._decode(output.num_slots, result)
        for finished in result.finished:
            self._forget(finished.request_id)
        return result

    def _forget(self, request_id: int) -> None:
        self.groups.pop(request_id, None)
        for slot, sequence in enumerate(self.rows):
            if sequence is not None and sequence.request_id == request_id:
                self.rows[slot] = None

    def _move(self, source: int, target: int) -> None:
        sequence = self.rows[source]
        assert self.rows[target] is None
        if sequence is None:  # a finished request's row kept by request-level batching: padding
            return
        self.cache.move(source, target, sequence.position)
        self.rows[target], self.rows[source] = sequence, None

    # ---- admission ----------------------------------------------------------------------------

    def _admit(self, admissions: list[Admission], result: RunnerOutput) -> None:
        # An empty document is encoded as a lone EOS: attention needs at least one valid key.
        sources = [admission.token_ids or [self.model.config.eos_id] for admission in admissions]
        for group in length_groups([len(source) for source in sources]):
            width = len(sources[group[0]])
            batch = np.full((len(group), width), self.pad_id, dtype=np.int64)
            for row, index in enumerate(group):
                batch[row, : len(sources[index])] = sources[index]
            state = self.model.encode_state(torch.from_numpy(batch).to(self.device))
            for row, index in enumerate(group):
                self.cache.write_source(admissions[index].slots, row, state, len(sources[index]))
        for admission in admissions:
            try:
                self._start(admission)
            except GrammarError as error:
                self._fail(admission.request_id, error, result)
                continue
            sequence = self.rows[admission.slots[0]]
            if sequence is not None and not sequence.active:
                result.finished.append(self._finish(sequence))

    def _start(self, admission: Admission) -> None:
        constraint = self.grammar.start() if self.limits.constrained else None
        greedy = len(admission.slots) == 1
        drafts = greedy and self.limits.draft_tokens > 0
        drafter = SourceDrafter(admission.token_ids, self._canonical) if drafts else None
        grounding = None
        if greedy and constraint is not None and self._span_vocabulary is not None:
            spans = DocumentSpans(self._span_vocabulary, admission.token_ids, self.grammar.token_bytes)
            grounding = SpanTracker(spans, self.grammar.token_bytes)
        first = Sequence.start(
            admission.request_id,
            constraint,
            self.bos_id,
            admission.max_new_tokens,
            self.limits,
            drafter,
            grounding,
        )
        if greedy or first.complete or first.out_of_budget:
            first.settle(self.limits)
            beams = [first]
        else:
            group = BeamGroup.start(first, len(admission.slots))
            self.groups[admission.request_id] = group
            beams = group.beams
        for slot, sequence in zip(admission.slots, beams, strict=False):
            self.rows[slot] = sequence
        for beam, slot in enumerate(admission.slots[len(beams) :], start=len(beams)):
            self.rows[slot] = Sequence.placeholder(admission.request_id, beam)

    # ---- decoding -----------------------------------------------------------------------------

    def _decode(self, count: int, result: RunnerOutput) -> None:
        # A slot without a sequence (a request that failed at admission) is decoded as idle.
        rows = [sequence or Sequence.placeholder(-1, 0) for sequence in self.rows[:count]]
        active = [index for index, sequence in enumerate(rows) if sequence.active]
        if not active:
            return
        timings = self.timings
        started = time.perf_counter()
        feeds: list[list[int]] = [[] for _ in rows]
        for index in active:
            feeds[index] = rows[index].pending + rows[index].draft(self.limits.draft_tokens)
        run = feed_length(
            [len(feeds[index]) for index in active],
            minimum=max(
                (len(rows[i].pending) for i in active if rows[i].request_id in self.groups), default=1
            ),
        )
        deciding = [index for index in active if len(rows[index].pending) <= run]
        partial = [index for index in active if len(rows[index].pending) > run]
        for index in active:
            feeds[index] = feeds[index][:run]
        drafts = {index: feeds[index][len(rows[index].pending) :] for index in deciding}
        tokens, positions, scored, used = self._feed(rows, feeds, deciding, run)
        history = self._feed_history(rows, feeds, run) if self.match_order else None
        timings.fed_tokens += sum(len(feeds[index]) for index in active)
        timings.fed_positions += tokens.numel()
        timings.slots += count
        timings.live_slots += len(active)
        timings.drafted += sum(len(draft) for draft in drafts.values())
        prepared = time.perf_counter()
        self_cache, state = self.cache.views(count, used)
        mask = step_mask(positions, used)
        # (n, m, V): each slot's last pending token, then its drafted tokens
        scores = self.model.decode_step(tokens, positions, self_cache, mask, state, scored, history)
        entropies = -(scores.exp() * scores).sum(-1)  # (n, m)
        columns = [0] * count
        if scores.shape[1] > 1:
            deciding = self._confirm_drafts(rows, drafts, scores, entropies, columns, result)
        picked = torch.tensor(columns, device=self.device)
        every = torch.arange(count, device=self.device)
        choice, entropy = scores[every, picked], entropies[every, picked]
        masked = time.perf_counter()
        if self.limits.constrained:
            pairs = [
                (constraint, index)
                for index in deciding
                if (constraint := rows[index].constraint) is not None
            ]
            timings.decisions += len(pairs)
            if self.lazy_masks:
                pairs = self._refusing(rows, pairs, choice)
            timings.masks += len(pairs)
            if pairs:
                self._bitmask_host[:count] = -1  # rows without a mask this step allow everything
                self.grammar.fill_masks(pairs, self._bitmask_host)
                self._ground(rows, pairs)
                self._apply_mask(choice, count)
        masking = time.perf_counter() - masked
        packed, beam_rows = self._select(choice, entropy, rows)
        host = packed.cpu().tolist()  # the step's one device-to-host copy
        chosen = time.perf_counter()
        for index in partial:
            rows[index].feed_part(run)
        self._advance(rows, deciding, host, beam_rows, result)
        timings.steps += 1
        timings.prepare += prepared - started
        timings.forward += chosen - prepared - masking
        timings.mask += masking
        timings.update += time.perf_counter() - chosen

    def _confirm_drafts(
        self,
        rows: list[Sequence],
        drafts: dict[int, list[int]],
        scores: Tensor,
        entropies: Tensor,
        columns: list[int],
        result: RunnerOutput,
    ) -> list[int]:
        """Keep each slot's drafted tokens while they equal the model's unmasked greedy choice
        and the grammar allows them: the constrained greedy choice is then that very token.
        Sets each slot's deciding column (the position after its last confirmed token) and
        returns the slots that still decide this step: not those whose confirmed tokens set
        off a forced run (fed next step) or ended the output."""
        best = scores.max(-1)
        # One copy for the greedy guesses, their log-probabilities and the entropies.
        guesses, chances, spreads = (
            torch.stack([best.indices.to(entropies.dtype), best.values.to(entropies.dtype), entropies])
            .cpu()
            .tolist()
        )
        deciding: list[int] = []
        for index, draft in drafts.items():
            sequence = rows[index]
            if not draft:
                deciding.append(index)
                continue
            sequence.feed_whole()
            column, decides = 0, True
            try:
                while column < len(draft) and int(guesses[index][column]) == draft[column]:
                    log_prob = chances[index][column]
                    if not sequence.confirm_draft(
                        draft[column], spreads[index][column], log_prob, self.limits
                    ):
                        break
                    column += 1
                    if sequence.pending or sequence.complete or sequence.out_of_budget or sequence.repeating:
                        decides = False
                        break
                self.timings.confirmed += column
                if not decides:
                    sequence.settle(self.limits)
            except GrammarError as error:
                self._fail(sequence.request_id, error, result)
                continue
            if decides:
                columns[index] = column
                deciding.append(index)
            elif not sequence.active:
                result.finished.append(self._finish(sequence))
        return deciding

    def _feed(
        self, rows: list[Sequence], feeds: list[list[int]], deciding: list[int], run: int
    ) -> tuple[Tensor, Tensor, Tensor, int]:
        """Tokens and positions (n, run) of every slot's feed; for each slot, the fed positions
        whose next-token distributions are wanted (n, m): its last pending token and each
        drafted token; and the cache length the step touches."""
        count = len(rows)
        tokens = self._tokens[:count, :run]
        tokens.fill(self.pad_id)
        base = np.zeros(count, dtype=np.int64)
        for index, sequence in enumerate(rows):
            if sequence.active:
                tokens[index, : len(feeds[index])] = feeds[index]
                base[index] = sequence.position
        width = 1 + max((len(feeds[index]) - len(rows[index].pending) for index in deciding), default=0)
        scored = np.zeros((count, width), dtype=np.int64)
        for index in deciding:
            last = len(feeds[index]) - 1
            scored[index] = np.minimum(len(rows[index].pending) - 1 + self._run_offsets[:width], last)
        positions = base[:, None] + self._run_offsets[None, :run]
        used = int(positions[:, -1].max()) + 1
        return (
            torch.from_numpy(tokens).to(self.device),
            torch.from_numpy(positions).to(self.device),
            torch.from_numpy(scored).to(self.device),
            used,
        )

    def _feed_history(self, rows: list[Sequence], feeds: list[list[int]], run: int) -> Tensor:
        """(n, run, k): for every fed token, itself and the k - 1 inputs before it (pad before
        the first), as the copy head's match features read them. A sequence's inputs are BOS
        followed by its tokens and then its draft; the feed starts at input `position`."""
        order = self.match_order
        history = self._history[: len(rows), :run]
        history.fill(self.pad_id)
        for index, sequence in enumerate(rows):
            if not sequence.active:
                continue
            stream = sequence.tokens + feeds[index][len(sequence.pending) :]
            for fed in range(len(feeds[index])):
                for back in range(order):
                    position = sequence.position + fed - back
                    if position >= 0:
                        history[index, fed, back] = stream[position - 1] if position else self.bos_id
        return torch.from_numpy(history).to(self.device)

    def _refusing(
        self, rows: list[Sequence], pairs: list[tuple[Constraint, int]], choice: Tensor
    ) -> list[tuple[Constraint, int]]:
        """The rows that need a mask: beams, and greedy rows whose unmasked choice the grammar
        or the document's text refuses. Elsewhere that choice is the constrained greedy choice
        already, and checking one token costs far less than a mask over the vocabulary."""
        guesses = choice.argmax(-1).tolist()
        refusing = []
        for constraint, index in pairs:
            sequence, token = rows[index], guesses[index]
            allowed = (
                sequence.request_id not in self.groups
                and constraint.allows(token)
                and (sequence.grounding is None or sequence.grounding.allows(sequence.tokens, token))
            )
            if not allowed:
                refusing.append((constraint, index))
        return refusing

    def _ground(self, rows: list[Sequence], pairs: list[tuple[Constraint, int]]) -> None:
        """AND each span-writing row's grammar mask with what keeps its span printed in the
        document; a row where nothing would be left keeps the grammar's mask alone."""
        for _, index in pairs:
            tracker = rows[index].grounding
            if tracker is None:
                continue
            words = tracker.mask(rows[index].tokens)
            both = self._bitmask_host[index] & words
            if both.any():
                self._bitmask_host[index] = both

    def _apply_mask(self, choice: Tensor, count: int) -> None:
        """Disallowed tokens -> -inf, for the whole batch at once."""
        words = self._bitmask[:count].to(self.device, non_blocking=True)
        allowed = ((words.unsqueeze(-1) >> self._shifts) & 1).view(count, -1)[:, : self._masked_width]
        choice[:, : self._masked_width].masked_fill_(allowed == 0, -math.inf)
        if self._masked_width < self.vocab_size:
            choice[:, self._masked_width :] = -math.inf

    def _select(
        self, choice: Tensor, entropy: Tensor, rows: list[Sequence]
    ) -> tuple[Tensor, dict[int, list[int]]]:
        """Greedy choice, its log-probability and the entropy per slot, plus each beam group's
        best 2 x width extensions, packed into one float tensor (token ids are exact in float32)."""
        best = choice.max(-1)
        parts = [best.indices.to(entropy.dtype), entropy, best.values.to(entropy.dtype)]
        beam_rows: dict[int, list[int]] = {}
        for index, sequence in enumerate(rows):
            if sequence.request_id in self.groups:
                beam_rows.setdefault(sequence.request_id, [-1] * self.groups[sequence.request_id].width)
                beam_rows[sequence.request_id][sequence.beam] = index
        for request_id, indices in beam_rows.items():
            group = self.groups[request_id]
            alive = indices[: len(group.beams)]
            scores = torch.tensor(
                [beam.score for beam in group.beams], dtype=choice.dtype, device=self.device
            )
            totals = (choice[alive] + scores[:, None]).view(-1)
            values, flat = totals.topk(min(2 * group.width, totals.numel()))
            parts.extend([values, flat.to(entropy.dtype)])
        return torch.cat(parts), beam_rows

    def _advance(
        self,
        rows: list[Sequence],
        deciding: list[int],
        host: list[float],
        beam_rows: dict[int, list[int]],
        result: RunnerOutput,
    ) -> None:
        count = len(rows)
        for index in deciding:
            sequence = rows[index]
            if sequence.request_id in self.groups:
                continue
            try:
                sequence.extend(
                    int(host[index]), host[count + index], 0.0, self.limits, host[2 * count + index]
                )
                sequence.settle(self.limits)
            except GrammarError as error:
                self._fail(sequence.request_id, error, result)
                continue
            if not sequence.active:
                result.finished.append(self._finish(sequence))
        offset = 3 * count
        targets: list[int] = []
        sources: list[int] = []
        used = 0
        for request_id, indices in beam_rows.items():
            group = self.groups[request_id]
            k = min(2 * group.width, len(group.beams) * self.vocab_size)  # as in _select
            values, flat = host[offset : offset + k], host[offset + k : offset + 2 * k]
            offset += 2 * k
            candidates = [
                Candidate(score, int(index) // self.vocab_size, int(index) % self.vocab_size)
                for score, index in zip(values, flat, strict=True)
            ]
            entropies = [host[count + indices[beam]] for beam in range(len(group.beams))]
            try:
                parents = group.advance(candidates, entropies, self.limits)
                winner = group.best(self.limits) if group.done else None
            except GrammarError as error:
                self._fail(request_id, error, result)
                continue
            if winner is not None:
                result.finished.append(self._finish(winner))
                continue
            for beam, (sequence, parent) in enumerate(zip(group.beams, parents, strict=True)):
                slot, source = indices[beam], indices[parent]
                self.rows[slot] = sequence
                if slot != source:
                    targets.append(slot)
                    sources.append(source)
                used = max(used, sequence.position)
            for beam in range(len(group.beams), group.width):
                self.rows[indices[beam]] = Sequence.placeholder(request_id, beam)
        if targets:
            self.cache.reorder_self(targets, sources, used)

    # ---- results ------------------------------------------------------------------------------

    def _finish(self, sequence: Sequence) -> FinishedSequence:
        assert sequence.finish_reason is not None
        if self.limits.constrained:
            text = self.grammar.text(sequence.tokens)
        else:
            text = b"".join(self.grammar.token_bytes[token] for token in sequence.tokens).decode(
                "utf-8", "replace"
            )
        return FinishedSequence(
            request_id=sequence.request_id,
            tokens=sequence.tokens,
            log_probs=sequence.log_probs,
            text=text,
            finish_reason=sequence.finish_reason,
            forced_tokens=sequence.forced,
            drafted_tokens=sequence.drafted,
            entropy_sum=sequence.entropy_sum,
            decided_tokens=sequence.decided,
        )

    def _fail(self, request_id: int, error: Exception, result: RunnerOutput) -> None:
        """This request alone fails; its slots stop being decoded and are released after the step."""
        log.error("request %d failed in the grammar: %s", request_id, error)
        result.finished.append(FinishedSequence(request_id=request_id, error=str(error)))
        self.groups.pop(request_id, None)
        for slot, sequence in enumerate(self.rows):
            if sequence is not None and sequence.request_id == request_id:
                self.rows[slot] = Sequence.placeholder(request_id, sequence.beam)


def length_groups(lengths: list[int], slack: float = 1.25) -> list[list[int]]:
    """Indices of newcomers grouped for batched encoding, longest first: a group grows while
    its padded size stays within `slack` times its real tokens, so one long document does not
    make a whole batch of short ones pay for its padding (encoding is the costliest part of
    admission)."""
    order = sorted(range(len(lengths)), key=lambda index: -lengths[index])
    groups: list[list[int]] = []
    real = 0
    for index in order:
        if groups and lengths[groups[-1][0]] * (len(groups[-1]) + 1) <= slack * (real + lengths[index]):
            groups[-1].append(index)
            real += lengths[index]
        else:
            groups.append([index])
            real = lengths[index]
    return groups


def feed_length(pending: list[int], minimum: int = 1, slack: float = 1.5) -> int:
    """How many pending tokens every slot feeds this step (the decoder call's T).

    The longest run that keeps padding bounded: rows x T may exceed the real tokens fed by at
    most `slack`. Alone, a sequence feeds its whole forced run; in a crowded batch one long
    run would make every other slot compute padding, so it is fed in parts over several
    steps instead (beam hypotheses always feed whole runs: `minimum`).
    """
    best = max(1, minimum)
    for length in sorted(set(pending)):
        if length > best and len(pending) * length <= slack * sum(min(p, length) for p in pending):
            best = length
    return best
