"""Where the shared, read-only material (contract, examples, evaluation set) lives for tests.

It sits beside the repository (`<repo root>/../shared`) unless `MANIFEST_PARSER_SHARED_DIR`
says otherwise. Tests that need it skip with the path they looked at, so a checkout without
it still runs everything else.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import service

REPO_ROOT = Path(service.__file__).resolve().parent.parent


def shared_dir() -> Path:
    override = os.environ.get("MANIFEST_PARSER_SHARED_DIR")
    return Path(override) if override else REPO_ROOT.parent / "shared"


def require_shared(*parts: str) -> Path:
    """The shared path, or a skip naming where it was looked for."""
    path = shared_dir().joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared material missing: {path} (set MANIFEST_PARSER_SHARED_DIR)")
    return path


def labelled_documents() -> list[tuple[str, Path, Path]]:
    """(name, text file, label file) for the contract examples and the real EDI evaluation set."""
    pairs = []
    for folder in (require_shared("contract", "examples"), require_shared("eval", "real-edi")):
        for label in sorted(folder.glob("*.json")):
            pairs.append((f"{folder.name}/{label.stem}", label.with_suffix(".txt"), label))
    return pairs


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))
