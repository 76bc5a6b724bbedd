"""The training loop: teacher forcing, AdamW with warm-up and cosine decay, label smoothing,
gradient clipping, periodic validation, checkpoints that a run resumes from, and DDP.

Single process on CPU or one GPU by default; under `torchrun` each rank takes every
world-th batch and gradients are all-reduced by DistributedDataParallel (gloo on CPU,
nccl on CUDA). Only rank 0 logs, evaluates and writes checkpoints.
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch import Tensor, nn

from service.model.transformer import ModelConfig, Seq2SeqTransformer
from service.tokenizer import Tokenizer
from service.training.config import TrainConfig
from service.training.data import TARGET_FIELDS, Batch, Example, collate, iterate_batches, load_examples
from service.training.resume_point import read_resume_point

STATE_FILE = "state.pt"
LOG_FILE = "train.log"
# A warm start may add features to a model published without them (the copy head's match
# features, the encoder's local mixing); they start at their initial values, which leave the
# published model's function unchanged. Dropout is a training setting, not a shape.
WARM_START_FREE = {"copy_match_order": 0, "encoder_conv_kernel": 0, "dropout": 0.0, "target": "manifest"}
# The length limits carry no weights (positions are a sinusoidal table), so a run may resume
# with a longer input window than its checkpoint was trained with.
LENGTH_LIMITS = ("max_source_len", "max_target_len")
NEW_FEATURE_STATE = re.compile(r"copy\.match_bonus|copy\.canonical|encoder\.\d+\.local\.conv\.(weight|bias)")

# Scores a model on validation documents with constrained decoding: returns figures to log.
DecodeEvaluator = Callable[[Seq2SeqTransformer, int], dict[str, float]]


def same_weights(theirs: dict[str, Any], ours: dict[str, Any]) -> bool:
    """Whether two model configs have the same parameters (they may differ in length limits)."""
    return {k: v for k, v in theirs.items() if k not in LENGTH_LIMITS} == {
        k: v for k, v in ours.items() if k not in LENGTH_LIMITS
    }


def pick_device(requested: str = "auto") -> torch.device:
    if requested == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(requested)


def smoothed_nll(log_probs: Tensor, target: Tensor, pad_id: int, smoothing: float) -> Tensor:
    """Label-smoothed negative log-likelihood over non-pad positions, from log-probabilities."""
    log_probs = log_probs.float().reshape(-1, log_probs.shape[-1])
    target = target.reshape(-1)
    keep = target != pad_id
    log_probs, target = log_probs[keep], target[keep]
    nll = F.nll_loss(log_probs, target)
    if smoothing == 0.0:
        return nll
    return (1.0 - smoothing) * nll - smoothing * log_probs.mean(dim=-1).mean()


def batch_loss(model: nn.Module, batch: Batch, pad_id: int, smoothing: float, device: torch.device) -> Tensor:
    """Mean NLL of the batch's target tokens, label-smoothed when `smoothing` > 0. Without
    smoothing the model gives only the targets' log-probabilities (no (B, T, V) mixture)."""
    src, tgt_in, tgt_out = batch.src.to(device), batch.tgt_in.to(device), batch.tgt_out.to(device)
    if smoothing > 0.0:
        return smoothed_nll(model(src, tgt_in), tgt_out, pad_id, smoothing)
    token_log_probs = model(src, tgt_in, tgt_out)
    return -token_log_probs.float()[tgt_out != pad_id].mean()


def learning_rate(step: int, config: TrainConfig) -> float:
    """Linear warm-up, then cosine decay to min_learning_rate at max_steps; or, with the
    warmup-stable-decay schedule, the peak rate held until the last `decay_fraction` of
    max_steps and a linear decay there, so that a later run continues from a stable-phase
    checkpoint at the same rate instead of warming up again."""
    if step < config.warmup_steps:
        return config.learning_rate * (step + 1) / config.warmup_steps
    if config.schedule == "wsd":
        start = decay_start(config)
        if step < start:
            return config.learning_rate
        progress = min(1.0, (step - start) / max(1.0, config.max_steps - start))
        return config.learning_rate + (config.min_learning_rate - config.learning_rate) * progress
    progress = min(1.0, (step - config.warmup_steps) / max(1, config.max_steps - config.warmup_steps))
    cosine = 0.5 * (1.0 + math.cos(math.pi * progress))
    return config.min_learning_rate + (config.learning_rate - config.min_learning_rate) * cosine


def decay_start(config: TrainConfig) -> float:
    """The step where the warmup-stable-decay schedule starts decaying."""
    return config.max_steps * (1.0 - config.decay_fraction)


def sampling_probability(step: int, config: TrainConfig) -> float:
    """How often a decoder input is the model's own prediction at `step`: 0 before the decay,
    then rising linearly to `scheduled_sampling` at the last step."""
    if config.scheduled_sampling <= 0.0 or config.schedule != "wsd":
        return 0.0
    start = decay_start(config)
    progress = (step - start) / max(1.0, config.max_steps - start)
    return config.scheduled_sampling * min(1.0, max(0.0, progress))


@torch.no_grad()
def own_predictions(
    model: Seq2SeqTransformer, batch: Batch, probability: float, device: torch.device
) -> Batch:
    """The batch with each decoder input after the first replaced, with `probability`, by the
    model's greedy prediction at that place (one teacher-forced pass, as in parallel scheduled
    sampling): the model learns to recover from its own mistakes, which at serving time are
    what it reads, instead of only ever reading the label."""
    src, tgt_in = batch.src.to(device), batch.tgt_in.to(device)
    predicted = model(src, tgt_in).argmax(dim=-1)  # (B, T): the prediction for input t + 1
    replace = torch.rand(tgt_in.shape, device=device) < probability
    replace[:, 0] = False  # BOS
    replace &= tgt_in != model.config.pad_id
    mixed = tgt_in.clone()
    mixed[:, 1:] = torch.where(replace[:, 1:], predicted[:, :-1], tgt_in[:, 1:])
    return Batch(src=batch.src, tgt_in=mixed.to(batch.tgt_in.device), tgt_out=batch.tgt_out)


@dataclass(slots=True)
class Distributed:
    rank: int = 0
    world: int = 1

    @property
    def main(self) -> bool:
        return self.rank == 0

    @classmethod
    def from_env(cls, device: torch.device) -> Distributed:
        """Join the process group when launched by torchrun (WORLD_SIZE set)."""
        world = int(os.environ.get("WORLD_SIZE", "1"))
        if world == 1 and "RANK" not in os.environ:
            return cls()
        if not dist.is_initialized():
            dist.init_process_group(backend="nccl" if device.type == "cuda" else "gloo")
        return cls(rank=dist.get_rank(), world=dist.get_world_size())


class Progress:
    """One status line on stderr (loss, tokens/s, ETA) and JSON lines in the run's log file."""

    def __init__(self, log_path: Path, total_steps: int, enabled: bool) -> None:
        self.log_path = log_path
        self.total = total_steps
        self.enabled = enabled
        self.started = time.monotonic()

    def log(self, record: dict[str, Any]) -> None:
        if not self.enabled:
            return
        with self.log_path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record) + "\n")

    def show(self, step: int, first_step: int, loss: float, tokens_per_s: float) -> None:
        if not self.enabled:
            return
        elapsed = time.monotonic() - self.started
        done = max(1, step - first_step)
        eta = elapsed / done * (self.total - step)
        bar = "#" * int(30 * step / self.total)
        sys.stderr.write(
            f"\r[{bar:<30}] step {step}/{self.total} loss {loss:.4f} {tokens_per_s:,.0f} tok/s "
            f"elapsed {elapsed / 60:.1f} min ETA {eta / 60:.1f} min"
        )
        sys.stderr.flush()


class Trainer:
    def __init__(self, config: TrainConfig, device: torch.device, evaluator: DecodeEvaluator | None = None):
        self.config = config
        self.device = device
        self.evaluator = evaluator
        self.dist = Distributed.from_env(device)
        torch.manual_seed(config.seed)
        random.seed(config.seed)
        self.tokenizer = Tokenizer.from_file(config.tokenizer)
        self.model_config: ModelConfig = config.model_config(
            self.tokenizer.vocab_size, self.tokenizer.pad_id, self.tokenizer.bos_id, self.tokenizer.eos_id
        )
        self.model = Seq2SeqTransformer(self.model_config).to(device)
        if self.model.copy is not None and self.model.copy.match_order:
            self.model.copy.canonical.copy_(torch.tensor(self.tokenizer.word_start_free_ids()))
        self.optimizer = torch.optim.AdamW(
            self._parameter_groups(), lr=config.learning_rate, betas=(0.9, 0.98), eps=1e-8
        )
        self.step = 0
        self.recipe = ""  # the recipe file of this stage, for the lineage
        # One record per stage that made these weights (warm start, runs, resumes): the model card's
        # lineage, kept in every checkpoint and resume point so that it survives sessions.
        self.lineage: list[dict[str, Any]] = []
        self.train_examples, self.validation_examples = self._load_data()
        self.run_dir = Path(config.run_dir)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.progress = Progress(self.run_dir / LOG_FILE, config.max_steps, self.dist.main)
        self.wrapped: nn.Module = self.model
        if self.dist.world > 1:
            self.wrapped = nn.parallel.DistributedDataParallel(self.model)

    def _parameter_groups(self) -> list[dict[str, Any]]:
        """No weight decay on biases, norms and embeddings."""
        decay: list[nn.Parameter] = []
        no_decay: list[nn.Parameter] = []
        for name, parameter in self.model.named_parameters():
            (no_decay if parameter.ndim < 2 or "embedding" in name else decay).append(parameter)
        return [
            {"params": decay, "weight_decay": self.config.weight_decay},
            {"params": no_decay, "weight_decay": 0.0},
        ]

    def _load_data(self) -> tuple[list[Example], list[Example]]:
        def load(path: Path) -> list[Example]:
            examples, skipped = load_examples(
                path,
                self.tokenizer.encode,
                self.config.tokenizer,
                self.tokenizer.eos_id,
                self.model_config.max_source_len,
                self.model_config.max_target_len,
                TARGET_FIELDS[self.model_config.target],
            )
            if self.dist.main:
                print(f"{path}: {len(examples)} examples ({skipped} over the length limits)", file=sys.stderr)
            return examples

        return load(self.config.train_data), load(self.config.validation_data)

    def _autocast(self) -> Any:
        if not self.config.bf16:
            return nullcontext()
        return torch.autocast(self.device.type, dtype=torch.bfloat16)

    # ---- checkpoints ---------------------------------------------------------------------

    def save_state(self) -> None:
        if not self.dist.main:
            return
        state = {
            "model": self.model.state_dict(),
            "optimizer": self.optimizer.state_dict(),
            "step": self.step,
            "model_config": json.dumps(self.model_config.to_dict()),
            "torch_rng": torch.get_rng_state(),
            "lineage": self.lineage,
        }
        partial = self.run_dir / (STATE_FILE + ".partial")
        torch.save(state, partial)
        partial.replace(self.run_dir / STATE_FILE)  # atomic: an interrupted save never corrupts the last one

    def warm_start(self, directory: Path) -> None:
        """Start from a published model's weights (same shape) with a fresh optimizer and schedule."""
        from service.checkpoint import load_model

        published = load_model(directory, self.device)
        theirs, ours = published.config.to_dict(), self.model_config.to_dict()
        if {**theirs, **WARM_START_FREE} != {**ours, **WARM_START_FREE}:
            raise ValueError(f"{directory} has another model shape than this recipe")
        missing, unexpected = self.model.load_state_dict(published.model.state_dict(), strict=False)
        if unexpected or not all(NEW_FEATURE_STATE.fullmatch(name) for name in missing):
            raise ValueError(f"{directory} does not fit this recipe: missing {missing}, extra {unexpected}")
        self.lineage = [{"warm_start": str(directory), "version": published.version}]

    def resume(self) -> bool:
        """Continue this run from its last checkpoint; without one, warm-start if the recipe says so."""
        path = self.run_dir / STATE_FILE
        point = self.config.resume_point
        if path.is_file():
            state = torch.load(path, map_location=self.device, weights_only=True)
        elif point is not None and point.is_file():
            path, state = point, read_resume_point(point, self.device)
        else:
            if self.config.init_from is not None:
                self.warm_start(self.config.init_from)
            return False
        if not same_weights(json.loads(state["model_config"]), self.model_config.to_dict()):
            raise ValueError(f"{path} was trained with another model shape; use a new run_dir")
        self.model.load_state_dict(state["model"])
        self.optimizer.load_state_dict(state["optimizer"])
        self.step = int(state["step"])
        torch.set_rng_state(state["torch_rng"])
        # checkpoints written before the lineage was kept say only where they stood
        self.lineage = list(
            state.get("lineage", [{"recorded_from_step": self.step, "checkpoint": str(path)}])
        )
        return True

    # ---- loop ----------------------------------------------------------------------------

    def batches(self) -> Iterator[Batch]:
        stream = iterate_batches(
            self.train_examples,
            self.config.token_budget,
            self.config.seed,
            self.tokenizer.pad_id,
            self.tokenizer.bos_id,
            self.dist.rank,
            self.dist.world,
        )
        for _ in range(self.step):  # resume at the same place in the deterministic stream
            next(stream)
        return stream

    def train_step(self, batch: Batch) -> float:
        self.wrapped.train()
        for group in self.optimizer.param_groups:
            group["lr"] = learning_rate(self.step, self.config)
        probability = sampling_probability(self.step, self.config)
        with self._autocast():
            if probability > 0.0:
                batch = own_predictions(self.model, batch, probability, self.device)
            loss = batch_loss(
                self.wrapped, batch, self.tokenizer.pad_id, self.config.label_smoothing, self.device
            )
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.config.grad_clip)
        self.optimizer.step()
        self.step += 1
        return float(loss.detach())

    @torch.no_grad()
    def validation_loss(self) -> float:
        self.model.eval()
        examples = self.validation_examples[: self.config.eval_loss_documents]
        total, count = 0.0, 0
        for start in range(0, len(examples), 8):
            batch = collate(examples[start : start + 8], self.tokenizer.pad_id, self.tokenizer.bos_id)
            with self._autocast():
                loss = batch_loss(self.model, batch, self.tokenizer.pad_id, 0.0, self.device)
            total += float(loss) * batch.target_tokens
            count += batch.target_tokens
        return total / max(1, count)

    def evaluate(self) -> dict[str, float]:
        figures = {"validation_loss": self.validation_loss()}
        if self.evaluator is not None and self.config.eval_decode_documents > 0:
            figures.update(self.evaluator(self.model, self.config.eval_decode_documents))
        self.progress.log({"step": self.step, "event": "eval", **figures})
        return figures

    def train(self) -> dict[str, float]:
        first_step = self.step
        started = time.monotonic()
        window_tokens, window_start, loss = 0, time.monotonic(), float("nan")
        stream = self.batches()
        figures: dict[str, float] = {}
        while self.step < self.config.max_steps:
            batch = next(stream)
            loss = self.train_step(batch)
            window_tokens += batch.target_tokens + int((batch.src != self.tokenizer.pad_id).sum())
            if self.step % self.config.log_every == 0:
                rate = window_tokens / max(1e-9, time.monotonic() - window_start)
                self.progress.show(self.step, first_step, loss, rate)
                self.progress.log(
                    {
                        "step": self.step,
                        "loss": loss,
                        "tokens_per_s": rate,
                        "lr": learning_rate(self.step, self.config),
                        "scheduled_sampling": sampling_probability(self.step, self.config),
                    }
                )
                window_tokens, window_start = 0, time.monotonic()
            if self.step % self.config.checkpoint_every == 0:
                self.save_state()
            if self.dist.main and self.step % self.config.eval_every == 0:
                figures = self.evaluate()
            out_of_time = (
                self.config.max_minutes and (time.monotonic() - started) / 60 >= self.config.max_minutes
            )
            if out_of_time or self.step == self.config.stop_at_step:
                break
        self.save_state()
        if self.dist.main:
            sys.stderr.write("\n")
            figures = self.evaluate()
            figures["train_minutes"] = (time.monotonic() - started) / 60
            figures["steps"] = self.step
            self.lineage.append(
                {
                    "recipe": self.recipe,
                    "train_data": str(self.config.train_data),
                    "from_step": first_step,
                    "to_step": self.step,
                    "minutes": round(figures["train_minutes"], 1),
                    "validation_loss": round(figures["validation_loss"], 4),
                }
            )
            self.save_state()
        return figures
