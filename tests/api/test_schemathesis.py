"""Schemathesis against the real server: generated requests, valid and invalid, find no 5xx, no
status the OpenAPI document does not list, and no answer that breaks its documented schema.

The run is bounded (a fixed seed and a few hundred cases, about 15 s on two CPU cores, so it is
not marked slow) and goes through the API key, so the parse endpoints are really exercised; the
tiny random model and a 16-token output limit keep each decode short.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from service.config import ENV_PREFIX
from tests.live_server import live_server

API_KEY = "schemathesis-key"
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
)
MAX_EXAMPLES = 60  # per operation, in the fuzzing phase
SEED = 21
SETTINGS = {"api_key": API_KEY, "max_new_tokens": 16, "max_slots": 4, "max_batch_documents": 4}


def test_generated_requests_find_no_server_error_and_no_undocumented_answer(
    tiny_model_store: Path, tmp_path: Path
) -> None:
    report_path = tmp_path / "schemathesis.json"
    environment = {ENV_PREFIX + name.upper(): str(value) for name, value in SETTINGS.items()}
    with live_server(tiny_model_store, environment) as server:
        command = [
            *(sys.executable, "-m", "schemathesis.cli", "run", server.base_url + "/openapi.json"),
            *("--checks", ",".join(CHECKS), "--max-examples", str(MAX_EXAMPLES), "--seed", str(SEED)),
            *("--header", f"X-API-Key: {API_KEY}", "--request-timeout", "60", "--workers", "1"),
            *("--report", "json", "--report-json-path", str(report_path)),
        ]
        # run in tmp_path: schemathesis keeps its example database in the working directory
        run = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False, cwd=tmp_path)
        logged = server.log_lines()
    report = json.loads(report_path.read_text())
    print("schemathesis:", json.dumps(report["test_cases"]), f"in {report['running_time']:.1f} s")
    assert run.returncode == 0, run.stdout[-6000:]
    assert (report["failures"], report["errors"]) == ([], [])
    assert report["operations"]["tested"] == report["operations"]["total"] == 6
    assert report["test_cases"]["generated"] >= 200
    assert [line for line in logged if line["level"] == "error"] == []
    parsed = Counter(line["message"] for line in logged if line.get("status") == 200)
    # the run got past the edge: documents were decoded, alone and in batches
    assert parsed["POST /v1/parse 200"] >= 20 and parsed["POST /v1/parse/batch 200"] >= 20
