"""UN/EDIFACT transport messages (IFTMIN, IFTMCS, IFCSUM, CUSCAR) read by their qualifiers.

BGM (document code -> document type, number), DTM by qualifier (137 issue; 133/136/186
departure; 132/178 arrival; formats 102, 203, 204 and 101), RFF (BM, AAM, MB, BH numbers
where BGM has none), TDT (main carriage: conveyance reference, mode, carrier, vessel), LOC
by qualifier (9 loading, 11 discharge, 7 delivery; 5, 12 and 8 where those are absent),
NAD by qualifier (CZ/SH shipper, CN consignee, NI/N1 notify party, CA carrier; the
address is the street, city, subdivision and postcode, the country its 3207 code or the
country the address names), TOD
(payment method, Incoterm), CNT totals (7 weight, 11 packages, 15 volume), per GID goods
line FTX AAA, PIA (HS), MEA (G/AAB weight, AAW/ABJ volume), PCI marks and DGS, and EQD/SEL
equipment. A party, place or term several consignments state differently is not the
document's (the contract's rule for manifests); decimals follow the UNA decimal mark.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from service.readers import goods
from service.readers.address import trailing_country
from service.readers.detect import Detected
from service.readers.edifact_segments import Segment, is_segment, segments, syntax
from service.readers.reading import (
    Item,
    NotReadable,
    Reading,
    agreed,
    blank,
    container,
    measure,
    party,
    place,
)
from service.readers.spans import Span, finish, join

MESSAGES = {"IFTMIN": "bill_of_lading", "IFTMCS": "bill_of_lading", "IFCSUM": "cargo_manifest",
            "CUSCAR": "cargo_manifest"}  # fmt: skip
_DOCUMENTS = {
    **dict.fromkeys(("704", "705", "706", "707", "709", "711", "714", "716", "761", "766"), "bill_of_lading"),
    **dict.fromkeys(("700", "710", "712"), "sea_waybill"),
    **dict.fromkeys(("740", "741", "743"), "air_waybill"),
    "720": "rail_consignment_note",
    "730": "road_consignment_note",
    **dict.fromkeys(("85", "785", "786", "788"), "cargo_manifest"),
    "781": "arrival_notice",
}
_MODES = {"1": "sea", "2": "rail", "3": "road", "4": "air", "8": "sea"}  # 8067 mode of transport
_DOCUMENT_MODES = {"air_waybill": "air", "road_consignment_note": "road", "rail_consignment_note": "rail"}
_DATES = {"137": "issue_date", "133": "departure_date", "136": "departure_date", "186": "departure_date",
          "132": "arrival_date", "178": "arrival_date"}  # fmt: skip
_PLACES = {"9": "port_of_loading", "11": "port_of_discharge", "7": "place_of_delivery"}
_PLACES_ELSE = {"5": "port_of_loading", "12": "port_of_discharge", "8": "place_of_delivery"}
_PARTIES = {"CZ": "shipper", "SH": "shipper", "CN": "consignee", "NI": "notify_party", "N1": "notify_party"}
_NUMBERS = frozenset(("BM", "AAM", "MB", "BH"))
_WEIGHTS = frozenset(("G", "AAB"))
_VOLUMES = frozenset(("AAW", "ABJ"))
_UNLOCODE = re.compile(r"[A-Z]{2}[A-Z2-9]{3}")
_VERSION = re.compile(r"\d{2}[ABC]")


class _Reader:
    def __init__(self, text: str, decimal: str) -> None:
        self.text = text
        self.tree = blank("bill_of_lading", "sea")
        self.tree["decimal_mark"] = "comma" if decimal == "," else "point"
        self.unparsed: list[str] = []
        self.stated: dict[str, list[Any]] = defaultdict(list)  # party/place/term -> what each says
        self.reference: Span | None = None
        self.items: list[Item] = []
        self.descriptions: list[list[Span]] = []
        self.in_equipment = False

    def take(self, segment: Segment) -> None:
        handler = getattr(
            self, f"_{segment.tag.lower()}", None
        )  # one method per segment tag: _bgm, _loc, ...
        if handler is not None:
            handler(segment)

    def _bgm(self, segment: Segment) -> None:
        code = segment.value(1)
        if code in _DOCUMENTS:
            self.tree["document_type"] = _DOCUMENTS[code]
        self.tree["document_number"] = segment.span(2)

    def _dtm(self, segment: Segment) -> None:
        key = _DATES.get(segment.value(1))
        date = segment.span(1, 2)
        if key is None or date is None:
            return
        if segment.value(1, 3) in ("203", "204") and len(date.value) >= 8:
            start = date.pieces[0][0]
            date = Span(date.value[:8], ((start, start + 8),))
        self.tree[key] = self.tree[key] or date

    def _rff(self, segment: Segment) -> None:
        if segment.value(1) in _NUMBERS:
            self.reference = self.reference or segment.span(1, 2)

    def _tdt(self, segment: Segment) -> None:
        if "tdt" in self.stated and segment.value(1) != "20":
            return  # the main carriage (20) or else the first stage
        self.stated["tdt"] = [segment]
        mode = _MODES.get(segment.value(3))
        if mode is not None:
            self.tree["transport_mode"] = mode
        if mode == "air":
            self.tree["vessel_or_flight"], self.tree["voyage"] = segment.span(2), None
        else:
            self.tree["vessel_or_flight"], self.tree["voyage"] = segment.span(8, 4), segment.span(2)
        self.tree["carrier"] = segment.span(5, 4)

    def _loc(self, segment: Segment) -> None:
        qualifier = segment.value(1)
        key = _PLACES.get(qualifier) or _PLACES_ELSE.get(qualifier)
        if key is None:
            return
        code = segment.span(2)
        unlocode = code if code is not None and _UNLOCODE.fullmatch(code.value) else None
        found = place(segment.span(2, 4) or unlocode, unlocode)
        self.stated[key if qualifier in _PLACES else f"{key}?"].append(found)

    def _nad(self, segment: Segment) -> None:
        qualifier = segment.value(1)
        if qualifier == "CA":
            self.stated["carrier"].append(segment.span(4) or segment.span(3))
            return
        if qualifier not in _PARTIES:
            return
        structured = segment.components(4)
        if structured:
            name, country = join(structured), segment.span(9)
            lines = [*segment.components(5), *(found for i in (6, 7, 8) if (found := segment.span(i)))]
        else:
            unstructured = segment.components(3)
            name, country, lines = (unstructured[0] if unstructured else None), None, unstructured[1:]
        if country is None and lines:
            country = trailing_country(self.text, lines[-1])
        self.stated[_PARTIES[qualifier]].append(party(name, join(lines), country))

    def _tod(self, segment: Segment) -> None:
        self.stated["freight_terms"].append(segment.span(2))
        self.stated["incoterm"].append(segment.span(3) or segment.span(3, 4))

    def _cnt(self, segment: Segment) -> None:
        qualifier, value, unit = segment.value(1), segment.span(1, 2), segment.span(1, 3)
        if qualifier == "7":
            self.tree["total_gross_weight"] = measure(value, unit)
        elif qualifier == "11":
            self.tree["total_packages"] = value
        elif qualifier == "15":
            self.tree["total_volume"] = measure(value, unit)

    def _gid(self, segment: Segment) -> None:
        self.in_equipment = False
        item = Item(quantity=segment.span(2), package_type=segment.span(2, 2) or segment.span(2, 5))
        self.items.append(item)
        self.descriptions.append([])

    def _ftx(self, segment: Segment) -> None:
        if segment.value(1) == "AAA" and self.items and not self.in_equipment:
            self.descriptions[-1].extend(segment.components(4))

    def _pia(self, segment: Segment) -> None:
        if self.items and segment.value(2, 2) in ("HS", "HTS"):
            self.items[-1].hs_code = self.items[-1].hs_code or segment.span(2)

    def _mea(self, segment: Segment) -> None:
        if not self.items or self.in_equipment:
            return
        found = measure(segment.span(3, 2), segment.span(3, 1))
        if segment.value(2) in _WEIGHTS:
            self.items[-1].gross_weight = self.items[-1].gross_weight or found
        elif segment.value(2) in _VOLUMES:
            self.items[-1].volume = self.items[-1].volume or found

    def _pci(self, segment: Segment) -> None:
        if self.items and not self.in_equipment:
            self.items[-1].marks = self.items[-1].marks or join(segment.components(2))

    def _dgs(self, segment: Segment) -> None:
        if self.items and not self.in_equipment:
            self.items[-1].hazard_class = segment.span(2)
            self.items[-1].un_number = segment.span(3)

    def _eqd(self, segment: Segment) -> None:
        self.in_equipment = True
        number = segment.span(2)
        if number is None:
            self.unparsed.append(f"{segment.where()}: no equipment number: {segment.raw[:60]!r}")
            return
        self.tree["containers"].append(container(number, None, segment.span(3)))

    def _sel(self, segment: Segment) -> None:
        if self.in_equipment and self.tree["containers"]:
            last = self.tree["containers"][-1]
            last["seal"] = last["seal"] or segment.span(1)

    def finish(self) -> dict[str, Any]:
        tree = self.tree
        tree["document_number"] = tree["document_number"] or self.reference
        if "tdt" not in self.stated or self.stated["tdt"][0].value(3) not in _MODES:
            tree["transport_mode"] = _DOCUMENT_MODES.get(tree["document_type"], "sea")
        for key in ("shipper", "consignee", "notify_party", "freight_terms", "incoterm"):
            tree[key] = agreed(self.stated[key])
        if tree["carrier"] is None:
            tree["carrier"] = agreed(self.stated["carrier"])
        for key in ("port_of_loading", "port_of_discharge", "place_of_delivery"):
            tree[key] = agreed(self.stated[key]) if self.stated[key] else agreed(self.stated[f"{key}?"])
        for item, lines in zip(self.items, self.descriptions, strict=True):
            item.description = goods.goods_phrase(self.text, lines)
            if item.description is not None:
                tree["items"].append(item.tree())
        return tree


def read(text: str, found: Detected) -> Reading:
    """The extraction of the EDIFACT interchange or message at text[found.start:found.end]."""
    marks, start = syntax(text, found.start)
    body = segments(text, start, found.end, marks)
    header = next((segment for segment in body if segment.tag == "UNH"), None)
    if header is None:
        raise NotReadable("EDIFACT: no message header (UNH); is the segment terminator the one UNA declares?")
    kind, version, release = header.value(2), header.value(2, 2), header.value(2, 3)
    if kind not in MESSAGES:
        raise NotReadable(f"EDIFACT: message type {kind!r} has no reader (IFTMIN, IFTMCS, IFCSUM, CUSCAR do)")
    if version != "D" or not _VERSION.fullmatch(release):
        raise NotReadable(f"EDIFACT: version {version}:{release} (UNH) is not one this reader knows")
    reader = _Reader(text, marks.decimal)
    reader.tree["document_type"] = MESSAGES[kind]
    opening = body.index(header)
    closing = next((i for i in range(opening + 1, len(body)) if body[i].tag == "UNT"), None)
    unparsed = []
    for segment in body[opening + 1 : closing]:
        if is_segment(segment):
            reader.take(segment)
        else:
            unparsed.append(f"line {segment.line}: not a segment: {segment.raw[:60]!r}")
    if closing is None:
        last = body[-1]
        unparsed.append(f"UNT missing: the message stops after {last.where()}: {last.raw[:60]!r}")
    extraction, offsets = finish(reader.finish())
    return Reading("edifact", extraction, offsets, reader.unparsed + unparsed)
