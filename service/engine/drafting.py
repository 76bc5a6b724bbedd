"""Draft tokens read from the source: most manifest values are copied from the document.

After the model writes a token that also occurs in the source, the tokens that follow it
there are a good guess for what comes next (`Gulf` -> ` Chemical`, `s`, ` S`, `.`). The
runner feeds such a draft after the pending run and keeps the longest prefix that the
model's own constrained greedy choice confirms, so the output is exactly what one-token-
at-a-time decoding writes, in fewer decoder calls (prompt-lookup decoding, with the
document as the prompt).

Tokens are compared by their canonical ids (the copy head's word-start-insensitive pieces),
so a value that opens a JSON string (`"Gulf`) still finds ` Gulf` in the text.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

MATCH_ORDERS = (3, 2, 1)  # longest suffix first: more context, fewer wrong places


class SourceDrafter:
    """An index of one document's n-grams, built once at admission, and a reading cursor.

    A value is copied left to right, and the next value is often close behind: where an
    n-gram occurs more than once, the draft is read from its first occurrence at or after
    the cursor (the end of the draft text confirmed last), else from its first occurrence.
    """

    __slots__ = ("_canonical", "_cursor", "_last", "_occurrences", "_source")

    def __init__(self, source: Sequence[int], canonical: Sequence[int]) -> None:
        self._source = list(source)
        self._canonical = canonical
        self._cursor = 0
        self._last: tuple[int, int, list[int]] | None = None  # output length, source start, draft
        keys = [canonical[token] for token in self._source]
        self._occurrences: dict[tuple[int, ...], list[int]] = {}
        for order in MATCH_ORDERS:
            for start in range(len(keys) - order):  # only n-grams with something after them
                self._occurrences.setdefault(tuple(keys[start : start + order]), []).append(start + order)

    def propose(self, tokens: Sequence[int], limit: int) -> list[int]:
        """Up to `limit` source tokens that followed the longest suffix of `tokens` found in
        the document; empty when none is found."""
        self._advance_cursor(tokens)
        if limit <= 0:
            return []
        for order in MATCH_ORDERS:
            if len(tokens) < order:
                continue
            ends = self._occurrences.get(tuple(self._canonical[token] for token in tokens[-order:]))
            if ends:
                after = bisect.bisect_left(ends, self._cursor)
                start = ends[after] if after < len(ends) else ends[0]
                draft = self._source[start : start + limit]
                self._last = (len(tokens), start, draft)
                return draft
        return []

    def _advance_cursor(self, tokens: Sequence[int]) -> None:
        """Move the cursor past the part of the last draft that the output confirmed."""
        if self._last is None:
            return
        length, start, draft = self._last
        confirmed = 0
        while confirmed < len(draft) and length + confirmed < len(tokens):
            if tokens[length + confirmed] != draft[confirmed]:
                break
            confirmed += 1
        if confirmed:
            self._cursor = start + confirmed
        self._last = None
