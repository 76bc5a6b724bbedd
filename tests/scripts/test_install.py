"""scripts/install.sh installs only when needed, so `serve.sh` restarts in seconds.

The script runs for real in a scratch project whose `python3` and `pip` are fakes that log
their calls: what is checked is exactly when the script decides to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

FAKE_PYTHON = """#!/usr/bin/env bash
# python3 -m venv .venv: an environment whose pip logs its arguments and provides the command
mkdir -p .venv/bin
cat > .venv/bin/pip <<'PIP'
#!/usr/bin/env bash
echo "pip $*" >> calls.log
touch .venv/bin/manifest-parser && chmod +x .venv/bin/manifest-parser
PIP
chmod +x .venv/bin/pip
echo "python3 $*" >> calls.log
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "scripts").mkdir()
    shutil.copy(REPO / "scripts" / "install.sh", tmp_path / "scripts" / "install.sh")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    fakes = tmp_path / "fakes"
    fakes.mkdir()
    (fakes / "python3").write_text(FAKE_PYTHON)
    (fakes / "python3").chmod(0o755)
    return tmp_path


def install(project: Path, *extras: str) -> list[str]:
    """Run the script; returns the commands it ran (empty: it decided nothing was needed)."""
    log = project / "calls.log"
    log.unlink(missing_ok=True)
    env = {**os.environ, "PATH": f"{project / 'fakes'}:{os.environ['PATH']}"}
    subprocess.run(["bash", "scripts/install.sh", *extras], cwd=project, env=env, check=True)
    return log.read_text().splitlines() if log.exists() else []


FULL_INSTALL = ["python3 -m venv .venv", "pip install -q torch==2.13.0", "pip install -q -e ."]


def test_installs_once_then_only_when_pyproject_changes(project: Path) -> None:
    assert install(project) == FULL_INSTALL
    assert install(project) == []
    (project / "pyproject.toml").write_text('[project]\nname = "x"\nversion = "2"\n')
    assert install(project) == FULL_INSTALL
    assert install(project) == []


def test_extras_are_installed_once_and_cover_the_runtime(project: Path) -> None:
    assert install(project) == FULL_INSTALL
    assert install(project, "dev") == [*FULL_INSTALL[:2], "pip install -q -e .[dev]"]
    assert install(project, "dev") == []
    assert install(project) == []


def test_a_missing_environment_is_installed_again(project: Path) -> None:
    assert install(project, "dev") == [*FULL_INSTALL[:2], "pip install -q -e .[dev]"]
    shutil.rmtree(project / ".venv")
    assert install(project, "dev") == [*FULL_INSTALL[:2], "pip install -q -e .[dev]"]
