"""Is there a machine message in this text, which standard, and where does it stand?

A document may be a message or hold one (an interchange pasted into an e-mail); the
message's range is what its reader reads, the rest is the e-mail around it. Detection
looks only for the standards' own openings, which free text does not print:
- X12: `ISA` and its separator, with the sixteen element separators the fixed ISA header
  has, up to the IEA segment; or a bare `ST*309*...` transaction set up to its SE;
- EDIFACT: `UNA` and its six service characters before UNB/UNH, `UNB+UNOx` or
  `UNH+ref+TYPE:`, up to UNZ (or UNT for a message without its interchange).
- Cargo-IMP: a line that is only `FWB/16`, `FHL/4`, `FFM/8` (the message type and version),
  up to the first line that is no Cargo-IMP line (blank, or prose).
- DCSA: a JSON object holding `transportDocumentReference` or `shippingInstructionsReference`
  (the references DCSA's transport document and shipping instructions carry) at its top level.
When a text holds several, the first one is read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from service.readers.reading import ReaderName

_ISA = re.compile(r"(?<![A-Za-z0-9])ISA([^A-Za-z0-9\s])")
_ST = re.compile(r"(?<![A-Za-z0-9])ST([^A-Za-z0-9\s])\d{3}\1")
_CARGO_IMP = re.compile(r"(?m)^(?:FWB|FHL|FFM|FZB|FHB)/\d{1,2}\r?$")
_CARGO_IMP_LINE = re.compile(r"[A-Z]{3}(?:/.*)?|/.*|\d{3}-\d{8}.*")
_DCSA_KEYS = ("transportDocumentReference", "shippingInstructionsReference")
_DCSA = re.compile(r'"(?:transportDocumentReference|shippingInstructionsReference)"\s*:')
_UNA = re.compile(r"(?<![A-Za-z0-9])UNA(.)(.)(.)(.)(.)(.)\s*UN[BH]\2")
_UNB = re.compile(r"(?<![A-Za-z0-9])UNB([^A-Za-z0-9\s])UNO[A-Z]")
_UNH = re.compile(r"(?<![A-Za-z0-9])UNH([^A-Za-z0-9\s])[^\s]{1,14}?\1[A-Z]{6}[^A-Za-z0-9\s]")


@dataclass(frozen=True, slots=True)
class Detected:
    format: ReaderName
    start: int
    end: int


def _closing(text: str, tag: str, separator: str, start: int) -> int:
    """The end of the `tag` segment that closes the message (its terminator included), else the text's end."""
    sep = re.escape(separator)
    match = re.compile(rf"(?<![A-Za-z0-9]){tag}{sep}[A-Za-z0-9 {sep}]*[^A-Za-z0-9 {sep}]?").search(
        text, start
    )
    return match.end() if match else len(text)


def _x12(text: str) -> Detected | None:
    for match in _ISA.finditer(text):
        separator = match[1]
        header = text[match.start() : match.start() + 130]
        if header.count(separator) >= 16:
            return Detected("x12", match.start(), _closing(text, "IEA", separator, match.end()))
    bare = _ST.search(text)
    if bare is not None:
        return Detected("x12", bare.start(), _closing(text, "SE", bare[1], bare.end()))
    return None


def _edifact(text: str) -> Detected | None:
    una = _UNA.search(text)
    if una is not None:
        return Detected("edifact", una.start(), _closing(text, "UNZ", una[2], una.end()))
    unb = _UNB.search(text)
    if unb is not None:
        return Detected("edifact", unb.start(), _closing(text, "UNZ", unb[1], unb.end()))
    unh = _UNH.search(text)
    if unh is not None:
        return Detected("edifact", unh.start(), _closing(text, "UNT", unh[1], unh.end()))
    return None


def _cargo_imp(text: str) -> Detected | None:
    match = _CARGO_IMP.search(text)
    if match is None:
        return None
    end = match.end()
    for line in re.finditer(r"\n([^\n]*)", text[match.end() :]):
        if not _CARGO_IMP_LINE.fullmatch(line[1].rstrip("\r ")):
            break
        end = match.end() + line.end()
    return Detected("cargo-imp", match.start(), end)


def _dcsa(text: str) -> Detected | None:
    key = _DCSA.search(text)
    if key is None:
        return None
    decoder = json.JSONDecoder()
    start = text.rfind("{", 0, key.start())
    while start != -1:
        try:
            document, end = decoder.raw_decode(text, start)
        except ValueError:
            document = None
        if isinstance(document, dict) and any(name in document for name in _DCSA_KEYS):
            return Detected("dcsa", start, end)
        start = text.rfind("{", 0, start)
    return None


def detect(text: str) -> Detected | None:
    """The first machine message in `text`, or None: the document is for the model."""
    candidates = (_x12(text), _edifact(text), _cargo_imp(text), _dcsa(text))
    found = [message for message in candidates if message is not None]
    return min(found, key=lambda message: message.start) if found else None
