"""Optional API-key auth: when `MANIFEST_PARSER_API_KEY` is set, /v1 needs `X-API-Key`.

The check is an ASGI middleware that runs before routing, so an unauthenticated client gets
401 before any body is read, parsed or validated (it cannot make the server read a 1 MiB body,
nor learn anything from 413/415/422). Health, readiness and metrics stay open (orchestrators
and Prometheus do not hold keys). The comparison is constant-time so response timing does not
leak the key. `api_key_header` declares the scheme in the OpenAPI document.
"""

from __future__ import annotations

import secrets

from fastapi.security import APIKeyHeader
from pydantic import SecretStr
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from service.api.errors import Unauthorized, error_response
from service.metrics import Metrics

API_KEY_HEADER = "X-API-Key"
GUARDED_PREFIX = "/v1"

api_key_header = APIKeyHeader(
    name=API_KEY_HEADER,
    auto_error=False,
    description="required when the service is configured with an API key",
)


def is_guarded(path: str) -> bool:
    return path == GUARDED_PREFIX or path.startswith(GUARDED_PREFIX + "/")


def key_matches(given: str | None, expected: SecretStr) -> bool:
    return given is not None and secrets.compare_digest(given.encode(), expected.get_secret_value().encode())


class ApiKeyMiddleware:
    """Answers 401 to a /v1 request without the configured key, before anything else reads it."""

    def __init__(self, app: ASGIApp, api_key: SecretStr | None, metrics: Metrics) -> None:
        self.app = app
        self.api_key = api_key
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and self.api_key is not None
            and is_guarded(scope["path"])
            and not key_matches(Headers(scope=scope).get(API_KEY_HEADER), self.api_key)
        ):
            refusal = Unauthorized(f"missing or wrong {API_KEY_HEADER} header")
            await error_response(refusal, self.metrics)(scope, receive, send)
            return
        await self.app(scope, receive, send)
