"""Checks on a JSON request body before FastAPI parses it.

FastAPI would answer a form-encoded body, a body that is not UTF-8 or a huge body with a
generic 422 after reading all of it. The API promises distinct answers (415, 400, 413 with
both sizes), and a body over the limit must not be read into memory, so `JsonBodyRoute`
reads the body itself, at most `max_body_bytes` of it, and hands FastAPI a replay.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute
from starlette.types import Message, Receive

from service.api.errors import BadDocument, PayloadTooLarge, UnsupportedMediaType


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


def check_utf8(body: bytes) -> None:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadDocument(f"request body is not valid UTF-8 (byte {error.start}: {error.reason})") from None


def replay(body: bytes, receive: Receive) -> Receive:
    """A receive channel that yields `body` once, then whatever the connection says next."""
    delivered = False

    async def receive_again() -> Message:
        nonlocal delivered
        if delivered:
            return await receive()
        delivered = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive_again


class JsonBodyRoute(APIRoute):
    """A route whose JSON body is checked for type, size and encoding before parsing."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def checked_handler(request: Request) -> Response:
            check_content_type(request.headers.get("content-type"))
            body = await read_limited(request, request.app.state.service.settings.max_body_bytes)
            check_utf8(body)
            return await handler(Request(request.scope, replay(body, request.receive)))

        return checked_handler
