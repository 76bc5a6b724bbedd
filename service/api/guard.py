"""Checks on a JSON request body before FastAPI validates it.

FastAPI would answer a form-encoded body, a body that is not UTF-8 or a huge body with a
generic 422 after reading all of it, and would wait forever for a body that stalls. The API
promises distinct answers (415, 400, 413 with both sizes, 408), and a body over the limit must
not be read into memory, so `JsonBodyRoute` reads the body itself, at most `max_body_bytes` of
it within `body_timeout_s`, decodes it strictly (`jsonbody`) and hands FastAPI the result.
The API key is checked before any of this, by `ApiKeyMiddleware`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute
from starlette.types import Receive, Scope

from service.api.errors import BadDocument, BodyTimeout, PayloadTooLarge, UnsupportedMediaType
from service.api.jsonbody import decode_json


def check_content_type(content_type: str | None) -> None:
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type != "application/json" and not media_type.endswith("+json"):
        raise UnsupportedMediaType(
            f"send the body as JSON (Content-Type: application/json), not {media_type or 'untyped'}"
        )


async def read_limited(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it is known to exceed `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"request body is {int(declared)} bytes; the limit is {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(
                f"request body is over {limit} bytes (read {size} so far); the limit is {limit} bytes"
            )
        chunks.append(chunk)
    return b"".join(chunks)


async def read_in_time(request: Request, limit: int, timeout_s: float) -> bytes:
    """`read_limited`, refused with 408 when the whole body has not arrived within `timeout_s`."""
    try:
        async with asyncio.timeout(timeout_s):
            return await read_limited(request, limit)
    except TimeoutError:
        raise BodyTimeout(f"the request body did not arrive within {timeout_s:g} s") from None


def decode_utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadDocument(f"request body is not valid UTF-8 (byte {error.start}: {error.reason})") from None


class CheckedRequest(Request):
    """A request whose body the guard has read and decoded; FastAPI takes both from here."""

    def __init__(self, scope: Scope, receive: Receive, body: bytes, document: Any) -> None:
        super().__init__(scope, receive)
        self._checked_body = body
        self._document = document

    async def body(self) -> bytes:
        return self._checked_body

    async def json(self) -> Any:
        return self._document


class JsonBodyRoute(APIRoute):
    """A route whose JSON body is checked for type, size, arrival time, encoding and syntax."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def checked_handler(request: Request) -> Response:
            settings = request.app.state.service.settings
            check_content_type(request.headers.get("content-type"))
            body = await read_in_time(request, settings.max_body_bytes, settings.body_timeout_s)
            document = decode_json(decode_utf8(body))
            # The body is consumed: what the connection says next (a disconnect) reaches the route.
            return await handler(CheckedRequest(request.scope, request.receive, body, document))

        return checked_handler
