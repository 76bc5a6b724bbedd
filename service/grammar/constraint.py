"""The compiled contract grammar and the per-sequence constraint that walks it.

`ContractGrammar` is built once at start-up (tokenizer bytes + schema -> llguidance grammar)
and hands out one `Constraint` per sequence (per beam). Masks for a whole batch are filled
in one call into a caller-owned int32 bitmask (32 tokens per word, llguidance's layout),
which the runner turns into a tensor mask; the call releases the GIL, so it can overlap the
decoder's forward pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import llguidance
import numpy as np

from service.grammar.closing import ClosingError, ClosingPolicy
from service.grammar.schema import compile_grammar
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

    def forced(self, limit: int) -> list[int]:
        """Consume and return the continuation the grammar forces (at most `limit` tokens)."""
        tokens = self.matcher.compute_ff_tokens()[:limit]
        if tokens and not self.matcher.consume_tokens(tokens):
            raise GrammarError(f"forced tokens refused: {self.matcher.get_error()}")
        return list(tokens)

    def close(self, budget: int) -> list[int]:
        """Consume and return a short completion that makes the JSON valid."""
        try:
            return self._grammar.closing.close(self.matcher, budget)
        except ClosingError as error:
            raise GrammarError(str(error)) from error

    def fork(self) -> Constraint:
        """An independent copy (a beam that branches off this one)."""
        return Constraint(self._grammar, self.matcher.deep_copy())


class ContractGrammar:
    """The contract's grammar compiled against one tokenizer; shared by all sequences."""

    def __init__(self, vocabulary: TokenVocabulary, contract: dict[str, Any], mask_threads: int = 1) -> None:
        self.tokenizer, self.token_bytes = build_lltokenizer(vocabulary)
        self.grammar = compile_grammar(contract, self.tokenizer)
        self.vocab_size = len(self.token_bytes)
        self.mask_words = (self.vocab_size + 31) // 32
        self.eos_id = vocabulary.eos_id
        specials = {i for i, data in enumerate(self.token_bytes) if data.startswith(b"\xff")}
        self.closing = ClosingPolicy(self.token_bytes, specials)
        self._initial = llguidance.LLMatcher(self.tokenizer, self.grammar, log_level=0)
        if self._initial.is_error():
            raise ValueError(f"contract grammar: {self._initial.get_error()}")
        self._executor = llguidance.LLExecutor(num_threads=mask_threads)

    def start(self) -> Constraint:
        """A constraint at the beginning of an empty output."""
        return Constraint(self, self._initial.deep_copy())

    def new_bitmask(self, rows: int) -> np.ndarray:
        """A zeroed (rows, mask_words) int32 bitmask in llguidance's layout."""
        return np.zeros((rows, self.mask_words), dtype=np.int32)

    def fill_masks(self, constraints: Sequence[Constraint], bitmask: np.ndarray) -> None:
        """Row i of `bitmask` := the allowed tokens of constraints[i] (one parallel call)."""
        if bitmask.dtype != np.int32 or not bitmask.flags["C_CONTIGUOUS"] or bitmask.shape[1] != self.mask_words:
            raise ValueError("bitmask must be C-contiguous int32 of width mask_words")
        if len(constraints) > bitmask.shape[0]:
            raise ValueError("more constraints than bitmask rows")
        pairs = [(constraint.matcher, row) for row, constraint in enumerate(constraints)]
        self._executor.unsafe_compute_mask_ptr(pairs, bitmask.ctypes.data, self.mask_words * 4, bitmask.shape[0])

    def text(self, tokens: Sequence[int]) -> str:
        """The text of output tokens, from the very bytes the grammar checked."""
        return b"".join(self.token_bytes[token] for token in tokens).decode("utf-8")
