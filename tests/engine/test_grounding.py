"""Grounded decoding: an extraction model can only write spans printed in its document."""

from __future__ import annotations

import asyncio
import json

from service.engine.engine import EngineConfig
from service.engine.grounding import DocumentSpans, SpanTracker, SpanVocabulary, word_ends
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


# A toy vocabulary: the tracker reads the output's bytes, so one token may open the JSON value.
_TOKENS = [b'{"address":"', b"436", b" MAPLE", b" ST", b" LOUIS", b"\n", b'"}']


def _allowed_after(document: list[int], written: list[int], tokens: list[bytes] = _TOKENS) -> set[bytes]:
    vocabulary = SpanVocabulary(tokens, words=1)
    tracker = SpanTracker(DocumentSpans(vocabulary, document, tokens), tokens)
    words = tracker.mask([0, *written])
    return {piece for token, piece in enumerate(tokens) if (int(words[0]) >> token) & 1}


def test_a_span_jumps_forward_only_so_it_cannot_loop_over_a_printed_word() -> None:
    document = [1, 2, 3, 5, 3, 4]  # "436 MAPLE ST\nST LOUIS"
    assert _allowed_after(document, [1, 2, 3]) == {b" ST", b" LOUIS", b'"}'}  # on, or to the next line
    assert _allowed_after(document, [1, 2, 3, 3]) == {b" LOUIS", b'"}'}  # the second ST is the last
    assert _allowed_after(document, [1, 2, 3, 3, 4]) == {b'"}'}
    assert _allowed_after(document, [1]) == {b" MAPLE", b" ST", b" LOUIS", b'"}'}  # words ahead only


def test_a_space_the_span_went_on_over_may_still_turn_out_to_be_a_jump() -> None:
    tokens = [b'{"address":"', b"STORVEJ", b" 215", b" 9", b"031", b"187", b" HOBRO", b" ROMO", b'"}']
    document = [1, 2, 3, 4, 6, 3, 5, 7]  # "STORVEJ 215 9031 HOBRO 9187 ROMO": two columns of a box
    assert {b"031", b"187"} <= _allowed_after(document, [1, 2, 3], tokens)  # 9031 on, or 9187 below
    assert b" ROMO" in _allowed_after(document, [1, 2, 3, 5], tokens)
    assert b" HOBRO" not in _allowed_after(document, [1, 2, 3, 5], tokens)  # the jump went past it


_LISTS = [
    b'{"',
    b"MSKU1234565",
    b"TGHU7654321",
    b" ",
    b'containers":[{"number":"',
    b'items":[{"description":"',
    b'"},{"',
    b"number",
    b"description",
    b'":"',
    b"REF",
    b'"}',
    b",",
    b"]",
]
_NUMBERS = {b"MSKU1234565", b"TGHU7654321", b"REF"}


def test_container_numbers_are_printed_in_list_order_so_a_list_cannot_go_round_a_table() -> None:
    document = [1, 3, 2]  # "MSKU1234565 TGHU7654321"
    next_entry = [6, 7, 9]  # '"},{"number":"'
    assert _allowed_after(document, [4, 1, *next_entry], _LISTS) & _NUMBERS == {b"TGHU7654321"}
    assert _allowed_after(document, [4, 2, *next_entry], _LISTS) & _NUMBERS == set()


def test_a_container_entry_starts_only_where_a_container_number_is_printed() -> None:
    document = [10, 3, 1, 3, 10]  # "REF MSKU1234565 REF"
    assert _allowed_after(document, [4], _LISTS) & _NUMBERS == {b"MSKU1234565"}


def test_with_no_container_number_left_the_container_list_may_only_close() -> None:
    document = [1, 3, 2]  # "MSKU1234565 TGHU7654321"
    assert {b",", b"]"} <= _allowed_after(document, [4, 1, 11], _LISTS)  # another one is printed
    assert b"," not in _allowed_after(document, [4, 2, 11], _LISTS)  # the last one is written
    assert b"]" in _allowed_after(document, [4, 2, 11], _LISTS)


def test_goods_descriptions_are_printed_in_list_order_so_the_same_line_is_not_written_twice() -> None:
    document = [10, 3, 1, 3, 10]  # "REF MSKU1234565 REF"
    next_entry = [6, 8, 9]  # '"},{"description":"'
    assert b"REF" in _allowed_after(document, [5, 10, *next_entry], _LISTS)  # the second REF
    assert b"REF" not in _allowed_after(document, [5, 10, *next_entry, 10, *next_entry], _LISTS)


_WORDS = [b'{"address":"', b"S", b"HEUNG", b" S", b'"}', b"HUI", b'HUI"}']


def test_a_piece_ends_only_where_a_word_of_the_text_ends_so_a_span_cannot_walk_over_initials() -> None:
    document = [1, 2, 3, 5]  # "SHEUNG SHUI"
    assert _allowed_after(document, [1], _WORDS) == {b"HEUNG", b"HUI", b'HUI"}'}  # not `S` alone
    assert _allowed_after(document, [1, 2], _WORDS) == {b" S", b'"}'}
    assert _allowed_after(document, [1, 2, 3], _WORDS) == {b"HUI", b'HUI"}'}  # " S" must go on to SHUI


def test_words_end_between_letters_and_digits_and_beside_anything_else_but_never_inside_a_character() -> None:
    assert word_ends(b"KG12 S.A").tolist() == [True, False, True, False, True, True, True, True, True]
    assert word_ends("É1".encode()).tolist() == [True, False, True, True]  # not between É's two bytes


def test_a_one_token_piece_that_closes_the_span_must_be_a_whole_word() -> None:
    tokens = [b'{"address":"', b"8", b'8"}', b"960", b" ", b"X"]
    document = [2, 1, 3, 4, 5]  # '8"}8960 X': `8` is a whole word only before the quote
    assert b'8"}' in _allowed_after(document, [], tokens)
    assert b'8"}' not in _allowed_after([1, 3, 4, 5], [], tokens)  # "8960 X": 8 starts a word only
