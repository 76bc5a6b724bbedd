"""Fixtures of the API tests: settings for the tiny model, and the anyio backend (asyncio)."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.config import Settings
from service.tokenizer import Tokenizer
from tests.conftest import save_random_model, tiny_model_config

TINY_MAX_NEW_TOKENS = 48  # keeps a random model's manifest short: the grammar closes the JSON
LONG_OUTPUT_TOKENS = 3000  # a random model writes to its limit: a few seconds of decoding here


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def settings(tiny_model_store: Path) -> Settings:
    return Settings(
        model_dir=tiny_model_store,
        device="cpu",
        max_slots=4,
        max_waiting=16,
        max_new_tokens=TINY_MAX_NEW_TOKENS,
        default_timeout_s=60.0,
        drain_timeout_s=10.0,
        max_body_bytes=64 * 1024,
        max_batch_documents=4,
    )


@pytest.fixture(scope="session")
def long_output_model_store(tmp_path_factory: pytest.TempPathFactory, tiny_tokenizer_path: Path) -> Path:
    """The tiny model with room for long outputs, so a request stays in flight long enough to
    hang up on it or to send SIGTERM while it runs."""
    config = tiny_model_config(
        Tokenizer.from_file(tiny_tokenizer_path).vocab_size, max_target_len=LONG_OUTPUT_TOKENS + 64
    )
    return save_random_model(tmp_path_factory.mktemp("long_output_store"), tiny_tokenizer_path, config)
