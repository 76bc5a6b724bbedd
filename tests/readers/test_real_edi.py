"""The readers on the real X12 messages of `shared/eval/real-edi` (evaluation only, read in place).

Prints the field F1 per message and overall (`pytest -s`); the same figures come from
`manifest-parser eval --readers --data ../shared/eval/real-edi`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.cli import main
from service.normalise import normalise
from service.readers import read
from service.training.evaluate import load_eval_set
from service.training.reader_eval import evaluate_readers, print_reader_result
from tests.readers.x12_messages import BILL_310, interchange

REAL_EDI = Path(__file__).resolve().parents[3] / "shared" / "eval" / "real-edi"


@pytest.mark.skipif(not REAL_EDI.is_dir(), reason="shared/eval/real-edi is not on this machine")
def test_real_edi_field_f1_is_at_least_095_and_every_manifest_is_valid() -> None:
    result = evaluate_readers("real-edi", load_eval_set(REAL_EDI)).to_dict()
    print_reader_result(result)
    assert result["documents"] == 4
    assert [doc["reader"] for doc in result["per_document"]] == ["x12"] * 4
    assert result["schema_validity"] == 1.0
    assert result["f1"] >= 0.95


def test_a_document_no_reader_reads_is_scored_as_a_miss() -> None:
    text = interchange(BILL_310)
    reading = read(text)
    assert reading is not None
    label = normalise(reading.extraction).manifest
    records = [
        {"id": "bill", "text": text, "label": label},
        {"id": "prose", "text": "SEA WAYBILL NLAX0042", "label": label},
        {"id": "v9", "text": interchange(BILL_310, version="009900"), "label": label},
    ]
    result = evaluate_readers("mixed", records).to_dict()
    rows = {doc["id"]: doc for doc in result["per_document"]}
    assert (rows["bill"]["reader"], rows["bill"]["f1"], rows["bill"]["valid"]) == ("x12", 1.0, True)
    assert (rows["prose"]["reader"], rows["prose"]["f1"], rows["prose"]["note"]) == (
        None,
        0.0,
        "no machine message",
    )
    assert rows["v9"]["note"] == "X12: version '009900' (GS08) is not one this reader knows"
    assert result["recall"] == pytest.approx(1 / 3)
    assert result["precision"] == 1.0


def test_the_eval_command_scores_the_readers_without_a_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = interchange(BILL_310)
    reading = read(text)
    assert reading is not None
    (tmp_path / "bill.txt").write_text(text, encoding="utf-8")
    (tmp_path / "bill.json").write_text(json.dumps(normalise(reading.extraction).manifest), encoding="utf-8")
    assert main(["eval", "--readers", "--data", str(tmp_path), "--model-dir", str(tmp_path / "none")]) == 0
    printed = capsys.readouterr().out
    assert "1 documents  P 1.0000  R 1.0000  F1 1.0000  valid 1.000" in printed
    assert "doc bill: reader x12  F1 1.0000" in printed
