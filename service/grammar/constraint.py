"""The compiled contract grammar and the per-sequence constraint that walks it.

`ContractGrammar` is built once at start-up (tokenizer bytes + schema -> llguidance grammar)
and hands out one `Constraint` per sequence (per beam). Masks for a whole batch are filled
into a caller-owned int32 bitmask (32 tokens per word, llguidance's layout), which the
runner turns into one tensor mask.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import llguidance
import numpy as np

from service.grammar.closing import ClosingError, ClosingPolicy
from service.grammar.schema import compile_grammar, property_names
from service.grammar.vocabulary import TokenVocabulary, build_lltokenizer


class GrammarError(RuntimeError):
    """A token the grammar refused, or a grammar that cannot be closed: a bug, not bad input."""


class Constraint:
    """One sequence's position in the grammar."""

    __slots__ = ("_grammar", "matcher")

    def __init__(self, grammar: ContractGrammar, matcher: llguidance.LLMatcher) -> None:
        self._grammar = grammar
        self.matcher = matcher

    @property
    def finished(self) -> bool:
        """The JSON is complete: nothing but end-of-sequence may follow."""
        return bool(self.matcher.is_stopped())

    def accept(self, token: int) -> None:
        """Consume a token the model chose (it was allowed by this step's mask)."""
        if not self.matcher.consume_token(token):
            raise GrammarError(f"token {token} refused: {self.matcher.get_error()}")

    def allows(self, token: int) -> bool:
        """Whether the grammar allows `token` next (nothing is consumed)."""
        return self.matcher.validate_tokens([token]) == 1

    def try_accept(self, token: int) -> bool:
        """Consume `token` if the grammar allows it here; False (and no change) otherwise."""
        return bool(self.matcher.try_consume_tokens([token]))

    def forced(self, limit: int) -> list[int]:
        """Consume and return the continuation the grammar forces (at most `limit` tokens)."""
        tokens = self._grammar.forced_tokens(self.matcher)[:limit]
        if tokens and not self.matcher.consume_tokens(tokens):
            raise GrammarError(f"forced tokens refused: {self.matcher.get_error()}")
        return tokens

    def close(self, budget: int) -> list[int]:
        """Consume and return a short completion that makes the JSON valid."""
        try:
            return self._grammar.closing.close(self.matcher, budget, self._grammar.forced_tokens)
        except ClosingError as error:
            raise GrammarError(str(error)) from error

    def fork(self) -> Constraint:
        """An independent copy (a beam that branches off this one)."""
        return Constraint(self._grammar, self.matcher.deep_copy())


class ContractGrammar:
    """The contract's grammar compiled against one tokenizer; shared by all sequences."""

    def __init__(self, vocabulary: TokenVocabulary, contract: dict[str, Any]) -> None:
        self.tokenizer, self.token_bytes = build_lltokenizer(vocabulary)
        self.grammar = compile_grammar(contract, self.tokenizer)
        self.vocab_size = len(self.token_bytes)
        self.mask_words = (self.vocab_size + 31) // 32
        self.eos_id = vocabulary.eos_id
        specials = {i for i, data in enumerate(self.token_bytes) if data.startswith(b"\xff")}
        self.closing = ClosingPolicy(self.token_bytes, specials)
        keys = {f'"{key}":'.encode() for key in property_names(contract)}
        self._key_tokens = frozenset(index for index, data in enumerate(self.token_bytes) if data in keys)
        self._initial = llguidance.LLMatcher(self.tokenizer, self.grammar, log_level=0)
        if self._initial.is_error():
            raise ValueError(f"contract grammar: {self._initial.get_error()}")

    def forced_tokens(self, matcher: llguidance.LLMatcher) -> list[int]:
        """llguidance's forced tokens, extended through the last contract key it held back.

        llguidance keeps the tail of a forced run back whenever some token could merge it
        with what follows. A key token (`"gross_weight":`) never merges with the value after
        it: the tokenizer extracts each contract key as one atomic piece, in training targets
        too. Feeding the run through that key saves decoder steps on every key; what follows
        the key (`[` of a list) stays held back.
        """
        tokens = list(matcher.compute_ff_tokens())
        covered = b"".join(self.token_bytes[token] for token in tokens)
        forced_bytes = matcher.compute_ff_bytes()
        rest = forced_bytes[len(covered) :]
        if rest and forced_bytes.startswith(covered):
            extra = self.tokenizer.tokenize_bytes(rest)
            keys = [index for index, token in enumerate(extra) if token in self._key_tokens]
            if keys:
                tokens.extend(extra[: keys[-1] + 1])
        return tokens

    def start(self) -> Constraint:
        """A constraint at the beginning of an empty output."""
        return Constraint(self, self._initial.deep_copy())

    def fill_masks(self, rows: Sequence[tuple[Constraint, int]], bitmask: np.ndarray) -> None:
        """For each (constraint, row): bitmask[row] := the tokens it allows next.

        Computed on the calling thread, one matcher after the other (each call releases the
        GIL): a mask costs microseconds, and on a machine with few cores a worker pool's
        wake-ups cost more than the work they would spread.
        """
        if (
            bitmask.dtype != np.int32
            or not bitmask.flags["C_CONTIGUOUS"]
            or bitmask.shape[1] != self.mask_words
        ):
            raise ValueError("bitmask must be C-contiguous int32 of width mask_words")
        if any(row >= bitmask.shape[0] for _, row in rows):
            raise ValueError("row outside the bitmask")
        stride = self.mask_words * 4
        base = bitmask.ctypes.data
        for constraint, row in rows:
            constraint.matcher.unsafe_compute_mask_ptr(base + row * stride, stride)

    def text(self, tokens: Sequence[int]) -> str:
        """The text of output tokens, from the very bytes the grammar checked."""
        return b"".join(self.token_bytes[token] for token in tokens).decode("utf-8")
