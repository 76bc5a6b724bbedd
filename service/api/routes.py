"""The HTTP endpoints: thin functions over `DocumentParser` and `ServiceState`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response, Security
from fastapi.responses import JSONResponse

from service.api.auth import api_key_header
from service.api.disconnect import until_disconnected
from service.api.errors import API_KEY_CHALLENGE, UNAVAILABLE_RETRY_AFTER_S
from service.api.guard import JsonBodyRoute
from service.api.parsing import DocumentParser
from service.api.schemas import (
    BatchRequest,
    BatchResponse,
    ErrorBody,
    Health,
    ModelDescription,
    ParseRequest,
    ParseResponse,
    Readiness,
)
from service.api.state import ServiceState, Status


def get_state(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.service
    return state


def get_parser(request: Request) -> DocumentParser:
    parser: DocumentParser = request.app.state.parser
    return parser


StateDep = Annotated[ServiceState, Depends(get_state)]
ParserDep = Annotated[DocumentParser, Depends(get_parser)]


_HEADERS: dict[int, dict[str, Any]] = {
    401: {API_KEY_CHALLENGE[0]: {"description": "the scheme and header to authenticate with"}},
    429: {"Retry-After": {"description": "seconds to wait before retrying"}},
    503: {"Retry-After": {"description": "seconds to wait before retrying"}},
}


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error answers of a route (431: every route, by the header guard)."""
    return {
        status: {"model": ErrorBody} | ({"headers": _HEADERS[status]} if status in _HEADERS else {})
        for status in (*statuses, 431)
    }


PARSE_ERRORS = _errors(400, 401, 408, 413, 415, 422, 429, 500, 503, 504)

# The key itself is checked by ApiKeyMiddleware before routing; this declares it in the OpenAPI.
parse_router = APIRouter(
    prefix="/v1", tags=["parse"], route_class=JsonBodyRoute, dependencies=[Security(api_key_header)]
)
model_router = APIRouter(prefix="/v1", tags=["model"], dependencies=[Security(api_key_header)])
ops_router = APIRouter(tags=["operations"])


@parse_router.post("/parse", response_model=ParseResponse, responses=PARSE_ERRORS)
async def parse(body: ParseRequest, request: Request, parser: ParserDep) -> ParseResponse:
    """Parse one document into a contract-valid manifest."""
    return await until_disconnected(request.receive, parser.parse(body.text, body.options))


@parse_router.post("/parse/batch", response_model=BatchResponse, responses=PARSE_ERRORS)
async def parse_batch(body: BatchRequest, request: Request, parser: ParserDep) -> BatchResponse:
    """Parse several documents together; each result is a manifest or that document's error."""
    results = await until_disconnected(request.receive, parser.parse_batch(body.documents, body.options))
    return BatchResponse(results=results)


@model_router.get("/model", response_model=ModelDescription, responses=_errors(401, 503))
async def model(state: StateDep) -> ModelDescription:
    """The served model: version, device, size, configuration and model card."""
    runtime = state.runtime
    return ModelDescription(
        version=runtime.loaded.version,
        device=str(runtime.engine.device),
        parameters=runtime.engine.num_parameters,
        max_input_tokens=runtime.engine.max_input_tokens,
        max_new_tokens=runtime.engine.max_new_tokens,
        config=runtime.loaded.config.to_dict(),
        card=runtime.loaded.card,
    )


@ops_router.get("/healthz", response_model=Health, responses=_errors())
async def healthz() -> Health:
    """The process is alive and its event loop answers."""
    return Health(status="alive")


@ops_router.get(
    "/readyz",
    response_model=Readiness,
    responses=_errors() | {503: {"model": Readiness, "headers": _HEADERS[503]}},
)
async def readyz(state: StateDep) -> Response:
    """Ready: model loaded, warmed up, decode loop healthy, not draining."""
    status = state.status
    body = Readiness(ready=status is Status.READY, status=status).model_dump()
    if status is Status.READY:
        return JSONResponse(body)
    return JSONResponse(body, status_code=503, headers={"Retry-After": str(UNAVAILABLE_RETRY_AFTER_S)})


@ops_router.get("/metrics", response_class=Response, responses=_errors())
async def metrics(state: StateDep) -> Response:
    """Prometheus text exposition of this instance's metrics."""
    content, content_type = state.metrics.exposition()
    return Response(content, media_type=content_type)
