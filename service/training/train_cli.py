"""`manifest-parser train --config configs/default.toml`: the whole recipe of a model in one command.

Resumes from the run directory's last checkpoint when there is one, so an interrupted run
continues where it stopped. With `export_store` set, the finished model is written as a
`model_store` version with its model card.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
from pathlib import Path
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, required=True, help="training recipe (TOML)")
    parser.add_argument("--device", default="auto", help="auto (CUDA when present), cpu or cuda")
    parser.add_argument("--max-steps", type=int, help="override the recipe's max_steps")
    parser.add_argument("--max-minutes", type=float, help="stop (and save) after this many minutes")
    parser.add_argument(
        "--stop-at-step", type=int, help="stop (and save) at this step without shortening the schedule"
    )
    parser.add_argument("--run-dir", type=Path, help="override the recipe's run_dir")
    parser.add_argument("--fresh", action="store_true", help="refuse to resume: the run dir must be new")
    parser.add_argument("--no-decode-eval", action="store_true", help="validation loss only, no F1")
    parser.add_argument(
        "--write-resume-point",
        action="store_true",
        help="write the run's last checkpoint, compacted, to the recipe's resume_point and stop",
    )


def run(args: argparse.Namespace) -> int:
    import torch

    from service.training.config import TrainConfig
    from service.training.trainer import STATE_FILE, Trainer, pick_device
    from service.training.validation import constrained_f1_evaluator

    overrides: dict[str, Any] = {
        name: getattr(args, name)
        for name in ("max_steps", "max_minutes", "stop_at_step", "run_dir")
        if getattr(args, name) is not None
    }
    config = TrainConfig.from_toml(args.config, overrides)
    if args.write_resume_point:
        from service.training.resume_point import write_resume_point

        if config.resume_point is None:
            raise SystemExit(f"{args.config} names no resume_point")
        step = write_resume_point(Path(config.run_dir) / STATE_FILE, config.resume_point)
        print(f"wrote {config.resume_point} (step {step})")
        return 0
    if args.fresh and (Path(config.run_dir) / STATE_FILE).exists():
        raise SystemExit(f"{config.run_dir} already holds a run; drop --fresh to resume it")
    device = pick_device(args.device)
    if device.type == "cpu":
        torch.set_num_threads(torch.get_num_threads())
    trainer = Trainer(config, device)
    trainer.recipe = str(args.config)
    if not args.no_decode_eval:
        trainer.evaluator = constrained_f1_evaluator(trainer.tokenizer, config.validation_data, device)
    resumed = trainer.resume()
    if trainer.dist.main:
        print(
            f"{'resuming at step ' + str(trainer.step) if resumed else 'new run'}: "
            f"{trainer.model.num_parameters():,} parameters on {device}",
        )
    figures = trainer.train()
    if trainer.dist.main:
        print(json.dumps(figures, indent=2))
        if config.export_store is not None:
            _export(trainer, config, figures, args.config)
    return 0


def _export(trainer: Any, config: Any, figures: dict[str, float], recipe: Path) -> None:
    from service.checkpoint import save_model

    version = config.export_version or dt.datetime.now(dt.UTC).strftime("v%Y%m%d-%H%M")
    card = {
        "version": version,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "recipe": str(recipe),
        "recipe_text": Path(recipe).read_text(encoding="utf-8"),
        "model": trainer.model_config.to_dict(),
        "parameters": trainer.model.num_parameters(),
        "train_examples": len(trainer.train_examples),
        "steps": trainer.step,
        "training": figures,
        "lineage": trainer.lineage,
        "device": str(trainer.device),
        "host": platform.processor() or platform.machine(),
        "evaluation": {},
    }
    directory = save_model(trainer.model, config.tokenizer, card, config.export_store, version)
    print(f"model written to {directory}")
