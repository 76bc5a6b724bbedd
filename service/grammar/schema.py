"""The contract schema as the decoder's grammar: compact JSON, numbers bounded.

The grammar is a strict subset of the contract, so anything it produces validates:
- no whitespace outside strings and fixed separators, so the output has one spelling and
  cannot run on with blank space;
- every number gets an upper bound (`NUMBER_CEILING`). JSON itself has no limit, but a
  long enough digit string parses to infinity in Python, which the service's `Manifest`
  rejects; a bound also keeps an undertrained model from spending its budget on digits.
"""

from __future__ import annotations

import copy
import json
from typing import TYPE_CHECKING, Any

import llguidance

if TYPE_CHECKING:
    from llguidance._lib import JsonCompileOptions

NUMBER_CEILING = 1e12
COMPACT_JSON: JsonCompileOptions = {"whitespace_flexible": False, "item_separator": ",", "key_separator": ":"}


def _is_numeric(node: dict[str, Any]) -> bool:
    types = node.get("type")
    names = types if isinstance(types, list) else [types]
    return "number" in names or "integer" in names


def _bound_numbers(node: Any) -> None:
    if isinstance(node, dict):
        if _is_numeric(node) and "maximum" not in node and "exclusiveMaximum" not in node:
            node["maximum"] = NUMBER_CEILING
        for value in node.values():
            _bound_numbers(value)
    elif isinstance(node, list):
        for value in node:
            _bound_numbers(value)


def grammar_schema(contract: dict[str, Any]) -> dict[str, Any]:
    """A copy of the contract with every number bounded (the input is not changed)."""
    schema = copy.deepcopy(contract)
    _bound_numbers(schema)
    return schema


def compile_grammar(contract: dict[str, Any], tokenizer: llguidance.LLTokenizer) -> str:
    """The llguidance grammar of the contract; raises ValueError if llguidance refuses it."""
    grammar = llguidance.LLMatcher.grammar_from_json_schema(
        json.dumps(grammar_schema(contract)), defaults=COMPACT_JSON
    )
    is_error, messages = llguidance.LLMatcher.validate_grammar_with_warnings(grammar, tokenizer)
    if is_error:
        raise ValueError(f"contract schema does not compile: {messages[0]}")
    return grammar


def property_names(schema: Any) -> set[str]:
    """Every object key the schema declares, at any depth."""
    names: set[str] = set()
    if isinstance(schema, dict):
        names.update(schema.get("properties", {}))
        for value in schema.values():
            names |= property_names(value)
    elif isinstance(schema, list):
        for value in schema:
            names |= property_names(value)
    return names
