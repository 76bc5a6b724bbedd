"""IATA Cargo-IMP air waybill (FWB) and house manifest (FHL) messages.

A Cargo-IMP message is lines of `/`-separated fields: a line opens with its three-letter
element tag (`FLT/LH8402/14`), a line that starts with `/` continues the element above.
FWB: the consignment line (`020-12345675FRAJFK/T2K30.5MC0.25`: AWB number, origin and
destination airports, pieces, weight and its code, volume), FLT (first flight), SHP/CNE/NFY
parties (name, street, place/state, country/postcode; lines with or without their
NAM/ADR/LOC tags), RTD rate lines (P pieces, K/L weight; continuation NG nature of goods,
NC consolidation, NV volume, NH harmonised code), CVD (PP/CC charges), ISU (issue date).
FHL: MBI (the master AWB: the document's number), per HBS house bill a goods line (pieces,
weight, manifest description) with its HTS tariff number and parties, kept for the document
only when every house states the same. Airports are IATA codes, not UN/LOCODEs, so no
place is read from them (the contract drops them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from service.readers.detect import Detected
from service.readers.reading import Item, NotReadable, Reading, agreed, blank, measure, party
from service.readers.spans import Span, finish, join

_CONSIGNMENT = re.compile(
    r"(?P<number>\d{3}-\d{8})(?P<origin>[A-Z]{3})(?P<destination>[A-Z]{3})/[TSPD](?P<pieces>\d+)"
    r"(?P<wcode>[KL])(?P<weight>\d+(?:\.\d+)?)(?:(?P<vcode>MC|CF|CI|DC)(?P<volume>\d+(?:\.\d+)?))?"
)
_MEASURE = re.compile(r"([A-Z]{1,2})(\d+(?:\.\d+)?)")
_PARTY_TAGS = {"SHP": "shipper", "CNE": "consignee", "NFY": "notify_party"}
_PARTY_LINES = ("NAM", "ADR", "LOC")
READABLE = {"FWB": "air_waybill", "FHL": "cargo_manifest"}


@dataclass(slots=True)
class Line:
    tag: str  # the element this line belongs to (a continuation line: its element's tag)
    fields: list[Span | None]  # the fields after the tag (or after the leading `/`)
    number: int
    start: int  # where the line starts in the text
    raw: str
    continued: bool


def lines(text: str, start: int, end: int) -> list[Line]:
    """The message's lines, fields with their offsets; continuation lines carry their element's tag."""
    found: list[Line] = []
    number = text.count("\n", 0, start) + 1
    position = start
    tag = ""
    for raw in text[start:end].split("\n"):
        stripped = raw.rstrip("\r ")
        continued = stripped.startswith("/")
        if stripped:
            fields = _fields(text, position, stripped)
            if not continued:
                tag = fields[0].value if fields[0] is not None else ""
            found.append(Line(tag, fields[1:], number, position, stripped, continued))
        position += len(raw) + 1
        number += 1
    return found


def _fields(text: str, start: int, line: str) -> list[Span | None]:
    parts: list[Span | None] = []
    cursor = start
    for piece in line.split("/"):
        parts.append(Span.at(text, cursor, cursor + len(piece)))
        cursor += len(piece) + 1
    return parts


def _measure(span: Span | None) -> tuple[str, Span] | None:
    """`K30.5` -> ("K", span of "30.5") for a coded measure field."""
    if span is None:
        return None
    match = _MEASURE.fullmatch(span.value)
    if match is None:
        return None
    start = span.pieces[0][0]
    return match[1], Span(match[2], ((start + match.start(2), start + match.end(2)),))


def _code(span: Span, length: int) -> Span:
    """The leading `length` characters of a field (a weight or volume code)."""
    start = span.pieces[0][0]
    return Span(span.value[:length], ((start, start + length),))


@dataclass(slots=True)
class _Party:
    lines: list[list[Span | None]] = field(default_factory=list)
    named: dict[str, list[Span | None]] = field(default_factory=dict)

    def tree(self) -> dict[str, Any] | None:
        """Name, street, place/state and country/postcode, by tag or by position."""
        plain = [fields for fields in self.lines if any(fields)]
        name = self.named.get("NAM") or (plain.pop(0) if plain else [])
        street = self.named.get("ADR") or (plain.pop(0) if plain else [])
        place = self.named.get("LOC") or (plain.pop(0) if plain else [])
        coded = plain.pop(0) if plain else []
        country = coded[0] if coded else None
        postcode = coded[1] if len(coded) > 1 else None
        address = join([*street, *place, postcode, country])
        return party(join(name), address, country)


class _Reader:
    def __init__(self, text: str, kind: str) -> None:
        self.text = text
        self.tree = blank(READABLE[kind], "air")
        self.unparsed: list[str] = []
        self.items: list[Item] = []
        self.parties: dict[str, list[_Party]] = {key: [] for key in _PARTY_TAGS.values()}
        self.houses = 0
        self.party: _Party | None = None

    def take(self, line: Line) -> None:
        if line.tag in _PARTY_TAGS and not line.continued:
            self.party = _Party()
            stated = self.parties[_PARTY_TAGS[line.tag]]
            if self.houses:  # the house's own party, in the place its HBS kept for it
                stated[-1] = self.party
            else:
                stated.append(self.party)
            return
        if (line.tag in _PARTY_TAGS or line.tag in _PARTY_LINES) and self.party is not None:
            if line.continued:
                self.party.lines.append(line.fields)
            else:
                self.party.named[line.tag] = line.fields
            return
        self.party = None
        handler = getattr(self, f"_{line.tag.lower()}", None)  # one method per element tag: _flt, _rtd, ...
        if handler is not None:
            handler(line)

    def consignment(self, line: Line) -> None:
        match = _CONSIGNMENT.match(line.raw)
        if match is None:
            self.unparsed.append(f"line {line.number}: not a consignment detail: {line.raw[:60]!r}")
            return
        start = line.start

        def at(group: str) -> Span | None:
            if match is None or match[group] is None:
                return None
            return Span(match[group], ((start + match.start(group), start + match.end(group)),))

        self.tree["document_number"] = at("number")
        self.tree["total_packages"] = at("pieces")
        self.tree["total_gross_weight"] = measure(at("weight"), at("wcode"))
        self.tree["total_volume"] = measure(at("volume"), at("vcode"))

    def _flt(self, line: Line) -> None:
        if self.tree["vessel_or_flight"] is None and line.fields:
            self.tree["vessel_or_flight"] = line.fields[0]

    def _isu(self, line: Line) -> None:
        if line.fields:
            self.tree["issue_date"] = line.fields[0]

    def _cvd(self, line: Line) -> None:
        terms = [span for span in line.fields if span is not None and span.value in ("PP", "CC")]
        if terms:
            self.tree["freight_terms"] = terms[0]

    def _rtd(self, line: Line) -> None:
        if not line.continued:
            self.items.append(Item())
        if not self.items:
            return
        item = self.items[-1]
        fields = (
            line.fields[1:]
            if line.fields and line.fields[0] and line.fields[0].value.isdigit()
            else line.fields
        )
        if line.continued and fields and fields[0] is not None:
            self._goods_line(item, fields[0].value, fields[1:])
            return
        for span in fields:
            coded = _measure(span)
            if coded is None or span is None:
                continue
            if coded[0] == "P":
                item.quantity = coded[1]
            elif coded[0] in ("K", "L"):
                item.gross_weight = measure(coded[1], _code(span, 1))

    def _goods_line(self, item: Item, code: str, fields: list[Span | None]) -> None:
        values = [span for span in fields if span is not None]
        if code == "NG" or (code == "NC" and item.description is None):
            item.description = join(values)
        elif code == "NH" and values:
            item.hs_code = item.hs_code or values[0]
        elif code == "NV" and values:
            coded = _measure(values[0])
            if coded is not None:
                item.volume = measure(coded[1], _code(values[0], len(coded[0])))

    def _mbi(self, line: Line) -> None:
        match = _CONSIGNMENT.match(line.raw, len("MBI/"))
        if match is None:
            self.unparsed.append(f"line {line.number}: not a master bill: {line.raw[:60]!r}")
            return
        start = line.start + match.start("number")
        self.tree["document_number"] = Span(match["number"], ((start, start + len(match["number"])),))

    def _hbs(self, line: Line) -> None:
        fields = line.fields
        if len(fields) < 4 or fields[0] is None:
            self.unparsed.append(f"line {line.number}: not a house bill: {line.raw[:60]!r}")
            return
        self.houses += 1
        item = Item(quantity=fields[2])
        coded = _measure(fields[3])
        if coded is not None and fields[3] is not None:
            item.gross_weight = measure(coded[1], _code(fields[3], 1))
        item.description = join([span for span in fields[5:6] if span is not None])
        self.items.append(item)
        for stated in self.parties.values():
            stated.append(_Party())  # a house that names no such party disagrees with one that does

    def _hts(self, line: Line) -> None:
        if self.items and line.fields:
            self.items[-1].hs_code = self.items[-1].hs_code or line.fields[0]

    def finish(self) -> dict[str, Any]:
        tree = self.tree
        for key, stated in self.parties.items():
            tree[key] = agreed([found.tree() for found in stated])
        tree["items"] = [item.tree() for item in self.items if item.description is not None]
        return tree


def read(text: str, found: Detected) -> Reading:
    """The extraction of the Cargo-IMP message at text[found.start:found.end]."""
    message = lines(text, found.start, found.end)
    kind, version = (
        message[0].tag,
        message[0].fields[0].value if message[0].fields and message[0].fields[0] else "",
    )
    if kind not in READABLE:
        raise NotReadable(f"Cargo-IMP: {kind} messages have no reader (FWB and FHL do)")
    if not version.isdigit() or not 1 <= int(version) <= 17:
        raise NotReadable(f"Cargo-IMP: {kind} version {version!r} is not one this reader knows")
    reader = _Reader(text, kind)
    for index, line in enumerate(message[1:]):
        if index == 0 and kind == "FWB":
            reader.consignment(line)
        else:
            reader.take(line)
    extraction, offsets = finish(reader.finish())
    return Reading("cargo-imp", extraction, offsets, reader.unparsed)
