"""The architecture's import rules (DESIGN.md): layers point one way, and each outside
concern (HTTP, environment, torch, the model store) has exactly one home."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SERVICE = Path(__file__).resolve().parent.parent / "service"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(package: str) -> list[Path]:
    return sorted((SERVICE / package).rglob("*.py"))


def _uses(path: Path, prefix: str) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for name in _imports(path))


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("model", "service.engine"),
        ("model", "service.api"),
        ("model", "service.checkpoint"),
        ("engine", "fastapi"),
        ("engine", "prometheus_client"),
        ("engine", "service.api"),
        ("grammar", "service.engine"),
        ("grammar", "service.api"),
        ("data", "torch"),
        ("data", "service.model"),
        ("training", "service.api"),
        ("readers", "torch"),
        ("readers", "service.model"),
        ("readers", "service.engine"),
        ("readers", "service.api"),
        ("normalise", "torch"),
    ],
)
def test_layer_does_not_import(package: str, forbidden: str) -> None:
    offenders = [p.relative_to(SERVICE) for p in _modules(package) if _uses(p, forbidden)]
    assert not offenders, f"{package}/ must not import {forbidden}: {offenders}"


def test_scheduler_is_pure_python() -> None:
    scheduler = SERVICE / "engine" / "scheduler.py"
    if not scheduler.exists():
        pytest.skip("no scheduler module")
    assert not _uses(scheduler, "torch")


def test_only_settings_read_the_environment() -> None:
    allowed = {SERVICE / "config.py", SERVICE / "data" / "reference.py"}
    readers = [
        p.relative_to(SERVICE)
        for p in SERVICE.rglob("*.py")
        if p not in allowed
        and ("os.environ" in p.read_text(encoding="utf-8") or "os.getenv" in p.read_text(encoding="utf-8"))
    ]
    allowed_training = {Path("training/trainer.py")}  # torchrun's WORLD_SIZE/RANK: the launcher's protocol
    assert set(readers) <= allowed_training, f"environment read outside config.py: {readers}"


def test_only_checkpoint_module_writes_model_store() -> None:
    writers = [
        p.relative_to(SERVICE)
        for p in SERVICE.rglob("*.py")
        if p.name != "checkpoint.py" and "save_file(" in p.read_text(encoding="utf-8")
    ]
    assert not writers, f"model_store written outside checkpoint.py: {writers}"
