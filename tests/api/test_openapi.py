"""The OpenAPI document has an example for every answer, and the error examples are true."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from service.api.examples import OCEAN_BL_TEXT
from service.api.response_examples import ERROR_EXAMPLES, PROVENANCE_EXAMPLE, SUCCESS_EXAMPLES
from service.api.schemas import (
    BatchResponse,
    ErrorBody,
    Health,
    ModelDescription,
    ParseResponse,
    Readiness,
)
from service.app import create_app
from service.config import Settings
from tests.api.serving import serve


def test_every_declared_answer_has_an_example(settings: Settings) -> None:
    document = create_app(settings).openapi()
    answers = 0
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                (media,) = response["content"].values()
                assert "example" in media or media.get("examples"), (path, method, status)
                answers += 1
    # parse and batch: 200 + 11 errors each; model: 4; health 2, ready 3, metrics 2 (431 on every route)
    assert answers == 35


def test_error_examples_are_error_bodies_with_their_own_status() -> None:
    for status, examples in ERROR_EXAMPLES.items():
        for body in examples.values():
            assert ErrorBody.model_validate(body).status == status


def test_success_examples_are_valid_answers() -> None:
    models = {
        "/v1/parse": ParseResponse,
        "/v1/parse/batch": BatchResponse,
        "/v1/model": ModelDescription,
        "/healthz": Health,
        "/readyz": Readiness,
    }
    for (path, _, _), example in SUCCESS_EXAMPLES.items():
        models[path].model_validate(example)
    for entry in PROVENANCE_EXAMPLE:
        for span in entry["spans"]:
            assert OCEAN_BL_TEXT[span["start"] : span["end"]] == span["text"]


def first_example(status: int) -> dict[str, Any]:
    return next(iter(ERROR_EXAMPLES[status].values()))


@pytest.mark.anyio
async def test_error_examples_are_what_the_service_answers(settings: Settings) -> None:
    async with serve(settings) as served:
        requests: dict[int, httpx.Response] = {
            400: await served.client.post("/v1/parse", json={"text": " "}),
            415: await served.client.post("/v1/parse", content="x", headers={"Content-Type": "text/plain"}),
            422: await served.client.post("/v1/parse", json={"text": "x", "options": {"decoding": "fast"}}),
        }
    for status, response in requests.items():
        assert (response.status_code, response.json()) == (status, first_example(status))


@pytest.mark.anyio
async def test_unauthorized_example_is_what_the_service_answers(settings: Settings) -> None:
    keyed = settings.model_copy(update={"api_key": SecretStr("s3cret")})
    async with serve(keyed) as served:
        response = await served.client.post("/v1/parse", json={"text": "x"})
    assert (response.status_code, response.json()) == (401, first_example(401))
