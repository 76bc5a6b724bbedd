"""Limits and headers that apply to every answer, whatever the route.

A request head over `max_header_bytes` is refused with 431 before routing: h11 enforces its own
limit only while a head is incomplete, so a large head that arrives in one read would otherwise
be accepted whole. Every answer carries `X-Content-Type-Options: nosniff`, so a browser never
reinterprets a JSON error (which may echo client input) as HTML.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.api.errors import HeadersTooLarge, error_response
from service.metrics import Metrics

# Per header line: ": " and CRLF, as the head is sent on the wire.
_LINE_OVERHEAD = 4


def head_size(scope: Scope) -> int:
    """Bytes of the request line and header lines, as the client sent them (close enough)."""
    target = scope.get("raw_path") or scope["path"]
    request_line = len(scope["method"]) + len(target) + len(scope["query_string"])
    return request_line + sum(len(name) + len(value) + _LINE_OVERHEAD for name, value in scope["headers"])


class HeaderGuardMiddleware:
    def __init__(self, app: ASGIApp, max_header_bytes: int, metrics: Metrics) -> None:
        self.app = app
        self.max_header_bytes = max_header_bytes
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_nosniff(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)["X-Content-Type-Options"] = "nosniff"
            await send(message)

        size = head_size(scope)
        if size > self.max_header_bytes:
            refusal = HeadersTooLarge(
                f"request headers are {size} bytes; the limit is {self.max_header_bytes} bytes"
            )
            await error_response(refusal, self.metrics)(scope, receive, send_nosniff)
            return
        await self.app(scope, receive, send_nosniff)
