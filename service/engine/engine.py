"""The engine: admission with deadlines, and the step loop that drives scheduler and runner.

Everything here runs on the event loop except `ModelRunner.execute`, which runs on one
dedicated thread (torch releases the GIL), so HTTP handling stays responsive while the model
computes. Only the loop task touches the scheduler; callers mark their own request aborted
and the next `schedule()` releases it, so cancellation needs no locks and frees the slot
within one step. A runner exception is a crash: everything in flight fails with
`EngineUnavailable`, `healthy` turns False, and the traceback is logged.
"""

from __future__ import annotations

import asyncio
import copy
import itertools
import logging
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import torch

from service.engine.errors import (
    DeadlineExceeded,
    EngineUnavailable,
    GenerationFailed,
    InputTooLong,
    Overloaded,
)
from service.engine.observer import EngineObserver, NullObserver
from service.engine.request import Request, RequestStatus
from service.engine.runner import ModelRunner
from service.engine.scheduler import Scheduler
from service.engine.sequence import Limits
from service.engine.step import FinishedSequence
from service.engine.types import DecodeParams, Decoding, GenerationResult
from service.extraction.schema import output_schema
from service.grammar.constraint import ContractGrammar
from service.grammar.vocabulary import TokenVocabulary
from service.model.transformer import Seq2SeqTransformer

log = logging.getLogger(__name__)

RESTART_RETRY_S = 30.0  # Retry-After when the engine is down (crashed or not started)
DRAIN_RETRY_S = 5.0  # Retry-After while this instance drains (another one should take over)
WARMUP_TEXT = "BILL OF LADING B/L No.: WARMUP0001 Date of issue: 14.03.2026 Port of Loading: HAMBURG"


@dataclass(slots=True)
class EngineConfig:
    max_slots: int = 16  # concurrent sequences in decode (KV-cache slots)
    max_waiting: int = 64  # bounded waiting queue
    max_new_tokens: int = 1024  # default and upper bound per request
    prefill_token_budget: int = 8192  # source tokens admitted (encoded) per step
    default_timeout_s: float = 120.0
    forced_per_step: int = 32  # grammar-forced tokens fed in one decoder call (0: no jump-forward)
    draft_tokens: int = 4  # greedy: source-drafted tokens checked per decoder call (0: no drafts)
    closing_token_budget: int = 512  # extra tokens the grammar may add to close JSON at the limit
    int8: bool = False  # CPU only: dynamic int8 quantisation of the Linear layers
    bf16: bool = False  # weights, activations and KV cache in bfloat16 (log-probabilities stay float32)
    constrained: bool = True  # False only for benchmark baselines (no grammar, fixed length)
    grounded: bool = True  # extraction models: spans written only with the document's text
    request_level_batching: bool = False  # True only for the benchmark baseline (no joining mid-batch)


def resolve_device(device: str | torch.device) -> torch.device:
    if str(device) == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(device)


class Engine:
    def __init__(
        self,
        model: Seq2SeqTransformer,
        tokenizer: TokenVocabulary,
        config: EngineConfig,
        observer: EngineObserver | None = None,
        device: str | torch.device = "cpu",
    ) -> None:
        self.device = resolve_device(device)
        self.config = config
        self.tokenizer = tokenizer
        self.observer: EngineObserver = observer or NullObserver()
        self.num_parameters = model.num_parameters()
        self.model = self._prepare(model)
        self.max_input_tokens = model.config.max_source_len
        self.max_new_tokens = self._output_limit(model, config)
        self.model_version: str | None = None
        self.runner: ModelRunner | None = None
        self._scheduler = Scheduler(
            config.max_slots, config.max_waiting, config.prefill_token_budget, config.request_level_batching
        )
        self._futures: dict[int, asyncio.Future[GenerationResult]] = {}
        self._ids = itertools.count()
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="engine-step")
        self._task: asyncio.Task[None] | None = None
        self._wakeup = asyncio.Event()
        self._idle = asyncio.Event()
        self._draining = False
        self._stopping = False
        self._crashed = False
        self._seconds_per_request = 1.0  # moving average, for Retry-After

    @staticmethod
    def _output_limit(model: Seq2SeqTransformer, config: EngineConfig) -> int:
        """The configured limit, lowered to what the model was built for: its target length,
        and the position table minus one forced run of headroom."""
        positions = int(model.get_buffer("positions").shape[0])
        limit = min(
            config.max_new_tokens,
            model.config.max_target_len,
            positions - 1 - config.forced_per_step - config.draft_tokens,
        )
        if limit < config.max_new_tokens:
            log.info("max_new_tokens lowered from %d to %d for this model", config.max_new_tokens, limit)
        return limit

    def _prepare(self, model: Seq2SeqTransformer) -> Seq2SeqTransformer:
        model = model.to(self.device).eval()
        if self.config.bf16:
            if self.config.int8:
                raise ValueError("choose int8 or bf16, not both")
            # a copy: the caller's model (an evaluation's, a trainer's) keeps its precision
            return copy.deepcopy(model).to(torch.bfloat16)
        if self.config.int8:
            if self.device.type != "cpu":
                raise ValueError("int8 dynamic quantisation runs on CPU only")
            with warnings.catch_warnings():  # eager quantisation is deprecated upstream, still works
                warnings.simplefilter("ignore")
                model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
        return model

    @classmethod
    def from_model_dir(
        cls,
        path: Path | str,
        config: EngineConfig,
        observer: EngineObserver | None = None,
        device: str | torch.device = "auto",
    ) -> Engine:
        from service.checkpoint import load_model
        from service.tokenizer import Tokenizer

        resolved = resolve_device(device)
        loaded = load_model(Path(path), resolved)
        engine = cls(loaded.model, Tokenizer.from_file(loaded.tokenizer_path), config, observer, resolved)
        engine.model_version = loaded.version
        return engine

    # ---- state ------------------------------------------------------------------------------

    @property
    def healthy(self) -> bool:
        return self._task is not None and not self._task.done() and not self._crashed

    @property
    def accepting(self) -> bool:
        return self.healthy and not self._draining

    @property
    def waiting(self) -> int:
        return len(self._scheduler.waiting)

    @property
    def running(self) -> int:
        return len(self._scheduler.running)

    # ---- lifecycle --------------------------------------------------------------------------

    async def start(self) -> None:
        """Compile the grammar (once), allocate the caches, start the step loop."""
        if self._task is not None:
            raise RuntimeError("engine already started")
        self.runner = await asyncio.get_running_loop().run_in_executor(self._thread, self._build_runner)
        self._task = asyncio.create_task(self._loop(), name="engine-step-loop")

    def _build_runner(self) -> ModelRunner:
        grammar = ContractGrammar(self.tokenizer, output_schema(self.model.config.target))
        config = self.config
        grounded = config.grounded and config.constrained and self.model.config.target == "extraction"
        limits = Limits(
            config.forced_per_step,
            config.draft_tokens,
            config.closing_token_budget,
            config.constrained,
            grounded,
        )
        return ModelRunner(
            self.model, grammar, self.config.max_slots, self.max_new_tokens, limits, self.device
        )

    async def warmup(self) -> None:
        """Decode one short document end to end (first-call costs are paid before traffic)."""
        await self.submit(self.tokenizer.encode(WARMUP_TEXT), DecodeParams(max_new_tokens=64))

    async def drain(self, timeout_s: float) -> None:
        """Refuse new work, let queued and running requests finish for up to `timeout_s`, then
        fail what is left with EngineUnavailable and stop the loop."""
        self._draining = True
        if self._task is None:
            return
        if self._scheduler.waiting or self._scheduler.running:
            self._idle.clear()
            self._wakeup.set()
            try:
                await asyncio.wait_for(self._idle.wait(), timeout_s)
            except TimeoutError:
                log.warning("drain timed out with %d waiting, %d running", self.waiting, self.running)
        self._stopping = True
        self._wakeup.set()
        await self._task
        self._fail_everything(EngineUnavailable("engine stopped before this request finished", DRAIN_RETRY_S))
        self._thread.shutdown(wait=False)

    # ---- admission --------------------------------------------------------------------------

    async def submit(self, token_ids: list[int], params: DecodeParams) -> GenerationResult:
        if not self.accepting:
            raise self._unavailable()
        if len(token_ids) > self.max_input_tokens:
            raise InputTooLong(len(token_ids), self.max_input_tokens)
        width = params.beam_width if params.decoding is Decoding.BEAM else 1
        if not 1 <= width <= self.config.max_slots:
            raise ValueError(f"beam_width must be between 1 and {self.config.max_slots}")
        limit = self.max_new_tokens
        max_new = max(1, min(limit if params.max_new_tokens is None else params.max_new_tokens, limit))
        timeout = params.timeout_s if params.timeout_s is not None else self.config.default_timeout_s
        now = time.monotonic()
        request = Request(next(self._ids), list(token_ids), max_new, width, now, now + timeout)
        if not self._scheduler.add(request):
            raise Overloaded(self._retry_after())
        future: asyncio.Future[GenerationResult] = asyncio.get_running_loop().create_future()
        self._futures[request.request_id] = future
        self._wakeup.set()
        self.observer.on_queue(self.waiting, self.running)
        try:
            return await asyncio.wait_for(future, max(0.0, request.deadline - time.monotonic()))
        except TimeoutError:
            request.abort_requested = True
            raise DeadlineExceeded(f"no result within {timeout:.1f}s") from None
        except asyncio.CancelledError:
            request.abort_requested = True  # the caller went away: free the slot next step
            self._wakeup.set()
            raise
        finally:
            self._futures.pop(request.request_id, None)

    def _retry_after(self) -> float:
        queued_rounds = self.waiting / max(1, self.config.max_slots) + 1.0
        return round(max(1.0, self._seconds_per_request * queued_rounds), 1)

    def _unavailable(self) -> EngineUnavailable:
        if self._draining:
            return EngineUnavailable("engine is draining", DRAIN_RETRY_S)
        if self._crashed:
            return EngineUnavailable("engine crashed", RESTART_RETRY_S)
        return EngineUnavailable("engine not started", RESTART_RETRY_S)

    # ---- the step loop ----------------------------------------------------------------------

    async def _loop(self) -> None:
        loop = asyncio.get_running_loop()
        runner = self.runner
        assert runner is not None
        scheduler = self._scheduler
        try:
            while not self._stopping:
                if not scheduler.waiting and not scheduler.running:
                    self._idle.set()
                    self._wakeup.clear()
                    await self._wakeup.wait()
                    continue
                output = scheduler.schedule(time.monotonic())
                self._resolve_dropped(output.dropped)
                if not output.has_work and not output.released:
                    continue
                started = time.perf_counter()
                result = await loop.run_in_executor(self._thread, runner.execute, output)
                self.observer.on_step(time.perf_counter() - started, output.num_slots)
                now = time.monotonic()
                for admission in output.admitted:
                    admitted = scheduler.running.get(admission.request_id)
                    if admitted is not None and admitted.admitted_at is not None:
                        self.observer.on_admitted(admitted.admitted_at - admitted.arrival)
                report = scheduler.update(result, now)
                for request in report.first_tokens:
                    self.observer.on_first_token(now - request.arrival)
                for request, sequence in report.retired:
                    self._deliver(request, sequence)
                self.observer.on_queue(self.waiting, self.running)
        except Exception:
            log.exception("engine runner crashed; failing every request in flight")
            self._crashed = True
            self._fail_everything(EngineUnavailable("engine crashed", RESTART_RETRY_S))
        finally:
            self._idle.set()

    def _resolve_dropped(self, dropped: list[Request]) -> None:
        for request in dropped:
            future = self._futures.pop(request.request_id, None)
            if future is None or future.done():
                continue
            if request.status is RequestStatus.EXPIRED:
                future.set_exception(DeadlineExceeded("deadline passed before the result was ready"))
            else:
                future.cancel()

    def _deliver(self, request: Request, sequence: FinishedSequence) -> None:
        future = self._futures.pop(request.request_id, None)
        if sequence.error is not None:
            if future is not None and not future.done():
                future.set_exception(GenerationFailed(sequence.error))
            return
        result = self._result(request, sequence)
        self._seconds_per_request += 0.1 * (result.decode_seconds - self._seconds_per_request)
        self.observer.on_finish(result)
        if future is not None and not future.done():
            future.set_result(result)

    def _result(self, request: Request, sequence: FinishedSequence) -> GenerationResult:
        assert self.runner is not None
        assert request.admitted_at is not None and request.finished_at is not None
        first_token = request.first_token_at if request.first_token_at is not None else request.finished_at
        return GenerationResult(
            text=sequence.text,
            finish_reason=sequence.finish_reason,
            input_tokens=len(request.token_ids),
            output_tokens=len(sequence.tokens),
            forced_tokens=sequence.forced_tokens,
            drafted_tokens=sequence.drafted_tokens,
            queue_seconds=request.admitted_at - request.arrival,
            ttft_seconds=first_token - request.arrival,
            decode_seconds=request.finished_at - request.admitted_at,
            mean_entropy=sequence.entropy_sum / max(sequence.decided_tokens, 1),
            steps=request.steps,
            token_pieces=[self.runner.grammar.token_bytes[token] for token in sequence.tokens],
            token_log_probs=sequence.log_probs,
        )

    def _fail_everything(self, error: EngineUnavailable) -> None:
        self._scheduler.fail_all()
        for future in self._futures.values():
            if not future.done():
                future.set_exception(error)
        self._futures.clear()
        self.observer.on_queue(0, 0)
