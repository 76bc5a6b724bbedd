"""Where a printed span stands in its document: character offsets of its pieces.

A span is written with single spaces; in the document its words may be separated by any
run of whitespace (a line break, column padding), and a value wrapped inside a table cell
or spread over the lines of a boxed form is several pieces with other text between them.
`locate` finds the pieces in order: one piece when the span is printed in one run,
otherwise the fewest runs it can, each as long as possible. Offsets are Python string
indices (code points), so `text[start:end]` is the piece, non-ASCII text included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Piece:
    start: int
    end: int


def _word_pattern(word: str) -> str:
    """A word that does not start or end inside another word of the text (when it has word ends)."""
    before = r"(?<!\w)" if re.match(r"\w", word) else ""
    after = r"(?!\w)" if re.search(r"\w$", word) else ""
    return before + re.escape(word) + after


def _run(words: list[str], bounded: bool) -> re.Pattern[str]:
    parts = [_word_pattern(w) if bounded else re.escape(w) for w in words]
    return re.compile(r"\s+".join(parts))


def _longest_run(words: list[str], text: str, start: int) -> tuple[int, Piece] | None:
    """(how many leading words, where) of the longest run of `words` printed contiguously after `start`."""
    for bounded in (True, False):
        best: tuple[int, Piece] | None = None
        for match in _run(words[:1], bounded).finditer(text, start):
            taken = 1
            piece = Piece(match.start(), match.end())
            while taken < len(words):
                longer = _run(words[: taken + 1], bounded).match(text, match.start())
                if longer is None:
                    break
                taken, piece = taken + 1, Piece(longer.start(), longer.end())
            if best is None or taken > best[0]:
                best = (taken, piece)
            if taken == len(words):
                break
        if best is not None:
            return best
    return None


def locate(span: str, text: str, start: int = 0) -> list[Piece] | None:
    """The pieces of `text` that print `span` in order from `start`, or None if it is not there."""
    words = span.split()
    if not words:
        return None
    pieces: list[Piece] = []
    position = start
    while words:
        found = _longest_run(words, text, position)
        if found is None:
            return None
        taken, piece = found
        pieces.append(piece)
        words = words[taken:]
        position = piece.end
    return pieces


def grounded(span: str, text: str) -> bool:
    """Whether `span` is printed in `text`, in one run or in pieces in order."""
    return locate(span, text) is not None
