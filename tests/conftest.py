"""Shared fixtures: a tiny random-weight model version, so serving tests need no trained model.

The tokenizer is trained with the production `train_tokenizer` on the contract example and
its label, and the model is written with the production `save_model`, so the store has exactly
the layout the service loads. With random weights the output is meaningless but, decoded
under the contract's grammar, always contract-valid, which is what serving tests rely on.
Both are built once per test session (about a second).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from service.api.examples import OCEAN_BL_MANIFEST, OCEAN_BL_TEXT
from service.checkpoint import save_model
from service.manifest import load_contract_schema
from service.model.transformer import ModelConfig, Seq2SeqTransformer
from service.tokenizer import Tokenizer, train_tokenizer

TINY_VERSION = "tiny-random"
TINY_MAX_SOURCE_LEN = 768  # the contract example fits; a few KB of text does not
TINY_MAX_TARGET_LEN = 512


def tiny_model_config(vocab_size: int, **changes: int | str) -> ModelConfig:
    shape = {
        "d_model": 32,
        "n_heads": 2,
        "n_encoder_layers": 1,
        "n_decoder_layers": 1,
        "d_ff": 64,
        "max_source_len": TINY_MAX_SOURCE_LEN,
        "max_target_len": TINY_MAX_TARGET_LEN,
    } | changes
    return ModelConfig(vocab_size=vocab_size, dropout=0.0, copy_head=True, copy_match_order=3, **shape)  # type: ignore[arg-type]


def save_random_model(store: Path, tokenizer_path: Path, config: ModelConfig) -> Path:
    """Write a seeded random-weight model as the store's CURRENT version; returns the store."""
    torch.manual_seed(0)
    card = {"description": "random weights for tests", "eval": {}}
    save_model(Seq2SeqTransformer(config), tokenizer_path, card, store, TINY_VERSION)
    return store


@pytest.fixture(scope="session")
def tiny_tokenizer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    texts = [
        OCEAN_BL_TEXT,
        json.dumps(OCEAN_BL_MANIFEST, separators=(",", ":")),
        json.dumps(load_contract_schema(), separators=(",", ":")),
    ]
    return train_tokenizer(
        texts * 3, vocab_size=600, out_prefix=tmp_path_factory.mktemp("tokenizer") / "tiny"
    )


@pytest.fixture(scope="session")
def tiny_model_store(tmp_path_factory: pytest.TempPathFactory, tiny_tokenizer_path: Path) -> Path:
    """A model store (CURRENT -> tiny-random) holding a seeded random model and the tiny tokenizer."""
    vocab_size = Tokenizer.from_file(tiny_tokenizer_path).vocab_size
    return save_random_model(
        tmp_path_factory.mktemp("model_store"), tiny_tokenizer_path, tiny_model_config(vocab_size)
    )


@pytest.fixture(scope="session")
def tiny_extraction_store(tmp_path_factory: pytest.TempPathFactory, tiny_tokenizer_path: Path) -> Path:
    """Like `tiny_model_store`, but the random model's decoder writes extractions (printed spans)."""
    vocab_size = Tokenizer.from_file(tiny_tokenizer_path).vocab_size
    config = tiny_model_config(vocab_size, target="extraction")
    return save_random_model(tmp_path_factory.mktemp("extraction_store"), tiny_tokenizer_path, config)
