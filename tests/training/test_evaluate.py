"""Evaluation runs documents through the real engine and scores them by the contract."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import cast

import pytest
import torch

from service.checkpoint import load_model
from service.engine.engine import Engine
from service.engine.types import DecodeParams
from service.tokenizer import Tokenizer
from service.training.eval_cli import card_figures
from service.training.evaluate import decode_all, evaluate_records, load_eval_set, read_message
from tests.readers.x12_messages import BILL_310, interchange
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


def test_machine_messages_are_scored_as_served_by_their_reader(
    examples: list[dict], tiny_model_store: Path
) -> None:
    loaded = load_model(tiny_model_store)
    tokenizer = Tokenizer.from_file(loaded.tokenizer_path)
    message = interchange(BILL_310)
    label = read_message(message)
    assert label is not None and label["document_type"] == "bill_of_lading"
    records = [{"id": "x12", "text": message, "label": label}, examples[1]]
    result = evaluate_records(
        "mixed", records, loaded.model, tokenizer, torch.device("cpu"), DecodeParams(max_new_tokens=24)
    )
    assert result.read_by_readers == 1
    assert result.documents[0].finish_reason == "reader" and result.documents[0].f1 == 1.0
    assert result.documents[1].finish_reason in ("eos", "length", "repetition")


class OutstandingCounter:
    """Stands in for the engine: answers each document with its first token id, after a delay
    that differs per document, and records how many documents were submitted at once."""

    def __init__(self) -> None:
        self.outstanding = 0
        self.peak = 0

    async def start(self) -> None:
        pass

    async def drain(self, timeout_s: float) -> None:
        pass

    async def submit(self, ids: list[int], params: DecodeParams) -> int:
        self.outstanding += 1
        self.peak = max(self.peak, self.outstanding)
        await asyncio.sleep(0.001 * (ids[0] % 4))
        self.outstanding -= 1
        return ids[0]


def test_a_large_set_is_submitted_a_window_at_a_time_and_answered_in_order() -> None:
    engine = OutstandingCounter()
    documents = [[index] for index in range(25)]
    results = asyncio.run(decode_all(cast(Engine, engine), documents, DecodeParams(), in_flight=4))
    assert results == list(range(25))
    assert engine.peak == 4  # the queue never holds the whole set, so no deadline runs out in it


def test_a_failed_decode_counts_as_an_error_and_a_miss(examples: list[dict], tiny_model_store: Path) -> None:
    loaded = load_model(tiny_model_store)
    tokenizer = Tokenizer.from_file(loaded.tokenizer_path)
    no_time = DecodeParams(timeout_s=0.0)
    result = evaluate_records("examples", examples, loaded.model, tokenizer, torch.device("cpu"), no_time)
    figures = result.to_dict()
    assert figures["errors"] == 2 and figures["eos_failures"] == 0 and figures["schema_validity"] == 0.0
    assert result.report.total.tp == 0 and result.report.total.fn > 0
    assert all(d["error"].startswith("DeadlineExceeded") for d in figures["per_document"])
