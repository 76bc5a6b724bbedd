"""X12 310 (Freight Receipt and Invoice, ocean): one bill of lading.

Mapped by the 004010 layout: B3 (B302 bill number, B304 method of payment, B306 issue
date), N9 by qualifier (BM bill of lading number), V1 (V102 vessel, V104 voyage), the N1
loops (SH shipper, CN consignee, N1 notify party, CA carrier), R4 ports by function code
with the DTM that follows (L loading + departure date, D discharge + arrival date, E place
of delivery; R403 is the UN/LOCODE when R402 is `UN`), C8/C8C clauses (freight terms when
B304 says mixed), FOB (FOB05 Incoterm when FOB04 is `01`), N7 (equipment, N722 ISO type)
and M7 (seal) before or inside the LX lines, per LX line L0 (weight, volume, lading
quantity and packaging form), L5 (description, commodity code, marks), MAN (marks) and H1
(UN number); L3 gives the totals. N9 `WY` (waybill number) makes the document a sea waybill.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from service.readers import goods
from service.readers import x12_ports as ports
from service.readers.reading import Item, blank, container, measure
from service.readers.spans import Joined, Span, join
from service.readers.x12_parties import PARTY_SEGMENTS, Party, start
from service.readers.x12_segments import Segment, TransactionReader

_PARTIES = {"SH": "shipper", "CN": "consignee", "N1": "notify_party"}
_NUMBERS = frozenset(("BM", "WY"))  # N901: bill of lading number, waybill number
_PAYMENT = frozenset(("PP", "CC"))  # B304: prepaid, collect (MX mixed, and others, say nothing single)
# L504 commodity code qualifiers of tariff numbers: A Schedule B, J/H harmonized; Z (mutually
# defined) only where the code has a tariff number's length.
_TARIFF_QUALIFIERS = frozenset(("A", "H", "J"))
_TARIFF_SHAPE = re.compile(r"\d{6}|\d{8}|\d{10}")
_TERMS = re.compile(r"\b(PREPAID|COLLECT)\b", re.IGNORECASE)


@dataclass(slots=True)
class _Line:
    """One LX loop: its equipment and, when it has an L5, its goods line."""

    containers: list[dict[str, Any]] = field(default_factory=list)
    item: Item = field(default_factory=Item)
    descriptions: list[Span] = field(default_factory=list)


class Reader310(TransactionReader):
    waybill = "sea_waybill"  # what a document numbered as a waybill (N9 WY) is

    def __init__(self, text: str) -> None:
        self.text = text
        self.tree = blank("bill_of_lading", "sea")
        self.unparsed: list[str] = []
        self.bill_number: Span | None = None
        self.payment: Span | None = None
        self.clauses: list[Span] = []
        self.parties: list[Party] = []
        self.lines: list[_Line] = []
        self.header = _Line()  # equipment stated before the first LX
        self.port: str | None = None  # R401 of the last R4, for the DTM after it
        self.lading: Span | None = None  # L311

    def take(self, segment: Segment) -> None:
        tag = segment.tag
        if tag in PARTY_SEGMENTS:
            self._party(segment)
        elif tag == "LX":
            self.lines.append(_Line())
        elif tag in ("N7", "M7", "L0", "L5", "MAN", "H1"):
            self._line(segment, self.lines[-1] if self.lines else self.header)
        elif tag == "B3":
            self.tree["document_number"] = self.tree["document_number"] or segment.span(2)
            self.payment = segment.span(4)
            self.tree["issue_date"] = segment.span(6)
        elif tag == "N9" and segment.value(1) in _NUMBERS:
            self.bill_number = segment.span(2)
            if segment.value(1) == "WY":
                self.tree["document_type"] = self.waybill
        elif tag == "FOB":
            self.payment = self.payment or segment.span(1)
            if segment.value(4) == "01":  # FOB05 is an Incoterms code
                self.tree["incoterm"] = segment.span(5)
        elif tag == "V1":
            self.tree["vessel_or_flight"] = segment.span(2)
            self.tree["voyage"] = segment.span(4)
        elif tag == "R4":
            self.port = ports.read(self.tree, segment)
        elif tag == "DTM" and self.port in ports.PORT_DATES:
            self.tree[ports.PORT_DATES[self.port]] = segment.span(2)
            self.port = None
        elif tag in ("C8", "C8C"):
            clause = segment.span(3 if tag == "C8" else 1)
            if clause is not None:
                self.clauses.append(clause)
        elif tag == "L3":
            self.tree["total_gross_weight"] = measure(segment.span(1), segment.span(12))
            self.tree["total_volume"] = measure(segment.span(9), segment.span(10))
            self.lading = segment.span(11)

    def _party(self, segment: Segment) -> None:
        if segment.tag == "N1":
            self.parties.append(start(segment))
        elif self.parties:
            self.parties[-1].add(segment)

    def _line(self, segment: Segment, line: _Line) -> None:
        item = line.item
        if segment.tag == "N7":
            number = join([segment.span(1), segment.span(2)])
            if number is None or segment.span(2) is None:
                self.unparsed.append(f"{segment.where()}: no equipment number (N702): {segment.raw[:60]!r}")
                return
            line.containers.append(container(number, None, segment.span(22)))
        elif segment.tag == "M7" and line.containers:
            line.containers[-1]["seal"] = line.containers[-1]["seal"] or segment.span(1)
        elif segment.tag == "L0":
            unit = segment.span(11)
            item.gross_weight = measure(segment.span(4), unit)
            item.volume = measure(segment.span(6), segment.span(7))
            if segment.span(8) is not None:
                item.quantity, item.package_type = segment.span(8), segment.span(9)
            elif segment.span(13) is not None:
                item.quantity, item.package_type = segment.span(13), segment.span(14)
        elif segment.tag == "L5":
            if segment.span(2) is not None:
                line.descriptions.append(segment.span(2))  # type: ignore[arg-type]
            code = segment.span(3)
            qualifier = segment.value(4)
            if code is not None and (
                qualifier in _TARIFF_QUALIFIERS or (qualifier == "Z" and _TARIFF_SHAPE.fullmatch(code.value))
            ):
                item.hs_code = item.hs_code or code
            item.marks = item.marks or segment.span(6)
        elif segment.tag == "MAN":
            item.marks = item.marks or segment.span(2)
        elif segment.tag == "H1":
            item.un_number = segment.span(1)
            item.hazard_class = segment.span(2)

    def finish(self) -> dict[str, Any]:
        tree = self.tree
        tree["document_number"] = self.bill_number or tree["document_number"]
        for found in self.parties:
            if found.entity in _PARTIES:
                tree[_PARTIES[found.entity]] = found.tree(self.text)
            elif found.entity == "CA":
                tree["carrier"] = join(found.names)
        tree["freight_terms"] = self._freight_terms()
        tree["total_packages"] = self._total_packages()
        tree["containers"].extend(self.header.containers)
        for line in self.lines:
            tree["containers"].extend(line.containers)
            if line.descriptions:
                line.item.description = goods.goods_phrase(self.text, line.descriptions)
                if line.item.un_number is not None and line.item.hazard_class is None:
                    line.item.hazard_class = goods.hazard_class(self.text, line.descriptions)
                tree["items"].append(line.item.tree())
        return tree

    def _total_packages(self) -> Span | None:
        """L311, when it counts what the lines count (their L0 lading quantities add up to it).

        Carriers also fill L311 with the number of containers; a sum that does not match
        says the total counts something else, and a count of unknown things is no total.
        """
        counts = [line.item.quantity.value for line in self.lines if line.item.quantity is not None]
        if self.lading is None or not counts or not all(c.isdigit() for c in [*counts, self.lading.value]):
            return None
        return self.lading if sum(int(count) for count in counts) == int(self.lading.value) else None

    def _freight_terms(self) -> Span | None:
        """B304 when it says prepaid or collect; else the one term a freight clause states."""
        if self.payment is not None and self.payment.value in _PAYMENT:
            return self.payment
        stated: dict[str, Span] = {}
        for clause in self.clauses:
            if "FREIGHT" not in clause.value.upper():
                continue
            joined = Joined(self.text, [clause])
            for match in _TERMS.finditer(joined.text):
                found = joined.span(match.start(), match.end())
                if found is not None:
                    stated.setdefault(match[1].upper(), found)
        return next(iter(stated.values())) if len(stated) == 1 else None
