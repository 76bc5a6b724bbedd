"""The service's lifecycle: loading -> warming up -> ready -> draining, and readiness.

The app's lifespan drives it (`start` on startup, `drain` on shutdown); the serve command
calls `begin_drain` as soon as SIGTERM arrives, so readiness flips and new work is refused
while in-flight documents finish, before the server stops accepting connections.
"""

from __future__ import annotations

import asyncio
import logging
from enum import StrEnum

from service.api.errors import Draining, NotReady
from service.api.runtime import Runtime, load_runtime
from service.config import Settings
from service.engine.engine import Engine
from service.engine.observer import EngineObserver
from service.engine.types import GenerationResult
from service.metrics import Metrics

logger = logging.getLogger(__name__)


class Status(StrEnum):
    LOADING = "loading"
    READY = "ready"
    DRAINING = "draining"
    UNHEALTHY = "unhealthy"


class WarmupGate:
    """Forwards engine events to the metrics only once warm-up is over: the warm-up document
    is not traffic, and counting it would start every instance with one generation on record."""

    def __init__(self, target: EngineObserver) -> None:
        self.target = target
        self.open = False

    def on_step(self, duration_s: float, batch_size: int) -> None:
        if self.open:
            self.target.on_step(duration_s, batch_size)

    def on_admitted(self, queue_seconds: float) -> None:
        if self.open:
            self.target.on_admitted(queue_seconds)

    def on_first_token(self, ttft_seconds: float) -> None:
        if self.open:
            self.target.on_first_token(ttft_seconds)

    def on_finish(self, result: GenerationResult) -> None:
        if self.open:
            self.target.on_finish(result)

    def on_queue(self, waiting: int, running: int) -> None:
        if self.open:
            self.target.on_queue(waiting, running)


class ServiceState:
    """Owns the runtime once loaded and answers "may this request be admitted now?"."""

    def __init__(self, settings: Settings, metrics: Metrics) -> None:
        self.settings = settings
        self.metrics = metrics
        self._runtime: Runtime | None = None
        self._warmed = False
        self._draining = False
        self._drain_task: asyncio.Task[None] | None = None
        self._observer = WarmupGate(metrics)
        metrics.track_readiness(lambda: self.status is Status.READY)

    @property
    def status(self) -> Status:
        if self._draining:
            return Status.DRAINING
        if self._runtime is None or not self._warmed:
            return Status.LOADING
        return Status.READY if self._runtime.engine.healthy else Status.UNHEALTHY

    @property
    def loaded(self) -> bool:
        return self._runtime is not None

    @property
    def runtime(self) -> Runtime:
        if self._runtime is None:
            raise NotReady("the model is still loading")
        return self._runtime

    @property
    def engine(self) -> Engine:
        return self.runtime.engine

    async def start(self) -> None:
        """Load the model off the event loop, start the engine, decode one document to warm up."""
        runtime = await asyncio.to_thread(load_runtime, self.settings, self._observer)
        self._runtime = runtime
        await runtime.engine.start()
        await runtime.engine.warmup()
        self._observer.open = True
        self.metrics.set_model(
            runtime.loaded.version, str(runtime.engine.device), runtime.engine.num_parameters
        )
        self._warmed = True
        logger.info(
            "model ready",
            extra={"model_version": runtime.loaded.version, "device": str(runtime.engine.device)},
        )

    def check_admission(self) -> None:
        """Raise the typed refusal for the current state, or return when work is admitted."""
        status = self.status
        if status is Status.DRAINING:
            raise Draining("the service is shutting down; retry on another instance")
        if status is not Status.READY:
            raise NotReady(f"the service is not ready ({status})")

    def begin_drain(self) -> None:
        """Stop admitting and let the engine finish its work within the drain timeout (idempotent)."""
        if self._draining:
            return
        self._draining = True
        logger.info("draining", extra={"drain_timeout_s": self.settings.drain_timeout_s})
        if self._runtime is not None:
            self._drain_task = asyncio.get_running_loop().create_task(
                self._runtime.engine.drain(self.settings.drain_timeout_s)
            )

    async def drain(self) -> None:
        self.begin_drain()
        if self._drain_task is not None:
            await self._drain_task
