"""Jump-forward measured on true labels: forced tokens need no decision, keys come for free."""

from __future__ import annotations

from service.bench.labels import decisions_on_label, step_reduction
from service.grammar.constraint import ContractGrammar
from service.tokenizer import Tokenizer
from tests.engine.random_model import MINIMAL_MANIFEST


def test_a_label_needs_fewer_decisions_than_tokens(grammar: ContractGrammar, tokenizer: Tokenizer) -> None:
    label = tokenizer.encode(MINIMAL_MANIFEST)
    decisions = decisions_on_label(grammar, label, forced_per_step=32)
    assert decisions is not None
    keys = MINIMAL_MANIFEST.count('":')
    assert decisions <= len(label) - keys  # every key token is forced
    assert step_reduction(grammar, [label], 32) == (1 - decisions / len(label), 1)


def test_without_forced_runs_every_token_is_a_decision(
    grammar: ContractGrammar, tokenizer: Tokenizer
) -> None:
    label = tokenizer.encode(MINIMAL_MANIFEST)
    assert decisions_on_label(grammar, label, forced_per_step=0) == len(label)


def test_a_label_the_grammar_refuses_is_left_out(grammar: ContractGrammar, tokenizer: Tokenizer) -> None:
    broken = tokenizer.encode(MINIMAL_MANIFEST.replace('"air"', '"boat"'))
    assert decisions_on_label(grammar, broken, forced_per_step=32) is None
    assert step_reduction(grammar, [broken], 32) == (0.0, 0)
