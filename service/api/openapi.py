"""The OpenAPI document, with the examples exactly as the schemas declare them.

FastAPI drops every `null` while encoding the OpenAPI document, examples included, so the
example manifest would lose the keys whose value is null, although the contract requires
every key. The examples are put back as pydantic renders them.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel

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
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
