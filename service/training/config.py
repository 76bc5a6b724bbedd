"""Training recipe: one TOML file in `configs/` describes a whole run (model shape included)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from service.model.transformer import ModelConfig


@dataclass(slots=True)
class TrainConfig:
    train_data: Path
    validation_data: Path
    tokenizer: Path
    run_dir: Path
    model: dict[str, Any] = field(default_factory=dict)  # ModelConfig fields except vocab/special ids
    seed: int = 1
    token_budget: int = 12000  # padded source + target tokens per batch (per rank)
    max_steps: int = 4000
    max_minutes: float = 0.0  # 0: no wall-clock stop; otherwise stop (and save) after this long
    stop_at_step: int = 0  # 0: run to max_steps; otherwise stop (and save) here, schedule unchanged
    learning_rate: float = 1e-3
    min_learning_rate: float = 1e-4
    warmup_steps: int = 200
    schedule: str = "cosine"  # "cosine" | "wsd" (warmup-stable-decay, continuable)
    decay_fraction: float = 0.2  # wsd: the share of max_steps spent decaying
    # Scheduled sampling: the probability, reached at the last step, that a decoder input is the
    # model's own greedy prediction instead of the label's token; it rises linearly over the
    # schedule's decay (wsd) and is 0 before it. 0 keeps plain teacher forcing.
    scheduled_sampling: float = 0.0
    weight_decay: float = 0.01
    label_smoothing: float = 0.1
    grad_clip: float = 1.0
    bf16: bool = True  # bf16 autocast on CUDA, and on CPUs with native bf16 matmul
    log_every: int = 10
    eval_every: int = 250
    eval_loss_documents: int = 200
    eval_decode_documents: int = 24
    checkpoint_every: int = 100
    export_store: Path | None = None  # write a model_store version here when the run ends
    init_from: Path | None = None  # warm start from a model_store version (same shape), fresh optimizer
    resume_point: Path | None = None  # a committed resume point to continue from when run_dir has none
    export_version: str = ""

    @classmethod
    def from_toml(cls, path: Path, overrides: dict[str, Any] | None = None) -> TrainConfig:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        raw.update(overrides or {})
        known = {f.name for f in fields(cls)}
        unknown = set(raw) - known
        if unknown:
            raise ValueError(f"unknown training settings in {path}: {sorted(unknown)}")
        for name in (
            "train_data",
            "validation_data",
            "tokenizer",
            "run_dir",
            "export_store",
            "init_from",
            "resume_point",
        ):
            if raw.get(name):
                raw[name] = Path(raw[name])
        return cls(**raw)

    def model_config(self, vocab_size: int, pad_id: int, bos_id: int, eos_id: int) -> ModelConfig:
        return ModelConfig(vocab_size=vocab_size, pad_id=pad_id, bos_id=bos_id, eos_id=eos_id, **self.model)
