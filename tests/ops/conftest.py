"""Fixtures for the deployment tests: the real tools and the /metrics target Prometheus scrapes."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.live_server import live_server, send_sample_traffic
from tests.shared_material import REPO_ROOT

CHECK_DEPLOY = REPO_ROOT / "scripts" / "check_deploy.sh"


@pytest.fixture(scope="session")
def metrics_target_url(tiny_model_store: Path) -> Iterator[str]:
    """The real service's /metrics on 127.0.0.1, after a little of every kind of traffic
    (including generations cut at max_new_tokens, so the EOS-failure alert has cause to fire)."""
    with live_server(tiny_model_store) as server:
        send_sample_traffic(server.base_url)
        yield server.base_url + "/metrics"


@pytest.fixture(scope="session")
def prometheus_binary() -> str:
    """Debian's `prometheus` server, installed by scripts/check_deploy.sh when missing."""
    if shutil.which("prometheus") is None:
        if shutil.which("apt-get") is None:
            pytest.skip("no prometheus binary and no apt-get to install it")
        subprocess.run(["bash", str(CHECK_DEPLOY), "--install"], check=True, timeout=900)
    binary = shutil.which("prometheus")
    assert binary is not None, "scripts/check_deploy.sh --install did not provide prometheus"
    return binary
