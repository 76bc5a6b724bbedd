"""The `manifest-parser` command: one subcommand per job, each owned by its module.

Every subcommand module exposes `add_arguments(parser)` and `run(args) -> int`.
Modules keep heavy imports (torch, uvicorn) inside `run`, so `--help` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Protocol, cast

SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "serve": ("service.api.serve_cli", "run the HTTP service on the current model"),
    "parse": ("service.api.parse_cli", "parse documents through a running service or the engine"),
    "data": ("service.data.cli", "generate the synthetic corpus"),
    "tokenizer": ("service.training.tokenizer_cli", "train or inspect the SentencePiece tokenizer"),
    "train": ("service.training.train_cli", "train the model"),
    "eval": ("service.training.eval_cli", "score the model against the contract"),
    "bench": ("service.bench.cli", "benchmark the engine against baselines"),
    "check-grounding": ("service.grounding_cli", "check a manifest's copied strings against its text"),
}


class SubcommandModule(Protocol):
    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The full parser; only `command`'s module is imported (all are listed for --help)."""
    parser = argparse.ArgumentParser(prog="manifest-parser", description=__doc__.splitlines()[0])
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        if name == command:
            module = cast(SubcommandModule, importlib.import_module(module_name))
            module.add_arguments(sub)
            sub.set_defaults(handler=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = next((arg for arg in argv if not arg.startswith("-")), None)
    args = build_parser(command).parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
