"""ANSI X12 interchanges cut into segments and elements that keep their place in the text.

Why our own segment reader rather than a parser from PyPI: the response points every value
back at the characters it came from, and X12 parsers (pyx12, badx12, the bots tooling)
hand back element values without offsets or line numbers; they also stop at the first
error, where we want every segment that does read. Cutting X12 is small: the ISA header
declares the element separator (its fourth character), the component separator and the
segment terminator (the two characters after its sixteenth element separator).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from service.readers.reading import NotReadable
from service.readers.spans import Span

_TAG = re.compile(r"[A-Z][A-Z0-9]{1,2}")


@dataclass(frozen=True, slots=True)
class Segment:
    tag: str
    elements: tuple[Span | None, ...]  # X12 element 01 at index 0; None where empty
    line: int  # 1-based line of the submitted text the segment starts on
    raw: str

    def span(self, position: int) -> Span | None:
        """Element `position` (1-based, as the standard numbers them), None when empty or absent."""
        return self.elements[position - 1] if 0 < position <= len(self.elements) else None

    def value(self, position: int) -> str:
        span = self.span(position)
        return span.value if span is not None else ""

    def where(self) -> str:
        return f"{self.tag} at line {self.line}"


@dataclass(frozen=True, slots=True)
class Delimiters:
    element: str
    terminator: str


def delimiters(text: str, start: int) -> Delimiters:
    """The separators of the message at `start` (an ISA header, or a bare ST segment)."""
    element = text[start + 3 : start + 4]
    if not element or element.isalnum() or element.isspace():
        raise NotReadable("X12: no element separator after the first segment's tag")
    if text.startswith("ISA", start):
        found, position = 0, start
        while found < 16:
            position = text.find(element, position + 1)
            if position == -1:
                raise NotReadable("X12: the ISA header is cut short (fewer than 16 elements)")
            found += 1
        terminator = text[position + 2 : position + 3]
    else:
        match = re.compile(re.escape(element).join([r"ST", r"\d{3}", r"[^\s]*?"])).match(text, start)
        tail = match.end() if match else start
        terminator = next((c for c in text[tail:] if not (c.isalnum() or c == element)), "")
    if not terminator or terminator.isalnum() or terminator == element:
        raise NotReadable("X12: no segment terminator after the ISA header")
    return Delimiters(element, terminator)


def segments(text: str, start: int, end: int, marks: Delimiters) -> list[Segment]:
    """Every segment of text[start:end], elements with their offsets into `text`."""
    found: list[Segment] = []
    line = text.count("\n", 0, start) + 1
    position = start
    while position < end:
        stop = text.find(marks.terminator, position, end)
        stop = end if stop == -1 else stop
        chunk = text[position:stop]
        lead = len(chunk) - len(chunk.lstrip())
        line += chunk.count("\n", 0, lead)
        begin = position + lead
        if begin < stop:
            found.append(_segment(text, begin, stop, marks.element, line))
        line += text.count("\n", begin, stop) + (marks.terminator == "\n")
        position = stop + len(marks.terminator)
    return found


def _segment(text: str, start: int, stop: int, separator: str, line: int) -> Segment:
    raw = text[start:stop]
    parts: list[Span | None] = []
    cursor = start
    for piece in raw.split(separator):
        parts.append(Span.at(text, cursor, cursor + len(piece)))
        cursor += len(piece) + len(separator)
    tag = parts[0].value if parts[0] is not None else ""
    return Segment(tag, tuple(parts[1:]), line, raw)


def is_segment(segment: Segment) -> bool:
    """Whether the segment has a tag the standard can have (two or three capitals and digits)."""
    return _TAG.fullmatch(segment.tag) is not None


class TransactionReader:
    """A transaction set read segment by segment: each is `take`n in order, then `finish` builds
    the extraction tree. Subclasses keep what the segments so far have stated."""

    def read(self, body: list[Segment]) -> dict[str, Any]:
        for segment in body:
            self.take(segment)
        return self.finish()

    def take(self, segment: Segment) -> None:
        raise NotImplementedError

    def finish(self) -> dict[str, Any]:
        raise NotImplementedError
