"""Every command of the README's usage section, as written, against the real service: all exit 0.

The service runs the committed model on a free loopback port, so the README's
`http://127.0.0.1:8000` becomes that address and the command-line tool is told the port
through its setting. The commands run in a scratch directory that holds only what a fresh
clone has beside them (`examples/` and the installed `.venv`), so files they write stay there.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from service.checkpoint import DEFAULT_STORE
from service.config import ENV_PREFIX
from tests.live_server import live_server
from tests.readme import commands, section
from tests.shared_material import REPO_ROOT

pytestmark = pytest.mark.slow

README_URL = "http://127.0.0.1:8000"
COMMAND_TIMEOUT_S = 300


def test_usage_commands_run_as_written(tmp_path: Path) -> None:
    usage = commands(section("Using it"))
    assert len(usage) == 4
    assert all(README_URL in command or command.startswith(".venv/bin/") for command in usage)
    for name in ("examples", ".venv"):
        (tmp_path / name).symlink_to(REPO_ROOT / name)
    with live_server(DEFAULT_STORE) as server:
        env = {**os.environ, ENV_PREFIX + "PORT": str(urlsplit(server.base_url).port)}
        outputs = []
        for command in usage:
            done = subprocess.run(
                ["bash", "-c", command.replace(README_URL, server.base_url)],
                cwd=tmp_path,
                env=env,
                capture_output=True,
                text=True,
                timeout=COMMAND_TIMEOUT_S,
            )
            assert done.returncode == 0, (command, done.stdout[-2000:], done.stderr[-2000:])
            outputs.append(done.stdout)
    parsed = json.loads(outputs[0])
    assert parsed["meta"]["model_version"] == (DEFAULT_STORE / "CURRENT").read_text().strip()
    assert json.loads(outputs[1]) == {"ready": True, "status": "ready"}
    lines = (tmp_path / "manifests.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["file"] for line in lines] == sorted(
        f"examples/{path.name}" for path in (REPO_ROOT / "examples").glob("*.txt")
    )
    (local,) = outputs[3].splitlines()
    assert json.loads(local)["file"] == "examples/cmr_frachtbrief.txt"
