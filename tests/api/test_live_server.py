"""The real server (`manifest-parser serve` under uvicorn) on a loopback port.

What only a real server shows: a client that hangs up aborts its request and frees its slot,
and SIGTERM drains (every accepted request answered) before the process exits with 0.
A random model writes until its token limit; at a few thousand tokens a request is in flight
for seconds, long enough to act on it while it runs (stopping one takes a tenth of a second).
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
    with live_server(long_output_model_store, env(max_slots=1, max_new_tokens=LONG_OUTPUT_TOKENS)) as server:
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


def test_sigterm_drains_in_flight_requests_then_exits_0(long_output_model_store: Path) -> None:
    with live_server(
        long_output_model_store, env(max_slots=4, max_new_tokens=LONG_OUTPUT_TOKENS, drain_timeout_s=60)
    ) as server:
        url = server.base_url
        with ThreadPoolExecutor(max_workers=3) as pool:
            pending = [
                pool.submit(httpx.post, url + "/v1/parse", json=LONG_REQUEST, timeout=120) for _ in range(3)
            ]
            wait_until(lambda: metric(url, "manifest_parser_requests_running") == 3, "three requests to run")
            server.terminate()
            responses = [future.result() for future in pending]
        assert [response.status_code for response in responses] == [200, 200, 200]
        assert server.process.wait(timeout=WAIT_S) == 0
        messages = [line["message"] for line in server.log_lines()]
    assert "draining" in messages


def test_drain_timeout_answers_unfinished_requests_with_503_and_exits_0(
    long_output_model_store: Path,
) -> None:
    with live_server(
        long_output_model_store, env(max_slots=1, max_new_tokens=LONG_OUTPUT_TOKENS, drain_timeout_s=0.2)
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
