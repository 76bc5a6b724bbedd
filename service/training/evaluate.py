"""Scoring a model the way the contract scores it, through the same engine the service uses.

Documents are decoded by `Engine` (constrained greedy by default, continuous batching), so
the figures are those a user of the service gets: field-level micro P/R/F1, exact match,
schema validity, EOS failures (max_new_tokens reached) and mean decoder entropy.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import torch
from pydantic import ValidationError

from service.engine.engine import Engine, EngineConfig
from service.engine.errors import EngineError
from service.engine.types import DecodeParams, FinishReason, GenerationResult
from service.extraction.reading import DecodedOutput, read_output
from service.grounding import GroundingCount
from service.manifest import Manifest
from service.model.transformer import Seq2SeqTransformer
from service.normalise import normalise
from service.readers import NotReadable, read
from service.scoring import ScoreAccumulator, ScoreReport
from service.tokenizer import Tokenizer
from service.training.data import read_records
from service.training.reliability import Reliability


@dataclass(slots=True)
class DocumentOutcome:
    id: str
    f1: float
    exact: bool
    finish_reason: str | None
    error: str | None = None


@dataclass(slots=True)
class EvalResult:
    name: str
    report: ScoreReport
    schema_valid: int = 0
    eos_failures: int = 0
    too_long: int = 0
    errors: int = 0  # decodes that raised (deadline, overload): scored as misses, so shown apart
    entropy_sum: float = 0.0
    decoded: int = 0
    read_by_readers: int = 0  # machine messages read by their standard's reader, not the model
    grounding: GroundingCount = field(default_factory=GroundingCount)
    reliability: Reliability = field(default_factory=Reliability)
    documents: list[DocumentOutcome] = field(default_factory=list)

    @property
    def mean_entropy(self) -> float:
        return self.entropy_sum / max(1, self.decoded)

    def to_dict(self) -> dict[str, Any]:
        total = self.report.documents
        return {
            "name": self.name,
            "documents": total,
            "precision": self.report.total.precision,
            "recall": self.report.total.recall,
            "f1": self.report.total.f1,
            "exact_match": self.report.exact_match_rate,
            "schema_validity": self.schema_valid / max(1, self.decoded),
            "eos_failures": self.eos_failures,
            "too_long": self.too_long,
            "errors": self.errors,
            "read_by_readers": self.read_by_readers,
            "mean_entropy": self.mean_entropy,
            "copied_strings": self.grounding.strings,
            "grounded_strings": self.grounding.grounded,
            "grounded_share": self.grounding.share,
            "reliability": self.reliability.table(),
            "review_below": self.reliability.threshold_for(0.99),
            "fields": [score.to_dict() for score in self.report.worst_first()],
            "per_document": [asdict(outcome) for outcome in self.documents],
        }


def load_eval_set(path: Path) -> list[dict[str, Any]]:
    """Records `{"id", "text", "label"}` from corpus JSONL, or from a folder of NAME.txt + NAME.json."""
    if path.is_dir() and not any(path.glob("*.jsonl")):
        records = []
        for text_file in sorted(path.glob("*.txt")):
            label_file = text_file.with_suffix(".json")
            if label_file.is_file():
                label = json.loads(label_file.read_text(encoding="utf-8"))
                records.append(
                    {"id": text_file.stem, "text": text_file.read_text(encoding="utf-8"), "label": label}
                )
        return records
    return read_records(path)


async def decode_all(
    engine: Engine, token_lists: list[list[int]], params: DecodeParams, in_flight: int
) -> list[Any]:
    """Decode every document, results in order; exceptions are returned, not raised.

    At most `in_flight` documents are submitted at a time: enough to keep every slot busy, few
    enough that none waits long in the queue. Submitting a whole set at once let the serving
    deadline (which counts queue time) expire on the documents at the back of a large set,
    and those were scored as total misses.
    """
    window = asyncio.Semaphore(in_flight)

    async def one(ids: list[int]) -> GenerationResult:
        async with window:
            return await engine.submit(ids, params)

    await engine.start()
    try:
        return await asyncio.gather(*(one(ids) for ids in token_lists), return_exceptions=True)
    finally:
        await engine.drain(timeout_s=5.0)


def read_message(text: str) -> dict[str, Any] | None:
    """The manifest a standard's reader gives for a machine message, as served; None: the model's."""
    try:
        reading = read(text)
    except NotReadable:
        return None
    if reading is None:
        return None
    return Manifest.model_validate(normalise(reading.extraction).manifest).model_dump()


# Per document: a set is scored on whatever else shares the machine (a training run), and the
# serving default (120 s, queue time included) is a latency promise, not a quality one.
EVAL_TIMEOUT_S = 3600.0


def evaluate_records(
    name: str,
    records: list[dict[str, Any]],
    model: Seq2SeqTransformer,
    tokenizer: Tokenizer,
    device: torch.device,
    params: DecodeParams | None = None,
    max_slots: int = 16,
    bf16: bool = False,
    grounded: bool = True,
) -> EvalResult:
    params = params or DecodeParams()
    if params.timeout_s is None:  # quality, not latency: a busy machine must not turn into misses
        params = replace(params, timeout_s=EVAL_TIMEOUT_S)
    in_flight = 2 * max_slots  # a full batch running and a full batch ready to take freed slots
    config = EngineConfig(max_slots=max_slots, max_waiting=in_flight, bf16=bf16, grounded=grounded)
    engine = Engine(model, tokenizer, config, device=device)
    messages = [read_message(record["text"]) for record in records]  # machine messages go to readers
    token_lists = [
        tokenizer.encode(r["text"]) if m is None else [] for r, m in zip(records, messages, strict=True)
    ]
    fits = [len(ids) <= engine.max_input_tokens for ids in token_lists]
    to_model = [ids for ids, ok, m in zip(token_lists, fits, messages, strict=True) if ok and m is None]
    outputs = asyncio.run(decode_all(engine, to_model, params, in_flight))
    results = iter(outputs)
    accumulator = ScoreAccumulator()
    evaluation = EvalResult(name=name, report=accumulator.report())
    for record, ok, message in zip(records, fits, messages, strict=True):
        record_id = str(record.get("id", len(evaluation.documents)))
        if message is not None:
            evaluation.read_by_readers += 1
            evaluation.decoded += 1
            evaluation.schema_valid += 1
            evaluation.grounding.add(message, record["text"])
            score = accumulator.add(message, record["label"])
            evaluation.documents.append(
                DocumentOutcome(record_id, score.counts.f1, score.exact_match, "reader", None)
            )
            continue
        if not ok:
            evaluation.too_long += 1
            score = accumulator.add(None, record["label"])
            evaluation.documents.append(DocumentOutcome(record_id, 0.0, False, None, "input too long"))
            continue
        outcome = next(results)
        predicted, provenance, error = _parse(outcome, record["text"], model.config.target)
        if predicted is not None:
            evaluation.grounding.add(predicted, record["text"])
            evaluation.reliability.add(predicted, provenance, record["label"])
        if isinstance(outcome, GenerationResult):
            evaluation.decoded += 1
            evaluation.entropy_sum += outcome.mean_entropy
            evaluation.eos_failures += int(outcome.finish_reason != FinishReason.EOS)
            evaluation.schema_valid += int(predicted is not None)
        else:
            evaluation.errors += 1
        score = accumulator.add(predicted, record["label"])
        reason = outcome.finish_reason.value if isinstance(outcome, GenerationResult) else None
        evaluation.documents.append(
            DocumentOutcome(record_id, score.counts.f1, score.exact_match, reason, error)
        )
    evaluation.report = accumulator.report()
    return evaluation


def _parse(
    outcome: Any, document: str, target: str
) -> tuple[dict[str, Any] | None, list[dict[str, Any]], str | None]:
    """The manifest and provenance a user would get for this outcome (read as the service reads it)."""
    if isinstance(outcome, EngineError | Exception) and not isinstance(outcome, GenerationResult):
        return None, [], f"{type(outcome).__name__}: {outcome}"
    output = DecodedOutput(outcome.text, outcome.token_pieces, outcome.token_log_probs)
    try:
        reading = read_output(output, document, target)
        return Manifest.model_validate(reading.manifest).model_dump(), reading.provenance, None
    except ValidationError as error:
        return None, [], f"schema invalid: {error.error_count()} errors"
    except ValueError as error:
        return None, [], f"unreadable output: {error}"
