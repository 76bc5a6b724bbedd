"""Reading and writing model versions in `model_store/`: the only module that touches it.

Layout of one version:
    model_store/<version>/model.safetensors   weights (safetensors: no pickle on load)
    model_store/<version>/config.json         ModelConfig, so the artifact describes itself
    model_store/<version>/tokenizer.model     the SentencePiece model it was trained with
    model_store/<version>/card.json           model card: recipe, data, steps, time, eval figures
    model_store/CURRENT                       the version name the service loads by default
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file, save_file

from service.model.transformer import ModelConfig, Seq2SeqTransformer

WEIGHTS = "model.safetensors"
CONFIG = "config.json"
TOKENIZER = "tokenizer.model"
CARD = "card.json"
CURRENT = "CURRENT"

DEFAULT_STORE = Path(__file__).resolve().parent.parent / "model_store"


class CheckpointError(RuntimeError):
    """A model directory is missing or incomplete; the message says which file."""


@dataclass(slots=True)
class LoadedModel:
    model: Seq2SeqTransformer
    config: ModelConfig
    tokenizer_path: Path
    card: dict[str, Any]
    version: str
    directory: Path


def resolve_version_dir(path: Path) -> Path:
    """Accept a store (with CURRENT) or a version directory; return the version directory."""
    path = Path(path)
    pointer = path / CURRENT
    if pointer.is_file():
        path = path / pointer.read_text(encoding="utf-8").strip()
    for name in (WEIGHTS, CONFIG, TOKENIZER):
        if not (path / name).is_file():
            raise CheckpointError(f"model directory {path} has no {name}")
    return path


def load_model(path: Path, device: str | torch.device = "cpu") -> LoadedModel:
    """Load a version for inference: eval mode, on `device`."""
    directory = resolve_version_dir(path)
    config = ModelConfig(**json.loads((directory / CONFIG).read_text(encoding="utf-8")))
    model = Seq2SeqTransformer(config)
    model.load_state_dict(load_file(str(directory / WEIGHTS)))
    model.to(device).eval()
    card_path = directory / CARD
    card = json.loads(card_path.read_text(encoding="utf-8")) if card_path.is_file() else {}
    return LoadedModel(model, config, directory / TOKENIZER, card, directory.name, directory)


def save_model(
    model: Seq2SeqTransformer, tokenizer_path: Path, card: dict[str, Any], store: Path, version: str
) -> Path:
    """Write a version directory and point CURRENT at it."""
    directory = Path(store) / version
    directory.mkdir(parents=True, exist_ok=True)
    weights = {name: tensor.detach().cpu().contiguous() for name, tensor in model.state_dict().items()}
    save_file(weights, str(directory / WEIGHTS))
    (directory / CONFIG).write_text(json.dumps(model.config.to_dict(), indent=2) + "\n", encoding="utf-8")
    if Path(tokenizer_path).resolve() != (directory / TOKENIZER).resolve():
        shutil.copyfile(tokenizer_path, directory / TOKENIZER)
    (directory / CARD).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    (Path(store) / CURRENT).write_text(version + "\n", encoding="utf-8")
    return directory


def update_card(path: Path, updates: dict[str, Any]) -> dict[str, Any]:
    """Merge `updates` into a version's model card (e.g. evaluation figures) and return it."""
    directory = resolve_version_dir(path)
    card_path = directory / CARD
    card = json.loads(card_path.read_text(encoding="utf-8")) if card_path.is_file() else {}
    card.update(updates)
    card_path.write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card


def promote(version_dir: Path, store: Path) -> None:
    """Copy a gated version directory into the store and make it CURRENT."""
    source = resolve_version_dir(version_dir)
    target = Path(store) / source.name
    if target.exists():
        raise CheckpointError(f"{target} exists already: versions are never overwritten")
    shutil.copytree(source, target)
    (Path(store) / CURRENT).write_text(source.name + "\n", encoding="utf-8")
