"""Field F1 on a sample of validation documents during training, with constrained decoding."""

from __future__ import annotations

import itertools
from pathlib import Path

import torch

from service.model.transformer import Seq2SeqTransformer
from service.tokenizer import Tokenizer
from service.training.data import read_records
from service.training.evaluate import evaluate_records
from service.training.trainer import DecodeEvaluator


def constrained_f1_evaluator(
    tokenizer: Tokenizer, validation_data: Path, device: torch.device
) -> DecodeEvaluator:
    """An evaluator the trainer calls every eval_every steps on the first `n` validation records."""
    records = read_records(validation_data)

    def evaluate(model: Seq2SeqTransformer, n: int) -> dict[str, float]:
        sample = list(itertools.islice(records, n))
        result = evaluate_records("validation", sample, model, tokenizer, device)
        return {
            "validation_f1": result.report.total.f1,
            "validation_exact_match": result.report.exact_match_rate,
            "validation_eos_failures": float(result.eos_failures),
        }

    return evaluate
