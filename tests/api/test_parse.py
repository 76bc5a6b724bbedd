"""The endpoints, end to end through the ASGI app on the real engine and a tiny random model."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest

from service.api.examples import OCEAN_BL_MANIFEST, OCEAN_BL_TEXT
from service.checkpoint import CONFIG
from service.config import Settings
from service.manifest import Manifest
from service.metrics import ENDPOINTS, FINISH_REASONS, STATUS_CLASSES, RejectReason
from service.tokenizer import Tokenizer
from tests.api.serving import serve
from tests.conftest import TINY_VERSION

pytestmark = pytest.mark.anyio

SHORT_TEXT = (
    "SEA WAYBILL SWB-0042\nShipper: Nordlicht Optik AG, Hauptstr. 4, 80331 Muenchen, DE\n2 CTNS 45,5 KG"
)


def input_tokens(model_store: Path, text: str) -> int:
    return len(Tokenizer.from_file(model_store / TINY_VERSION / "tokenizer.model").encode(text))


async def test_parse_returns_a_contract_valid_manifest_and_its_meta(settings: Settings) -> None:
    async with serve(settings) as served:
        response = await served.client.post("/v1/parse", json={"text": OCEAN_BL_TEXT})
    assert response.status_code == 200
    body = response.json()
    Manifest.model_validate(body["manifest"])
    meta = body["meta"]
    assert meta["model_version"] == TINY_VERSION
    assert meta["input_tokens"] == input_tokens(settings.model_dir, OCEAN_BL_TEXT)
    assert meta["finish_reason"] in FINISH_REASONS
    assert meta["output_tokens"] > 0
    assert meta["mean_entropy"] >= 0.0
    assert 0.0 <= meta["queue_seconds"] <= meta["duration_seconds"]


async def test_the_same_document_parses_to_the_same_manifest(settings: Settings) -> None:
    async with serve(settings) as served:
        first = await served.client.post("/v1/parse", json={"text": SHORT_TEXT})
        second = await served.client.post("/v1/parse", json={"text": SHORT_TEXT})
    assert first.json()["manifest"] == second.json()["manifest"]


async def test_beam_decoding_is_served(settings: Settings) -> None:
    options = {"decoding": "beam", "beam_width": 2}
    async with serve(settings) as served:
        response = await served.client.post("/v1/parse", json={"text": SHORT_TEXT, "options": options})
    assert response.status_code == 200
    Manifest.model_validate(response.json()["manifest"])


async def test_request_id_is_echoed_or_generated(settings: Settings) -> None:
    async with serve(settings) as served:
        given = await served.client.get("/healthz", headers={"X-Request-ID": "order-77.a"})
        unsafe = await served.client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"})
        missing = await served.client.get("/healthz")
    assert given.headers["X-Request-ID"] == "order-77.a"
    for response in (unsafe, missing):
        generated = response.headers["X-Request-ID"]
        assert len(generated) == 32 and int(generated, 16) >= 0
    assert unsafe.headers["X-Request-ID"] != missing.headers["X-Request-ID"]


async def test_batch_answers_every_document_in_order(settings: Settings) -> None:
    documents = [
        {"id": "bl", "text": OCEAN_BL_TEXT},
        {"id": "blank", "text": "  \n "},
        {"text": SHORT_TEXT},
    ]
    async with serve(settings) as served:
        response = await served.client.post("/v1/parse/batch", json={"documents": documents})
        rejected = await served.metric("manifest_parser_rejected_requests_total", {"reason": "bad_request"})
        generations = sum(
            [
                await served.metric("manifest_parser_generations_total", {"finish_reason": reason})
                for reason in FINISH_REASONS
            ]
        )
    assert response.status_code == 200
    results = response.json()["results"]
    assert [result["id"] for result in results] == ["bl", "blank", None]
    error = {"status": 400, "error": "bad_document", "message": "text is empty", "details": None}
    assert results[1] == {"id": "blank", "manifest": None, "provenance": None, "meta": None, "error": error}
    for result in (results[0], results[2]):
        Manifest.model_validate(result["manifest"])
        assert result["meta"]["model_version"] == TINY_VERSION
        assert result["error"] is None
    assert results[0]["meta"]["input_tokens"] == input_tokens(settings.model_dir, OCEAN_BL_TEXT)
    assert rejected == 1
    assert generations == 2


async def test_metrics_count_exactly_what_was_served(settings: Settings) -> None:
    async with serve(settings) as served:
        before = await served.client.get("/metrics")
        parsed = (await served.client.post("/v1/parse", json={"text": SHORT_TEXT})).json()["meta"]
        too_large = await served.client.post("/v1/parse", json={"text": "x " * 5000})
        metric = served.metric
        finish = parsed["finish_reason"]
        other = next(reason for reason in FINISH_REASONS if reason != finish)
        assert await metric("manifest_parser_generations_total", {"finish_reason": finish}) == 1
        assert await metric("manifest_parser_generations_total", {"finish_reason": other}) == 0
        assert await metric("manifest_parser_input_tokens_total") == parsed["input_tokens"]
        assert await metric("manifest_parser_output_tokens_total") == parsed["output_tokens"]
        assert await metric("manifest_parser_input_tokens_count") == 1
        assert await metric("manifest_parser_output_tokens_sum") == parsed["output_tokens"]
        assert await metric("manifest_parser_decoder_entropy_nats_sum") == pytest.approx(
            parsed["mean_entropy"]
        )
        assert await metric("manifest_parser_queue_wait_seconds_count") == 1
        assert await metric("manifest_parser_time_to_first_token_seconds_count") == 1
        assert await metric("manifest_parser_decode_step_seconds_count") >= 1
        assert 0 < await metric("manifest_parser_forced_tokens_total") <= parsed["output_tokens"]
        assert await metric("manifest_parser_requests_running") == 0
        assert await metric("manifest_parser_requests_waiting") == 0
        duration = "manifest_parser_request_duration_seconds_count"
        assert await metric(duration, {"endpoint": "/v1/parse", "status_class": "2xx"}) == 1
        assert await metric(duration, {"endpoint": "/v1/parse", "status_class": "4xx"}) == 1
        assert await metric(duration, {"endpoint": "/v1/parse/batch", "status_class": "2xx"}) == 0
        assert await metric("manifest_parser_rejected_requests_total", {"reason": "too_large"}) == 1
        assert await metric("manifest_parser_schema_invalid_outputs_total") == 0
    assert too_large.status_code == 413
    # nothing was counted before the first request (warm-up is not traffic)
    assert "manifest_parser_generations_total" in before.text
    for reason in FINISH_REASONS:
        assert f'manifest_parser_generations_total{{finish_reason="{reason}"}} 0.0' in before.text


async def test_every_labelled_series_exists_from_start(settings: Settings) -> None:
    async with serve(settings) as served:
        exposition = (await served.client.get("/metrics")).text
    for endpoint in ENDPOINTS:
        for status in STATUS_CLASSES:
            series = f'endpoint="{endpoint}",status_class="{status}"'
            assert f"manifest_parser_request_duration_seconds_count{{{series}}} 0.0" in exposition
    for reason in RejectReason:
        assert f'manifest_parser_rejected_requests_total{{reason="{reason}"}} 0.0' in exposition
    assert "manifest_parser_queue_capacity 16.0" in exposition
    assert "manifest_parser_ready 1.0" in exposition
    assert 'manifest_parser_model_info{device="cpu",parameters="' in exposition
    assert f'version="{TINY_VERSION}"}} 1.0' in exposition


async def test_two_concurrent_requests_share_decode_steps(settings: Settings) -> None:
    async with serve(settings) as served:
        responses = await asyncio.gather(
            served.client.post("/v1/parse", json={"text": OCEAN_BL_TEXT}),
            served.client.post("/v1/parse", json={"text": SHORT_TEXT}),
        )
        single = await served.metric("manifest_parser_batch_size_bucket", {"le": "1.0"})
        up_to_two = await served.metric("manifest_parser_batch_size_bucket", {"le": "2.0"})
    assert [response.status_code for response in responses] == [200, 200]
    assert up_to_two - single >= 1  # at least one step decoded both documents


async def test_model_endpoint_describes_the_loaded_version(settings: Settings) -> None:
    async with serve(settings) as served:
        response = await served.client.get("/v1/model")
        parameters = served.state.engine.model.num_parameters()
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == TINY_VERSION
    assert body["device"] == "cpu"
    assert body["parameters"] == parameters
    assert body["config"] == json.loads((settings.model_dir / TINY_VERSION / CONFIG).read_text())
    assert body["max_input_tokens"] == body["config"]["max_source_len"]
    assert body["max_new_tokens"] == settings.max_new_tokens
    assert body["card"]["description"] == "random weights for tests"


async def test_health_and_readiness(settings: Settings) -> None:
    async with serve(settings) as served:
        health = await served.client.get("/healthz")
        ready = await served.client.get("/readyz")
        metrics = await served.client.get("/metrics")
    assert (health.status_code, health.json()) == (200, {"status": "alive"})
    assert (ready.status_code, ready.json()) == (200, {"ready": True, "status": "ready"})
    assert metrics.headers["content-type"].startswith("text/plain")


async def test_openapi_documents_the_example_document(settings: Settings) -> None:
    async with serve(settings) as served:
        schema = (await served.client.get("/openapi.json")).json()
    components = schema["components"]["schemas"]
    assert components["ParseRequest"]["examples"][0]["text"] == OCEAN_BL_TEXT
    assert components["ParseResponse"]["examples"][0]["manifest"] == OCEAN_BL_MANIFEST
    responses = schema["paths"]["/v1/parse"]["post"]["responses"]
    assert {"200", "400", "401", "413", "415", "422", "429", "500", "503", "504"} <= set(responses)


async def test_health_answers_while_eight_documents_are_tokenized(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tokenizing is CPU work of up to a second for a large text: it must not stall the event loop."""
    started: list[str] = []
    finished: list[str] = []

    async with serve(settings) as served:
        tokenizer = served.state.runtime.tokenizer
        encode = tokenizer.encode

        def slow_encode(text: str) -> list[int]:
            started.append(text)
            time.sleep(0.5)  # holds whatever thread runs it, as a long tokenizer call does
            finished.append(text)
            return encode(text)

        monkeypatch.setattr(tokenizer, "encode", slow_encode)
        parses = asyncio.gather(
            *(served.client.post("/v1/parse", json={"text": f"{SHORT_TEXT} #{n}"}) for n in range(8))
        )
        answered_while_tokenizing: list[float] = []
        while not parses.done():
            begun = time.perf_counter()
            health = await served.client.get("/healthz")
            assert health.status_code == 200
            if len(started) > len(finished):
                answered_while_tokenizing.append(time.perf_counter() - begun)
            await asyncio.sleep(0.02)
        responses = await parses
    assert len(answered_while_tokenizing) >= 5
    assert max(answered_while_tokenizing) < 0.25
    assert [response.status_code for response in responses] == [200] * 8
