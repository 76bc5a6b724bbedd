"""Every refusal has its own status, a clear message and its count; nothing is truncated or lost.

The real engine serves these requests; it is patched only to force what a healthy engine on
a random model never does by itself (a runner crash, an output that breaks the contract).
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from pydantic import SecretStr

from service.api.schemas import MIN_TIMEOUT_S
from service.config import Settings
from service.engine.types import DecodeParams, GenerationResult
from service.metrics import RejectReason
from service.tokenizer import Tokenizer
from tests.api.serving import Served, serve
from tests.conftest import TINY_MAX_SOURCE_LEN, TINY_VERSION

pytestmark = pytest.mark.anyio

TEXT = "BILL OF LADING B/L No.: HLCUHAM260312877\nShipper: Voss Maschinenbau GmbH, Bielefeld, GERMANY"


async def rejections(served: Served) -> dict[str, float]:
    return {
        reason.value: await served.metric("manifest_parser_rejected_requests_total", {"reason": reason.value})
        for reason in RejectReason
    }


def only(reason: RejectReason, count: int = 1) -> dict[str, float]:
    return {other.value: float(count if other is reason else 0) for other in RejectReason}


@pytest.mark.parametrize(
    ("body", "location"),
    [
        ({"text": TEXT, "options": {"decoding": "sampling"}}, ["body", "options", "decoding"]),
        ({"text": TEXT, "options": {"max_new_tokens": 0}}, ["body", "options", "max_new_tokens"]),
        ({"text": TEXT, "options": {"timeout_s": -1}}, ["body", "options", "timeout_s"]),
        ({"text": TEXT, "option": {}}, ["body", "option"]),
        ({"text": 42}, ["body", "text"]),
        ({}, ["body", "text"]),
    ],
)
async def test_malformed_body_is_422_with_the_validation_message(
    settings: Settings, body: dict[str, Any], location: list[str]
) -> None:
    async with serve(settings) as served:
        response = await served.client.post("/v1/parse", json=body)
        counted = await rejections(served)
    assert response.status_code == 422
    answer = response.json()
    assert answer["error"] == "invalid_request"
    assert answer["details"][0]["loc"] == location
    assert answer["message"].startswith(".".join(location) + ": ")
    assert counted == only(RejectReason.BAD_REQUEST)


async def test_body_that_is_not_json_is_422(settings: Settings) -> None:
    async with serve(settings) as served:
        response = await served.client.post(
            "/v1/parse", content=b'{"text": "unterminated', headers={"Content-Type": "application/json"}
        )
    assert response.status_code == 422
    assert response.json()["details"][0]["type"] == "json_invalid"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"max_new_tokens": 49}, "options.max_new_tokens is 49; this service allows at most 48"),
        (
            {"decoding": "beam", "beam_width": 5},
            "options.beam_width is 5; a beam needs a decode slot and this service has 4",
        ),
    ],
)
async def test_options_beyond_the_configured_limits_are_422(
    settings: Settings, options: dict[str, Any], message: str
) -> None:
    async with serve(settings) as served:
        response = await served.client.post("/v1/parse", json={"text": TEXT, "options": options})
    assert response.status_code == 422
    assert response.json()["message"] == message


@pytest.mark.parametrize("text", ["", "   \n\t  "])
async def test_empty_text_is_400(settings: Settings, text: str) -> None:
    async with serve(settings) as served:
        response = await served.client.post("/v1/parse", json={"text": text})
        counted = await rejections(served)
    assert (response.status_code, response.json()["message"]) == (400, "text is empty")
    assert counted == only(RejectReason.BAD_REQUEST)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b'{"text": "Shipper: M\xfcller GmbH"}',
            "request body is not valid UTF-8 (byte 20: invalid start byte)",
        ),
        (b'{"text": "Shipper: \\ud800 GmbH"}', "text is not valid UTF-8 (unpaired surrogate at character 9)"),
    ],
)
async def test_text_that_is_not_utf8_is_400(settings: Settings, content: bytes, message: str) -> None:
    async with serve(settings) as served:
        response = await served.client.post(
            "/v1/parse", content=content, headers={"Content-Type": "application/json"}
        )
    assert (response.status_code, response.json()["message"]) == (400, message)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
async def test_body_not_sent_as_json_is_415(settings: Settings, content_type: str | None) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    async with serve(settings) as served:
        response = await served.client.post("/v1/parse", content=b'{"text": "x"}', headers=headers)
        counted = await rejections(served)
    assert response.status_code == 415
    assert response.json()["error"] == "unsupported_media_type"
    assert counted == only(RejectReason.BAD_REQUEST)


async def test_body_over_the_byte_limit_is_413_with_both_sizes(settings: Settings) -> None:
    content = b'{"text": "' + b"x" * 70_000 + b'"}'
    async with serve(settings) as served:
        response = await served.client.post(
            "/v1/parse", content=content, headers={"Content-Type": "application/json"}
        )
        counted = await rejections(served)
    assert response.status_code == 413
    assert response.json()["message"] == f"request body is {len(content)} bytes; the limit is 65536 bytes"
    assert counted == only(RejectReason.TOO_LARGE)


async def test_streamed_body_is_cut_off_at_the_byte_limit(settings: Settings) -> None:
    sent = 0

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: the size is unknown up front
        nonlocal sent
        yield b'{"text": "'
        for _ in range(100):
            sent += 1
            yield b"x" * 1024

    async with serve(settings) as served:
        response = await served.client.post(
            "/v1/parse", content=chunks(), headers={"Content-Type": "application/json"}
        )
    assert response.status_code == 413
    assert response.json()["message"].startswith("request body is over 65536 bytes")
    assert sent < 100  # reading stopped at the limit


async def test_document_over_the_model_input_is_413_never_truncated(
    settings: Settings, tiny_tokenizer_path: Any
) -> None:
    text = "CONTAINER HLXU8712343 12 PLTS CARTON SEALING MACHINES 8420 KGS\n" * 60
    length = len(Tokenizer.from_file(tiny_tokenizer_path).encode(text))
    assert length > TINY_MAX_SOURCE_LEN
    async with serve(settings) as served:
        response = await served.client.post("/v1/parse", json={"text": text})
        generations = await served.metric("manifest_parser_input_tokens_count")
    assert response.status_code == 413
    assert response.json()["message"] == (
        f"document is {length} tokens long; the model reads at most {TINY_MAX_SOURCE_LEN}"
    )
    assert generations == 0


async def test_batch_over_the_document_limit_is_413(settings: Settings) -> None:
    documents = [{"text": TEXT}] * 5
    async with serve(settings) as served:
        response = await served.client.post("/v1/parse/batch", json={"documents": documents})
    assert response.status_code == 413
    assert response.json()["message"] == "batch has 5 documents; the limit is 4"


async def test_full_queue_is_429_with_retry_after_and_every_request_answered(tiny_model_store: Any) -> None:
    settings = Settings(
        model_dir=tiny_model_store, device="cpu", max_slots=1, max_waiting=1, max_new_tokens=48
    )
    async with serve(settings) as served:
        responses = await asyncio.gather(
            *(served.client.post("/v1/parse", json={"text": f"{TEXT} #{n}"}) for n in range(6))
        )
        counted = await rejections(served)
        capacity = await served.metric("manifest_parser_queue_capacity")
    statuses = [response.status_code for response in responses]
    assert set(statuses) <= {200, 429}
    refused = [response for response in responses if response.status_code == 429]
    assert refused, "a queue of one must refuse some of six simultaneous requests"
    for response in refused:
        assert int(response.headers["Retry-After"]) >= 1
        assert response.json()["error"] == "overloaded"
    assert counted == only(RejectReason.QUEUE_FULL, len(refused))
    assert capacity == 1


async def test_deadline_is_504(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    async with serve(settings) as served:
        # The shortest deadline a request may set, against decode steps of a quarter second.
        runner = served.state.engine.runner
        execute = runner.execute

        def slow_execute(output: Any) -> Any:
            time.sleep(0.25)
            return execute(output)

        monkeypatch.setattr(runner, "execute", slow_execute)
        response = await served.client.post(
            "/v1/parse", json={"text": TEXT, "options": {"timeout_s": MIN_TIMEOUT_S}}
        )
        counted = await rejections(served)
        ready = await served.client.get("/readyz")
    assert response.status_code == 504
    assert response.json()["error"] == "deadline_exceeded"
    assert counted == only(RejectReason.DEADLINE)
    assert ready.status_code == 200  # one slow request does not make the service unready


async def test_draining_refuses_new_work_with_503(settings: Settings) -> None:
    async with serve(settings) as served:
        served.state.begin_drain()
        response = await served.client.post("/v1/parse", json={"text": TEXT})
        ready = await served.client.get("/readyz")
        counted = await rejections(served)
        gauge = await served.metric("manifest_parser_ready")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    assert response.json()["error"] == "draining"
    assert (ready.status_code, ready.json()) == (503, {"ready": False, "status": "draining"})
    assert ready.headers["Retry-After"] == "5"
    assert counted == only(RejectReason.DRAINING)
    assert gauge == 0


async def test_runner_crash_fails_in_flight_work_and_flips_readiness(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_device(*args: object) -> None:
        raise RuntimeError("device lost")

    async with serve(settings) as served:
        runner = served.state.engine.runner
        monkeypatch.setattr(runner, "execute", broken_device)
        crashed = await served.client.post("/v1/parse", json={"text": TEXT})
        after = await served.client.post("/v1/parse", json={"text": TEXT})
        ready = await served.client.get("/readyz")
        health = await served.client.get("/healthz")
        gauge = await served.metric("manifest_parser_ready")
        counted = await rejections(served)
    for response in (crashed, after):
        assert response.status_code == 503
        assert response.json()["error"] == "not_ready"
        assert int(response.headers["Retry-After"]) >= 1
    assert (ready.status_code, ready.json()["status"]) == (503, "unhealthy")
    assert health.status_code == 200  # alive, so the orchestrator restarts it on readiness, not liveness
    assert gauge == 0
    assert counted == only(RejectReason.NOT_READY, 2)


async def test_output_that_breaks_the_contract_is_500_and_counted(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with serve(settings) as served:
        engine = served.state.engine
        submit = engine.submit

        async def broken_output(token_ids: list[int], params: DecodeParams) -> GenerationResult:
            result = await submit(token_ids, params)
            return dataclasses.replace(result, text='{"document_type": "bill_of_lading"}')

        monkeypatch.setattr(engine, "submit", broken_output)
        response = await served.client.post("/v1/parse", json={"text": TEXT})
        invalid = await served.metric("manifest_parser_schema_invalid_outputs_total")
        server_errors = await served.metric(
            "manifest_parser_request_duration_seconds_count", {"endpoint": "/v1/parse", "status_class": "5xx"}
        )
        counted = await rejections(served)
    assert response.status_code == 500
    assert response.json()["error"] == "invalid_output"
    assert (invalid, server_errors) == (1, 1)
    assert counted == only(RejectReason.QUEUE_FULL, 0)


async def test_unexpected_error_is_a_json_500_with_the_request_id(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with serve(settings) as served:

        async def bug(*args: object) -> None:
            raise KeyError("unforeseen")

        monkeypatch.setattr(served.app.state.parser, "parse", bug)
        response = await served.client.post("/v1/parse", json={"text": TEXT}, headers={"X-Request-ID": "r-1"})
    assert response.status_code == 500
    assert response.json() == {
        "status": 500,
        "error": "internal_error",
        "message": "internal error",
        "details": None,
    }
    assert response.headers["X-Request-ID"] == "r-1"


async def test_api_key_guards_v1_but_not_health_ready_or_metrics(settings: Settings) -> None:
    guarded = settings.model_copy(update={"api_key": SecretStr("k3y")})
    async with serve(guarded) as served:
        client = served.client
        missing = await client.post("/v1/parse", json={"text": TEXT})
        wrong = await client.post("/v1/parse", json={"text": TEXT}, headers={"X-API-Key": "nope"})
        model = await client.get("/v1/model")
        allowed = await client.post("/v1/parse", json={"text": TEXT}, headers={"X-API-Key": "k3y"})
        open_paths = [(await client.get(path)).status_code for path in ("/healthz", "/readyz", "/metrics")]
        counted = await rejections(served)
    assert [missing.status_code, wrong.status_code, model.status_code] == [401, 401, 401]
    assert missing.json()["message"] == "missing or wrong X-API-Key header"
    assert allowed.status_code == 200
    assert allowed.json()["meta"]["model_version"] == TINY_VERSION
    assert open_paths == [200, 200, 200]
    assert counted == only(RejectReason.UNAUTHORIZED, 3)
