"""Grounded decoding: an extraction model can only write spans printed in its document."""

from __future__ import annotations

import asyncio
import json

from service.engine.engine import EngineConfig
from service.engine.types import DecodeParams
from service.extraction.locate import locate
from service.extraction.schema import span_paths
from service.tokenizer import Tokenizer
from tests.engine.random_model import DOCUMENTS, random_model, started_engine


def _unprinted(tokenizer: Tokenizer, grounded: bool, together: bool) -> tuple[int, list[str]]:
    """(spans written, those the document does not print) over every test document."""

    async def run() -> list[str]:
        config = EngineConfig(max_slots=4, max_waiting=8, grounded=grounded)
        model = random_model(tokenizer.vocab_size, seed=3, target="extraction")
        engine = await started_engine(tokenizer, config, model=model)
        params = DecodeParams(max_new_tokens=200)
        try:
            if together:
                results = await asyncio.gather(
                    *(engine.submit(tokenizer.encode(d), params) for d in DOCUMENTS)
                )
            else:
                results = [await engine.submit(tokenizer.encode(d), params) for d in DOCUMENTS]
        finally:
            await engine.drain(timeout_s=5)
        return [result.text for result in results]

    written, unprinted = 0, []
    for document, output in zip(DOCUMENTS, asyncio.run(run()), strict=True):
        for path, span in span_paths(json.loads(output)):
            written += 1
            if locate(span, document) is None:
                unprinted.append(f"{path}={span!r}")
    return written, unprinted


def test_grounded_decoding_writes_only_printed_spans_alone_and_batched(tokenizer: Tokenizer) -> None:
    for together in (False, True):
        written, unprinted = _unprinted(tokenizer, grounded=True, together=together)
        assert written > 0
        assert unprinted == []


def test_without_grounding_the_same_model_writes_text_the_document_does_not_print(
    tokenizer: Tokenizer,
) -> None:
    written, unprinted = _unprinted(tokenizer, grounded=False, together=True)
    assert written > 0 and unprinted
