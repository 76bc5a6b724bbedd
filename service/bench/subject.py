"""What is benchmarked: a model with its tokenizer, and the documents fed to it.

A model comes from a model store (the committed model by default) or is built with random
weights from `d_model,layers,vocab`; a random model gets a tokenizer trained on the synthetic
corpus with up to `vocab` pieces (the model keeps the full vocabulary width either way).
Documents come from a JSONL file (records with "text", optionally "label") or the synthetic
corpus generator. A random model never chooses to stop, so each document's output budget is
the length of its true label when known: the load then has the spread of lengths a trained
model would produce, which is what continuous batching is about.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from service.checkpoint import load_model
from service.data.corpus import generate
from service.model.transformer import ModelConfig, Seq2SeqTransformer
from service.tokenizer import Tokenizer, train_tokenizer
from service.training.data import TARGET_FIELDS

CORPUS_SPLIT = "validation"
TOKENIZER_TRAINING_DOCUMENTS = 300


@dataclass(slots=True)
class Subject:
    model: Seq2SeqTransformer
    tokenizer: Tokenizer
    description: str
    trained: bool  # False: random weights, outputs run to their budget


@dataclass(slots=True)
class Document:
    token_ids: list[int]
    label_ids: list[int] | None  # the true label (compact JSON) tokenized, when the data has one


def parse_shape(text: str) -> tuple[int, int, int]:
    """ "256,4,8000" -> (d_model, layers per stack, vocabulary size)."""
    d_model, layers, vocab = (int(part) for part in text.split(","))
    return d_model, layers, vocab


Record = dict[str, Any]


def synthetic_records(count: int, seed: int) -> list[Record]:
    return list(generate(CORPUS_SPLIT, seed, count))


def random_subject(shape: str, seed: int, max_source_len: int) -> Subject:
    d_model, layers, vocab = parse_shape(shape)
    records = list(generate("train", seed, TOKENIZER_TRAINING_DOCUMENTS))
    texts = [r["text"] for r in records]
    texts += [_compact(r["label"]) for r in records]
    with tempfile.TemporaryDirectory() as folder:
        tokenizer = Tokenizer.from_file(train_tokenizer(texts, vocab, Path(folder) / "bench"))
    torch.manual_seed(seed)
    config = ModelConfig(
        vocab_size=max(vocab, tokenizer.vocab_size),
        d_model=d_model,
        n_heads=max(1, d_model // 64),
        n_encoder_layers=layers,
        n_decoder_layers=layers,
        d_ff=4 * d_model,
        max_source_len=max_source_len,
        dropout=0.0,
        copy_match_order=3,  # as the committed model
    )
    model = Seq2SeqTransformer(config).eval()
    description = f"random weights d_model={d_model} layers={layers}+{layers} vocab={config.vocab_size}"
    return Subject(model, tokenizer, description, trained=False)


def stored_subject(path: Path) -> Subject:
    loaded = load_model(path, "cpu")
    config = loaded.config
    description = (
        f"model {loaded.version} d_model={config.d_model} layers={config.n_encoder_layers}+"
        f"{config.n_decoder_layers} vocab={config.vocab_size}"
    )
    return Subject(loaded.model, Tokenizer.from_file(loaded.tokenizer_path), description, trained=True)


def read_records(path: Path, count: int) -> list[Record]:
    records: list[Record] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                records.append(json.loads(line))
            if len(records) == count:
                break
    return records


def tokenize_documents(subject: Subject, records: list[Record]) -> list[Document]:
    """Token ids of each document (cut to what the model reads) and of its target (the label, or
    the extraction for a model that writes extractions), if the record has one."""
    limit = subject.model.config.max_source_len
    field = TARGET_FIELDS[subject.model.config.target]
    documents = []
    for record in records:
        label = record.get(field)
        label_ids = None if label is None else subject.tokenizer.encode(_compact(label))
        documents.append(Document(subject.tokenizer.encode(record["text"])[:limit], label_ids))
    return documents


def _compact(label: Any) -> str:
    return json.dumps(label, ensure_ascii=False, separators=(",", ":"))
