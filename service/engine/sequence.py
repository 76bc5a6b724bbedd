"""One decoding hypothesis in one KV-cache slot: its output, grammar state and feed.

`pending` holds the tokens the next decoder call feeds, starting at cache position
`position`: the last model-chosen token followed by the grammar's forced continuation (the
jump-forward run), so forced tokens cost no decoder call of their own. A greedy sequence may
also feed a draft read from its source after the pending run (see `drafting.py`): drafted
tokens the model confirms join the output without a decoder call of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from service.engine.drafting import SourceDrafter
from service.engine.grounding import SpanTracker
from service.engine.repetition import loops
from service.engine.types import FinishReason
from service.grammar.constraint import Constraint


@dataclass(slots=True)
class Limits:
    """Per-step and per-request bounds shared by every sequence of a runner."""

    forced_per_step: int  # forced tokens fed in one decoder call at most (cache headroom)
    draft_tokens: int  # source-drafted tokens fed after the pending run at most (0: no drafts)
    closing_budget: int  # extra tokens allowed to close the JSON at the length limit
    constrained: bool = True  # False only for benchmark baselines: no grammar, fixed length
    grounded: bool = False  # spans of an extraction only with the document's text (greedy decoding)


@dataclass(slots=True)
class Sequence:
    request_id: int
    constraint: Constraint | None  # None when decoding unconstrained (benchmark baseline)
    max_new_tokens: int
    pending: list[int]
    tokens: list[int] = field(default_factory=list)
    # Per output token, the model's log-probability of it; 0.0 for tokens the grammar forced.
    log_probs: list[float] = field(default_factory=list)
    position: int = 0
    forced: int = 0
    drafted: int = 0  # model-decided tokens confirmed from a source draft (no decoder call of their own)
    entropy_sum: float = 0.0
    decided: int = 0
    score: float = 0.0  # beam search: summed log-probability of the model-decided tokens
    beam: int = 0  # index within its beam group (0 for greedy)
    finish_reason: FinishReason | None = None
    idle: bool = False  # a placeholder: holds its slot, is not decoded
    drafter: SourceDrafter | None = None  # greedy sequences with drafting on
    grounding: SpanTracker | None = None  # extraction models: spans only with the document's text

    @classmethod
    def placeholder(cls, request_id: int, beam: int) -> Sequence:
        """Keeps a slot packed without decoding it: a beam request's spare slot (fewer live
        hypotheses than slots), or the slots of a request that failed during this step."""
        return cls(request_id, None, 0, pending=[], beam=beam, idle=True)

    @classmethod
    def start(
        cls,
        request_id: int,
        constraint: Constraint | None,
        bos_id: int,
        max_new_tokens: int,
        limits: Limits,
        drafter: SourceDrafter | None = None,
        grounding: SpanTracker | None = None,
    ) -> Sequence:
        sequence = cls(
            request_id, constraint, max_new_tokens, pending=[bos_id], drafter=drafter, grounding=grounding
        )
        sequence._take_forced(limits)
        return sequence

    @property
    def active(self) -> bool:
        return self.finish_reason is None and not self.idle

    def _take_forced(self, limits: Limits) -> None:
        if self.constraint is None or not limits.forced_per_step:
            return
        forced = self.constraint.forced(limits.forced_per_step)
        self.tokens.extend(forced)
        self.log_probs.extend([0.0] * len(forced))
        self.pending.extend(forced)
        self.forced += len(forced)

    def extend(self, token: int, entropy: float, score: float, limits: Limits, log_prob: float) -> None:
        """Append a model-chosen token after the pending feed went through the decoder."""
        if self.constraint is not None:
            self.constraint.accept(token)
        self.position += len(self.pending)
        self.pending = [token]
        self.tokens.append(token)
        self.log_probs.append(log_prob)
        self.decided += 1
        self.entropy_sum += entropy
        self.score = score
        self._take_forced(limits)

    def draft(self, limit: int) -> list[int]:
        """Source tokens to feed after the pending run, kept within the token budget."""
        if self.drafter is None:
            return []
        room = self.max_new_tokens - len(self.tokens) - 1  # the step's own decision comes after
        return self.drafter.propose(self.tokens, min(limit, room))

    def feed_whole(self) -> None:
        """The whole pending run went through the decoder; drafted tokens are checked next."""
        self.position += len(self.pending)
        self.pending = []

    def confirm_draft(self, token: int, entropy: float, log_prob: float, limits: Limits) -> bool:
        """A drafted token that the model's greedy choice matched (it was fed this step right
        after the previous output token). Appended if the grammar allows it; False otherwise,
        and nothing changes: the model's constrained choice decides that position instead."""
        if self.grounding is not None and not self.grounding.allows(self.tokens, token):
            return False
        if self.constraint is not None and not self.constraint.try_accept(token):
            return False
        self.position += 1
        self.tokens.append(token)
        self.log_probs.append(log_prob)
        self.decided += 1
        self.drafted += 1
        self.entropy_sum += entropy
        self._take_forced(limits)
        return True

    def feed_part(self, count: int) -> None:
        """The first `count` pending tokens went through the decoder; the rest of a long forced
        run waits for the next step (no decision this step)."""
        self.position += count
        self.pending = self.pending[count:]

    @property
    def complete(self) -> bool:
        """The grammar accepts nothing more: the JSON is done."""
        return self.constraint is not None and self.constraint.finished

    @property
    def out_of_budget(self) -> bool:
        return len(self.tokens) >= self.max_new_tokens

    @property
    def repeating(self) -> bool:
        """The output ends in a loop (only a constrained decode can be closed)."""
        return self.constraint is not None and loops(self.tokens)

    def settle(self, limits: Limits) -> None:
        """Finish if the JSON is complete; close it if the token budget ran out or it loops."""
        if self.complete:
            self.finish_reason = FinishReason.EOS
        elif self.out_of_budget:
            self.close(limits)
        elif self.repeating:
            self.close(limits, FinishReason.REPETITION)

    def close(self, limits: Limits, reason: FinishReason = FinishReason.LENGTH) -> None:
        """Stop here: the grammar completes the JSON with a short valid ending."""
        if self.constraint is not None:
            closing = self.constraint.close(limits.closing_budget)
            self.tokens.extend(closing)
            self.log_probs.extend([0.0] * len(closing))
            self.forced += len(closing)
        self.finish_reason = reason

    def fork(self) -> Sequence:
        """A copy with its own grammar state (a beam branching off)."""
        return Sequence(
            self.request_id,
            None if self.constraint is None else self.constraint.fork(),
            self.max_new_tokens,
            list(self.pending),
            list(self.tokens),
            list(self.log_probs),
            position=self.position,
            forced=self.forced,
            entropy_sum=self.entropy_sum,
            decided=self.decided,
            score=self.score,
            beam=self.beam,
            finish_reason=self.finish_reason,
        )

    def normalised_score(self) -> float:
        """Beam ranking: mean log-probability per model-decided token (length-normalised)."""
        return self.score / max(self.decided, 1)
