"""`create_app(settings)`: the FastAPI application and its lifespan.

Lifespan: load the model -> start the engine -> warm up -> serve -> drain. Everything the
app holds (settings, metrics registry, engine) belongs to this one app object, so tests can
build several apps side by side, each with its own `Settings` and metrics.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import version

from fastapi import FastAPI

from service.api.apidocs import install_api_docs
from service.api.auth import ApiKeyMiddleware
from service.api.errors import install_error_handlers
from service.api.headers import HeaderGuardMiddleware
from service.api.middleware import RequestContextMiddleware
from service.api.openapi import install_openapi
from service.api.parsing import DocumentParser
from service.api.review import install_review_page
from service.api.routes import model_router, ops_router, parse_router
from service.api.state import ServiceState
from service.config import Settings
from service.metrics import Metrics

DESCRIPTION = """\
Turns the text of a freight document (bill of lading, waybill, cargo manifest, packing list,
arrival notice, CMR or CIM note) into a JSON manifest that always validates against the
manifest contract's schema. Output is decoded under the contract's grammar: a response's
`manifest` is schema-valid by construction, and validated once more before it is returned.
Schema-valid is not correct: the model misreads many values of real-world documents (its
evaluation figures are in the model card, `GET /v1/model`). A review page is served at `/`.
"""


def create_app(settings: Settings) -> FastAPI:
    metrics = Metrics(queue_capacity=settings.max_waiting)
    state = ServiceState(settings, metrics)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            await state.start()
            yield
        finally:
            await state.drain()

    app = FastAPI(
        title="manifest-parser",
        version=version("manifest-parser"),
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served from local assets by install_api_docs
        redoc_url=None,
    )
    app.state.service = state
    app.state.parser = DocumentParser(state)
    install_error_handlers(app, metrics)
    # The last added is the outermost: context (id, log, metric) -> head limit -> API key -> routes.
    app.add_middleware(ApiKeyMiddleware, api_key=settings.api_key, metrics=metrics)
    app.add_middleware(HeaderGuardMiddleware, max_header_bytes=settings.max_header_bytes, metrics=metrics)
    app.add_middleware(RequestContextMiddleware, metrics=metrics)
    for router in (parse_router, model_router, ops_router):
        app.include_router(router)
    install_openapi(app, state)
    install_api_docs(app)
    install_review_page(app)
    return app
