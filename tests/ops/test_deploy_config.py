"""scripts/check_deploy.sh passes: hadolint, docker-compose config (CPU and GPU), promtool
(config, rules, rule unit tests), nginx -t and the Kubernetes schemas, with the real tools."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.ops.conftest import CHECK_DEPLOY

pytestmark = pytest.mark.slow


@pytest.mark.skipif(shutil.which("apt-get") is None, reason="the checks install their tools with apt-get")
def test_every_deployment_check_passes() -> None:
    result = subprocess.run(
        ["bash", str(CHECK_DEPLOY)], capture_output=True, text=True, timeout=900, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "all deployment checks passed" in result.stdout
