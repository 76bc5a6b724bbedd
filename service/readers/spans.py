"""Printed spans that remember where they stand, and the extraction a reader builds from them.

A reader copies element values out of a message; each value keeps its character range in
the submitted text, so the response can point at it. A value that runs over several
segments (a description continued in the next N10 or L5) is one `Span` of several pieces,
written with single spaces between them, the extraction's rule for spans in pieces.
`finish` turns a tree of spans into the extraction dict and its offsets, the pair the
model's decoder produces for the same document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

Offsets = list[tuple[str, list[tuple[int, int]]]]


@dataclass(frozen=True, slots=True)
class Span:
    """A printed value and the ranges of `text` it was read from (text[start:end] per piece)."""

    value: str
    pieces: tuple[tuple[int, int], ...]

    @staticmethod
    def at(text: str, start: int, end: int) -> Span | None:
        """The span of text[start:end] without its outer whitespace; None when only whitespace."""
        raw = text[start:end]
        stripped = raw.strip()
        if not stripped:
            return None
        start += len(raw) - len(raw.lstrip())
        return Span(_collapse(stripped), ((start, start + len(stripped)),))


def _collapse(value: str) -> str:
    return re.sub(r"\s+", " ", value)


def join(spans: Sequence[Span | None]) -> Span | None:
    """Spans printed apart, read as one: values joined by one space, pieces in order."""
    present = [span for span in spans if span is not None]
    if not present:
        return None
    value = " ".join(span.value for span in present)
    return Span(value, tuple(piece for span in present for piece in span.pieces))


class Joined:
    """Several spans read as one running text, so a phrase can be cut out across their joins.

    `separator` stands between two pieces: a space for descriptions (the extraction's
    rule for spans in pieces), nothing for searches that must see through a mid-word wrap.
    """

    def __init__(self, document: str, spans: Sequence[Span], separator: str = " ") -> None:
        parts: list[str] = []
        # For every character of `text`, its index in the document (-1 for a separator).
        self._origin: list[int] = []
        for start, end in (piece for span in spans for piece in span.pieces):
            if parts:
                parts.append(separator)
                self._origin.extend([-1] * len(separator))
            parts.append(document[start:end])
            self._origin.extend(range(start, end))
        self.text = "".join(parts)

    def span(self, start: int, end: int) -> Span | None:
        """The part text[start:end], outer whitespace dropped, with its pieces in the document."""
        raw = self.text[start:end]
        value = raw.strip()
        if not value:
            return None
        start += len(raw) - len(raw.lstrip())
        pieces: list[tuple[int, int]] = []
        for origin in self._origin[start : start + len(value)]:
            if origin == -1:
                continue
            if pieces and pieces[-1][1] == origin:
                pieces[-1] = (pieces[-1][0], origin + 1)
            else:
                pieces.append((origin, origin + 1))
        return Span(_collapse(value), tuple(pieces))


def finish(tree: dict[str, Any]) -> tuple[dict[str, Any], Offsets]:
    """The extraction (spans as strings) and every span's offsets by its `span_paths` path."""
    offsets: Offsets = []

    def walk(value: Any, path: str) -> Any:
        if isinstance(value, Span):
            offsets.append((path, list(value.pieces)))
            return value.value
        if isinstance(value, dict):
            return {key: walk(child, f"{path}.{key}" if path else key) for key, child in value.items()}
        if isinstance(value, list):
            return [walk(child, f"{path}[{index}]") for index, child in enumerate(value)]
        return value

    extraction = walk(tree, "")
    return extraction, offsets
