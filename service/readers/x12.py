"""ANSI X12: the interchange envelope, and the transaction sets the contract's fields live in.

The envelope (ISA/GS) is checked for what decides whether we can read at all: a version
of the 003xxx-008xxx releases (the segments read here keep their layout across them) and
a transaction set with a reader (309 customs manifest, 310 ocean freight receipt, 404 rail
carload shipment, 856 ship notice). A
message without ST is not readable; a message that stops before its SE, or has segments
that do not read, is read as far as it goes and those segments are named.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from service.readers.detect import Detected
from service.readers.reading import NotReadable, Reading
from service.readers.spans import finish
from service.readers.x12_309 import Reader309
from service.readers.x12_310 import Reader310
from service.readers.x12_404 import Reader404
from service.readers.x12_856 import Reader856
from service.readers.x12_segments import Delimiters, Segment, delimiters, is_segment, segments

_VERSION = re.compile(r"00[3-8]\d{2,3}")


class _TransactionReader(Protocol):
    unparsed: list[str]

    def read(self, body: list[Segment]) -> dict[str, Any]: ...


_READERS: dict[str, Callable[[str], _TransactionReader]] = {
    "309": Reader309,
    "310": Reader310,
    "404": Reader404,
    "856": Reader856,
}


def _version(found: list[Segment]) -> None:
    for segment in found:
        if segment.tag == "GS":
            version = segment.value(8)
            if not _VERSION.fullmatch(version):
                raise NotReadable(f"X12: version {version!r} (GS08) is not one this reader knows")
            return
        if segment.tag == "ST":
            return


def _terminated(found: list[Segment], marks: Delimiters) -> None:
    """Segments that run into the next line's segment: the declared terminator does not end them."""
    running = re.compile(rf"\n\s*[A-Z][A-Z0-9]{{1,2}}{re.escape(marks.element)}")
    for segment in found:
        if running.search(segment.raw):
            raise NotReadable(
                f"X12: {segment.where()} runs into the next line's segment: the segment terminator "
                f"{marks.terminator!r} the ISA header declares does not end the segments"
            )


def read(text: str, message: Detected) -> Reading:
    """The extraction of the X12 message `detect` found (an ISA interchange or a bare ST..SE)."""
    marks = delimiters(text, message.start)
    found = segments(text, message.start, message.end, marks)
    _terminated(found, marks)
    _version(found)
    opening = next((i for i, segment in enumerate(found) if segment.tag == "ST"), None)
    if opening is None:
        raise NotReadable(
            "X12: no transaction set (ST segment); is the segment terminator the one ISA declares?"
        )
    code = found[opening].value(1)
    if code not in _READERS:
        raise NotReadable(f"X12: transaction set {code!r} has no reader (309, 310, 404 and 856 do)")
    reader = _READERS[code](text)
    closing = next((i for i in range(opening + 1, len(found)) if found[i].tag == "SE"), None)
    body = found[opening + 1 : closing if closing is not None else len(found)]
    unparsed = [f"line {s.line}: not a segment: {s.raw[:60]!r}" for s in body if not is_segment(s)]
    tree = reader.read([s for s in body if is_segment(s)])
    unparsed = reader.unparsed + unparsed
    if closing is None:
        last = found[-1]
        unparsed.append(f"SE missing: the message stops after {last.where()}: {last.raw[:60]!r}")
    extraction, offsets = finish(tree)
    return Reading("x12", extraction, offsets, unparsed)
