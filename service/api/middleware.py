"""Per-request context: request id, access log line, latency metric, last-resort 500.

A pure ASGI middleware (not `BaseHTTPMiddleware`, which would run the endpoint in another
task and hide client disconnects). It is the outermost layer of the app, so every answer
(auth failures, body refusals, validation errors, crashes) carries `X-Request-ID`, is logged
once and is counted in request_duration_seconds.
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.api.errors import CLIENT_CLOSED_REQUEST, error_response
from service.api.jsonlog import REQUEST_ID
from service.metrics import ENDPOINTS, Metrics

REQUEST_ID_HEADER = "X-Request-ID"
# A client's id is echoed into logs and headers: accept only a short, plain token.
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")

# Probes and scrapes arrive every few seconds; at info level they would drown the traffic.
PROBE_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})

access_logger = logging.getLogger("manifest_parser.access")


def request_id_from(headers: Headers) -> str:
    incoming = headers.get(REQUEST_ID_HEADER, "")
    return incoming if _VALID_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_from(Headers(scope=scope))
        token = REQUEST_ID.set(request_id)
        started = time.perf_counter()
        status: int | None = None

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as error:
            if status is not None:
                raise  # the answer has begun; nothing better can be sent
            await error_response(error, self.metrics)(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            final_status = CLIENT_CLOSED_REQUEST if status is None else status
            path = scope["path"]
            if path in ENDPOINTS:
                self.metrics.observe_request(path, final_status, seconds)
            access_logger.log(
                logging.DEBUG if path in PROBE_PATHS else logging.INFO,
                "%s %s %d",
                scope["method"],
                path,
                final_status,
                extra={"status": final_status, "duration_s": round(seconds, 6), "client": _client(scope)},
            )
            REQUEST_ID.reset(token)


def _client(scope: Scope) -> str | None:
    client = scope.get("client")
    return f"{client[0]}:{client[1]}" if client else None
