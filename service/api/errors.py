"""Typed errors and the one table that maps every error to its HTTP answer.

Errors are raised where they arise (the edge, the engine) and carry a message for the
client; `ERROR_TABLE` alone decides status code, error code, Retry-After and which
`rejected_requests_total` reason counts them. Single requests and the documents of a batch
go through the same `describe`, so a document refused inside a batch gets the same status
and message it would get on its own.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect

from service.api.schemas import ErrorBody
from service.engine.errors import (
    DeadlineExceeded,
    EngineError,
    EngineUnavailable,
    GenerationFailed,
    InputTooLong,
    Overloaded,
)
from service.metrics import Metrics, RejectReason

logger = logging.getLogger(__name__)

CLIENT_CLOSED_REQUEST = 499  # nginx's convention: the client went away before the answer
DEFAULT_RETRY_AFTER_S = 1.0
UNAVAILABLE_RETRY_AFTER_S = 5  # not ready or draining: about the time a restart or failover takes


class ApiError(Exception):
    """An error found at the HTTP edge; its message is shown to the client."""


class BadDocument(ApiError):
    """Empty text or text that is not valid UTF-8."""


class UnsupportedMediaType(ApiError):
    """The body is not sent as JSON."""


class PayloadTooLarge(ApiError):
    """Body, document or batch over a configured limit; the message gives both sizes."""


class InvalidOption(ApiError):
    """An option outside what this service is configured to allow."""


class Unauthorized(ApiError):
    """API-key auth is on and the request has no valid X-API-Key."""


class BodyTimeout(ApiError):
    """The body did not arrive within the configured time: a stalled upload must not hold a
    connection and its buffer forever."""


class HeadersTooLarge(ApiError):
    """The request head is over the configured limit."""


class NotReady(ApiError):
    """The model is not loaded, not warmed up, or its decode loop has failed."""

    retry_after_s = UNAVAILABLE_RETRY_AFTER_S


class Draining(ApiError):
    """The service is shutting down and admits nothing new."""

    retry_after_s = UNAVAILABLE_RETRY_AFTER_S


class InvalidOutput(ApiError):
    """The model's output failed contract validation: a bug of ours, never the client's."""


class ClientDisconnected(ApiError):
    """The client closed the connection; its request was aborted and nobody reads the answer."""


@dataclass(frozen=True, slots=True)
class HttpMapping:
    status: int
    code: str  # machine-readable name in the error body
    reason: RejectReason | None  # counted in rejected_requests_total; None: not a refusal
    retry_after: bool = False
    headers: tuple[tuple[str, str], ...] = ()  # sent with every answer of this kind


# RFC 9110 requires a challenge with every 401; API keys have no registered scheme, so this names
# the header a client must send.
API_KEY_CHALLENGE = ("WWW-Authenticate", 'ApiKey realm="manifest-parser", header="X-API-Key"')


ERROR_TABLE: dict[type[Exception], HttpMapping] = {
    BadDocument: HttpMapping(400, "bad_document", RejectReason.BAD_REQUEST),
    Unauthorized: HttpMapping(401, "unauthorized", RejectReason.UNAUTHORIZED, headers=(API_KEY_CHALLENGE,)),
    BodyTimeout: HttpMapping(408, "request_timeout", RejectReason.BAD_REQUEST),
    PayloadTooLarge: HttpMapping(413, "too_large", RejectReason.TOO_LARGE),
    InputTooLong: HttpMapping(413, "too_large", RejectReason.TOO_LARGE),
    UnsupportedMediaType: HttpMapping(415, "unsupported_media_type", RejectReason.BAD_REQUEST),
    HeadersTooLarge: HttpMapping(431, "headers_too_large", RejectReason.TOO_LARGE),
    RequestValidationError: HttpMapping(422, "invalid_request", RejectReason.BAD_REQUEST),
    InvalidOption: HttpMapping(422, "invalid_request", RejectReason.BAD_REQUEST),
    Overloaded: HttpMapping(429, "overloaded", RejectReason.QUEUE_FULL, retry_after=True),
    ClientDisconnected: HttpMapping(CLIENT_CLOSED_REQUEST, "client_closed_request", None),
    # starlette's: the client hung up while its body was being read
    ClientDisconnect: HttpMapping(CLIENT_CLOSED_REQUEST, "client_closed_request", None),
    InvalidOutput: HttpMapping(500, "invalid_output", None),
    GenerationFailed: HttpMapping(500, "generation_failed", None),
    NotReady: HttpMapping(503, "not_ready", RejectReason.NOT_READY, retry_after=True),
    EngineUnavailable: HttpMapping(503, "not_ready", RejectReason.NOT_READY, retry_after=True),
    Draining: HttpMapping(503, "draining", RejectReason.DRAINING, retry_after=True),
    DeadlineExceeded: HttpMapping(504, "deadline_exceeded", RejectReason.DEADLINE),
}
INTERNAL_ERROR = HttpMapping(500, "internal_error", None)


@dataclass(frozen=True, slots=True)
class ErrorAnswer:
    body: ErrorBody
    headers: dict[str, str]


def mapping_for(error: BaseException) -> HttpMapping:
    """The table entry of the most specific class of `error` (subclasses inherit the entry).

    Routing's own answers (404 unknown path, 405 wrong method) carry their status in the error;
    they are not refusals of a document and are not counted as such."""
    if isinstance(error, HTTPException):
        return HttpMapping(error.status_code, HTTPStatus(error.status_code).name.lower(), None)
    for cls in type(error).__mro__:
        if cls in ERROR_TABLE:
            return ERROR_TABLE[cls]
    return INTERNAL_ERROR


def describe(error: BaseException, metrics: Metrics) -> ErrorAnswer:
    """Map an error to its answer and count it: the single place where refusals are counted."""
    mapping = mapping_for(error)
    if mapping.reason is not None:
        metrics.reject(mapping.reason)
    details = None
    if isinstance(error, RequestValidationError):
        details = jsonable_encoder(error.errors())
        message = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
    elif isinstance(error, HTTPException):
        message = str(error.detail)
    elif mapping is INTERNAL_ERROR:
        logger.error("unexpected error while serving a request", exc_info=error)
        message = "internal error"
    else:
        message = str(error) or mapping.code.replace("_", " ")
    headers = dict(mapping.headers)
    if isinstance(error, HTTPException) and error.headers:
        headers |= error.headers  # e.g. Allow with 405
    if mapping.retry_after:
        seconds = getattr(error, "retry_after_s", DEFAULT_RETRY_AFTER_S)
        headers["Retry-After"] = str(max(1, math.ceil(seconds)))
    return ErrorAnswer(
        ErrorBody(status=mapping.status, error=mapping.code, message=message, details=details), headers
    )


def error_response(error: BaseException, metrics: Metrics) -> JSONResponse:
    answer = describe(error, metrics)
    return JSONResponse(answer.body.model_dump(), status_code=answer.body.status, headers=answer.headers)


def install_error_handlers(app: FastAPI, metrics: Metrics) -> None:
    """Answer every typed error through `ERROR_TABLE`; unexpected exceptions are answered by the
    request middleware, which still holds the request id at that point."""

    async def handle(request: Request, error: Exception) -> JSONResponse:
        return error_response(error, metrics)

    for error_type in (ApiError, EngineError, RequestValidationError, HTTPException):
        app.add_exception_handler(error_type, handle)
