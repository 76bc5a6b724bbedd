"""The OpenAPI document: an example for every answer of every endpoint, and the limits this
instance is configured with, so the document is exactly as strict as the service.

FastAPI drops every `null` while encoding the OpenAPI document, examples included, so the
example manifest would lose the keys whose value is null, although the contract requires
every key. The examples are put back as pydantic renders them, and each response (success
and every error status) gets its example from `service.api.response_examples`.

Some limits are settings, not constants of the schema (the output token limit, capped by the
model; documents per batch; beam width against decode slots). The service answers them with
their own statuses (422, 413), but a client generated from a document that omits them would
send what is refused, so they are written into the document here. The output token cap is
known once the model is loaded; until then the setting stands in and nothing is cached.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel

from service.api.response_examples import ERROR_EXAMPLES, METRICS_EXAMPLE, SUCCESS_EXAMPLES
from service.api.schemas import BatchRequest, ParseRequest, ParseResponse
from service.api.state import ServiceState
from service.engine.types import Decoding

DOCUMENTED_EXAMPLES: tuple[type[BaseModel], ...] = (ParseRequest, ParseResponse, BatchRequest)


def add_configured_limits(components: dict[str, Any], state: ServiceState) -> None:
    settings = state.settings
    output_limit = state.engine.max_new_tokens if state.loaded else settings.max_new_tokens
    options = components["ParseOptions"]
    (bounded, _null) = options["properties"]["max_new_tokens"]["anyOf"]
    bounded["maximum"] = output_limit
    # A beam needs a decode slot per beam; greedy decoding ignores beam_width.
    options["if"] = {"properties": {"decoding": {"const": Decoding.BEAM.value}}, "required": ["decoding"]}
    options["then"] = {"properties": {"beam_width": {"maximum": settings.max_slots}}}
    components["BatchRequest"]["properties"]["documents"]["maxItems"] = settings.max_batch_documents


def install_openapi(app: FastAPI, state: ServiceState) -> None:
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = generate()  # FastAPI keeps this object as app.openapi_schema
        components = schema["components"]["schemas"]
        for model in DOCUMENTED_EXAMPLES:
            components[model.__name__]["examples"] = model.model_json_schema()["examples"]
        add_response_examples(schema)
        add_configured_limits(components, state)
        if not state.loaded:
            app.openapi_schema = None  # the model's output cap is not known yet
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def add_response_examples(schema: dict[str, Any]) -> None:
    """Attach the example of each (path, method, status) answer the document declares."""
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                content = response.setdefault("content", {})
                if path == "/metrics" and status == "200":  # its errors are JSON like any other
                    content["text/plain"] = {"example": METRICS_EXAMPLE}
                    content.pop("application/json", None)
                    continue
                media = content.setdefault("application/json", {})
                if (path, method, status) in SUCCESS_EXAMPLES:
                    media["example"] = SUCCESS_EXAMPLES[path, method, status]
                elif status.isdigit() and int(status) in ERROR_EXAMPLES:
                    media["examples"] = {
                        name: {"value": body} for name, body in ERROR_EXAMPLES[int(status)].items()
                    }
