"""The repetition stop: a looping decode is closed with its own reason; no label loops."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.data.corpus import make_record, split_families
from service.engine.repetition import MAX_PERIOD, MIN_SPAN, loops
from service.engine.sequence import Limits, Sequence
from service.engine.types import FinishReason
from service.grammar.constraint import ContractGrammar
from service.tokenizer import Tokenizer
from tests.grammar.test_constraint import HEAD, walk
from tests.shared_material import require_shared

COMMITTED_TOKENIZER = Path(__file__).resolve().parents[2] / "model_store" / "v5" / "tokenizer.model"


def test_a_short_run_written_again_and_again_loops() -> None:
    assert loops([7, 1, 2, 3] + [5, 6] * 12)  # period 2, 24 tokens
    assert loops([9] * 24)
    assert not loops([9] * 23)
    assert not loops([1, 2, 3, 4, 5, 6, 7, 8, 9] * 6)  # a period over eight tokens: a repeated row


def test_a_looping_decode_is_closed_by_the_grammar_with_its_own_reason(
    grammar: ContractGrammar, tokenizer: Tokenizer
) -> None:
    prefix = HEAD[:-1] + ',"containers":[],"items":[{"description":"KNITT'
    constraint = walk(grammar, tokenizer, prefix)
    sequence = Sequence(1, constraint, max_new_tokens=1000, pending=[])
    letter = tokenizer.encode("I")[-1]
    limits = Limits(forced_per_step=8, draft_tokens=0, closing_budget=64)
    for _ in range(30):
        sequence.extend(letter, 0.1, 0.0, limits, -0.01)
        sequence.settle(limits)
        if sequence.finish_reason is not None:
            break
    assert sequence.finish_reason is FinishReason.REPETITION
    manifest = json.loads(prefix + grammar.text(sequence.tokens))
    assert manifest["items"][0]["description"].startswith("KNITTIIII")


def _targets() -> list[str]:
    texts = []
    for split in ("test", "heldout"):
        families = split_families(split)
        for index in range(60):
            record = make_record(split, 41, index, families)
            texts += [
                json.dumps(record["label"], ensure_ascii=False),
                json.dumps(record["extraction"], ensure_ascii=False),
            ]
    for folder in (("eval", "realistic"), ("eval", "real-edi"), ("contract", "examples")):
        texts += [path.read_text(encoding="utf-8") for path in sorted(require_shared(*folder).glob("*.json"))]
    return texts


@pytest.mark.slow
def test_no_label_of_the_synthetic_or_shared_sets_would_trigger_it() -> None:
    tokenizer = Tokenizer.from_file(COMMITTED_TOKENIZER)
    for text in _targets():
        target = json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))
        tokens = tokenizer.encode(target)
        window = MAX_PERIOD * MIN_SPAN  # loops() reads only the output's tail
        ends = range(1, len(tokens) + 1)
        assert not any(loops(tokens[max(0, end - window) : end]) for end in ends), target[:200]
