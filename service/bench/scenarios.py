"""Engine runs under the benchmark's traffic shapes: one at a time, all at once, Poisson.

Each run builds a fresh engine on the shared model (grammar compiled, caches allocated,
one warm-up document), resets the runner's phase timers, drives the traffic, and drains.
One-at-a-time comparisons instead keep several engines alive and take turns per document
(see `suite.py`), so a busy neighbour on the machine slows every variant alike. Latency is
measured from the request's arrival (submit, or its scheduled Poisson time) to its result,
so queueing counts.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import torch

from service.bench.subject import Subject
from service.engine.engine import Engine, EngineConfig
from service.engine.runner import StepTimings
from service.engine.types import DecodeParams, GenerationResult


@dataclass(slots=True)
class Run:
    """What one scenario measured."""

    name: str
    wall_seconds: float
    latencies: list[float]
    results: list[GenerationResult]
    timings: StepTimings = field(default_factory=StepTimings)

    @property
    def output_tokens(self) -> int:
        return sum(result.output_tokens for result in self.results)


Traffic = Callable[[Engine], Awaitable[tuple[float, list[float], list[GenerationResult]]]]


async def ready_engine(subject: Subject, config: EngineConfig, device: torch.device) -> Engine:
    """A started, warmed-up engine whose phase timers start from zero."""
    engine = Engine(subject.model, subject.tokenizer, config, device=device)
    await engine.start()
    await engine.warmup()
    assert engine.runner is not None
    engine.runner.timings = StepTimings()
    return engine


def timings_of(engine: Engine) -> StepTimings:
    assert engine.runner is not None
    return engine.runner.timings


def run_engine(
    name: str, subject: Subject, config: EngineConfig, device: torch.device, traffic: Traffic
) -> Run:
    async def scenario() -> Run:
        engine = await ready_engine(subject, config, device)
        wall, latencies, results = await traffic(engine)
        await engine.drain(timeout_s=60)
        return Run(name, wall, latencies, results, timings_of(engine))

    return asyncio.run(scenario())


async def timed(engine: Engine, source: list[int], params: DecodeParams) -> tuple[float, GenerationResult]:
    started = time.perf_counter()
    result = await engine.submit(source, params)
    return time.perf_counter() - started, result


def all_at_once(sources: list[list[int]], params: list[DecodeParams]) -> Traffic:
    return poisson(sources, params, [0.0] * len(sources))


def poisson_arrivals(count: int, rate: float, seed: int) -> list[float]:
    """Arrival offsets (seconds) of a Poisson process with `rate` requests per second."""
    rng = random.Random(seed)
    offsets, now = [], 0.0
    for _ in range(count):
        now += rng.expovariate(rate)
        offsets.append(now)
    return offsets


def poisson(sources: list[list[int]], params: list[DecodeParams], arrivals: list[float]) -> Traffic:
    async def traffic(engine: Engine) -> tuple[float, list[float], list[GenerationResult]]:
        started = time.perf_counter()

        async def one(
            source: list[int], param: DecodeParams, offset: float
        ) -> tuple[float, GenerationResult]:
            await asyncio.sleep(max(0.0, started + offset - time.perf_counter()))
            result = await engine.submit(source, param)
            return time.perf_counter() - (started + offset), result

        done = await asyncio.gather(*(one(*job) for job in zip(sources, params, arrivals, strict=True)))
        return time.perf_counter() - started, [latency for latency, _ in done], [result for _, result in done]

    return traffic
