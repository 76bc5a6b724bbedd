"""The HTTP endpoints: thin functions over `DocumentParser` and `ServiceState`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse

from service.api.auth import require_api_key
from service.api.disconnect import until_disconnected
from service.api.errors import UNAVAILABLE_RETRY_AFTER_S
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


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorBody} for status in statuses}


PARSE_ERRORS = _errors(400, 401, 413, 415, 422, 429, 500, 503, 504)

parse_router = APIRouter(
    prefix="/v1", tags=["parse"], route_class=JsonBodyRoute, dependencies=[Depends(require_api_key)]
)
model_router = APIRouter(prefix="/v1", tags=["model"], dependencies=[Depends(require_api_key)])
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


@ops_router.get("/healthz", response_model=Health)
async def healthz() -> Health:
    """The process is alive and its event loop answers."""
    return Health(status="alive")


@ops_router.get("/readyz", response_model=Readiness, responses={503: {"model": Readiness}})
async def readyz(state: StateDep) -> Response:
    """Ready: model loaded, warmed up, decode loop healthy, not draining."""
    status = state.status
    body = Readiness(ready=status is Status.READY, status=status).model_dump()
    if status is Status.READY:
        return JSONResponse(body)
    return JSONResponse(body, status_code=503, headers={"Retry-After": str(UNAVAILABLE_RETRY_AFTER_S)})


@ops_router.get("/metrics", response_class=Response)
async def metrics(state: StateDep) -> Response:
    """Prometheus text exposition of this instance's metrics."""
    content, content_type = state.metrics.exposition()
    return Response(content, media_type=content_type)
