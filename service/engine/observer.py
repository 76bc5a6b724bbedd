"""Events the engine reports; the service's metrics implement them (the engine imports no
Prometheus). Calls happen on the event loop, so implementations must not block."""

from __future__ import annotations

from typing import Protocol

from service.engine.types import GenerationResult


class EngineObserver(Protocol):
    def on_step(self, duration_s: float, batch_size: int) -> None: ...

    def on_admitted(self, queue_seconds: float) -> None: ...

    def on_first_token(self, ttft_seconds: float) -> None: ...

    def on_finish(self, result: GenerationResult) -> None: ...

    def on_queue(self, waiting: int, running: int) -> None: ...


class NullObserver:
    """The default: ignores every event."""

    def on_step(self, duration_s: float, batch_size: int) -> None:
        pass

    def on_admitted(self, queue_seconds: float) -> None:
        pass

    def on_first_token(self, ttft_seconds: float) -> None:
        pass

    def on_finish(self, result: GenerationResult) -> None:
        pass

    def on_queue(self, waiting: int, running: int) -> None:
        pass
