"""The real server (`manifest-parser serve` under uvicorn) on a loopback port.

What only a real server shows: a client that hangs up aborts its request and frees its slot,
and SIGTERM drains (every accepted request answered) before the process exits with 0.
A random model's output soon loops and is closed by the repetition stop, so these servers sleep
before every decode step (`tests.slow_serve`): a request is then in flight for seconds, long
enough to act on it while it runs (stopping one takes a tenth of a second).
The wire-level limits (no Server header, head size, stalled uploads) are checked here too.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from service.config import ENV_PREFIX
from tests.api.conftest import LONG_OUTPUT_TOKENS
from tests.api.serving import sample_value
from tests.live_server import live_server

pytestmark = pytest.mark.slow

TEXT = "SEA WAYBILL SWB-0042\nShipper: Nordlicht Optik AG, Hauptstr. 4, 80331 Muenchen, DE\n2 CTNS 45,5 KG"
LONG_REQUEST: dict[str, object] = {"text": TEXT}  # the server's max_new_tokens: LONG_OUTPUT_TOKENS
WAIT_S = 30.0
STEP_DELAY_S = 0.05


def env(**settings: object) -> dict[str, str]:
    return {ENV_PREFIX + name.upper(): str(value) for name, value in settings.items()}


def metric(base_url: str, name: str, labels: dict[str, str] | None = None) -> float:
    return sample_value(httpx.get(base_url + "/metrics").text, name, labels or {})


def generations(base_url: str) -> float:
    name = "manifest_parser_generations_total"
    return sum(metric(base_url, name, {"finish_reason": reason}) for reason in ("eos", "length"))


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {WAIT_S}s for: {what}")
        time.sleep(0.01)


def send_raw_request(base_url: str, path: str, body: dict[str, object]) -> socket.socket:
    """Send a request on a bare socket and return it unread, so the test can hang up."""
    address = urlsplit(base_url)
    connection = socket.create_connection((address.hostname, address.port))
    payload = json.dumps(body).encode()
    head = f"POST {path} HTTP/1.1\r\nHost: {address.netloc}\r\nContent-Type: application/json\r\n"
    connection.sendall(head.encode() + f"Content-Length: {len(payload)}\r\n\r\n".encode() + payload)
    return connection


def test_client_disconnect_aborts_the_request_and_frees_its_slot(long_output_model_store: Path) -> None:
    with live_server(
        long_output_model_store, env(max_slots=1, max_new_tokens=LONG_OUTPUT_TOKENS), STEP_DELAY_S
    ) as server:
        url = server.base_url
        connection = send_raw_request(url, "/v1/parse", LONG_REQUEST)
        wait_until(lambda: metric(url, "manifest_parser_requests_running") == 1, "the request to run")
        connection.close()
        wait_until(lambda: metric(url, "manifest_parser_requests_running") == 0, "the slot to be freed")
        assert generations(url) == 0  # aborted, never finished
        next_one = httpx.post(
            url + "/v1/parse", json={"text": TEXT, "options": {"max_new_tokens": 16}}, timeout=60
        )
        assert next_one.status_code == 200
        assert generations(url) == 1
        client_closed = metric(
            url,
            "manifest_parser_request_duration_seconds_count",
            {"endpoint": "/v1/parse", "status_class": "4xx"},
        )
        logged_499 = any(line.get("status") == 499 for line in server.log_lines())
    assert client_closed == 1
    assert logged_499


def test_sigterm_keeps_listening_through_the_grace_period_then_drains_and_exits_0(
    long_output_model_store: Path,
) -> None:
    """A load balancer that lags behind the signal still connects, and is told 503 + Retry-After."""
    grace_s = 4.0
    settings = env(max_slots=4, max_new_tokens=LONG_OUTPUT_TOKENS, drain_timeout_s=60, drain_grace_s=grace_s)
    with live_server(long_output_model_store, settings, STEP_DELAY_S) as server:
        url = server.base_url
        with ThreadPoolExecutor(max_workers=3) as pool:
            pending = [
                pool.submit(httpx.post, url + "/v1/parse", json=LONG_REQUEST, timeout=120) for _ in range(3)
            ]
            wait_until(lambda: metric(url, "manifest_parser_requests_running") == 3, "three requests to run")
            signalled = time.monotonic()
            server.terminate()
            wait_until(lambda: httpx.get(url + "/readyz").status_code == 503, "readiness to turn 503")
            late = httpx.post(url + "/v1/parse", json={"text": TEXT}, timeout=10)  # a new connection
            late_at = time.monotonic() - signalled
            responses = [future.result() for future in pending]
        assert server.process.wait(timeout=WAIT_S) == 0
        stopped_after = time.monotonic() - signalled
        messages = [line["message"] for line in server.log_lines()]
    assert late_at < grace_s
    assert (late.status_code, late.headers["Retry-After"], late.json()["error"]) == (503, "5", "draining")
    assert [response.status_code for response in responses] == [200, 200, 200]
    assert stopped_after >= grace_s
    assert "draining" in messages


def test_the_wire_shows_no_server_header_refuses_large_heads_and_times_out_stalled_heads_and_bodies(
    tiny_model_store: Path,
) -> None:
    with live_server(tiny_model_store, env(body_timeout_s=0.5, head_timeout_s=0.5)) as server:
        url = server.base_url
        health = httpx.get(url + "/healthz")
        large_head = httpx.get(url + "/healthz", headers={"X-Padding": "p" * 70_000})
        connection = send_raw_head(url, "/v1/parse", content_length=100)
        connection.sendall(b'{"text": "')  # and nothing more
        started = time.monotonic()
        stalled = read_until_closed(connection)
        waited = time.monotonic() - started
        address = urlsplit(url)
        half_head = socket.create_connection((address.hostname, address.port))
        half_head.sendall(b"GET /healthz HTTP/1.1\r\nHost: ")  # and nothing more
        started = time.monotonic()
        unanswered = read_until_closed(half_head)
        head_waited = time.monotonic() - started
    assert "server" not in health.headers
    assert health.headers["X-Content-Type-Options"] == "nosniff"
    assert large_head.status_code == 431
    assert large_head.json()["error"] == "headers_too_large"
    head, _, body = stalled.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 408 ")
    assert json.loads(body)["message"] == "the request body did not arrive within 0.5 s"
    assert 0.5 <= waited < 10  # answered, and the connection closed, instead of held open
    assert unanswered == b""  # no request to answer: the connection is closed
    assert 0.4 <= head_waited < 10


def send_raw_head(base_url: str, path: str, content_length: int) -> socket.socket:
    address = urlsplit(base_url)
    connection = socket.create_connection((address.hostname, address.port))
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {address.netloc}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {content_length}\r\n\r\n"
    )
    connection.sendall(head.encode())
    return connection


def read_until_closed(connection: socket.socket) -> bytes:
    connection.settimeout(WAIT_S)
    received = b""
    while chunk := connection.recv(65536):
        received += chunk
    connection.close()
    return received


def test_drain_timeout_answers_unfinished_requests_with_503_and_exits_0(
    long_output_model_store: Path,
) -> None:
    with live_server(
        long_output_model_store,
        env(max_slots=1, max_new_tokens=LONG_OUTPUT_TOKENS, drain_timeout_s=0.2),
        STEP_DELAY_S,
    ) as server:
        url = server.base_url
        with ThreadPoolExecutor(max_workers=1) as pool:
            pending = pool.submit(httpx.post, url + "/v1/parse", json=LONG_REQUEST, timeout=120)
            wait_until(lambda: metric(url, "manifest_parser_requests_running") == 1, "the request to run")
            server.terminate()
            response = pending.result()
        assert response.status_code == 503, response.text
        assert response.json()["error"] == "draining"
        assert server.process.wait(timeout=WAIT_S) == 0
