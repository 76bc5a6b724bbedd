"""A reader against the model: reading a message must be at least 100x faster than decoding.

The model decodes a printed bill of lading (the API's example document) with the committed
model on CPU; the X12 reader reads a 310 of at least the same length (its goods lines
repeated), read + normalise, best of several runs. Both are compared per character, and
printed (`pytest -s`).
"""

from __future__ import annotations

import asyncio
import time

import pytest

from service.api.examples import OCEAN_BL_TEXT
from service.checkpoint import DEFAULT_STORE, load_model
from service.engine.engine import Engine, EngineConfig
from service.engine.types import DecodeParams
from service.normalise import normalise
from service.readers import read
from service.tokenizer import Tokenizer
from tests.readers.x12_messages import BILL_310, interchange


def _message_of_length(characters: int) -> str:
    header, lines, total = BILL_310[:18], BILL_310[18:-1], BILL_310[-1]
    body = [*header, *lines, total]
    while len(interchange(body)) < characters:
        body = [*body[:-1], *lines, total]
    return interchange(body)


async def _decode_seconds(engine: Engine, token_ids: list[int]) -> float:
    await engine.start()
    try:
        started = time.perf_counter()
        await engine.submit(token_ids, DecodeParams())
        return time.perf_counter() - started
    finally:
        await engine.drain(timeout_s=5.0)


@pytest.mark.slow
def test_the_x12_reader_is_at_least_100x_faster_than_the_model() -> None:
    loaded = load_model(DEFAULT_STORE, "cpu")
    tokenizer = Tokenizer.from_file(loaded.tokenizer_path)
    engine = Engine(loaded.model, tokenizer, EngineConfig(max_slots=1, max_waiting=1), device="cpu")
    model_seconds = asyncio.run(_decode_seconds(engine, tokenizer.encode(OCEAN_BL_TEXT)))

    message = _message_of_length(len(OCEAN_BL_TEXT))
    runs = []
    for _ in range(20):
        started = time.perf_counter()
        reading = read(message)
        assert reading is not None
        normalise(reading.extraction)
        runs.append(time.perf_counter() - started)
    reader_seconds = min(runs)

    model_rate = model_seconds / len(OCEAN_BL_TEXT) * 1000
    reader_rate = reader_seconds / len(message) * 1000
    print(
        f"\nmodel: {model_seconds * 1000:.0f} ms for {len(OCEAN_BL_TEXT)} characters "
        f"({model_rate * 1000:.0f} ms per 1000); x12 reader: {reader_seconds * 1000:.2f} ms for "
        f"{len(message)} characters ({reader_rate * 1000:.2f} ms per 1000); {model_rate / reader_rate:.0f}x"
    )
    assert model_rate >= 100 * reader_rate
