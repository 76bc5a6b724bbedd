"""Closing an unfinished manifest when the token budget runs out.

A greedy walk through the grammar: at each point take the most "closing" allowed token,
feed whatever the grammar then forces, and repeat until the JSON is complete. What is most
closing depends on where the walk stands, and the escape byte tells: only inside a free-text
JSON string is a backslash allowed.
- inside a string: end it (`"`, ideally together with `}` / `]`), else write one filler
  character (`0`, `A`, `1`, `a`) to meet a minimum length or a pattern;
- elsewhere: `null` where the value may be null, then a whole string in one token (an enum
  value such as `"air_waybill"`), then `]` / `}`, then `,` (a number's end before the next
  required key), then the same fillers (a number, an enum's first letter).
Anything else: the allowed token with the fewest bytes. The walk stays short because every
remaining required key is forced text and every nullable value becomes `null`.
"""

from __future__ import annotations

from collections.abc import Callable

import llguidance
import numpy as np

CLOSERS = frozenset(b'"]}')
FILLERS = (b"0", b"A", b"1", b"a")


class ClosingError(RuntimeError):
    """The walk could not complete the JSON within its budget (a grammar the policy misjudges)."""


def allowed_tokens(matcher: llguidance.LLMatcher, vocab_size: int) -> np.ndarray:
    """(vocab_size,) bool: the tokens the grammar allows next."""
    bits = np.unpackbits(np.frombuffer(matcher.compute_bitmask(), dtype=np.uint8), bitorder="little")
    return bits[:vocab_size].astype(bool)


class ClosingPolicy:
    """Two preference orders over the whole vocabulary, ranked once at start-up."""

    def __init__(self, token_bytes: list[bytes], specials: set[int]) -> None:
        self.vocab_size = len(token_bytes)
        ordinary = [index for index in range(self.vocab_size) if index not in specials and token_bytes[index]]
        lookup = {token_bytes[index]: index for index in ordinary}
        self.escape = lookup[b"\\"]  # byte fallback guarantees every single byte is a token

        def ranked(tiers: list[list[int]]) -> np.ndarray:
            chosen = list(dict.fromkeys(index for tier in tiers for index in tier))
            seen = set(chosen)
            rest = sorted(
                (index for index in ordinary if index not in seen), key=lambda i: (len(token_bytes[i]), i)
            )
            return np.asarray(chosen + rest, dtype=np.int64)

        def longest_first(indices: list[int]) -> list[int]:
            return sorted(indices, key=lambda i: (-len(token_bytes[i]), i))

        closers = longest_first([i for i in ordinary if set(token_bytes[i]) <= CLOSERS])
        nulls = longest_first([i for i in ordinary if b"null".startswith(token_bytes[i])])
        strings = sorted(
            (
                i
                for i in ordinary
                if len(token_bytes[i]) > 2 and token_bytes[i][0] == token_bytes[i][-1] == ord('"')
            ),
            key=lambda i: (len(token_bytes[i]), i),
        )
        fillers = [lookup[data] for data in FILLERS if data in lookup]
        comma = [lookup[b","]] if b"," in lookup else []
        quote_closers = [i for i in closers if token_bytes[i].startswith(b'"')]
        self.in_string = ranked([quote_closers, fillers])
        bare_closers = [i for i in closers if token_bytes[i] != b'"']
        self.in_value = ranked([nulls, strings, bare_closers, comma, closers, fillers])

    def choose(self, allowed: np.ndarray) -> int:
        """The preferred allowed token at this point of the walk."""
        order = self.in_string if allowed[self.escape] else self.in_value
        candidates = np.flatnonzero(allowed[order])
        if candidates.size == 0:
            raise ClosingError("no allowed token to close with")
        return int(order[candidates[0]])

    def close(
        self,
        matcher: llguidance.LLMatcher,
        budget: int,
        forced_tokens: Callable[[llguidance.LLMatcher], list[int]],
    ) -> list[int]:
        """Tokens that complete the JSON (consumed into `matcher`); at most `budget` of them.
        `forced_tokens` gives the grammar's forced continuation at each point."""
        emitted: list[int] = []
        while not matcher.is_stopped():
            if len(emitted) >= budget:
                raise ClosingError(f"JSON still open after {budget} closing tokens")
            forced = forced_tokens(matcher)
            step = forced or [self.choose(allowed_tokens(matcher, self.vocab_size))]
            if not matcher.consume_tokens(step):
                raise ClosingError(matcher.get_error())
            emitted.extend(step)
        return emitted
