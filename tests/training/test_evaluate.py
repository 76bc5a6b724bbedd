"""Evaluation runs documents through the real engine and scores them by the contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from service.checkpoint import load_model
from service.engine.types import DecodeParams
from service.tokenizer import Tokenizer
from service.training.eval_cli import card_figures
from service.training.evaluate import evaluate_records, load_eval_set
from tests.shared_material import require_shared


@pytest.fixture(scope="module")
def examples() -> list[dict]:
    return load_eval_set(require_shared("contract", "examples"))


def test_example_folder_pairs_texts_with_labels(examples: list[dict]) -> None:
    assert [record["id"] for record in examples] == ["air_waybill", "ocean_bl"]
    assert examples[1]["label"]["document_number"] == "HLCUHAM260312877"


def test_random_model_output_is_valid_and_scored(examples: list[dict], tiny_model_store: Path) -> None:
    loaded = load_model(tiny_model_store)
    tokenizer = Tokenizer.from_file(loaded.tokenizer_path)
    result = evaluate_records(
        "examples", examples, loaded.model, tokenizer, torch.device("cpu"), DecodeParams(max_new_tokens=24)
    )
    figures = result.to_dict()
    assert figures["documents"] == 2
    assert figures["schema_validity"] == 1.0  # the grammar closes even a cut-off output
    assert figures["eos_failures"] + sum(d["finish_reason"] == "eos" for d in figures["per_document"]) == 2
    assert 0.0 <= figures["f1"] < 0.5  # random weights do not parse
    label_leaves = sum(row["tp"] + row["fn"] for row in figures["fields"])
    assert label_leaves > 40
    assert json.dumps(card_figures([figures]))  # the card section is plain JSON


def test_documents_over_the_input_limit_count_as_misses(examples: list[dict], tiny_model_store: Path) -> None:
    loaded = load_model(tiny_model_store)
    tokenizer = Tokenizer.from_file(loaded.tokenizer_path)
    too_long = [dict(examples[0], text=examples[0]["text"] * 200)]
    result = evaluate_records("long", too_long, loaded.model, tokenizer, torch.device("cpu"))
    assert result.too_long == 1 and result.report.total.tp == 0 and result.report.total.fn > 0
