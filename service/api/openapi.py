"""The OpenAPI document, with an example for every answer of every endpoint.

FastAPI drops every `null` while encoding the OpenAPI document, examples included, so the
example manifest would lose the keys whose value is null, although the contract requires
every key. The examples are put back as pydantic renders them, and each response (success
and every error status) gets its example from `service.api.response_examples`.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel

from service.api.response_examples import ERROR_EXAMPLES, METRICS_EXAMPLE, SUCCESS_EXAMPLES
from service.api.schemas import BatchRequest, ParseRequest, ParseResponse

DOCUMENTED_EXAMPLES: tuple[type[BaseModel], ...] = (ParseRequest, ParseResponse, BatchRequest)


def keep_example_nulls(app: FastAPI) -> None:
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        schema = app.openapi_schema
        if schema is None:
            schema = generate()  # FastAPI keeps this object as app.openapi_schema
            components = schema["components"]["schemas"]
            for model in DOCUMENTED_EXAMPLES:
                components[model.__name__]["examples"] = model.model_json_schema()["examples"]
            add_response_examples(schema)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def add_response_examples(schema: dict[str, Any]) -> None:
    """Attach the example of each (path, method, status) answer the document declares."""
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                content = response.setdefault("content", {})
                if path == "/metrics":
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
