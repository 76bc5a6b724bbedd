"""The real service in a subprocess (`manifest-parser serve`) on a free loopback port.

For end-to-end tests that need a real server: client disconnects, SIGTERM draining, and a
real Prometheus scraping `/metrics`. The port is chosen by the server itself (`--port 0`) and
read back from its startup log line, so parallel runs cannot race for a port.

    with live_server(model_store) as server:
        send_sample_traffic(server.base_url)
        httpx.get(server.base_url + "/metrics")
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx

from service.config import ENV_PREFIX

_LISTENING = re.compile(r"Uvicorn running on (http://[^ ]+)")
STARTUP_TIMEOUT_S = 60.0


@dataclass(slots=True)
class LiveServer:
    process: subprocess.Popen[bytes]
    base_url: str
    log_path: Path

    def log_lines(self) -> list[dict[str, object]]:
        """The server's log records so far; every line of its output must be one JSON object."""
        lines = self.log_path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line]

    def terminate(self) -> None:
        self.process.send_signal(signal.SIGTERM)


def _wait_for_url(process: subprocess.Popen[bytes], log_path: Path, deadline: float) -> str:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{log_path.read_text()}")
        for line in log_path.read_text(encoding="utf-8").splitlines():
            match = _LISTENING.search(line)
            if match:
                return match.group(1)
        time.sleep(0.05)
    raise TimeoutError(f"server did not start listening:\n{log_path.read_text()}")


def _wait_until_ready(base_url: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            if httpx.get(base_url + "/readyz", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{base_url}/readyz never answered 200")


@contextmanager
def live_server(
    model_dir: Path, env: Mapping[str, str] | None = None, step_delay_s: float = 0.0
) -> Iterator[LiveServer]:
    """Start the service on the model at `model_dir` (CPU); `env` adds MANIFEST_PARSER_* settings.

    The drain grace period is 0 unless `env` sets it, so stopping takes no longer than the test
    needs. `step_delay_s` slows every decode step (`tests.slow_serve`), so requests stay in flight
    long enough to act on them. Yields once /readyz answers 200. On exit the process is stopped
    (SIGTERM, then SIGKILL) unless the test already did so."""
    environment = {**os.environ, ENV_PREFIX + "DRAIN_GRACE_S": "0", **(env or {})}
    entry = ["tests.slow_serve", str(step_delay_s)] if step_delay_s else ["service.cli"]
    command = [sys.executable, "-m", *entry, "serve", "--host", "127.0.0.1", "--port", "0"]
    command += ["--model-dir", str(model_dir), "--device", "cpu"]
    with TemporaryDirectory(prefix="live-server-") as directory:
        log_path = Path(directory) / "server.log"
        with log_path.open("wb") as log:
            process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=environment)
        try:
            deadline = time.monotonic() + STARTUP_TIMEOUT_S
            base_url = _wait_for_url(process, log_path, deadline)
            _wait_until_ready(base_url, deadline)
            yield LiveServer(process, base_url, log_path)
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


SAMPLE_DOCUMENT = (
    "SEA WAYBILL SWB-0042\nShipper: Nordlicht Optik AG, Hauptstr. 4, 80331 Muenchen, DE\n2 CTNS 45,5 KG"
)


def send_sample_traffic(base_url: str) -> None:
    """A little of everything, so each family of series has moved off zero: two parses, one
    batch with a refused document, one refused request (400) and one malformed one (422)."""
    options = {"max_new_tokens": 16}
    with httpx.Client(base_url=base_url, timeout=60.0) as client:
        for _ in range(2):
            client.post("/v1/parse", json={"text": SAMPLE_DOCUMENT, "options": options}).raise_for_status()
        documents = [{"id": "ok", "text": SAMPLE_DOCUMENT}, {"id": "blank", "text": " "}]
        client.post("/v1/parse/batch", json={"documents": documents, "options": options}).raise_for_status()
        assert client.post("/v1/parse", json={"text": ""}).status_code == 400
        assert (
            client.post("/v1/parse", json={"text": SAMPLE_DOCUMENT, "options": {"decoding": "x"}}).status_code
            == 422
        )
