"""Fixtures for the deployment tests: the real tools and the /metrics target Prometheus scrapes."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator

import pytest

from tests.ops.sample_exporter import serve_sample_metrics
from tests.shared_material import REPO_ROOT

CHECK_DEPLOY = REPO_ROOT / "scripts" / "check_deploy.sh"


@pytest.fixture(scope="session")
def metrics_target_url() -> Iterator[str]:
    """The /metrics URL on 127.0.0.1 that the live Prometheus test scrapes.

    This is the seam for the service: a session-scoped fixture of the same name that starts
    `manifest-parser serve` on a loopback port (and sends it a few requests) and yields its
    /metrics URL points every dashboard and alert expression at the real service. Until then the
    sample exporter stands in, which exposes every catalogued metric.
    """
    with serve_sample_metrics() as url:
        yield url


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
