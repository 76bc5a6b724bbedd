"""`manifest-parser eval`: the contract's scoring of a model on one or more evaluation sets.

`--data` takes corpus JSONL (a file or a folder of shards) or a folder of NAME.txt + NAME.json
pairs (the contract examples, the real EDI set). `--standard CORPUS` adds the four sets the
model card reports: the synthetic test split, the held-out layout families, the contract
examples and the real EDI messages. `--readers` scores the standards' readers instead of
the model (no model is loaded): `manifest-parser eval --readers --data ../shared/eval/real-edi`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from service.checkpoint import DEFAULT_STORE

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, action="append", default=[], help="evaluation set (repeatable)")
    parser.add_argument(
        "--standard", type=Path, metavar="CORPUS", help="add test, heldout, examples and real EDI"
    )
    parser.add_argument("--model-dir", type=Path, default=DEFAULT_STORE, help="model store or version dir")
    parser.add_argument("--device", default="auto")
    parser.add_argument("--limit", type=int, default=0, help="at most this many documents per set (0: all)")
    parser.add_argument("--decoding", choices=["greedy", "beam"], default="greedy")
    parser.add_argument(
        "--precision", choices=["float32", "bfloat16"], default="float32", help="the engine's precision"
    )
    parser.add_argument(
        "--readers", action="store_true", help="score the machine-message readers, not the model"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object for machines")
    parser.add_argument(
        "--ungrounded", action="store_true", help="decode spans without the document-text constraint (A/B)"
    )
    parser.add_argument("--write-card", action="store_true", help="store the figures in the model card")
    parser.add_argument(
        "--gate",
        type=Path,
        metavar="CANDIDATE",
        help="regression gate: score CANDIDATE (a version dir) against --model-dir on the same sets",
    )
    parser.add_argument(
        "--heldout-set", default="heldout", help="the gate's held-out-styles set (by folder name)"
    )
    parser.add_argument(
        "--realistic-set", default="realistic", help="the gate's realistic set (by folder name)"
    )
    parser.add_argument(
        "--promote",
        action="store_true",
        help="with --gate: on a pass, copy CANDIDATE into the store as CURRENT",
    )


def standard_sets(corpus: Path) -> list[Path]:
    return [
        corpus / "test",
        corpus / "heldout",
        SHARED / "contract" / "examples",
        SHARED / "eval" / "real-edi",
    ]


def run(args: argparse.Namespace) -> int:
    sets = list(args.data) + (standard_sets(args.standard) if args.standard else [])
    if not sets:
        raise SystemExit("give --data PATH or --standard CORPUS")
    if args.readers:
        return run_readers(args, sets)
    if args.gate:
        return run_gate(args, sets)
    from service.checkpoint import update_card

    version, results = evaluate_model(args, args.model_dir, sets)
    if args.json:
        json.dump({"model_version": version, "sets": results}, sys.stdout, indent=2)
        print()
    if args.write_card:
        update_card(args.model_dir, {"evaluation": card_figures(results)})
    return 0


def evaluate_model(
    args: argparse.Namespace, model_dir: Path, sets: list[Path]
) -> tuple[str, list[dict[str, Any]]]:
    """One model's results on every set, as users are served (readers aside)."""
    from service.checkpoint import load_model
    from service.engine.types import DecodeParams, Decoding
    from service.tokenizer import Tokenizer
    from service.training.evaluate import evaluate_records, load_eval_set
    from service.training.trainer import pick_device

    device = pick_device(args.device)
    loaded = load_model(model_dir, device)
    tokenizer = Tokenizer.from_file(loaded.tokenizer_path)
    params = DecodeParams(decoding=Decoding(args.decoding))
    bf16 = args.precision == "bfloat16"
    results = []
    for path in sets:
        records = load_eval_set(path)
        if args.limit:
            records = records[: args.limit]
        name = path.name if path.name not in ("", ".") else str(path)
        result = evaluate_records(
            name, records, loaded.model, tokenizer, device, params, bf16=bf16, grounded=not args.ungrounded
        )
        results.append(result.to_dict())
        if not args.json:
            print(f"[{loaded.version}]", end=" ")
            print_result(results[-1])
    return loaded.version, results


def run_gate(args: argparse.Namespace, sets: list[Path]) -> int:
    """Score the committed model and the candidate; exit 0 only when the candidate passes."""
    from service.checkpoint import promote, update_card
    from service.training.gate import judge, side_by_side

    committed_version, committed = evaluate_model(args, args.model_dir, sets)
    candidate_version, candidate = evaluate_model(args, args.gate, sets)
    print(side_by_side(committed, candidate, (committed_version, candidate_version)))
    verdict = judge(committed, candidate, args.heldout_set, args.realistic_set)
    print("gate: PASS" if verdict.passed else "gate: FAIL\n  " + "\n  ".join(verdict.reasons))
    if verdict.passed and args.promote:
        update_card(
            args.gate,
            {
                "evaluation": card_figures(candidate),
                "gate": {"against": committed_version, "committed_figures": card_figures(committed)},
            },
        )
        promote(args.gate, args.model_dir)
        print(f"promoted {candidate_version} to {args.model_dir}")
    return 0 if verdict.passed else 1


def run_readers(args: argparse.Namespace, sets: list[Path]) -> int:
    """The machine-message readers' scores on every set (no model is loaded)."""
    from service.training.evaluate import load_eval_set
    from service.training.reader_eval import evaluate_readers, print_reader_result

    results = []
    for path in sets:
        records = load_eval_set(path)[: args.limit or None]
        results.append(evaluate_readers(path.name or str(path), records).to_dict())
        if not args.json:
            print_reader_result(results[-1])
    if args.json:
        json.dump({"readers": True, "sets": results}, sys.stdout, indent=2)
        print()
    return 0


def print_result(result: dict[str, Any]) -> None:
    print(
        f"== {result['name']}: {result['documents']} documents  P {result['precision']:.4f}  "
        f"R {result['recall']:.4f}  F1 {result['f1']:.4f}  exact {result['exact_match']:.3f}  "
        f"valid {result['schema_validity']:.3f}  EOS failures {result['eos_failures']}  "
        f"too long {result['too_long']}  errors {result['errors']}  entropy {result['mean_entropy']:.3f} nats"
    )
    print(f"   {'field':<36} {'support':>7} {'P':>7} {'R':>7} {'F1':>7}")
    for row in result["fields"][:15]:
        print(
            f"   {row['field']:<36} {row['support']:>7} "
            f"{row['precision']:>7.3f} {row['recall']:>7.3f} {row['f1']:>7.3f}"
        )
    if result["documents"] <= 10:
        for doc in result["per_document"]:
            print(
                f"   doc {doc['id']}: F1 {doc['f1']:.3f} finish {doc['finish_reason']} {doc['error'] or ''}"
            )
        return
    from service.engine.types import FinishReason

    failures = {reason.value for reason in FinishReason} - {FinishReason.EOS.value}  # not "reader"
    unfinished = [doc for doc in result["per_document"] if doc["finish_reason"] in failures]
    if unfinished:  # the documents the EOS failures count, to read them
        print("   not ended on EOS: " + ", ".join(f"{d['id']} ({d['finish_reason']})" for d in unfinished))


def card_figures(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The model card's evaluation section: headline figures, worst fields, small sets per document."""
    return {
        r["name"]: {k: v for k, v in r.items() if k not in ("fields", "per_document")}
        | {"worst_fields": r["fields"][:8], "per_document": r["per_document"] if r["documents"] <= 10 else []}
        for r in results
    }
