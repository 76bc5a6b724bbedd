"""Where a printed span stands in its document: character offsets of its pieces.

A span is written with single spaces; in the document its words may be separated by any
run of whitespace (a line break, column padding), and a value wrapped inside a table cell
or spread over the lines of a boxed form is several pieces with other text between them.
`locate` finds the pieces in order: one piece when the span is printed in one run,
otherwise the fewest runs it can, each as long as possible; pieces out of order only when no
order prints it (grounded decoding lets a span jump to any printed run at a space). Offsets are Python string
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


def _runs(words: list[str], text: str, start: int) -> list[tuple[int, Piece]]:
    """Runs of leading `words` printed contiguously after `start`, as (how many words, where):
    longest first, earlier first among equals; whole-word matches before matches inside words."""
    found: list[tuple[int, Piece]] = []
    for bounded in (True, False):
        runs = []
        for match in _run(words[:1], bounded).finditer(text, start):
            taken = 1
            piece = Piece(match.start(), match.end())
            while taken < len(words):
                longer = _run(words[: taken + 1], bounded).match(text, match.start())
                if longer is None:
                    break
                taken, piece = taken + 1, Piece(longer.start(), longer.end())
            if taken == len(words):  # the whole rest in one run: nothing can beat it
                return [(taken, piece)]
            runs.append((taken, piece))
        found += sorted(runs, key=lambda run: -run[0])
    return found


# Runs tried per word position before giving up: a wrong first choice (the words also stand in
# other text) is undone by trying the next, without searching every combination.
_TRIES = 6


def _pieces(words: list[str], text: str, start: int, failed: set[tuple[int, int]]) -> list[Piece] | None:
    """Pieces printing `words` from `start`; `failed` remembers (words left, start) that cannot
    be printed, so backtracking never searches the same rest twice."""
    if (len(words), start) in failed:
        return None
    for taken, piece in _runs(words, text, start)[:_TRIES]:
        if taken == len(words):
            return [piece]
        rest = _pieces(words[taken:], text, piece.end, failed)
        if rest is not None:
            return [piece, *rest]
    failed.add((len(words), start))
    return None


def _anywhere(words: list[str], text: str) -> list[Piece] | None:
    """Pieces printing `words` wherever each stands (a value gathered from several places)."""
    pieces: list[Piece] = []
    while words:
        runs = _runs(words, text, 0)
        if not runs:
            return None
        taken, piece = runs[0]
        pieces.append(piece)
        words = words[taken:]
    return pieces


def locate(span: str, text: str, start: int = 0) -> list[Piece] | None:
    """The pieces of `text` that print `span`: in order from `start` where they can be, else
    each where it stands; None if some word of it is not printed at all."""
    words = span.split()
    if not words:
        return None
    return _pieces(words, text, start, set()) or _anywhere(words, text)


def grounded(span: str, text: str) -> bool:
    """Whether `span` is printed in `text`, in one run or in pieces."""
    return locate(span, text) is not None
