"""`manifest-parser tokenizer train|stats|compare`: the SentencePiece vocabulary and its cost.

The tokenizer is trained on what it will read and write: each record's document text and
its label as compact JSON (the exact bytes the constrained decoder produces). `stats`
reports sequence lengths, which size the model's source/target limits, and `compare`
trains several vocabulary sizes on one sample and measures them on held-out records, so
the size is chosen on sequence length rather than guessed.
"""

from __future__ import annotations

import argparse
import math
import random
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from service.tokenizer import Tokenizer

Record = dict[str, Any]
MODEL_SUFFIX = ".model"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    commands = parser.add_subparsers(dest="tokenizer_command", required=True)

    train = commands.add_parser("train", help="train a tokenizer on a corpus")
    _add_data(train, sample_default=None)
    train.add_argument("--vocab-size", type=int, default=8000, help="vocabulary size (a ceiling)")
    train.add_argument("--out", type=Path, required=True, help="model file to write (NAME.model)")
    _add_model_type(train)

    stats = commands.add_parser("stats", help="token lengths of a corpus under a tokenizer")
    stats.add_argument("--model", type=Path, required=True, help="SentencePiece .model file")
    _add_data(stats, sample_default=2000)

    compare = commands.add_parser("compare", help="train several vocabulary sizes and compare lengths")
    _add_data(compare, sample_default=5000)
    compare.add_argument("--sizes", default="4000,8000,16000", help="comma-separated vocabulary sizes")
    compare.add_argument("--held-out", type=int, default=1000, help="records measured (not trained on)")
    _add_model_type(compare)


def _add_data(parser: argparse.ArgumentParser, sample_default: int | None) -> None:
    parser.add_argument(
        "--data", type=Path, required=True, help="JSONL file, folder of shards, or a split (corpus/train)"
    )
    parser.add_argument(
        "--sample", type=int, default=sample_default, help="use this many records, drawn at random (seeded)"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the record sample")


def _add_model_type(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model-type", choices=("bpe", "unigram"), default="bpe")


def run(args: argparse.Namespace) -> int:
    records = read_corpus(args.data)
    if not records:
        raise SystemExit(f"no records in {args.data}")
    random.Random(args.seed).shuffle(records)
    if args.tokenizer_command == "train":
        return _train(records[: args.sample], args)
    if args.tokenizer_command == "stats":
        return _stats(records[: args.sample], args)
    return _compare(records, args)


def read_corpus(data: Path) -> list[Record]:
    """Records of a JSONL file, a folder of shards, or a split prefix: `corpus/train` reads
    `corpus/train-*.jsonl`, so one split of a corpus folder is used without the others."""
    from service.training.data import read_records

    if data.exists():
        return read_records(data)
    shards = sorted(data.parent.glob(f"{data.name}-*.jsonl"))
    return [record for shard in shards for record in read_records(shard)]


def training_texts(records: Iterable[Record]) -> Iterator[str]:
    """Each record's document and its compact JSON label: one joint vocabulary for both."""
    from service.training.data import target_text

    for record in records:
        yield record["text"]
        yield target_text(record["label"])


def _train(records: list[Record], args: argparse.Namespace) -> int:
    from service.tokenizer import Tokenizer, train_tokenizer

    out = Path(args.out)
    prefix = out.with_suffix("") if out.suffix == MODEL_SUFFIX else out
    started = time.perf_counter()
    path = train_tokenizer(training_texts(records), args.vocab_size, prefix, model_type=args.model_type)
    tokenizer = Tokenizer.from_file(path)
    print(
        f"wrote {path}: {tokenizer.vocab_size} pieces from {len(records)} records "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return 0


@dataclass(slots=True)
class Lengths:
    """Token lengths of one side (documents or labels) of a set of records."""

    tokens: list[int]
    chars: int

    @property
    def chars_per_token(self) -> float:
        return self.chars / max(1, sum(self.tokens))

    def percentile(self, q: float) -> int:
        """Nearest-rank percentile (q in 0-100)."""
        ordered = sorted(self.tokens)
        return ordered[max(1, math.ceil(len(ordered) * q / 100)) - 1]

    def row(self) -> str:
        figures = (self.percentile(50), self.percentile(95), max(self.tokens))
        return " ".join(f"{figure:>7}" for figure in figures) + f" {self.chars_per_token:>9.2f}"


def measure(tokenizer: Tokenizer, records: list[Record]) -> tuple[Lengths, Lengths]:
    """(source, target) lengths; a target counts the EOS the decoder must also produce."""
    from service.training.data import target_text

    sources = [record["text"] for record in records]
    targets = [target_text(record["label"]) for record in records]
    return (
        Lengths([len(tokenizer.encode(text)) for text in sources], sum(map(len, sources))),
        Lengths([len(tokenizer.encode(text)) + 1 for text in targets], sum(map(len, targets))),
    )


LENGTH_HEADER = f"{'median':>7} {'p95':>7} {'max':>7} {'chars/tok':>9}"


def _stats(records: list[Record], args: argparse.Namespace) -> int:
    from service.tokenizer import Tokenizer

    tokenizer = Tokenizer.from_file(args.model)
    source, target = measure(tokenizer, records)
    print(f"{args.model}: {tokenizer.vocab_size} pieces, {len(records)} records")
    print(f"{'':8} {LENGTH_HEADER}")
    print(f"{'source':8} {source.row()}")
    print(f"{'target':8} {target.row()}")
    return 0


def _compare(records: list[Record], args: argparse.Namespace) -> int:
    from service.tokenizer import Tokenizer, train_tokenizer

    sizes = [int(size) for size in args.sizes.split(",")]
    held_out, pool = records[: args.held_out], records[args.held_out :]
    sample = pool[: args.sample]
    if not sample or not held_out:
        raise SystemExit(f"need more than --held-out ({args.held_out}) records, got {len(records)}")
    print(f"trained on {len(sample)} records, measured on {len(held_out)} others ({args.model_type})")
    print(f"{'vocab':>6} {'pieces':>6} {'train s':>7} | source {LENGTH_HEADER} | target {LENGTH_HEADER}")
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            started = time.perf_counter()
            path = train_tokenizer(
                training_texts(sample), size, Path(scratch) / f"sp{size}", model_type=args.model_type
            )
            seconds = time.perf_counter() - started
            tokenizer = Tokenizer.from_file(path)
            source, target = measure(tokenizer, held_out)
            print(
                f"{size:>6} {tokenizer.vocab_size:>6} {seconds:>7.1f} | "
                f"{'':6} {source.row()} | {'':6} {target.row()}"
            )
    return 0
