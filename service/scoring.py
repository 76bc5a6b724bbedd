"""The contract's scoring: field-level micro precision/recall/F1 and document exact match.

A manifest is flattened to (path, value) leaves with list indices in document order
(`items[2].gross_weight.value`). Only non-null leaves count: a leaf is a true positive when
both sides hold equal values at the same path, a predicted value at a path whose label is
null or absent is a false positive, a label value the prediction misses is a false
negative, and a wrong value is both. Null against null is not counted. Strings are
compared after the contract's whitespace rule and numbers as numbers (12500 == 12500.0),
a boolean is never a number. Counts are summed over all documents before dividing
(micro average), so long documents weigh more, as the contract says.

An unparseable prediction (None) turns every label leaf into a false negative.
The per-field table groups paths with their indices removed (`items[].gross_weight.value`)
and sorts worst first, which is where labelling or model work should go next.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from service.manifest import Manifest, collapse_whitespace

Scalar = str | int | float | bool | None
Labelled = Manifest | Mapping[str, Any]

_INDEX = re.compile(r"\[\d+\]")


def flatten(value: Any, path: str = "") -> Iterator[tuple[str, Scalar]]:
    """(path, value) for every leaf of a JSON value; an empty list has no leaves."""
    if isinstance(value, Mapping):
        for key, child in value.items():
            yield from flatten(child, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from flatten(child, f"{path}[{index}]")
    else:
        yield path, value


def field_of(path: str) -> str:
    """`items[2].gross_weight.value` -> `items[].gross_weight.value`."""
    return _INDEX.sub("[]", path)


def values_equal(predicted: Scalar, label: Scalar) -> bool:
    """Equality under the contract's comparison rules for two non-null leaves."""
    if isinstance(predicted, bool) or isinstance(label, bool):
        return type(predicted) is type(label) and predicted == label
    if isinstance(predicted, int | float) and isinstance(label, int | float):
        return predicted == label
    if isinstance(predicted, str) and isinstance(label, str):
        return collapse_whitespace(predicted) == collapse_whitespace(label)
    return False


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives, with the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def support(self) -> int:
        """Non-null label leaves."""
        return self.tp + self.fn

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(slots=True)
class DocumentScore:
    """One document's counts, and per field, as `ScoreAccumulator.add` returns them."""

    counts: Counts
    fields: dict[str, Counts]
    parsed: bool

    @property
    def exact_match(self) -> bool:
        """All leaves equal: nothing predicted wrongly or missed (nulls agree where both are null)."""
        return self.parsed and self.counts.fp == 0 and self.counts.fn == 0


def score_document(predicted: Labelled | None, label: Labelled) -> DocumentScore:
    """Compare one prediction (None when the output did not parse) with its label."""
    label_leaves = _non_null_leaves(label)
    predicted_leaves = _non_null_leaves(predicted) if predicted is not None else {}
    fields: dict[str, Counts] = {}
    for path in label_leaves.keys() | predicted_leaves.keys():
        counts = fields.setdefault(field_of(path), Counts())
        if path not in predicted_leaves:
            counts.fn += 1
        elif path not in label_leaves:
            counts.fp += 1
        elif values_equal(predicted_leaves[path], label_leaves[path]):
            counts.tp += 1
        else:
            counts.fp += 1
            counts.fn += 1
    total = Counts()
    for counts in fields.values():
        total.add(counts)
    return DocumentScore(counts=total, fields=fields, parsed=predicted is not None)


def _non_null_leaves(document: Labelled) -> dict[str, Scalar]:
    plain = document.model_dump() if isinstance(document, Manifest) else document
    return {path: value for path, value in flatten(plain) if value is not None}


@dataclass(slots=True)
class FieldScore:
    field: str
    counts: Counts

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "support": self.counts.support, **self.counts.to_dict()}


@dataclass(slots=True)
class ScoreReport:
    """Micro-averaged totals over all documents, exact-match rate and the per-field table."""

    documents: int
    unparsed: int
    exact_matches: int
    total: Counts
    fields: list[FieldScore]

    @property
    def exact_match_rate(self) -> float:
        return _ratio(self.exact_matches, self.documents)

    def worst_first(self) -> list[FieldScore]:
        """Fields by F1 ascending; among equals, the one with more label leaves first."""
        return sorted(self.fields, key=lambda score: (score.counts.f1, -score.counts.support, score.field))

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "unparsed": self.unparsed,
            "exact_matches": self.exact_matches,
            "exact_match_rate": self.exact_match_rate,
            **self.total.to_dict(),
            "fields": [score.to_dict() for score in self.worst_first()],
        }


@dataclass(slots=True)
class ScoreAccumulator:
    """Add (prediction, label) pairs one at a time; `report()` at any point."""

    documents: int = 0
    unparsed: int = 0
    exact_matches: int = 0
    total: Counts = field(default_factory=Counts)
    fields: dict[str, Counts] = field(default_factory=dict)

    def add(self, predicted: Labelled | None, label: Labelled) -> DocumentScore:
        score = score_document(predicted, label)
        self.documents += 1
        self.unparsed += int(not score.parsed)
        self.exact_matches += int(score.exact_match)
        self.total.add(score.counts)
        for name, counts in score.fields.items():
            self.fields.setdefault(name, Counts()).add(counts)
        return score

    def report(self) -> ScoreReport:
        return ScoreReport(
            documents=self.documents,
            unparsed=self.unparsed,
            exact_matches=self.exact_matches,
            total=replace(self.total),
            fields=[FieldScore(name, replace(counts)) for name, counts in sorted(self.fields.items())],
        )
