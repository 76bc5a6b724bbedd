"""`manifest-parser bench`: run the benchmark suite and print the table, the ratios, and
per-step phase timings; `--json PATH` also writes them as JSON (`-` for stdout)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DEFAULT_RANDOM = "256,4,8000"  # the committed model's shape, used until a model is committed
QUICK = {
    "random": "64,1,1000",
    "documents": 6,
    "solo_documents": 2,
    "naive_documents": 1,
    "concurrency": 4,
    "poisson_requests": 6,
    "max_new_tokens": 32,
    "naive_budget": 24,
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    model = parser.add_mutually_exclusive_group()
    model.add_argument("--model-dir", type=Path, help="model store or version (default: the committed model)")
    model.add_argument(
        "--random",
        metavar="D,LAYERS,VOCAB",
        help=f"random weights (default without a committed model: {DEFAULT_RANDOM})",
    )
    parser.add_argument("--data", type=Path, help="JSONL documents with a 'text' field (default: synthetic)")
    parser.add_argument("--documents", type=int, default=32, help="documents in the set")
    parser.add_argument("--solo-documents", type=int, default=4, help="documents decoded one at a time")
    parser.add_argument("--naive-documents", type=int, default=1, help="documents for the (slow) naive loop")
    parser.add_argument("--naive-budget", type=int, default=128, help="output budget in the naive comparison")
    parser.add_argument("--concurrency", type=int, default=32, help="slots and simultaneous requests")
    parser.add_argument("--poisson-requests", type=int, default=96, help="requests in the Poisson runs")
    parser.add_argument(
        "--rate",
        type=float,
        help="Poisson arrivals per second (default: 1.2 x what continuous batching sustains, slots full)",
    )
    parser.add_argument(
        "--max-new-tokens",
        type=int,
        default=1024,
        help="output budget per document (random weights: its label's length)",
    )
    parser.add_argument("--threads", type=int, help="intra-op threads for torch and CTranslate2")
    parser.add_argument("--device", default="cpu", help="cpu, cuda or auto")
    parser.add_argument(
        "--int8", action="store_true", help="also run the engine with int8 dynamic quantisation"
    )
    parser.add_argument(
        "--bf16", action="store_true", help="run the engine in bfloat16 (weights and KV cache)"
    )
    parser.add_argument("--no-ctranslate2", action="store_true", help="skip the CTranslate2 reference")
    parser.add_argument(
        "--repeats",
        type=_positive,
        default=1,
        help="rounds of the engine-vs-CTranslate2 comparisons; their median ratio is reported "
        "(3 to decide a ratio near 1.0)",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--quick", action="store_true", help="tiny random model and few documents (smoke run)"
    )
    parser.add_argument(
        "--json", dest="json_path", help="also write results as JSON to this path ('-': stdout)"
    )


def run(args: argparse.Namespace) -> int:
    import torch

    from service.bench.report import comparison_table, table
    from service.bench.subject import (
        random_subject,
        read_records,
        stored_subject,
        synthetic_records,
        tokenize_documents,
    )
    from service.bench.suite import Suite, SuiteOptions
    from service.checkpoint import DEFAULT_STORE, CheckpointError, resolve_version_dir
    from service.engine.engine import resolve_device

    if args.quick:
        for name, value in QUICK.items():
            setattr(args, name, value)
    if args.threads:
        torch.set_num_threads(args.threads)
    device = resolve_device(args.device)
    if not args.random and not args.model_dir:
        try:
            resolve_version_dir(DEFAULT_STORE)
        except CheckpointError:
            print(f"no committed model yet: random weights {DEFAULT_RANDOM}", file=sys.stderr)
            args.random = DEFAULT_RANDOM
    if args.random:
        subject = random_subject(args.random, args.seed, max_source_len=2048)
    else:
        subject = stored_subject(resolve_version_dir(args.model_dir or DEFAULT_STORE))
    records = (
        read_records(args.data, args.documents) if args.data else synthetic_records(args.documents, args.seed)
    )
    options = SuiteOptions(
        max_new_tokens=args.max_new_tokens,
        solo_documents=min(args.solo_documents, len(records)),
        naive_documents=args.naive_documents,
        naive_budget=args.naive_budget,
        concurrency=args.concurrency,
        poisson_requests=args.poisson_requests,
        poisson_rate=args.rate,
        threads=torch.get_num_threads(),
        int8=args.int8,
        bf16=args.bf16,
        ctranslate2=not args.no_ctranslate2 and _has_ctranslate2(),
        repeats=args.repeats,
        seed=args.seed,
    )
    result = Suite(subject, tokenize_documents(subject, records), options, device).run()
    print(f"{subject.description}; device {device}; {options.threads} threads; {len(records)} documents")
    print(table(result.rows))
    print()
    for name, value in result.ratios.items():
        print(f"{name:<48}{value:10.3f}")
    print()
    for name, comparison in result.comparisons.items():
        print(comparison_table(name, comparison))
        print()
    for name, phases in result.phases.items():
        print(f"{name:<38}" + "  ".join(f"{key} {value:6.2f}" for key, value in phases.items()))
    for note in result.notes:
        print(f"note: {note}")
    if args.json_path:
        payload = {"subject": subject.description, "device": str(device), **result.as_dict()}
        text = json.dumps(payload, indent=2)
        if args.json_path == "-":
            print(text)
        else:
            Path(args.json_path).write_text(text + "\n", encoding="utf-8")
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _has_ctranslate2() -> bool:
    try:
        import ctranslate2  # noqa: F401
    except ImportError:
        print(
            "ctranslate2 is not installed; skipping the reference (pip install ctranslate2)", file=sys.stderr
        )
        return False
    return True
