"""Source drafts: what the drafter proposes, and that drafting never changes the output."""

from __future__ import annotations

import asyncio

import torch

from service.engine.drafting import SourceDrafter
from service.engine.engine import EngineConfig
from service.engine.types import DecodeParams, GenerationResult
from service.model.transformer import Seq2SeqTransformer
from service.tokenizer import Tokenizer
from tests.engine.random_model import DOCUMENTS, random_model, started_engine

IDENTITY = list(range(100))


def test_draft_follows_the_longest_matching_suffix() -> None:
    source = [5, 6, 7, 8, 9, 1, 6, 7, 2, 3]
    drafter = SourceDrafter(source, IDENTITY)
    assert drafter.propose([1, 6, 7], 3) == [2, 3]  # "1 6 7" beats the earlier "6 7"
    assert drafter.propose([4, 6, 7], 3) == [8, 9, 1]  # first occurrence of "6 7"
    assert drafter.propose([4, 4, 9], 2) == [1, 6]
    assert drafter.propose([4], 3) == []  # nowhere in the source
    assert drafter.propose([3], 3) == []  # nothing after it
    assert drafter.propose([5], 0) == []


def test_draft_reads_on_after_the_text_it_confirmed() -> None:
    source = [1, 2, 7, 8, 3, 1, 2, 9, 4, 6, 1, 2, 5]
    drafter = SourceDrafter(source, IDENTITY)
    assert drafter.propose([3, 1, 2], 2) == [9, 4]
    assert drafter.propose([0, 1, 2], 1) == [7]  # nothing confirmed: first "1 2"
    assert drafter.propose([3, 1, 2], 2) == [9, 4]
    # the output confirmed "9 4": "1 2" is now read from its first place after them
    assert drafter.propose([3, 1, 2, 9, 4, 0, 1, 2], 1) == [5]


def test_draft_matches_canonical_pieces() -> None:
    """A value opening a JSON string has no word-start mark; the source's piece has one."""
    canonical = list(range(100))
    canonical[50] = 10  # 50 = "▁Gulf", 10 = "Gulf"
    drafter = SourceDrafter([50, 51, 52], canonical)
    assert drafter.propose([10], 4) == [51, 52]


def copying_model(vocab_size: int) -> Seq2SeqTransformer:
    """A random model that mostly copies the source token after the n-gram it just wrote, the
    habit of a trained model that drafts are made for."""
    model = random_model(vocab_size, seed=3)
    assert model.copy is not None
    with torch.no_grad():
        model.copy.gate.bias.fill_(-8.0)  # nearly always copy
        model.copy.match_bonus.fill_(6.0)
    return model


def decode_all(
    tokenizer: Tokenizer, model: Seq2SeqTransformer, config: EngineConfig
) -> list[GenerationResult]:
    sources = [tokenizer.encode(text) for text in DOCUMENTS]

    async def scenario() -> list[GenerationResult]:
        engine = await started_engine(tokenizer, config, model)
        results = await asyncio.gather(*(engine.submit(s, DecodeParams(max_new_tokens=300)) for s in sources))
        await engine.drain(10)
        return list(results)

    return asyncio.run(scenario())


def test_drafting_gives_the_same_output_in_fewer_decoder_calls(tokenizer: Tokenizer) -> None:
    model = copying_model(tokenizer.vocab_size)
    plain = decode_all(tokenizer, model, EngineConfig(max_slots=1, draft_tokens=0))
    drafted = decode_all(tokenizer, model, EngineConfig(max_slots=1, draft_tokens=4))
    assert [r.text for r in drafted] == [r.text for r in plain]
    assert all(r.drafted_tokens == 0 for r in plain)
    assert sum(r.drafted_tokens for r in drafted) > 0
    for with_drafts, without in zip(drafted, plain, strict=True):
        assert with_drafts.output_tokens == without.output_tokens
        assert with_drafts.steps <= without.steps
    # each confirmed token saves a call, except that a run ending in a forced run feeds that
    # forced run in a call of its own
    assert sum(r.steps for r in drafted) < sum(r.steps for r in plain)


def test_drafting_in_a_batch_equals_decoding_alone(tokenizer: Tokenizer) -> None:
    model = copying_model(tokenizer.vocab_size)
    alone = decode_all(tokenizer, model, EngineConfig(max_slots=1, draft_tokens=4))
    together = decode_all(tokenizer, model, EngineConfig(max_slots=len(DOCUMENTS), draft_tokens=4))
    assert [r.text for r in together] == [r.text for r in alone]
