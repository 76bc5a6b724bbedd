"""The contract's scoring on hand-made cases whose counts are worked out in the comments."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from service.manifest import Manifest
from service.scoring import ScoreAccumulator, field_of, flatten, score_document, values_equal

FULL_LABEL = Path(__file__).parent / "fixtures" / "manifest_full.json"
FULL_LABEL_NON_NULL_LEAVES = 42  # counted by hand in the fixture


def full_label() -> dict[str, Any]:
    label: dict[str, Any] = json.loads(FULL_LABEL.read_text(encoding="utf-8"))
    return label


def test_flatten_indexes_lists_in_document_order_and_keeps_nulls() -> None:
    document = {
        "voyage": None,
        "containers": [],
        "items": [{"gross_weight": {"value": 1, "unit": "kg"}}, {"gross_weight": None}],
    }
    assert list(flatten(document)) == [
        ("voyage", None),
        ("items[0].gross_weight.value", 1),
        ("items[0].gross_weight.unit", "kg"),
        ("items[1].gross_weight", None),
    ]
    assert field_of("items[12].dangerous_goods.un_number") == "items[].dangerous_goods.un_number"


@pytest.mark.parametrize(
    ("predicted", "label", "equal"),
    [
        (12500, 12500.0, True),
        (0.1 + 0.2, 0.3, False),  # numbers as numbers, no rounding
        ("12500", 12500, False),
        (True, 1, False),
        (1, True, False),
        (False, False, True),
        ("ACME  GMBH\n HAMBURG ", "ACME GMBH HAMBURG", True),
        ("Acme GmbH", "ACME GMBH", False),
    ],
)
def test_values_compare_by_the_contract_rules(predicted: Any, label: Any, equal: bool) -> None:
    assert values_equal(predicted, label) is equal


def test_identical_documents_are_all_true_positives_and_an_exact_match() -> None:
    score = score_document(full_label(), full_label())
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (FULL_LABEL_NON_NULL_LEAVES, 0, 0)
    assert score.exact_match


def test_a_pydantic_manifest_scores_like_its_json() -> None:
    label = full_label()
    predicted = Manifest.model_validate(label)  # volumes become floats: still equal as numbers
    score = score_document(predicted, label)
    assert score.counts.tp == FULL_LABEL_NON_NULL_LEAVES
    assert score.exact_match


def test_wrong_value_is_a_false_positive_and_a_false_negative() -> None:
    predicted = {"document_number": "HLCU1", "carrier": "MAERSK  A/S"}
    label = {"document_number": "HLCU2", "carrier": "MAERSK A/S"}
    score = score_document(predicted, label)
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (1, 1, 1)
    assert score.fields["document_number"].fp == 1
    assert score.fields["carrier"].tp == 1
    assert not score.exact_match


def test_nulls_on_either_side() -> None:
    predicted = {
        "voyage": "012W",
        "carrier": None,
        "incoterm": None,
        "shipper": {"name": "A", "country": None},
    }
    label = {"voyage": None, "carrier": "Hapag-Lloyd AG", "incoterm": None, "shipper": None}
    score = score_document(predicted, label)
    # voyage: predicted where label is null -> fp; carrier missed -> fn; incoterm null/null -> nothing;
    # shipper null in the label but a party predicted -> its one non-null leaf is a fp.
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (0, 2, 1)
    assert set(score.fields) == {"voyage", "carrier", "shipper.name"}


def test_lists_of_different_length() -> None:
    container = {"number": "MSCU1234565", "seal": "S1", "size_type": "40HC"}
    label = {"containers": [container, {**container, "number": "TGHU5019876", "seal": None}]}
    longer = {"containers": [container, label["containers"][1], {**container, "number": "TCNU6849731"}]}
    shorter = {"containers": [container]}

    extra = score_document(longer, label)
    # 5 label leaves matched; the third container's 3 leaves are false positives.
    assert (extra.counts.tp, extra.counts.fp, extra.counts.fn) == (5, 3, 0)

    missing = score_document(shorter, label)
    # The second container's number and size_type are missed; its null seal is not counted.
    assert (missing.counts.tp, missing.counts.fp, missing.counts.fn) == (3, 0, 2)


def test_lists_compare_by_position() -> None:
    a = {"number": "MSCU1234565", "seal": None, "size_type": None}
    b = {"number": "TGHU5019876", "seal": None, "size_type": None}
    score = score_document({"containers": [b, a]}, {"containers": [a, b]})
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (0, 2, 2)


def test_empty_lists() -> None:
    item = {"description": "GOODS", "quantity": 3}
    both_empty = score_document({"items": [], "voyage": "1"}, {"items": [], "voyage": "1"})
    assert (both_empty.counts.tp, both_empty.counts.fp, both_empty.counts.fn) == (1, 0, 0)
    assert both_empty.exact_match
    predicted_empty = score_document({"items": []}, {"items": [item]})
    assert (predicted_empty.counts.tp, predicted_empty.counts.fp, predicted_empty.counts.fn) == (0, 0, 2)
    label_empty = score_document({"items": [item]}, {"items": []})
    assert (label_empty.counts.tp, label_empty.counts.fp, label_empty.counts.fn) == (0, 2, 0)


def test_unparseable_prediction_misses_every_label_leaf() -> None:
    accumulator = ScoreAccumulator()
    score = accumulator.add(None, full_label())
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (0, 0, FULL_LABEL_NON_NULL_LEAVES)
    assert not score.exact_match
    report = accumulator.report()
    assert (report.documents, report.unparsed, report.exact_matches) == (1, 1, 0)
    assert report.total.recall == 0.0
    assert report.total.precision == 0.0  # nothing predicted: no division by zero
    assert report.total.f1 == 0.0


def test_micro_average_sums_counts_over_documents_before_dividing() -> None:
    accumulator = ScoreAccumulator()
    # Document 1: 3 leaves, all right.
    accumulator.add({"a": "x", "b": 1, "c": "z"}, {"a": "x", "b": 1.0, "c": "z"})
    # Document 2: 1 right, 1 wrong (fp + fn), 1 invented (fp).
    accumulator.add({"a": "x", "b": 2, "d": "new"}, {"a": "x", "b": 1, "d": None})
    report = accumulator.report()
    assert (report.total.tp, report.total.fp, report.total.fn) == (4, 2, 1)
    assert report.total.precision == pytest.approx(4 / 6)
    assert report.total.recall == pytest.approx(4 / 5)
    assert report.total.f1 == pytest.approx(2 * (4 / 6) * (4 / 5) / (4 / 6 + 4 / 5))
    assert (report.documents, report.exact_matches, report.exact_match_rate) == (2, 1, 0.5)


def test_field_table_merges_list_indices_and_sorts_worst_first() -> None:
    label = full_label()
    predicted = copy.deepcopy(label)
    predicted["items"][0]["gross_weight"]["value"] = 16400  # wrong
    predicted["items"][1]["gross_weight"] = {"value": 5, "unit": "kg"}  # invented (label null)
    predicted["carrier"] = None  # missed
    accumulator = ScoreAccumulator()
    accumulator.add(predicted, label)
    accumulator.add(label, label)
    table = {score.field: score.counts for score in accumulator.report().fields}

    weight = table["items[].gross_weight.value"]
    # item 0 wrong (fp + fn) and item 1 invented (fp) in document 1; item 0 right in document 2.
    assert (weight.tp, weight.fp, weight.fn) == (1, 2, 1)
    assert (table["items[].gross_weight.unit"].tp, table["items[].gross_weight.unit"].fp) == (2, 1)
    assert (table["carrier"].tp, table["carrier"].fn) == (1, 1)
    assert "items[0].gross_weight.value" not in table

    order = [score.field for score in accumulator.report().worst_first()]
    # F1: weight.value 0.4, carrier 2/3, weight.unit 0.8; every other field 1.0.
    assert order[:3] == ["items[].gross_weight.value", "carrier", "items[].gross_weight.unit"]


def test_report_is_json_ready_and_independent_of_later_adds() -> None:
    accumulator = ScoreAccumulator()
    accumulator.add({"voyage": "1"}, {"voyage": "1"})
    report = accumulator.report()
    accumulator.add(None, {"voyage": "1"})
    as_dict = json.loads(json.dumps(report.to_dict()))
    assert as_dict["documents"] == 1
    assert (as_dict["tp"], as_dict["fn"], as_dict["f1"]) == (1, 0, 1.0)
    assert as_dict["fields"] == [
        {
            "field": "voyage",
            "support": 1,
            "tp": 1,
            "fp": 0,
            "fn": 0,
            "precision": 1.0,
            "recall": 1.0,
            "f1": 1.0,
        }
    ]
    assert accumulator.report().total.fn == 1
