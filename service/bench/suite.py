"""The benchmark suite: every scenario on one model and one document set, then the ratios.

Lengths are pinned for fairness: the constrained engine decides how many tokens each
document gets (its own output), and every non-grammar baseline (the naive loop, the
unconstrained engine, CTranslate2) decodes exactly that many tokens for that document, EOS
ignored. Constrained figures include the grammar and the copy head; CTranslate2 has neither.
Decoder-call savings are split: jump-forward (grammar-forced runs, drafts off) against one
call per token, and jump-forward plus source drafts. One-at-a-time variants take turns
document by document, so load from elsewhere on the machine hits them alike; concurrent
scenarios run one after the other. CTranslate2 runs in every setting of
`ctranslate2_reference.settings` (float32 and int8, one instance or one-thread replicas); each
engine-vs-CTranslate2 ratio is taken against the best setting of the same round, and over
`repeats` rounds the median ratio is reported.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import torch

from service.bench.comparison import Comparison
from service.bench.labels import step_reduction
from service.bench.naive import naive_greedy_seconds
from service.bench.report import Row, engine_row, phase_breakdown, plain_row
from service.bench.scenarios import (
    Run,
    Traffic,
    all_at_once,
    poisson,
    poisson_arrivals,
    ready_engine,
    run_engine,
    timed,
    timings_of,
)
from service.bench.subject import Document, Subject
from service.engine.engine import Engine, EngineConfig
from service.engine.runner import StepTimings
from service.engine.types import DecodeParams, GenerationResult
from service.extraction.schema import output_schema
from service.grammar.constraint import ContractGrammar

if TYPE_CHECKING:
    from service.bench.ctranslate2_reference import CTranslate2Reference

SOLO = "engine b=1"
SOLO_NO_DRAFTS = "engine b=1 no drafts"
SOLO_NO_JUMP = "engine b=1 no jump-forward"
SOLO_FREE = "engine b=1 unconstrained"
SOLO_INT8 = "engine b=1 int8"
POISSON_LOAD = 1.2  # default Poisson rate, as a multiple of continuous batching's capacity (estimated)


@dataclass(slots=True)
class SuiteOptions:
    max_new_tokens: int
    solo_documents: int  # documents decoded one at a time
    naive_documents: int  # documents the naive loop decodes (it is slow)
    naive_budget: int  # output budget of those (its cost grows with the square of the length)
    concurrency: int  # slots and simultaneous requests
    poisson_requests: int
    poisson_rate: float | None  # None: POISSON_LOAD x continuous batching's estimated capacity
    threads: int
    int8: bool
    bf16: bool  # the engine (every variant but int8) in bfloat16
    ctranslate2: bool
    repeats: int  # rounds of the engine-vs-CTranslate2 comparisons (the median ratio counts)
    seed: int


@dataclass(slots=True)
class SuiteResult:
    rows: list[Row] = field(default_factory=list)
    ratios: dict[str, float] = field(default_factory=dict)
    phases: dict[str, dict[str, float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    comparisons: dict[str, Comparison] = field(default_factory=dict)  # ratio name -> its figures

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": [row.as_dict() for row in self.rows],
            "ratios": self.ratios,
            "ctranslate2_comparisons": {name: value.as_dict() for name, value in self.comparisons.items()},
            "phases_ms_per_step": self.phases,
            "notes": self.notes,
        }


@dataclass(slots=True)
class Turns:
    """Per-variant measurements of the one-at-a-time round."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    results: dict[str, list[GenerationResult]] = field(default_factory=dict)

    def add(self, name: str, latency: float, result: GenerationResult | None = None) -> None:
        """`result` is None for CTranslate2, which has no engine result."""
        self.latencies.setdefault(name, []).append(latency)
        if result is not None:
            self.results.setdefault(name, []).append(result)


class Suite:
    def __init__(
        self, subject: Subject, documents: list[Document], options: SuiteOptions, device: torch.device
    ):
        self.subject = subject
        self.options = options
        self.device = device
        self.result = SuiteResult()
        self.base = EngineConfig(
            max_slots=options.concurrency,
            max_waiting=max(64, options.poisson_requests),
            default_timeout_s=3600.0,  # a saturated Poisson run queues for minutes: every request counts
            max_new_tokens=options.max_new_tokens,
            bf16=options.bf16,
        )
        self.documents = documents
        self.solo = documents[: options.solo_documents]
        self.batch = [documents[i % len(documents)] for i in range(options.concurrency)]
        self.requests = [documents[i % len(documents)] for i in range(options.poisson_requests)]
        self.references: dict[str, CTranslate2Reference] = {}  # by setting label
        self.solo_timings = StepTimings()

    @property
    def rounds(self) -> int:
        """Rounds of the engine-vs-CTranslate2 comparisons (one without CTranslate2)."""
        return self.options.repeats if self.references else 1

    def budget(self, document: Document) -> DecodeParams:
        """Constrained decoding of a document: a random model gets its label's length."""
        limit = self.options.max_new_tokens
        if not self.subject.trained and document.label_ids is not None:
            limit = min(limit, len(document.label_ids))
        return DecodeParams(max_new_tokens=limit)

    def run(self) -> SuiteResult:
        with tempfile.TemporaryDirectory() as folder:
            if self.options.ctranslate2:
                self.references = self._references(Path(folder))
                self.result.notes.append(
                    "CTranslate2 runs the plain vocabulary path (no copy head, no grammar)"
                )
            self.one_at_a_time()
            self.naive()
            self.concurrent()
            self.labels()
        return self.result

    def _references(self, folder: Path) -> dict[str, CTranslate2Reference]:
        """Our weights converted once, loaded in every CTranslate2 setting worth trying here."""
        from service.bench.ctranslate2_reference import (
            CTranslate2Reference,
            convert,
            settings,
            supported_compute_types,
        )

        model_dir = convert(self.subject.model, folder / "ct2")
        device = self.device.type
        found = settings(self.options.threads, supported_compute_types(device), cpu=device == "cpu")
        return {setting.label: CTranslate2Reference(model_dir, device, setting) for setting in found}

    def _compare(self, name: str, comparison: Comparison) -> None:
        self.result.ratios[name] = comparison.median()
        self.result.comparisons[name] = comparison

    # ---- one request at a time ----------------------------------------------------------------

    def one_at_a_time(self) -> None:
        solo = replace(self.base, max_slots=1)
        variants = {
            SOLO: solo,
            SOLO_NO_DRAFTS: replace(solo, draft_tokens=0),
            SOLO_NO_JUMP: replace(solo, forced_per_step=0, draft_tokens=0),  # a decoder call per token
            # room for the closing tokens the constrained engine may add past its budget
            SOLO_FREE: replace(
                solo,
                constrained=False,
                draft_tokens=0,
                max_new_tokens=self.options.max_new_tokens + solo.closing_token_budget,
            ),
        }
        if self.options.int8 and self.device.type == "cpu":
            variants[SOLO_INT8] = replace(solo, int8=True, bf16=False)
        rounds, timings = asyncio.run(self._take_turns(variants))
        turns = rounds[0]
        for name in variants:
            run = Run(
                name, sum(turns.latencies[name]), turns.latencies[name], turns.results[name], timings[name]
            )
            self._record(run, "fixed lengths" if name == SOLO_FREE else "")
        lengths = [result.output_tokens for result in turns.results[SOLO]]
        self.solo_timings = timings[SOLO]
        ratios = self.result.ratios
        if self.references:
            self._ctranslate2_solo(rounds, sum(lengths))
        steps = {name: _mean_steps(results) for name, results in turns.results.items()}
        seconds = {name: sum(latencies) for name, latencies in turns.latencies.items()}
        ratios["jump_forward_step_reduction_b1"] = 1 - steps[SOLO_NO_DRAFTS] / steps[SOLO_NO_JUMP]
        ratios["decoder_call_reduction_b1"] = 1 - steps[SOLO] / steps[SOLO_NO_JUMP]
        ratios["jump_forward_time_saving_b1"] = 1 - seconds[SOLO_NO_DRAFTS] / seconds[SOLO_NO_JUMP]
        ratios["draft_time_saving_b1"] = 1 - seconds[SOLO] / seconds[SOLO_NO_DRAFTS]
        ratios["constraint_overhead_per_step_b1"] = (
            _per_step(timings[SOLO_NO_JUMP]) / _per_step(timings[SOLO_FREE]) - 1
        )

    def _ctranslate2_solo(self, rounds: list[Turns], tokens: int) -> None:
        """A row per CTranslate2 setting from the first round; per round, the engine's mean
        latency (constrained, and unconstrained at the same lengths) against the fastest setting's."""
        names = [_solo_name(label) for label in self.references]
        for name in names:
            latencies = rounds[0].latencies[name]
            self.result.rows.append(plain_row(name, latencies, tokens, sum(latencies), "fixed lengths"))
        for ratio, engine in (
            ("ct2_b1_over_engine_b1_latency", SOLO),
            ("ct2_b1_over_engine_b1_unconstrained_latency", SOLO_FREE),
        ):
            comparison = Comparison("mean latency per document, s", higher_is_better=False)
            for turns in rounds:
                means = {name: statistics.fmean(turns.latencies[name]) for name in names}
                comparison.add_round(statistics.fmean(turns.latencies[engine]), means)
            self._compare(ratio, comparison)

    async def _take_turns(
        self, variants: dict[str, EngineConfig]
    ) -> tuple[list[Turns], dict[str, StepTimings]]:
        """Rounds of turns: the first has every variant; later ones (`repeats`) only those the
        CTranslate2 ratios compare. Phase timings are the first round's."""
        engines = {
            name: await ready_engine(self.subject, config, self.device) for name, config in variants.items()
        }
        # A pilot pass fixes each document's length for the fixed-length variants.
        lengths = [(await engines[SOLO].submit(d.token_ids, self.budget(d))).output_tokens for d in self.solo]
        for engine in engines.values():
            assert engine.runner is not None
            engine.runner.timings = StepTimings()
        references = {_solo_name(label): reference for label, reference in self.references.items()}
        rounds = [await self._round(engines, references, lengths, [*engines, *references])]
        timings = {name: replace(timings_of(engine)) for name, engine in engines.items()}
        for _ in range(1, self.rounds):
            rounds.append(await self._round(engines, references, lengths, [SOLO, SOLO_FREE, *references]))
        for engine in engines.values():
            await engine.drain(timeout_s=60)
        return rounds, timings

    async def _round(
        self,
        engines: dict[str, Engine],
        references: dict[str, CTranslate2Reference],
        lengths: list[int],
        names: list[str],
    ) -> Turns:
        """Every named variant decodes every document, the order rotating per document, because
        whoever runs right after CTranslate2 (its own copy of the weights) finds the CPU caches cold."""
        turns = Turns()
        for index, (document, length) in enumerate(zip(self.solo, lengths, strict=True)):
            source, fixed = document.token_ids, DecodeParams(max_new_tokens=length)
            for name in names[index % len(names) :] + names[: index % len(names)]:
                if name in references:
                    turns.add(name, references[name].decode_seconds([source], [length], 1)[0])
                else:
                    params = fixed if name == SOLO_FREE else self.budget(document)
                    turns.add(name, *await timed(engines[name], source, params))
            print(f"  document {index + 1}/{len(self.solo)} one at a time", file=sys.stderr, flush=True)
        return turns

    # ---- jump-forward on the true labels ---------------------------------------------------------

    def labels(self) -> None:
        labels = [document.label_ids for document in self.documents if document.label_ids is not None]
        if not labels:
            return
        grammar = ContractGrammar(self.subject.tokenizer, output_schema(self.subject.model.config.target))
        reduction, followed = step_reduction(grammar, labels, self.base.forced_per_step)
        self.result.ratios["jump_forward_step_reduction_true_labels"] = reduction
        self.result.notes.append(f"true-label jump-forward figure over {followed} of {len(labels)} labels")

    # ---- the naive loop ---------------------------------------------------------------------------

    def naive(self) -> None:
        """The naive loop against the engine on the same documents and output lengths (the
        engine decodes first under the smaller budget; the naive loop then matches its length)."""
        documents = self.solo[: self.options.naive_documents]
        if not documents:
            return
        budget = DecodeParams(max_new_tokens=self.options.naive_budget)

        async def turns() -> tuple[list[float], list[int]]:
            engine = await ready_engine(self.subject, replace(self.base, max_slots=1), self.device)
            latencies, lengths = [], []
            for document in documents:
                latency, result = await timed(engine, document.token_ids, budget)
                latencies.append(latency)
                lengths.append(result.output_tokens)
            await engine.drain(timeout_s=60)
            return latencies, lengths

        engine, lengths = asyncio.run(turns())
        naive = [
            naive_greedy_seconds(self.subject.model, document.token_ids, length, self.device)
            for document, length in zip(documents, lengths, strict=True)
        ]
        note = f"budget {self.options.naive_budget}"
        self.result.rows.append(
            plain_row("engine b=1 (naive's documents)", engine, sum(lengths), sum(engine), note)
        )
        self.result.rows.append(
            plain_row("naive loop b=1", naive, sum(lengths), sum(naive), "full model per step")
        )
        self.result.ratios["engine_over_naive_speed_per_doc_b1"] = statistics.fmean(naive) / statistics.fmean(
            engine
        )

    # ---- concurrent traffic ---------------------------------------------------------------------

    def concurrent(self) -> None:
        base, batch, width, ratios = self.base, self.batch, self.options.concurrency, self.result.ratios
        sources = [document.token_ids for document in batch]
        constrained = [self.budget(document) for document in batch]
        engine_c = self._engine(f"engine {width} concurrent", base, all_at_once(sources, constrained))
        lengths = [result.output_tokens for result in engine_c.results]
        nodraft_c = self._engine(
            f"engine {width} conc. no drafts",
            replace(base, draft_tokens=0),
            all_at_once(sources, constrained),
        )
        nojf_c = self._engine(
            f"engine {width} conc. no jump-fwd",
            replace(base, forced_per_step=0, draft_tokens=0),
            all_at_once(sources, constrained),
        )
        free_c = self._engine(
            f"engine {width} conc. unconstrained",
            replace(base, constrained=False, draft_tokens=0, max_new_tokens=max(lengths)),
            all_at_once(sources, [DecodeParams(max_new_tokens=n) for n in lengths]),
            "fixed lengths",
        )
        if self.options.int8 and self.device.type == "cpu":
            self._engine(
                f"engine {width} concurrent int8",
                replace(base, int8=True, bf16=False),
                all_at_once(sources, constrained),
            )
        ratios["jump_forward_step_reduction_concurrent"] = 1 - _mean_steps(nodraft_c.results) / _mean_steps(
            nojf_c.results
        )
        ratios["decoder_call_reduction_concurrent"] = 1 - _mean_steps(engine_c.results) / _mean_steps(
            nojf_c.results
        )
        ratios["jump_forward_time_saving_concurrent"] = 1 - nodraft_c.wall_seconds / nojf_c.wall_seconds
        ratios["draft_throughput_gain_concurrent"] = _throughput(engine_c) / _throughput(nodraft_c)
        ratios["constraint_overhead_per_step_concurrent"] = (
            _per_step(nojf_c.timings) / _per_step(free_c.timings) - 1
        )
        ratios["grammar_share_of_step_b1"] = _grammar_share(self.solo_timings)
        ratios["grammar_share_of_step_concurrent"] = _grammar_share(engine_c.timings)

        # above what continuous batching sustains with every slot busy (its slots over a request's
        # mean time in the full batch above): both policies run at their capacity, so throughput
        # shows what each can serve and latency what its queueing costs
        rate = self.options.poisson_rate or POISSON_LOAD * width / statistics.fmean(engine_c.latencies)
        arrivals = poisson_arrivals(len(self.requests), rate, self.options.seed)
        shape = poisson(
            [document.token_ids for document in self.requests],
            [self.budget(document) for document in self.requests],
            arrivals,
        )
        note = f"{rate:.2f} req/s"
        continuous = self._engine("poisson continuous batching", base, shape, note)
        static = self._engine(
            "poisson request-level batching", replace(base, request_level_batching=True), shape, note
        )
        ratios["continuous_over_request_level_throughput"] = _throughput(continuous) / _throughput(static)
        ratios["continuous_p99_s"] = engine_row(continuous).latency_p99_s
        ratios["request_level_p99_s"] = engine_row(static).latency_p99_s
        # A decode step's cost follows the slots it decodes, continuous batching leaves none idle,
        # and encoding newcomers is work no scheduler removes. So none outruns request-level
        # batching by more than its time with every decoded slot made live.
        wall, encoding = static.wall_seconds, static.timings.admit
        ratios["continuous_over_request_level_ceiling"] = wall / (
            encoding + (wall - encoding) * static.timings.slot_fill
        )
        if self.references:
            self._ctranslate2_batches(lengths, engine_c, all_at_once(sources, constrained))

    def _ctranslate2_batches(self, lengths: list[int], engine_c: Run, traffic: Traffic) -> None:
        """CTranslate2 on the concurrent scenario's documents, batched, in every setting; the
        engine's throughput against the best setting and batch size of each round (later rounds
        rerun the engine on `traffic`). CTranslate2 cannot stop each document at its own length,
        so every batch decodes to its longest member: its tokens/s counts that padding as
        output, while documents/s compares the work a client needs done."""
        # CTranslate2's best practice: batches of similar length (it pads each batch to its longest)
        order = sorted(range(len(lengths)), key=lengths.__getitem__)
        sources = [self.batch[index].token_ids for index in order]
        ordered = [lengths[index] for index in order]
        documents = Comparison("documents/s", higher_is_better=True)
        tokens = Comparison("tokens/s (CTranslate2's padding included)", higher_is_better=True)
        for index in range(self.rounds):
            run = (
                engine_c
                if index == 0
                else run_engine(engine_c.name, self.subject, self.base, self.device, traffic)
            )
            rows = [
                _ctranslate2_batch(label, reference, size, sources, ordered)
                for label, reference in self.references.items()
                for size in reference.setting.batch_sizes(self.options.concurrency)
            ]
            if index == 0:
                self.result.rows.extend(rows)
            engine = engine_row(run)
            documents.add_round(engine.docs_per_s, {row.name: row.docs_per_s for row in rows})
            tokens.add_round(engine.tokens_per_s, {row.name: row.tokens_per_s for row in rows})
            print(f"  ctranslate2 batches, round {index + 1}/{self.rounds}", file=sys.stderr, flush=True)
        self._compare("engine_concurrent_over_best_ct2_docs_per_s", documents)
        self._compare("engine_concurrent_over_best_ct2_tokens_per_s", tokens)

    def _engine(self, name: str, config: EngineConfig, traffic: Traffic, note: str = "") -> Run:
        run = run_engine(name, self.subject, config, self.device, traffic)
        self._record(run, note)
        print(f"  {name}: {run.wall_seconds:.1f}s", file=sys.stderr, flush=True)
        return run

    def _record(self, run: Run, note: str) -> None:
        self.result.rows.append(engine_row(run, note))
        self.result.phases[run.name] = phase_breakdown(run)


def _solo_name(label: str) -> str:
    return f"ctranslate2 b=1 {label}"


def _ctranslate2_batch(
    label: str, reference: CTranslate2Reference, size: int, sources: list[list[int]], lengths: list[int]
) -> Row:
    seconds, produced = reference.decode_seconds(sources, lengths, size)
    return plain_row(
        f"ctranslate2 b={size} {label}", [seconds] * len(sources), produced, seconds, "length-sorted batches"
    )


def _mean_steps(results: list[GenerationResult]) -> float:
    return statistics.fmean(result.steps for result in results)


def _per_step(timings: StepTimings) -> float:
    return (timings.prepare + timings.forward + timings.mask + timings.update) / max(timings.steps, 1)


def _grammar_share(timings: StepTimings) -> float:
    """Masks, their application and grammar advances as a share of the step (an upper bound:
    the update phase also holds the little bookkeeping an unconstrained step does)."""
    return (timings.mask + timings.update) / max(_per_step(timings) * timings.steps, 1e-12)


def _throughput(run: Run) -> float:
    return run.output_tokens / run.wall_seconds
