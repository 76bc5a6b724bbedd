"""`manifest-parser data`: generate the synthetic corpus, show one document, summarise a corpus.

    manifest-parser data generate --split train --n 60000 --seed 1 --out corpus [--workers 2]
    manifest-parser data show --family kv_list --seed 3
    manifest-parser data stats corpus

Shards are `<out>/<split>-00000.jsonl`, one record per line. Output is identical for any
number of workers: records are made in chunks by index and written in index order.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

_CHUNK = 500


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="data_command", required=True)
    generate = actions.add_parser("generate", help="write a corpus split as JSONL shards")
    generate.add_argument("--split", default="train", choices=("train", "validation", "test", "heldout"))
    generate.add_argument("--n", type=int, required=True, help="number of documents")
    generate.add_argument("--seed", type=int, default=0)
    generate.add_argument("--out", type=Path, required=True, help="output directory")
    generate.add_argument("--shard-size", type=int, default=5000)
    generate.add_argument("--workers", type=int, default=1, help="processes (default 1)")
    generate.add_argument(
        "--exclude-family",
        action="append",
        default=[],
        metavar="NAME",
        help="leave a layout family out (repeatable)",
    )
    generate.add_argument(
        "--skip-invalid",
        action="store_true",
        help="skip documents that fail the label checks instead of stopping (counted)",
    )
    show = actions.add_parser("show", help="print one document and its label")
    show.add_argument("--family", required=True)
    show.add_argument("--seed", type=int, default=0)
    show.add_argument("--document-type", default=None)
    stats = actions.add_parser("stats", help="per-family and per-type counts and lengths of a corpus")
    stats.add_argument("directory", type=Path)


def run(args: argparse.Namespace) -> int:
    handlers = {"generate": _generate, "show": _show, "stats": _stats}
    return handlers[args.data_command](args)


# Set in the parent before worker processes fork, so workers inherit it.
_JOB: dict[str, Any] = {}


def _chunk(start: int) -> tuple[list[str], Counter[str]]:
    """JSON lines for records `start` .. `start + _CHUNK - 1` (bounded by the job's n)."""
    from service.data import corpus

    lines: list[str] = []
    skipped: Counter[str] = Counter()
    for index in range(start, min(start + _CHUNK, _JOB["n"])):
        try:
            record = corpus.make_record(_JOB["split"], _JOB["seed"], index, _JOB["families"])
        except corpus.LabelError as error:
            if not _JOB["skip_invalid"]:
                raise
            skipped[str(error).split("'")[1] if "'" in str(error) else "unknown"] += 1
            continue
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines, skipped


class _ShardWriter:
    """Appends JSON lines to `<out>/<split>-NNNNN.jsonl`, starting a new shard every `shard_size` lines."""

    def __init__(self, out: Path, split: str, shard_size: int) -> None:
        self.out, self.split, self.shard_size = out, split, shard_size
        self.written = 0
        self._handle: TextIO | None = None

    def write(self, lines: list[str]) -> None:
        for line in lines:
            if self._handle is None or self.written % self.shard_size == 0:
                self.close()
                path = self.out / f"{self.split}-{self.written // self.shard_size:05d}.jsonl"
                self._handle = path.open("w", encoding="utf-8")
            self._handle.write(line + "\n")
            self.written += 1

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def _generate(args: argparse.Namespace) -> int:
    import multiprocessing

    from service.data import corpus, reference
    from service.data.families import all_families

    reference.load()
    found = {name: f for name, f in all_families().items() if name not in args.exclude_family}
    families = corpus.split_families(args.split, found)
    _JOB.update(split=args.split, seed=args.seed, n=args.n, families=families, skip_invalid=args.skip_invalid)
    args.out.mkdir(parents=True, exist_ok=True)
    for stale in args.out.glob(f"{args.split}-*.jsonl"):
        stale.unlink()
    names = ", ".join(f.name for f in families)
    print(f"{args.split}: {args.n} documents from {len(families)} families: {names}", file=sys.stderr)
    if any(f.for_split for f in families):
        from service.data.layouts.styles import NOISE, required_values, split_values

        axes = "; ".join(f"{axis}: {', '.join(values)}" for axis, values in split_values(args.split).items())
        print(f"{args.split}: stochastic layout styles drawn from {axes}", file=sys.stderr)
        shares = ", ".join(f"{level} {share:.0%}" for level, share in NOISE.items())
        print(
            f"{args.split}: OCR noise of printed (non-e-mail) stochastic documents: {shares}", file=sys.stderr
        )
        if args.split not in ("train", "test"):
            own = ", ".join(v for values in required_values(args.split).values() for v in values)
            print(f"{args.split}: every stochastic document has at least one of {own}", file=sys.stderr)
    began = time.perf_counter()
    skipped: Counter[str] = Counter()
    starts = range(0, args.n, _CHUNK)
    pool = multiprocessing.get_context("fork").Pool(args.workers) if args.workers > 1 else None
    results: Iterator[tuple[list[str], Counter[str]]] = (
        pool.imap(_chunk, starts) if pool is not None else map(_chunk, starts)
    )
    writer = _ShardWriter(args.out, args.split, args.shard_size)
    try:
        for lines, lost in results:
            skipped += lost
            writer.write(lines)
            rate = writer.written / (time.perf_counter() - began)
            print(
                f"\r{args.split}: {writer.written}/{args.n} documents, {rate:,.0f} docs/s",
                end="",
                file=sys.stderr,
            )
    finally:
        writer.close()
        if pool is not None:
            pool.terminate()
    elapsed = time.perf_counter() - began
    print(file=sys.stderr)
    if skipped:
        print(
            f"skipped {sum(skipped.values())} documents that failed the label checks: {dict(skipped)}",
            file=sys.stderr,
        )
    rate = writer.written / elapsed
    print(f"wrote {writer.written} documents to {args.out} in {elapsed:.1f} s ({rate:,.0f} docs/s)")
    return 0


def _show(args: argparse.Namespace) -> int:
    import random

    from service.data import corpus
    from service.data.families import all_families

    family = all_families().get(args.family)
    if family is None:
        print(f"unknown family {args.family!r}; known: {', '.join(all_families())}", file=sys.stderr)
        return 2
    rng = random.Random(f"show/{args.family}/{args.seed}")
    document_type = args.document_type or rng.choice(family.doc_types)
    text, label = corpus.render_record(family, document_type, rng)
    print(text)
    print("-" * 80)
    print(json.dumps(label, ensure_ascii=False, indent=2))
    return 0


def _summary(lengths: list[int]) -> str:
    ordered = sorted(lengths)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return (
        f"n={len(ordered):>7}  median={statistics.median(ordered):>6.0f}  p95={p95:>6}  max={ordered[-1]:>6}"
    )


def _stats(args: argparse.Namespace) -> int:
    by_family: dict[str, list[int]] = defaultdict(list)
    by_type: dict[str, list[int]] = defaultdict(list)
    by_split: dict[str, list[int]] = defaultdict(list)
    shards = sorted(args.directory.glob("*.jsonl"))
    if not shards:
        print(f"no .jsonl shards in {args.directory}", file=sys.stderr)
        return 1
    for path in shards:
        split = path.name.rsplit("-", 1)[0]
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                length = len(record["text"])
                by_family[record["family"]].append(length)
                by_type[record["document_type"]].append(length)
                by_split[split].append(length)
    for title, table in (("split", by_split), ("family", by_family), ("document type", by_type)):
        print(f"by {title} (characters)")
        for name, lengths in sorted(table.items()):
            print(f"  {name:<24} {_summary(lengths)}")
    return 0
