"""A uvicorn server that drains the service when told to stop.

uvicorn's own shutdown stops accepting connections and waits for open ones, then runs the
lifespan shutdown. Starting the service's drain on the stop signal, before that, makes
readiness turn 503 at once and lets the engine answer everything it holds within the drain
timeout, so no accepted request goes unanswered.
"""

from __future__ import annotations

from types import FrameType

import uvicorn

from service.api.state import ServiceState


class DrainingServer(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, state: ServiceState) -> None:
        super().__init__(config)
        self._state = state

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        super().handle_exit(sig, frame)
        # uvicorn re-raises a captured signal after shutdown, so the process would die of
        # SIGTERM; a completed drain is a clean exit and reports status 0.
        self._captured_signals.clear()

    async def on_tick(self, counter: int) -> bool:
        if self.should_exit:
            self._state.begin_drain()  # runs in the event loop, unlike the signal handler
        return await super().on_tick(counter)
