"""Abort a request's work when its client goes away, so its decode slot is freed.

The server signals a closed connection with an `http.disconnect` message on the request's
receive channel (after the body has been read, nothing else arrives there). Waiting for that
message next to the work, rather than polling `Request.is_disconnected()`, reacts at once
and costs nothing while the client stays. Cancelling the engine's `submit` aborts the request
inside the engine.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Coroutine
from typing import Any, TypeVar

from starlette.types import Receive

from service.api.errors import ClientDisconnected

T = TypeVar("T")


async def _disconnected(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


async def until_disconnected(receive: Receive, work: Coroutine[Any, Any, T]) -> T:
    """Run `work`; if the client disconnects first, cancel it and raise `ClientDisconnected`."""
    task = asyncio.ensure_future(work)
    watcher = asyncio.ensure_future(_disconnected(receive))
    try:
        await asyncio.wait((task, watcher), return_when=asyncio.FIRST_COMPLETED)
    finally:
        watcher.cancel()
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    if task.cancelled():
        raise ClientDisconnected("the client closed the connection; the request was aborted")
    return task.result()
