"""The contract grammar: forced runs, masks, number bounds, and closing at the length limit."""

from __future__ import annotations

import json
import random

import numpy as np
import pytest
from jsonschema import Draft202012Validator

from service.grammar.closing import allowed_tokens
from service.grammar.constraint import Constraint, ContractGrammar
from service.manifest import Manifest, load_contract_schema
from service.tokenizer import Tokenizer
from tests.engine.random_model import MINIMAL_MANIFEST

HEAD = (
    '{"document_type":"bill_of_lading","document_number":null,"issue_date":null,"transport_mode":"sea",'
    '"carrier":null,"vessel_or_flight":null,"voyage":null,"shipper":null,"consignee":null,'
    '"notify_party":null,"port_of_loading":null,"port_of_discharge":null,"place_of_delivery":null,'
    '"departure_date":null,"arrival_date":null,"incoterm":null,"freight_terms":null,'
)


def assert_contract_valid(text: str) -> None:
    Draft202012Validator(load_contract_schema()).validate(json.loads(text))
    Manifest.model_validate_json(text)


def walk(grammar: ContractGrammar, tokenizer: Tokenizer, prefix: str) -> Constraint:
    """A constraint that has consumed `prefix` (tokenized as the tokenizer would)."""
    constraint = grammar.start()
    assert constraint.matcher.consume_tokens(tokenizer.encode(prefix)), constraint.matcher.get_error()
    return constraint


def test_start_forces_the_opening_key(grammar: ContractGrammar) -> None:
    assert grammar.text(grammar.start().forced(64)) == '{"document_type":'


def test_forced_run_goes_through_the_next_key(grammar: ContractGrammar, tokenizer: Tokenizer) -> None:
    constraint = walk(grammar, tokenizer, '{"document_type":"bill_of_lading"')
    forced = constraint.forced(64)
    assert grammar.text(forced) == ',"document_number":'
    assert tokenizer.id_to_piece(forced[-1]) == '"document_number":'  # one atomic key token


def test_forced_run_respects_its_limit(grammar: ContractGrammar, tokenizer: Tokenizer) -> None:
    constraint = walk(grammar, tokenizer, '{"document_type":"bill_of_lading"')
    assert grammar.text(constraint.forced(1)) == ","
    assert grammar.text(constraint.forced(64)) == '"document_number":'


def test_closing_from_the_start_writes_the_minimal_manifest(grammar: ContractGrammar) -> None:
    constraint = grammar.start()
    text = grammar.text(constraint.close(budget=200))
    assert text == MINIMAL_MANIFEST
    assert constraint.finished


def test_closing_inside_a_pattern_completes_it(grammar: ContractGrammar, tokenizer: Tokenizer) -> None:
    prefix = HEAD + '"containers":[{"number":"MS'
    constraint = walk(grammar, tokenizer, prefix)
    text = prefix + grammar.text(constraint.close(budget=200))
    assert_contract_valid(text)
    assert json.loads(text)["containers"] == [{"number": "MSAA0000000", "seal": None, "size_type": None}]


def test_closing_inside_free_text_ends_the_string(grammar: ContractGrammar, tokenizer: Tokenizer) -> None:
    prefix = HEAD + '"containers":[],"items":[{"description":"STEEL COILS'
    constraint = walk(grammar, tokenizer, prefix)
    text = prefix + grammar.text(constraint.close(budget=200))
    assert_contract_valid(text)
    assert json.loads(text)["items"][0]["description"] == "STEEL COILS"


def test_closing_over_budget_is_an_error(grammar: ContractGrammar) -> None:
    with pytest.raises(RuntimeError, match="still open after 10"):
        grammar.start().close(budget=10)


def test_numbers_are_bounded(grammar: ContractGrammar, tokenizer: Tokenizer) -> None:
    head = HEAD + '"containers":[],"items":[],"total_packages":'
    within = walk(grammar, tokenizer, head)
    assert within.matcher.consume_tokens(tokenizer.encode("999999999999,"))
    beyond = walk(grammar, tokenizer, head)
    digits = tokenizer.encode("1000000000001")
    assert beyond.matcher.try_consume_tokens(digits) < len(digits)


def test_no_whitespace_outside_strings(grammar: ContractGrammar, tokenizer: Tokenizer) -> None:
    constraint = walk(grammar, tokenizer, '{"document_type":')
    allowed = allowed_tokens(constraint.matcher, grammar.vocab_size)
    with_space = [i for i, data in enumerate(grammar.token_bytes) if data[:1] in (b" ", b"\n", b"\t")]
    assert with_space and not allowed[with_space].any()


def test_special_tokens_only_end_a_complete_manifest(grammar: ContractGrammar, tokenizer: Tokenizer) -> None:
    specials = [tokenizer.pad_id, tokenizer.unk_id, tokenizer.bos_id, tokenizer.eos_id]
    assert not allowed_tokens(grammar.start().matcher, grammar.vocab_size)[specials].any()
    done = walk(grammar, tokenizer, MINIMAL_MANIFEST)
    assert done.finished
    assert np.flatnonzero(allowed_tokens(done.matcher, grammar.vocab_size)).tolist() == [tokenizer.eos_id]


def test_batch_masks_fill_the_requested_rows(grammar: ContractGrammar, tokenizer: Tokenizer) -> None:
    states = [
        grammar.start(),
        walk(grammar, tokenizer, '{"document_type":"bill_of_lading","document_number":'),
    ]
    bitmask = np.zeros((3, grammar.mask_words), dtype=np.int32)
    grammar.fill_masks([(states[0], 2), (states[1], 0)], bitmask)
    for state, row in ((states[0], 2), (states[1], 0)):
        expected = np.frombuffer(state.matcher.compute_bitmask(), dtype=np.int32)
        assert np.array_equal(bitmask[row], expected)
    assert not bitmask[1].any()


def test_fork_is_independent(grammar: ContractGrammar, tokenizer: Tokenizer) -> None:
    original = walk(grammar, tokenizer, '{"document_type":')
    branch = original.fork()
    branch.accept(tokenizer.encode('"sea_waybill"')[0])
    assert grammar.text(original.close(budget=200)).startswith('"air_waybill"')


@pytest.mark.parametrize("seed", range(12))
def test_random_walks_close_into_valid_manifests(grammar: ContractGrammar, seed: int) -> None:
    """Any allowed token at any point, cut off anywhere: the closed output is contract-valid."""
    rng = random.Random(seed)
    constraint = grammar.start()
    tokens = constraint.forced(32)
    cutoff = rng.choice([0, 10, 40, 120])
    while len(tokens) < cutoff and not constraint.finished:
        token = int(rng.choice(np.flatnonzero(allowed_tokens(constraint.matcher, grammar.vocab_size))))
        constraint.accept(token)
        tokens += [token, *constraint.forced(32)]
    if not constraint.finished:
        tokens += constraint.close(budget=200)
    assert constraint.finished
    assert_contract_valid(grammar.text(tokens))
