"""Scoring the standards' readers the way the contract scores the model (no model loaded).

Each document goes through `service.readers.read` and the normaliser, as the served path
does; a document no reader reads (no message, or `NotReadable`) is scored as a miss and
shown with its reason. Reading time is measured per document (read + normalise), the
figure set against the model's decode time.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from service.manifest import Manifest
from service.normalise import normalise
from service.readers import NotReadable, read
from service.scoring import ScoreAccumulator


@dataclass(slots=True)
class ReaderOutcome:
    id: str
    reader: str | None
    f1: float
    valid: bool
    seconds: float
    note: str | None = None  # why no reader read it, or the segments it left out


@dataclass(slots=True)
class ReaderEval:
    name: str
    accumulator: ScoreAccumulator = field(default_factory=ScoreAccumulator)
    documents: list[ReaderOutcome] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        report = self.accumulator.report()
        count = max(1, len(self.documents))
        return {
            "name": self.name,
            "documents": len(self.documents),
            "precision": report.total.precision,
            "recall": report.total.recall,
            "f1": report.total.f1,
            "schema_validity": sum(d.valid for d in self.documents) / count,
            "mean_read_seconds": sum(d.seconds for d in self.documents) / count,
            "per_document": [_row(d) for d in self.documents],
        }


def _row(outcome: ReaderOutcome) -> dict[str, Any]:
    return {name: getattr(outcome, name) for name in ReaderOutcome.__slots__}


def evaluate_readers(name: str, records: list[dict[str, Any]]) -> ReaderEval:
    """Read, normalise, validate and score every record (`{"id", "text", "label"}`)."""
    evaluation = ReaderEval(name)
    for record in records:
        started = time.perf_counter()
        note: str | None = None
        try:
            reading = read(record["text"])
        except NotReadable as why:
            reading, note = None, str(why)
        manifest = normalise(reading.extraction).manifest if reading is not None else None
        seconds = time.perf_counter() - started
        valid = manifest is not None
        if manifest is not None:
            try:
                Manifest.model_validate(manifest)
            except ValidationError:
                valid = False
        score = evaluation.accumulator.add(manifest, record["label"])
        if reading is not None and reading.unparsed:
            note = "; ".join(reading.unparsed)
        evaluation.documents.append(
            ReaderOutcome(
                id=str(record.get("id", len(evaluation.documents))),
                reader=reading.reader if reading is not None else None,
                f1=score.counts.f1,
                valid=valid,
                seconds=seconds,
                note=note if reading is not None else note or "no machine message",
            )
        )
    return evaluation


def print_reader_result(result: dict[str, Any]) -> None:
    print(
        f"== {result['name']} (readers): {result['documents']} documents  P {result['precision']:.4f}  "
        f"R {result['recall']:.4f}  F1 {result['f1']:.4f}  valid {result['schema_validity']:.3f}  "
        f"read {1000 * result['mean_read_seconds']:.2f} ms/document"
    )
    for doc in result["per_document"]:
        print(
            f"   doc {doc['id']}: reader {doc['reader']}  F1 {doc['f1']:.4f}  "
            f"{1000 * doc['seconds']:.2f} ms  {doc['note'] or ''}"
        )
