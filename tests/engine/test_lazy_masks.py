"""Masks only where the greedy choice is refused: the same outputs, fewer masks."""

from __future__ import annotations

import asyncio

import pytest

from service.engine.engine import EngineConfig
from service.engine.types import DecodeParams, Decoding
from service.tokenizer import Tokenizer
from tests.engine.random_model import DOCUMENTS, random_model, started_engine


def _decode(
    tokenizer: Tokenizer, target: str, lazy: bool, params: DecodeParams
) -> tuple[list, tuple[int, int]]:
    """(each document's text and token log-probabilities, (decisions, masks computed)), batched."""

    async def run() -> tuple[list, tuple[int, int]]:
        config = EngineConfig(max_slots=4, max_waiting=8, grounded=target == "extraction")
        model = random_model(tokenizer.vocab_size, seed=3, target=target)
        engine = await started_engine(tokenizer, config, model=model)
        assert engine.runner is not None and engine.runner.lazy_masks  # the CPU default
        engine.runner.lazy_masks = lazy
        try:
            results = await asyncio.gather(*(engine.submit(tokenizer.encode(d), params) for d in DOCUMENTS))
        finally:
            await engine.drain(timeout_s=5)
        outputs = [(r.text, [round(p, 5) for p in r.token_log_probs]) for r in results]
        timings = engine.runner.timings
        return outputs, (timings.decisions, timings.masks)

    return asyncio.run(run())


@pytest.mark.parametrize("target", ["extraction", "manifest"])
def test_checking_the_greedy_choice_first_changes_no_output(tokenizer: Tokenizer, target: str) -> None:
    params = DecodeParams(max_new_tokens=160)
    eager, (decisions, eager_masks) = _decode(tokenizer, target, lazy=False, params=params)
    lazy, (same_decisions, lazy_masks) = _decode(tokenizer, target, lazy=True, params=params)
    assert lazy == eager
    assert same_decisions == decisions == eager_masks > lazy_masks


def test_beams_still_get_their_masks(tokenizer: Tokenizer) -> None:
    params = DecodeParams(max_new_tokens=80, decoding=Decoding.BEAM, beam_width=2)
    eager, _ = _decode(tokenizer, "manifest", lazy=False, params=params)
    lazy, (decisions, masks) = _decode(tokenizer, "manifest", lazy=True, params=params)
    assert lazy == eager and masks == decisions
