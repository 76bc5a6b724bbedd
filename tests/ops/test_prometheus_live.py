"""Every PromQL expression of the dashboard and the alert rules, evaluated by a real Prometheus.

A Prometheus binary runs on a random loopback port with a generated config: scrape and rule
evaluation every second, one job named like production's scraping `metrics_target_url`, and the
shipped alert rules. Each expression must then return data; alert expressions are evaluated in
their `bool` form so a quiet alert still proves its inputs exist.
"""

from __future__ import annotations

import json
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import yaml

from service.ops.promql import RULE_FILES, probe, shipped_expressions
from tests.live_server import SAMPLE_DOCUMENT

pytestmark = pytest.mark.slow

JOB = "manifest-parser"  # the job name the alert rules select
STARTUP_TIMEOUT_S = 30.0
POLL_S = 0.2


@dataclass(slots=True)
class Prometheus:
    client: httpx.Client

    def query(self, promql: str) -> dict[str, Any]:
        response = self.client.get("/api/v1/query", params={"query": promql})
        body: dict[str, Any] = response.json()
        return body

    def rules(self) -> list[dict[str, Any]]:
        groups = self.client.get("/api/v1/rules").json()["data"]["groups"]
        return [rule for group in groups for rule in group["rules"]]


def returns_data(answer: dict[str, Any]) -> bool:
    """True when Prometheus evaluated the query and it produced at least one sample."""
    return answer.get("status") == "success" and bool(answer["data"]["result"])


def wait_until(condition: Callable[[], bool], what: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    for _ in range(int(STARTUP_TIMEOUT_S / POLL_S)):
        try:
            if condition():
                return
        except httpx.TransportError:
            pass  # not listening yet
        if time.monotonic() > deadline:
            break
        time.sleep(POLL_S)
    pytest.fail(
        f"Prometheus: {what} not reached in {STARTUP_TIMEOUT_S:.0f} s; log:\n{log.read_text()[-3000:]}"
    )


def free_loopback_port() -> int:
    with socket.socket() as probe_socket:
        probe_socket.bind(("127.0.0.1", 0))
        port: int = probe_socket.getsockname()[1]
        return port


def write_config(directory: Path, target_url: str) -> Path:
    target = urlsplit(target_url)
    config = {
        "global": {"scrape_interval": "1s", "scrape_timeout": "1s", "evaluation_interval": "1s"},
        "rule_files": [str(path) for path in RULE_FILES],
        "scrape_configs": [
            {
                "job_name": JOB,
                "scheme": target.scheme,
                "metrics_path": target.path or "/metrics",
                "static_configs": [{"targets": [target.netloc]}],
            }
        ],
    }
    path = directory / "prometheus.yml"
    path.write_text(json.dumps(config))  # JSON is YAML
    return path


@pytest.fixture(scope="module")
def prometheus(
    tmp_path_factory: pytest.TempPathFactory, prometheus_binary: str, metrics_target_url: str
) -> Iterator[Prometheus]:
    directory = tmp_path_factory.mktemp("prometheus")
    port = free_loopback_port()
    log = directory / "prometheus.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [
                prometheus_binary,
                f"--config.file={write_config(directory, metrics_target_url)}",
                f"--storage.tsdb.path={directory / 'data'}",
                f"--web.listen-address=127.0.0.1:{port}",
            ],
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=5.0) as client:
            server = Prometheus(client)
            wait_until(lambda: client.get("/-/ready").status_code == 200, "ready", log)
            # Three scrapes: rate() and increase() need two samples inside their window.
            wait_until(
                lambda: returns_data(server.query(f'count_over_time(up{{job="{JOB}"}}[1m]) >= 3')),
                "three scrapes of the target",
                log,
            )
            wait_until(
                lambda: all(rule["health"] == "ok" for rule in server.rules()) and bool(server.rules()),
                "every alert rule evaluated",
                log,
            )
            yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def test_the_target_is_scraped_successfully(prometheus: Prometheus) -> None:
    answer = prometheus.query(f'up{{job="{JOB}"}}')
    assert [sample["value"][1] for sample in answer["data"]["result"]] == ["1"]


def test_every_dashboard_and_alert_expression_returns_data(prometheus: Prometheus) -> None:
    answers = {
        expression.origin: prometheus.query(probe(expression.promql)) for expression in shipped_expressions()
    }
    assert {origin: answer for origin, answer in answers.items() if not returns_data(answer)} == {}


def test_every_alert_rule_is_loaded_and_evaluates_without_error(prometheus: Prometheus) -> None:
    shipped = {
        rule["alert"]
        for path in RULE_FILES
        for group in yaml.safe_load(path.read_text())["groups"]
        for rule in group["rules"]
    }
    rules = prometheus.rules()
    assert {rule["name"] for rule in rules} == shipped
    assert [(rule["name"], rule.get("lastError")) for rule in rules if rule["health"] != "ok"] == []


def test_the_harness_reports_a_series_the_target_does_not_expose(prometheus: Prometheus) -> None:
    assert not returns_data(prometheus.query("rate(manifest_parser_not_exported_total[1m])"))
    assert not returns_data(
        prometheus.query('rate(manifest_parser_generations_total{finish_reason="stop"}[1m])')
    )


def test_the_eos_failure_alert_fires_on_generations_cut_at_max_new_tokens(
    prometheus: Prometheus, metrics_target_url: str, tmp_path: Path
) -> None:
    """Generations cut by a tiny max_new_tokens while Prometheus watches put the alert's
    condition above its 1% threshold, and the rule goes pending (it fires after its `for`)."""
    base_url = metrics_target_url.removesuffix("/metrics")
    cut_short = {"text": SAMPLE_DOCUMENT, "options": {"max_new_tokens": 8}}
    with httpx.Client(base_url=base_url, timeout=60.0) as client:
        for _ in range(3):
            assert client.post("/v1/parse", json=cut_short).json()["meta"]["finish_reason"] == "length"
    log = tmp_path / "none.log"
    log.write_text("")

    def alert_state() -> str:
        rules = prometheus.rules()
        return next(rule["state"] for rule in rules if rule["name"] == "ManifestParserEOSFailureRateHigh")

    wait_until(lambda: alert_state() in ("pending", "firing"), "EOS-failure alert pending", log)
