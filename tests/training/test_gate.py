"""The regression gate's rule and the one way a model enters the store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from service.checkpoint import CURRENT, CheckpointError, promote
from service.training.eval_cli import print_result
from service.training.gate import judge, side_by_side


def _result(name: str, f1: float, eos_failures: int = 0, valid: float = 1.0) -> dict[str, Any]:
    return {"name": name, "f1": f1, "documents": 100, "too_long": 0, "errors": 0,
            "eos_failures": eos_failures, "schema_validity": valid, "grounded_share": 1.0}  # fmt: skip


def _judge(committed: list[dict[str, Any]], candidate: list[dict[str, Any]]) -> list[str]:
    return judge(committed, candidate, "heldout", "realistic").reasons


def test_a_candidate_passes_on_a_realistic_rise_of_two_points_with_no_set_down_more_than_one() -> None:
    committed = [_result("heldout", 0.60), _result("realistic", 0.15), _result("test", 0.83)]
    assert (
        _judge(committed, [_result("heldout", 0.60), _result("realistic", 0.17), _result("test", 0.825)])
        == []
    )


def test_a_candidate_fails_on_a_drop_too_few_eos_or_an_invalid_output() -> None:
    committed = [_result("heldout", 0.60), _result("realistic", 0.15), _result("test", 0.83)]
    reasons = _judge(
        committed,
        [
            _result("heldout", 0.70, eos_failures=2),
            _result("realistic", 0.30, valid=0.99),
            _result("test", 0.81),
        ],
    )
    assert reasons == [
        "heldout: EOS reached on 98.0% (under 99%)",
        "realistic: schema-valid 99.0%",
        "test: F1 drops 0.020 (more than 0.01)",
    ]


def test_a_candidate_with_no_rise_on_either_set_fails() -> None:
    committed = [_result("heldout", 0.60), _result("realistic", 0.15)]
    assert _judge(committed, [_result("heldout", 0.605), _result("realistic", 0.165)]) == [
        "neither heldout F1 rose by 0.01 nor realistic F1 by 0.02"
    ]
    table = side_by_side(committed, [_result("heldout", 0.605), _result("realistic", 0.165)], ("v5", "v6"))
    assert "+0.0150" in table and table.splitlines()[0].startswith("set")


def test_promote_copies_the_version_and_makes_it_current_never_overwriting(
    tiny_model_store: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    store.mkdir()
    promote(tiny_model_store, store)
    version = (tiny_model_store / CURRENT).read_text().strip()
    assert (store / CURRENT).read_text().strip() == version
    assert (store / version / "model.safetensors").is_file()
    with pytest.raises(CheckpointError):
        promote(tiny_model_store, store)


def test_the_printed_result_names_the_documents_that_did_not_end_on_eos(
    capsys: pytest.CaptureFixture[str],
) -> None:
    reasons = ["eos"] * 10 + ["length", "repetition", "reader", None]
    result = _result("heldout", 0.7, eos_failures=2) | {
        "documents": len(reasons),
        "precision": 0.7,
        "recall": 0.7,
        "exact_match": 0.0,
        "too_long": 0,
        "errors": 1,
        "mean_entropy": 0.1,
        "fields": [],
        "per_document": [{"id": f"d{i}", "finish_reason": r} for i, r in enumerate(reasons)],
    }
    print_result(result)
    assert capsys.readouterr().out.splitlines()[-1] == "   not ended on EOS: d10 (length), d11 (repetition)"
