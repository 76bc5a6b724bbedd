"""The sample documents in examples/: one text file and one curl request body per document."""

from __future__ import annotations

import json
from pathlib import Path

from service.checkpoint import DEFAULT_STORE, load_model
from service.tokenizer import Tokenizer
from tests.shared_material import REPO_ROOT

EXAMPLES = REPO_ROOT / "examples"


def texts() -> list[Path]:
    return sorted(EXAMPLES.glob("*.txt"))


def test_each_request_body_carries_its_text_file() -> None:
    assert len(texts()) == 5
    assert sorted(EXAMPLES.glob("*.json")) == [path.with_suffix(".json") for path in texts()]
    for path in texts():
        body = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert body == {"text": path.read_text(encoding="utf-8")}


def test_each_document_fits_the_committed_model() -> None:
    loaded = load_model(DEFAULT_STORE / (DEFAULT_STORE / "CURRENT").read_text().strip())
    tokenizer = Tokenizer.from_file(loaded.tokenizer_path)
    for path in texts():
        assert len(tokenizer.encode(path.read_text(encoding="utf-8"))) <= loaded.config.max_source_len
