"""Loading what the service runs: the model version, its tokenizer and the engine around them.

Shared by the HTTP app and `manifest-parser parse --local`, so both serve the same model the
same way. The version's model card and configuration stay at hand for `GET /v1/model`.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.checkpoint import LoadedModel, load_model
from service.config import Settings
from service.engine.engine import Engine, EngineConfig, resolve_device
from service.engine.observer import EngineObserver
from service.tokenizer import Tokenizer


@dataclass(slots=True)
class Runtime:
    loaded: LoadedModel
    tokenizer: Tokenizer
    engine: Engine


def engine_config(settings: Settings) -> EngineConfig:
    return EngineConfig(
        max_slots=settings.max_slots,
        max_waiting=settings.max_waiting,
        max_new_tokens=settings.max_new_tokens,
        default_timeout_s=settings.default_timeout_s,
        bf16=settings.precision == "bfloat16",
    )


def load_runtime(settings: Settings, observer: EngineObserver) -> Runtime:
    """Read the model version from disk and build its engine (blocking: call it off the event loop)."""
    device = resolve_device(settings.device)
    loaded = load_model(settings.model_dir, device)
    tokenizer = Tokenizer.from_file(loaded.tokenizer_path)
    engine = Engine(loaded.model, tokenizer, engine_config(settings), observer=observer, device=device)
    engine.model_version = loaded.version
    return Runtime(loaded, tokenizer, engine)
