"""Loading what the service runs: model version, tokenizer and the engine around them.

Shared by the HTTP app and `manifest-parser parse --local`, so both serve the same model
the same way. `EngineFactory` is the seam where tests swap in an engine that is forced
into a condition (a crash, a broken output) the real one would rarely reach.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch

from service.checkpoint import LoadedModel, load_model
from service.config import Settings
from service.engine.engine import Engine, EngineConfig
from service.engine.observer import EngineObserver
from service.tokenizer import Tokenizer

EngineFactory = Callable[[LoadedModel, Tokenizer, EngineConfig, EngineObserver, torch.device], Engine]


@dataclass(slots=True)
class Runtime:
    loaded: LoadedModel
    tokenizer: Tokenizer
    engine: Engine
    device: torch.device


def build_engine(
    loaded: LoadedModel, tokenizer: Tokenizer, config: EngineConfig, observer: EngineObserver, device: torch.device
) -> Engine:
    return Engine(loaded.model, tokenizer, config, observer=observer, device=device)


def engine_config(settings: Settings) -> EngineConfig:
    return EngineConfig(
        max_slots=settings.max_slots,
        max_waiting=settings.max_waiting,
        max_new_tokens=settings.max_new_tokens,
        default_timeout_s=settings.default_timeout_s,
    )


def resolve_device(name: str) -> torch.device:
    if name == "auto":
        name = "cuda" if torch.cuda.is_available() else "cpu"
    return torch.device(name)


def load_runtime(settings: Settings, observer: EngineObserver, factory: EngineFactory = build_engine) -> Runtime:
    """Read the model version from disk and build its engine (blocking: call it off the event loop)."""
    device = resolve_device(settings.device)
    loaded = load_model(settings.model_dir, device)
    tokenizer = Tokenizer.from_file(loaded.tokenizer_path)
    engine = factory(loaded, tokenizer, engine_config(settings), observer, device)
    return Runtime(loaded, tokenizer, engine, device)
