"""The engine end to end on a random-weight model: batching, parity, admission, lifecycle."""

from __future__ import annotations

import asyncio
import json
import logging
import math

import pytest
import torch

from service.engine.engine import Engine, EngineConfig
from service.engine.errors import DeadlineExceeded, EngineUnavailable, InputTooLong, Overloaded
from service.engine.runner import StepTimings
from service.engine.step import RunnerOutput, SchedulerOutput
from service.engine.types import DecodeParams, Decoding, FinishReason, GenerationResult
from service.grammar.closing import allowed_tokens
from service.grammar.constraint import ContractGrammar
from service.model.transformer import Seq2SeqTransformer
from service.tokenizer import Tokenizer
from tests.engine.random_model import DOCUMENTS, RecordingObserver, random_model, started_engine


def reference_decode(
    model: Seq2SeqTransformer, grammar: ContractGrammar, source: list[int], max_new_tokens: int
) -> list[int]:
    """Constrained greedy decoding the slow, obvious way: the full model over the whole
    prefix at every step, the same forced runs, no cache, no batching."""
    constraint = grammar.start()
    tokens = constraint.forced(32)
    src = torch.tensor([source])
    with torch.no_grad():
        while not constraint.finished and len(tokens) < max_new_tokens:
            log_probs = model(src, torch.tensor([[model.config.bos_id, *tokens]]))[0, -1]
            allowed = torch.from_numpy(allowed_tokens(constraint.matcher, grammar.vocab_size))
            token = int(log_probs.masked_fill(~allowed, -math.inf).argmax())
            constraint.accept(token)
            tokens += [token, *constraint.forced(32)]
    if not constraint.finished:
        tokens += constraint.close(512)
    return tokens


def test_output_equals_uncached_reference_decoding(tokenizer: Tokenizer, grammar: ContractGrammar) -> None:
    model = random_model(tokenizer.vocab_size, seed=1)
    sources = [tokenizer.encode(text) for text in DOCUMENTS[:3]]

    async def scenario() -> list[GenerationResult]:
        engine = await started_engine(tokenizer, EngineConfig(max_slots=4), model)
        results = await asyncio.gather(*(engine.submit(s, DecodeParams(max_new_tokens=120)) for s in sources))
        await engine.drain(10)
        return list(results)

    for result, source in zip(asyncio.run(scenario()), sources, strict=True):
        expected = reference_decode(model, grammar, source, 120)
        assert (result.text, result.output_tokens) == (grammar.text(expected), len(expected))


def test_concurrent_requests_share_decode_steps(tokenizer: Tokenizer) -> None:
    observer = RecordingObserver()

    async def scenario() -> None:
        engine = await started_engine(tokenizer, EngineConfig(max_slots=4), observer=observer)
        sources = [tokenizer.encode(text) for text in DOCUMENTS[:2]]
        await asyncio.gather(*(engine.submit(s, DecodeParams(max_new_tokens=40)) for s in sources))
        await engine.drain(10)

    asyncio.run(scenario())
    assert observer.batch_sizes()[0] == 2
    assert [name for name, _ in observer.events].count("admitted") == 2


def test_batched_results_equal_solo_results(tokenizer: Tokenizer) -> None:
    """Requests joining and leaving a running batch (slots reused and moved) decode exactly
    as they do alone."""
    budgets = (30, 200, 60, 120, 90)
    sources = [tokenizer.encode(text) for text in DOCUMENTS]

    async def scenario() -> tuple[list[GenerationResult], list[GenerationResult], list[int]]:
        observer = RecordingObserver()
        engine = await started_engine(tokenizer, EngineConfig(max_slots=3), observer=observer)
        jobs = [
            engine.submit(s, DecodeParams(max_new_tokens=b)) for s, b in zip(sources, budgets, strict=True)
        ]
        batched = await asyncio.gather(*jobs)
        solo = [
            await engine.submit(s, DecodeParams(max_new_tokens=b))
            for s, b in zip(sources, budgets, strict=True)
        ]
        await engine.drain(10)
        return list(batched), solo, observer.batch_sizes()

    batched, solo, sizes = asyncio.run(scenario())
    assert max(sizes) == 3
    assert [r.text for r in batched] == [r.text for r in solo]
    assert [r.output_tokens for r in batched] == [r.output_tokens for r in solo]


def test_request_level_batch_holds_finished_slots_until_its_slowest_is_done(tokenizer: Tokenizer) -> None:
    """The benchmark's baseline: a finished request's slot is decoded as padding, so the step
    count is the slowest member's and only the members' own steps count as live slots."""
    sources = [tokenizer.encode(text) for text in DOCUMENTS[:2]]

    async def scenario() -> tuple[list[GenerationResult], StepTimings]:
        config = EngineConfig(max_slots=2, request_level_batching=True)
        engine = await started_engine(tokenizer, config)
        budgets = [DecodeParams(max_new_tokens=20), DecodeParams(max_new_tokens=160)]
        results = await asyncio.gather(*(engine.submit(s, b) for s, b in zip(sources, budgets, strict=True)))
        assert engine.runner is not None
        timings = engine.runner.timings
        await engine.drain(10)
        return list(results), timings

    (short, long), timings = asyncio.run(scenario())
    assert short.steps < long.steps == timings.steps
    assert (timings.live_slots, timings.slots) == (short.steps + long.steps, 2 * long.steps)
    assert short.decode_seconds == long.decode_seconds  # delivered with the batch's last


def test_result_statistics(tokenizer: Tokenizer) -> None:
    source = tokenizer.encode(DOCUMENTS[0])

    async def scenario() -> tuple[GenerationResult, GenerationResult]:
        engine = await started_engine(tokenizer, EngineConfig(max_slots=2))
        full = await engine.submit(source, DecodeParams(max_new_tokens=400))
        cut = await engine.submit(source, DecodeParams(max_new_tokens=12))
        await engine.drain(10)
        return full, cut

    full, cut = asyncio.run(scenario())
    json.loads(full.text)
    assert full.input_tokens == len(source)
    assert 0 < full.forced_tokens < full.output_tokens
    # greedy: one decoder call per model decision; forced runs and confirmed drafts ride along
    assert full.steps == full.output_tokens - full.forced_tokens - full.drafted_tokens
    assert 0.0 <= full.queue_seconds <= full.ttft_seconds
    assert full.decode_seconds > 0
    assert 0.0 < full.mean_entropy <= math.log(tokenizer.vocab_size)
    assert cut.finish_reason is FinishReason.LENGTH
    assert cut.output_tokens > 12 and cut.text.endswith("}")


def test_jump_forward_cuts_decoder_steps(tokenizer: Tokenizer) -> None:
    source = tokenizer.encode(DOCUMENTS[1])

    async def decode(forced_per_step: int) -> GenerationResult:
        config = EngineConfig(max_slots=1, forced_per_step=forced_per_step, draft_tokens=0)
        engine = await started_engine(tokenizer, config)
        result = await engine.submit(source, DecodeParams(max_new_tokens=200))
        await engine.drain(10)
        return result

    with_jump, without = asyncio.run(decode(32)), asyncio.run(decode(0))
    json.loads(without.text)
    assert with_jump.forced_tokens > 0
    assert without.steps == without.output_tokens - without.forced_tokens  # every token decided
    assert with_jump.steps < without.steps


def test_beam_search_occupies_one_slot_per_beam(tokenizer: Tokenizer) -> None:
    observer = RecordingObserver()
    source = tokenizer.encode(DOCUMENTS[2])
    params = DecodeParams(max_new_tokens=80, decoding=Decoding.BEAM, beam_width=3)

    async def scenario() -> tuple[GenerationResult, GenerationResult]:
        engine = await started_engine(tokenizer, EngineConfig(max_slots=4), observer=observer)
        together = await asyncio.gather(engine.submit(source, params), engine.submit(source, DecodeParams()))
        alone = await engine.submit(source, params)
        await engine.drain(10)
        return together[0], alone

    together, alone = asyncio.run(scenario())
    json.loads(together.text)
    assert observer.batch_sizes()[0] == 4  # three beams and one greedy request
    assert together.text == alone.text


def test_full_queue_raises_overloaded(tokenizer: Tokenizer) -> None:
    async def scenario() -> list[GenerationResult | BaseException]:
        engine = await started_engine(tokenizer, EngineConfig(max_slots=1, max_waiting=1))
        source = tokenizer.encode(DOCUMENTS[0])
        jobs = [engine.submit(source, DecodeParams(max_new_tokens=20)) for _ in range(2)]
        outcomes = await asyncio.gather(*jobs, return_exceptions=True)
        await engine.drain(10)
        return outcomes

    first, second = asyncio.run(scenario())
    assert isinstance(first, GenerationResult)
    assert isinstance(second, Overloaded) and second.retry_after_s >= 1.0


def test_over_long_input_is_refused(tokenizer: Tokenizer) -> None:
    async def scenario() -> InputTooLong:
        engine = await started_engine(tokenizer, EngineConfig())
        try:
            with pytest.raises(InputTooLong) as caught:
                await engine.submit([5] * 257, DecodeParams())
        finally:
            await engine.drain(1)
        return caught.value

    error = asyncio.run(scenario())
    assert (error.length, error.limit) == (257, 256)


def test_unstarted_engine_is_unavailable(tokenizer: Tokenizer) -> None:
    engine = Engine(random_model(tokenizer.vocab_size), tokenizer, EngineConfig())
    assert not engine.healthy and not engine.accepting
    with pytest.raises(EngineUnavailable):
        asyncio.run(engine.submit([5], DecodeParams()))


def test_cancelled_request_frees_its_slot_within_a_step(tokenizer: Tokenizer) -> None:
    observer = RecordingObserver()

    async def scenario() -> GenerationResult:
        engine = await started_engine(tokenizer, EngineConfig(max_slots=1), observer=observer)
        source = tokenizer.encode(DOCUMENTS[0])
        long_job = asyncio.create_task(engine.submit(source, DecodeParams(max_new_tokens=400)))
        while not observer.batch_sizes():
            await asyncio.sleep(0.001)
        follower = asyncio.create_task(engine.submit(source, DecodeParams(max_new_tokens=10)))
        await asyncio.sleep(0)
        long_job.cancel()
        await asyncio.sleep(0)  # the cancellation reaches the request (and the engine) here
        observer.events.append(("cancelled", 0))
        result = await follower
        with pytest.raises(asyncio.CancelledError):
            await long_job
        await engine.drain(10)
        return result

    result = asyncio.run(scenario())
    names = [name for name, _ in observer.events]
    after_cancel = names[names.index("cancelled") :]
    steps_before_admission = after_cancel[: after_cancel.index("admitted")].count("step")
    assert steps_before_admission <= 2  # the step in flight, then the one that admits the follower
    assert result.finish_reason is FinishReason.LENGTH


def test_deadline_exceeded_frees_the_slot(tokenizer: Tokenizer) -> None:
    async def scenario() -> tuple[GenerationResult, int]:
        engine = await started_engine(tokenizer, EngineConfig(max_slots=1))
        source = tokenizer.encode(DOCUMENTS[0])
        with pytest.raises(DeadlineExceeded):
            await engine.submit(source, DecodeParams(max_new_tokens=1000, timeout_s=0.0))
        follower = await engine.submit(source, DecodeParams(max_new_tokens=5))  # needs the only slot
        running = engine.running
        await engine.drain(10)
        return follower, running

    follower, running = asyncio.run(scenario())
    assert follower.finish_reason is FinishReason.LENGTH and running == 0


def test_drain_finishes_work_then_refuses(tokenizer: Tokenizer) -> None:
    async def scenario() -> tuple[list[GenerationResult], bool]:
        engine = await started_engine(tokenizer, EngineConfig(max_slots=2))
        source = tokenizer.encode(DOCUMENTS[3])
        jobs = [asyncio.create_task(engine.submit(source, DecodeParams(max_new_tokens=30))) for _ in range(3)]
        await asyncio.sleep(0)
        await engine.drain(timeout_s=30)
        with pytest.raises(EngineUnavailable):
            await engine.submit(source, DecodeParams())
        return [job.result() for job in jobs], engine.accepting

    results, accepting = asyncio.run(scenario())
    assert len(results) == 3 and not accepting


def test_drain_timeout_fails_the_rest(tokenizer: Tokenizer) -> None:
    async def scenario() -> list[GenerationResult | BaseException]:
        engine = await started_engine(tokenizer, EngineConfig(max_slots=1))
        source = tokenizer.encode(DOCUMENTS[3])
        jobs = [
            asyncio.create_task(engine.submit(source, DecodeParams(max_new_tokens=400))) for _ in range(2)
        ]
        await asyncio.sleep(0)
        await engine.drain(timeout_s=0.0)
        return list(await asyncio.gather(*jobs, return_exceptions=True))

    outcomes = asyncio.run(scenario())
    assert all(isinstance(outcome, EngineUnavailable) for outcome in outcomes)


def test_runner_crash_fails_in_flight_and_flips_healthy(
    tokenizer: Tokenizer, caplog: pytest.LogCaptureFixture
) -> None:
    async def scenario() -> tuple[list[GenerationResult | BaseException], bool, bool]:
        engine = await started_engine(tokenizer, EngineConfig(max_slots=2))
        runner = engine.runner
        assert runner is not None
        healthy_execute = runner.execute
        calls = 0

        def crashing(output: SchedulerOutput) -> RunnerOutput:
            nonlocal calls
            calls += 1
            if calls == 3:
                raise RuntimeError("device lost")
            return healthy_execute(output)

        runner.execute = crashing  # type: ignore[method-assign]
        source = tokenizer.encode(DOCUMENTS[0])
        jobs = [engine.submit(source, DecodeParams(max_new_tokens=200)) for _ in range(2)]
        outcomes = await asyncio.gather(*jobs, return_exceptions=True)
        with pytest.raises(EngineUnavailable):
            await engine.submit(source, DecodeParams())
        return list(outcomes), engine.healthy, engine.accepting

    with caplog.at_level(logging.ERROR):
        outcomes, healthy, accepting = asyncio.run(scenario())
    assert all(isinstance(outcome, EngineUnavailable) for outcome in outcomes)
    assert not healthy and not accepting
    crash = [record for record in caplog.records if "crashed" in record.getMessage()]
    assert crash and crash[0].exc_info is not None and "device lost" in str(crash[0].exc_info[1])


def test_caches_are_allocated_once(tokenizer: Tokenizer) -> None:
    async def scenario() -> tuple[list[int], list[int]]:
        engine = await started_engine(tokenizer, EngineConfig(max_slots=2))
        runner = engine.runner
        assert runner is not None
        cache = runner.cache
        tensors = [cache.self_k, cache.self_v, cache.cross_k, cache.cross_v, cache.src_ids, cache.src_valid]
        before = [t.data_ptr() for t in tensors]
        sources = [tokenizer.encode(text) for text in DOCUMENTS[:3]]
        await asyncio.gather(*(engine.submit(s, DecodeParams(max_new_tokens=50)) for s in sources))
        await engine.drain(10)
        return before, [t.data_ptr() for t in tensors]

    before, after = asyncio.run(scenario())
    assert before == after


def test_bf16_engine_validates_and_leaves_the_callers_model_alone(tokenizer: Tokenizer) -> None:
    model = random_model(tokenizer.vocab_size)
    sources = [tokenizer.encode(text) for text in DOCUMENTS[:3]]

    async def scenario() -> tuple[list[GenerationResult], list[GenerationResult], torch.dtype]:
        engine = await started_engine(tokenizer, EngineConfig(max_slots=3, bf16=True), model)
        assert engine.runner is not None
        params = DecodeParams(max_new_tokens=80)
        batched = await asyncio.gather(*(engine.submit(s, params) for s in sources))
        solo = [await engine.submit(s, params) for s in sources]
        await engine.drain(10)
        return list(batched), solo, engine.runner.cache.self_k.dtype

    batched, solo, cache_dtype = asyncio.run(scenario())
    assert cache_dtype == torch.bfloat16
    assert model.embedding.weight.dtype == torch.float32
    assert [r.text for r in batched] == [r.text for r in solo]
    for result in batched:
        json.loads(result.text)
        assert math.isfinite(result.mean_entropy)


def test_int8_and_bf16_together_are_refused(tokenizer: Tokenizer) -> None:
    with pytest.raises(ValueError, match="int8 or bf16"):
        Engine(random_model(tokenizer.vocab_size), tokenizer, EngineConfig(int8=True, bf16=True))


@pytest.mark.gpu
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
def test_cuda_batched_equals_solo_and_validates(tokenizer: Tokenizer) -> None:
    sources = [tokenizer.encode(text) for text in DOCUMENTS]

    async def scenario() -> tuple[list[GenerationResult], list[GenerationResult]]:
        model = random_model(tokenizer.vocab_size)
        engine = Engine(model, tokenizer, EngineConfig(max_slots=3), device="cuda")
        await engine.start()
        params = DecodeParams(max_new_tokens=120)
        batched = await asyncio.gather(*(engine.submit(s, params) for s in sources))
        solo = [await engine.submit(s, params) for s in sources]
        await engine.drain(10)
        return list(batched), solo

    batched, solo = asyncio.run(scenario())
    assert [r.text for r in batched] == [r.text for r in solo]
    for result in batched:
        json.loads(result.text)
