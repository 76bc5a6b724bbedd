"""A uvicorn server that drains the service the way load balancers expect.

uvicorn's own shutdown closes the listener at once, so a load balancer or an endpoint list
that learns of the stop a little later sends new connections into refusals. On the first stop
signal this server instead starts the service's drain (readiness turns 503 at once, new parse
requests are answered 503 with Retry-After, in-flight ones go on) and keeps the listener open
for `drain_grace_s`; only then does uvicorn's shutdown begin: the listener closes, open
requests finish, and the lifespan waits for the engine's drain. A second signal skips what is
left of the grace period.
"""

from __future__ import annotations

import time
from types import FrameType

import uvicorn

from service.api.state import ServiceState


class DrainingServer(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, state: ServiceState, grace_s: float) -> None:
        super().__init__(config)
        self._state = state
        self._grace_s = grace_s
        self._close_at: float | None = None

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if self._close_at is None:
            self._close_at = time.monotonic() + self._grace_s
        else:
            super().handle_exit(sig, frame)
        # uvicorn re-raises a captured signal after shutdown, so the process would die of
        # SIGTERM; a completed drain is a clean exit and reports status 0.
        self._captured_signals.clear()

    async def on_tick(self, counter: int) -> bool:
        if self._close_at is not None:
            self._state.begin_drain()  # runs in the event loop, unlike the signal handler
            if time.monotonic() >= self._close_at:
                self.should_exit = True
        return await super().on_tick(counter)
