"""Optional API-key auth: when `MANIFEST_PARSER_API_KEY` is set, /v1 needs `X-API-Key`.

Health, readiness and metrics stay open (orchestrators and Prometheus do not hold keys).
The comparison is constant-time so response timing does not leak the key.
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Request, Security
from fastapi.security import APIKeyHeader

from service.api.errors import Unauthorized

API_KEY_HEADER = "X-API-Key"

api_key_header = APIKeyHeader(
    name=API_KEY_HEADER,
    auto_error=False,
    description="required when the service is configured with an API key",
)


async def require_api_key(request: Request, key: Annotated[str | None, Security(api_key_header)]) -> None:
    expected = request.app.state.service.settings.api_key
    if expected is None:
        return
    if key is None or not secrets.compare_digest(key.encode(), expected.get_secret_value().encode()):
        raise Unauthorized(f"missing or wrong {API_KEY_HEADER} header")
