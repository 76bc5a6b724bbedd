"""UN/EDIFACT interchanges cut into segments, elements and components that keep their place.

Why our own segment reader rather than pydifact (maintained, on PyPI): the response points
every value at the characters it came from, and pydifact's tokenizer hands back values
without offsets or line numbers; it also raises at the first syntax error, where we keep
every segment that reads. The syntax is small: the UNA service string advice declares the
component and element separators, the decimal mark, the release character and the segment
terminator (defaults `:+.? '`); a released character is taken as data. A value's span
covers its printed characters, release characters included, so `text[start:end]` is what
the message printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.readers.reading import NotReadable
from service.readers.spans import Span

_TAG = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True, slots=True)
class Syntax:
    component: str = ":"
    element: str = "+"
    decimal: str = "."
    release: str = "?"
    terminator: str = "'"


def syntax(text: str, start: int) -> tuple[Syntax, int]:
    """The service characters of the message at `start`, and where its first data segment starts."""
    if not text.startswith("UNA", start):
        return Syntax(), start
    chars = text[start + 3 : start + 9]
    if len(chars) < 6:
        raise NotReadable("EDIFACT: the UNA service string advice is cut short")
    found = Syntax(chars[0], chars[1], chars[2], chars[3], chars[5])
    if len({found.component, found.element, found.release, found.terminator}) < 4:
        raise NotReadable(f"EDIFACT: UNA {chars!r} declares one character for two jobs")
    return found, start + 9


@dataclass(frozen=True, slots=True)
class Segment:
    tag: str
    elements: tuple[tuple[Span | None, ...], ...]  # element 1 at index 0, each a tuple of components
    line: int
    raw: str

    def span(self, element: int, component: int = 1) -> Span | None:
        """Component `component` of element `element` (both 1-based), None when empty or absent."""
        if not 0 < element <= len(self.elements):
            return None
        parts = self.elements[element - 1]
        return parts[component - 1] if 0 < component <= len(parts) else None

    def value(self, element: int, component: int = 1) -> str:
        found = self.span(element, component)
        return found.value if found is not None else ""

    def components(self, element: int) -> list[Span]:
        if not 0 < element <= len(self.elements):
            return []
        return [part for part in self.elements[element - 1] if part is not None]

    def where(self) -> str:
        return f"{self.tag} at line {self.line}"


def segments(text: str, start: int, end: int, marks: Syntax) -> list[Segment]:
    """Every segment of text[start:end], values unescaped, each with its range in `text`."""
    found: list[Segment] = []
    elements: list[list[Span | None]] = [[]]
    piece_start = segment_start = start
    position = start
    lines = _Lines(text)
    while position < end:
        char = text[position]
        if char == marks.release:
            position += 2
            continue
        if char in (marks.component, marks.element, marks.terminator):
            elements[-1].append(_value(text, piece_start, position, marks.release))
            if char == marks.element:
                elements.append([])
            elif char == marks.terminator:
                found.append(_segment(text, segment_start, position, elements, lines))
                elements, segment_start = [[]], position + 1
            piece_start = position + 1
        position += 1
    if text[segment_start:end].strip():  # a last segment without its terminator
        elements[-1].append(_value(text, piece_start, end, marks.release))
        found.append(_segment(text, segment_start, end, elements, lines))
    return found


def _value(text: str, start: int, end: int, release: str) -> Span | None:
    raw = text[start:end]
    value = re.sub(re.escape(release) + "(.)", r"\1", raw, flags=re.DOTALL).strip()
    if not value:
        return None
    start += len(raw) - len(raw.lstrip())
    end -= len(raw) - len(raw.rstrip())
    return Span(re.sub(r"\s+", " ", value), ((start, end),))


class _Lines:
    """Line numbers of positions met in increasing order, counted once through the text."""

    def __init__(self, text: str) -> None:
        self.text, self.position, self.line = text, 0, 1

    def at(self, position: int) -> int:
        self.line += self.text.count("\n", self.position, position)
        self.position = position
        return self.line


def _segment(text: str, start: int, stop: int, elements: list[list[Span | None]], lines: _Lines) -> Segment:
    raw = text[start:stop]
    lead = len(raw) - len(raw.lstrip())
    head = elements[0][0] if elements[0] else None
    tag = head.value if head is not None else ""
    return Segment(tag, tuple(tuple(parts) for parts in elements[1:]), lines.at(start + lead), raw.strip())


def is_segment(segment: Segment) -> bool:
    """Whether the segment has a tag the standard can have (three capitals)."""
    return _TAG.fullmatch(segment.tag) is not None
