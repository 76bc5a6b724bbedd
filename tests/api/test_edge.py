"""The edge against hostile or careless clients: bodies that are not quite JSON, options that
are not quite numbers, keys checked before bodies, oversized heads, stalled and abandoned
uploads. Every refusal has the one error body shape and is never a 5xx."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest
from pydantic import SecretStr

from service.config import Settings
from service.metrics import RejectReason
from tests.api.serving import Served, serve

pytestmark = pytest.mark.anyio

TEXT = "SEA WAYBILL SWB-0042\nShipper: Nordlicht Optik AG, Hauptstr. 4, 80331 Muenchen, DE\n2 CTNS 45,5 KG"
JSON = {"Content-Type": "application/json"}
ERROR_KEYS = {"status", "error", "message", "details"}


def assert_error(response: Any, status: int, error: str, message: str) -> None:
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert (response.status_code, body["status"], body["error"], body["message"]) == (
        status,
        status,
        error,
        message,
    )


async def status_count(served: Served, status_class: str) -> float:
    return await served.metric(
        "manifest_parser_request_duration_seconds_count",
        {"endpoint": "/v1/parse", "status_class": status_class},
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b'{"text": "x", "options": {"timeout_s": NaN}}',
            "body: NaN is not a JSON value; send numbers as finite decimals",
        ),
        (
            b'{"text": "x", "options": {"timeout_s": -Infinity}}',
            "body: -Infinity is not a JSON value; send numbers as finite decimals",
        ),
        (
            b'{"text": "x", "options": {"timeout_s": 1e400}}',
            "body: number 1e400 is out of range (JSON numbers here must be finite doubles)",
        ),
        (
            b'{"text": "x", "options": {"max_new_tokens": 1e400}}',
            "body: number 1e400 is out of range (JSON numbers here must be finite doubles)",
        ),
        (
            b'{"text": "x", "options": {"max_new_tokens": ' + b"9" * 4301 + b"}}",
            "body: a number of 4301 digits is too long (at most 4300)",
        ),
        (
            b'{"text": ' + b"[" * 10_000 + b"]" * 10_000 + b"}",
            "body: JSON is nested more than 32 levels deep; this API's bodies nest 3",
        ),
        (
            b'{"text": ' + b"[" * 40 + b"]" * 40 + b"}",  # parses, but is refused before it is echoed
            "body: JSON is nested more than 32 levels deep; this API's bodies nest 3",
        ),
        (
            b'{"text": "x",}',
            "body.13: invalid JSON: Expecting property name enclosed in double quotes (line 1, column 14)",
        ),
    ],
)
async def test_body_that_is_not_strict_json_is_422_in_the_error_shape(
    settings: Settings, content: bytes, message: str
) -> None:
    async with serve(settings) as served:
        response = await served.client.post("/v1/parse", content=content, headers=JSON)
        server_errors = await status_count(served, "5xx")
    assert_error(response, 422, "invalid_request", message)
    assert response.json()["details"][0]["type"] == "json_invalid"
    assert server_errors == 0


@pytest.mark.parametrize(
    ("options", "location", "kind"),
    [
        ({"max_new_tokens": True}, "max_new_tokens", "int_type"),
        ({"max_new_tokens": "10"}, "max_new_tokens", "int_type"),
        ({"max_new_tokens": 10.0}, "max_new_tokens", "int_type"),
        ({"beam_width": False}, "beam_width", "int_type"),
        ({"timeout_s": "5"}, "timeout_s", "float_type"),
        ({"timeout_s": True}, "timeout_s", "float_type"),
        ({"timeout_s": 5e-324}, "timeout_s", "greater_than_equal"),
        ({"timeout_s": 0.5}, "timeout_s", "greater_than_equal"),
    ],
)
async def test_options_are_not_coerced(
    settings: Settings, options: dict[str, Any], location: str, kind: str
) -> None:
    async with serve(settings) as served:
        response = await served.client.post("/v1/parse", json={"text": TEXT, "options": options})
    assert response.status_code == 422
    (detail,) = response.json()["details"]
    assert (detail["loc"], detail["type"]) == (["body", "options", location], kind)


async def test_numbers_that_are_whole_are_accepted_as_timeouts(settings: Settings) -> None:
    async with serve(settings) as served:
        response = await served.client.post(
            "/v1/parse", json={"text": TEXT, "options": {"timeout_s": 30, "max_new_tokens": 8}}
        )
    assert response.status_code == 200


async def test_batch_wide_option_error_is_one_422_for_the_request(settings: Settings) -> None:
    documents = [{"id": "a", "text": TEXT}, {"id": "b", "text": TEXT}]
    async with serve(settings) as served:
        response = await served.client.post(
            "/v1/parse/batch", json={"documents": documents, "options": {"max_new_tokens": 49}}
        )
        refused = await served.metric("manifest_parser_rejected_requests_total", {"reason": "bad_request"})
    assert_error(
        response, 422, "invalid_request", "options.max_new_tokens is 49; this service allows at most 48"
    )
    assert refused == 1


async def test_openapi_states_the_limits_the_service_enforces(settings: Settings) -> None:
    async with serve(settings) as served:
        schema = (await served.client.get("/openapi.json")).json()
    components = schema["components"]["schemas"]
    options = components["ParseOptions"]
    assert options["properties"]["max_new_tokens"]["anyOf"][0] == {
        "type": "integer",
        "minimum": 1,
        "maximum": 48,
    }
    assert options["properties"]["timeout_s"]["anyOf"][0] == {
        "type": "number",
        "minimum": 1,
        "maximum": 3600,
    }
    assert options["if"] == {"properties": {"decoding": {"const": "beam"}}, "required": ["decoding"]}
    assert options["then"] == {"properties": {"beam_width": {"maximum": 4}}}
    assert components["BatchRequest"]["properties"]["documents"]["maxItems"] == 4
    for model in ("ParseRequest", "BatchDocument"):
        text = components[model]["properties"]["text"]
        assert (text["type"], text["minLength"], text["pattern"]) == ("string", 1, r"\S")
    parse = schema["paths"]["/v1/parse"]["post"]
    assert parse["security"] == [{"APIKeyHeader": []}]
    assert "WWW-Authenticate" in parse["responses"]["401"]["headers"]
    for path in ("/healthz", "/readyz", "/metrics", "/v1/model", "/v1/parse/batch"):
        operation = next(iter(schema["paths"][path].values()))
        assert "431" in operation["responses"], path


async def test_api_key_is_checked_before_the_body_is_read(settings: Settings) -> None:
    guarded = settings.model_copy(update={"api_key": SecretStr("k3y")})
    sent = 0

    async def body() -> AsyncIterator[bytes]:
        nonlocal sent
        for _ in range(100):
            sent += 1
            yield b"x" * 1024

    async with serve(guarded) as served:
        client = served.client
        answers = [
            await client.post("/v1/parse", content=body(), headers=JSON),  # 413 were it read
            await client.post("/v1/parse", content=b"text=x", headers={"Content-Type": "text/plain"}),
            await client.post("/v1/parse", content=b"{not json", headers=JSON),
            await client.post("/v1/parse/batch", json={"documents": []}),
            await client.get("/v1/no-such-thing"),
        ]
        counted = await served.metric("manifest_parser_rejected_requests_total", {"reason": "unauthorized"})
    for response in answers:
        assert_error(response, 401, "unauthorized", "missing or wrong X-API-Key header")
        assert response.headers["WWW-Authenticate"] == 'ApiKey realm="manifest-parser", header="X-API-Key"'
    assert sent == 0
    assert counted == len(answers)


@pytest.mark.parametrize("path", ["/healthz", "/v1/parse", "/nowhere"])
async def test_every_answer_says_nosniff(settings: Settings, path: str) -> None:
    async with serve(settings) as served:
        response = await served.client.request("GET" if path != "/v1/parse" else "POST", path, json={})
    assert response.headers["X-Content-Type-Options"] == "nosniff"


async def test_unknown_path_and_wrong_method_answer_in_the_error_shape(settings: Settings) -> None:
    async with serve(settings) as served:
        unknown = await served.client.get("/v2/parse")
        wrong_method = await served.client.delete("/v1/parse")
    assert_error(unknown, 404, "not_found", "Not Found")
    assert_error(wrong_method, 405, "method_not_allowed", "Method Not Allowed")
    assert wrong_method.headers["Allow"] == "POST"


async def test_request_head_over_the_limit_is_431(settings: Settings) -> None:
    async with serve(settings) as served:
        response = await served.client.get("/healthz", headers={"X-Padding": "p" * 70_000})
        counted = await served.metric("manifest_parser_rejected_requests_total", {"reason": "too_large"})
    size = response.json()["message"].split()[3]
    assert int(size) > 70_000
    assert_error(
        response, 431, "headers_too_large", f"request headers are {size} bytes; the limit is 16384 bytes"
    )
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert counted == 1


async def test_stalled_upload_is_408_after_the_body_timeout(settings: Settings) -> None:
    quick = settings.model_copy(update={"body_timeout_s": 0.3})

    async def stalls() -> AsyncIterator[bytes]:
        yield b'{"text": "'
        await asyncio.sleep(60)
        yield b'"}'

    async with serve(quick) as served:
        started = asyncio.get_running_loop().time()
        response = await served.client.post("/v1/parse", content=stalls(), headers=JSON)
        waited = asyncio.get_running_loop().time() - started
        counted = await served.metric("manifest_parser_rejected_requests_total", {"reason": "bad_request"})
    assert_error(response, 408, "request_timeout", "the request body did not arrive within 0.3 s")
    assert 0.3 <= waited < 5
    assert counted == 1


async def test_client_that_hangs_up_during_its_upload_is_499_not_an_error(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    messages: list[dict[str, Any]] = [
        {"type": "http.request", "body": b'{"text": "half a docu', "more_body": True},
        {"type": "http.disconnect"},
    ]

    async def receive() -> dict[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        pass

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v1/parse",
        "raw_path": b"/v1/parse",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"service.test"), (b"content-type", b"application/json")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    async with serve(settings) as served:
        with caplog.at_level(logging.INFO):
            await served.app(scope, receive, send)
        client_errors = await status_count(served, "4xx")
        server_errors = await status_count(served, "5xx")
    assert (client_errors, server_errors) == (1, 0)
    assert [record for record in caplog.records if record.levelno >= logging.WARNING] == []
    (access,) = [record for record in caplog.records if record.name == "manifest_parser.access"]
    assert access.getMessage() == "POST /v1/parse 499"


async def test_refusals_before_auth_are_counted_once(settings: Settings) -> None:
    """A 431 from the head guard is one refusal, not also an auth failure."""
    guarded = settings.model_copy(update={"api_key": SecretStr("k3y")})
    async with serve(guarded) as served:
        response = await served.client.post("/v1/parse", json={"text": TEXT}, headers={"X-Pad": "p" * 20_000})
        counted = {
            reason.value: await served.metric(
                "manifest_parser_rejected_requests_total", {"reason": reason.value}
            )
            for reason in (RejectReason.TOO_LARGE, RejectReason.UNAUTHORIZED)
        }
    assert response.status_code == 431
    assert counted == {"too_large": 1, "unauthorized": 0}
