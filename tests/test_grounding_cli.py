"""`manifest-parser check-grounding` audits a manifest from the text and the manifest alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.cli import main
from service.normalise import normalise
from tests.normalise.test_manifest import _extraction

TEXT = "BILL OF LADING No. MAEU 2604417\nCarrier: Maersk A/S\n"


def _files(tmp_path: Path, **fields: object) -> tuple[str, str]:
    manifest = normalise(_extraction(**fields)).manifest
    text_file, manifest_file = tmp_path / "doc.txt", tmp_path / "out.json"
    text_file.write_text(TEXT, encoding="utf-8")
    manifest_file.write_text(json.dumps({"manifest": manifest, "provenance": []}), encoding="utf-8")
    return str(text_file), str(manifest_file)


def test_a_grounded_manifest_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["check-grounding", *_files(tmp_path, document_number="MAEU 2604417", carrier="Maersk A/S")])
        == 0
    )
    assert capsys.readouterr().out.strip() == "2 of 2 copied strings grounded"


def test_an_invented_value_fails_and_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-grounding", *_files(tmp_path, carrier="MASIMODAL TRANSPORT")]) == 1
    assert "not printed: carrier = 'MASIMODAL TRANSPORT'" in capsys.readouterr().out
