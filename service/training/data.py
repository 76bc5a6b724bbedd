"""Training examples: corpus records tokenized once, then grouped into length-bucketed batches.

A target is the label as compact JSON (the exact text the constrained decoder produces), so
what the model learns to write is byte for byte what the grammar lets it write. Tokenized
corpora are cached next to the shards (keyed by the tokenizer's hash) because tokenizing
tens of thousands of documents is the slowest part of starting a run on a small machine.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import Tensor

Encode = Callable[[str], list[int]]


def target_text(label: dict[str, Any]) -> str:
    """The label as the decoder writes it: compact JSON, keys in contract order, UTF-8 kept."""
    return json.dumps(label, ensure_ascii=False, separators=(",", ":"))


def read_records(path: Path) -> list[dict[str, Any]]:
    """All records of a JSONL file, or of every `*.jsonl` shard of a directory in name order."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    records: list[dict[str, Any]] = []
    for file in files:
        with file.open(encoding="utf-8") as handle:
            records.extend(json.loads(line) for line in handle if line.strip())
    return records


@dataclass(slots=True)
class Example:
    source: np.ndarray  # int32 token ids of the document
    target: np.ndarray  # int32 token ids of the label JSON, EOS appended


@dataclass(slots=True)
class Batch:
    src: Tensor  # (B, S)
    tgt_in: Tensor  # (B, T): BOS + y[:-1]
    tgt_out: Tensor  # (B, T): y (ending in EOS), padded with pad_id

    @property
    def target_tokens(self) -> int:
        return int((self.tgt_out != 0).sum())


# The record field a model learns to write, by its `ModelConfig.target`.
TARGET_FIELDS = {"manifest": "label", "extraction": "extraction"}


def tokenize_records(
    records: list[dict[str, Any]],
    encode: Encode,
    eos_id: int,
    max_source: int,
    max_target: int,
    target_field: str = "label",
) -> tuple[list[Example], int]:
    """Examples for every record that fits the model; returns them and how many were too long."""
    examples: list[Example] = []
    skipped = 0
    for record in records:
        source = encode(record["text"])
        target = [*encode(target_text(record[target_field])), eos_id]
        if len(source) > max_source or len(target) > max_target:
            skipped += 1
            continue
        examples.append(Example(np.asarray(source, np.int32), np.asarray(target, np.int32)))
    return examples, skipped


def load_examples(
    path: Path,
    encode: Encode,
    tokenizer_file: Path,
    eos_id: int,
    max_source: int,
    max_target: int,
    target_field: str = "label",
) -> tuple[list[Example], int]:
    """Tokenized examples of a corpus split, from the cache when the tokenizer is unchanged."""
    digest = hashlib.sha256(Path(tokenizer_file).read_bytes()).hexdigest()[:12]
    cache = (
        path if path.is_dir() else path.parent
    ) / f".tokens-{path.stem}-{target_field}-{digest}-{max_source}-{max_target}.npz"
    if cache.is_file():
        stored = np.load(cache)
        sources = np.split(stored["source"], stored["source_offsets"][1:-1])
        targets = np.split(stored["target"], stored["target_offsets"][1:-1])
        return [Example(s, t) for s, t in zip(sources, targets, strict=True)], int(stored["skipped"])
    examples, skipped = tokenize_records(
        read_records(path), encode, eos_id, max_source, max_target, target_field
    )
    np.savez(
        cache,
        source=np.concatenate([e.source for e in examples]),
        source_offsets=np.cumsum([0, *(len(e.source) for e in examples)]),
        target=np.concatenate([e.target for e in examples]),
        target_offsets=np.cumsum([0, *(len(e.target) for e in examples)]),
        skipped=skipped,
    )
    return examples, skipped


def bucket_batches(examples: list[Example], token_budget: int, seed: int) -> list[list[int]]:
    """Index lists of examples of similar length whose padded size fits the token budget.

    Sorting by length keeps padding small; shuffling within coarse length groups and then
    shuffling the batches keeps the order random from epoch to epoch (seeded).
    """
    rng = random.Random(seed)
    order = sorted(range(len(examples)), key=lambda i: (len(examples[i].source), rng.random()))
    batches: list[list[int]] = []
    current: list[int] = []
    longest_src = longest_tgt = 0
    for index in order:
        src_len, tgt_len = len(examples[index].source), len(examples[index].target)
        grown_src, grown_tgt = max(longest_src, src_len), max(longest_tgt, tgt_len)
        if current and (grown_src + grown_tgt) * (len(current) + 1) > token_budget:
            batches.append(current)
            current, grown_src, grown_tgt = [], src_len, tgt_len
        current.append(index)
        longest_src, longest_tgt = grown_src, grown_tgt
    if current:
        batches.append(current)
    rng.shuffle(batches)
    return batches


def collate(examples: list[Example], pad_id: int, bos_id: int) -> Batch:
    """Pad a list of examples into teacher-forcing tensors."""
    batch = len(examples)
    src_len = max(len(e.source) for e in examples)
    tgt_len = max(len(e.target) for e in examples)
    src = torch.full((batch, src_len), pad_id, dtype=torch.long)
    tgt_in = torch.full((batch, tgt_len), pad_id, dtype=torch.long)
    tgt_out = torch.full((batch, tgt_len), pad_id, dtype=torch.long)
    for row, example in enumerate(examples):
        target = torch.from_numpy(example.target.astype(np.int64))
        src[row, : len(example.source)] = torch.from_numpy(example.source.astype(np.int64))
        tgt_out[row, : len(target)] = target
        tgt_in[row, 0] = bos_id
        tgt_in[row, 1 : len(target)] = target[:-1]
    return Batch(src, tgt_in, tgt_out)


def iterate_batches(
    examples: list[Example],
    token_budget: int,
    seed: int,
    pad_id: int,
    bos_id: int,
    rank: int = 0,
    world: int = 1,
) -> Iterator[Batch]:
    """Endless stream of batches, a new shuffle each epoch; rank r of `world` takes every world-th batch."""
    epoch = 0
    while True:
        batches = bucket_batches(examples, token_budget, seed + epoch)
        usable = len(batches) - len(batches) % world
        for indices in batches[rank:usable:world]:
            yield collate([examples[i] for i in indices], pad_id, bos_id)
        epoch += 1
