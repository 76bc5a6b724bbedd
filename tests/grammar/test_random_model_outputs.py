"""Every output of a random-weight model, decoded under the grammar, is a contract-valid
manifest: whatever the weights, the budget, or the decoding."""

from __future__ import annotations

import asyncio
import json

import pytest
from jsonschema import Draft202012Validator

from service.engine.engine import EngineConfig
from service.engine.types import DecodeParams, Decoding, FinishReason, GenerationResult
from service.manifest import Manifest, load_contract_schema
from service.tokenizer import Tokenizer
from tests.engine.random_model import DOCUMENTS, random_model, started_engine

BUDGETS = (1, 7, 40, 300)


def decode_all(
    tokenizer: Tokenizer, seed: int, copy_head: bool, params: list[DecodeParams]
) -> list[GenerationResult]:
    model = random_model(tokenizer.vocab_size, seed=seed, copy_head=copy_head)

    async def scenario() -> list[GenerationResult]:
        engine = await started_engine(tokenizer, EngineConfig(max_slots=8), model)
        jobs = [engine.submit(tokenizer.encode(text), p) for text in DOCUMENTS for p in params]
        results = await asyncio.gather(*jobs)
        await engine.drain(10)
        return list(results)

    return asyncio.run(scenario())


@pytest.mark.parametrize(("seed", "copy_head"), [(0, True), (1, True), (2, False)])
def test_greedy_outputs_validate_at_every_budget(tokenizer: Tokenizer, seed: int, copy_head: bool) -> None:
    validator = Draft202012Validator(load_contract_schema())
    params = [DecodeParams(max_new_tokens=budget) for budget in BUDGETS]
    results = decode_all(tokenizer, seed, copy_head, params)
    for result, (_, budget) in zip(results, [(t, b) for t in DOCUMENTS for b in BUDGETS], strict=True):
        validator.validate(json.loads(result.text))
        Manifest.model_validate_json(result.text)
        if result.finish_reason is FinishReason.LENGTH:
            assert result.output_tokens >= budget


def test_beam_outputs_validate(tokenizer: Tokenizer) -> None:
    validator = Draft202012Validator(load_contract_schema())
    params = [DecodeParams(max_new_tokens=budget, decoding=Decoding.BEAM, beam_width=2) for budget in (5, 60)]
    for result in decode_all(tokenizer, 3, True, params):
        validator.validate(json.loads(result.text))
        Manifest.model_validate_json(result.text)
