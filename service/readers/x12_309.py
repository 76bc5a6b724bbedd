"""X12 309 (U.S. Customs Manifest): one cargo manifest of several bills of lading.

Mapped by the 004010 layout: M10 (M1002 mode, M1005 vessel, M1006 voyage, M1007 manifest
sequence number), P4 (P402 arrival date, YYMMDD); per LX bill, M11 (M1104 the bill's
package unit, M1110 place of receipt), the N1 loops (SH, CN, N1 notify, FS final
destination); per VID equipment (VID02+VID03 number, VID04 seal, VID09 ISO type; or N7
with M7 seals) its N10 goods lines (N1001 quantity, N1002 free text continued in N10s that
state nothing else, N1003 marks, N1005 commodity code under qualifier N1004, N1008 weight
in N1007 units) and H1 (UN number; the class from H102 or the line's text); a tariff
number the text labels where N1005 states none. R4 ports are read as in the 310.

The contract reads a manifest of several bills as one document: every container and goods
line, and parties, places and terms only when all bills state the same one; the M11
totals (M1103 quantity, M1105/M1106 weight, M1107/M1108 volume) only when there is one bill.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from service.readers import goods
from service.readers import x12_ports as ports
from service.readers.reading import Item, agreed, blank, container, measure, place
from service.readers.spans import Span, join
from service.readers.x12_parties import PARTY_SEGMENTS, Party, start
from service.readers.x12_segments import Segment, TransactionReader

_PARTIES = {"SH": "shipper", "CN": "consignee", "N1": "notify_party"}
_TARIFF_QUALIFIERS = frozenset(("A", "H", "J"))  # N1004: Schedule B, harmonized codes
# M1002 transportation method (element 91): air, ocean, rail, motor.
_MODES = {"A": "air", "O": "sea", "S": "sea", "R": "rail", "M": "road", "J": "road"}


@dataclass(slots=True)
class _Goods:
    item: Item
    lines: list[Span] = field(default_factory=list)
    marks: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class _Bill:
    m11: Segment | None = None
    parties: list[Party] = field(default_factory=list)

    def element(self, position: int) -> Span | None:
        return self.m11.span(position) if self.m11 is not None else None


class Reader309(TransactionReader):
    def __init__(self, text: str) -> None:
        self.text = text
        self.tree = blank("cargo_manifest", "sea")
        self.unparsed: list[str] = []
        self.bills: list[_Bill] = []
        self.goods: list[_Goods] = []

    def take(self, segment: Segment) -> None:
        tag = segment.tag
        if tag == "M10":
            self.tree["transport_mode"] = _MODES.get(segment.value(2), "sea")
            self.tree["vessel_or_flight"] = segment.span(5)
            self.tree["voyage"] = segment.span(6)
            self.tree["document_number"] = segment.span(7)
        elif tag == "P4":
            self.tree["arrival_date"] = segment.span(2)
        elif tag == "R4":
            ports.read(self.tree, segment)
        elif tag == "LX":
            self.bills.append(_Bill())
        elif tag == "M11" and self.bills:
            self.bills[-1].m11 = segment
        elif tag in PARTY_SEGMENTS and self.bills:
            parties = self.bills[-1].parties
            if tag == "N1":
                parties.append(start(segment))
            elif parties:
                parties[-1].add(segment)
        elif tag == "VID":
            self._equipment(segment, segment.span(2), segment.span(3), segment.span(4), segment.span(9))
        elif tag == "N7":
            self._equipment(segment, segment.span(1), segment.span(2), None, segment.span(22))
        elif tag == "M7" and self.tree["containers"]:
            last = self.tree["containers"][-1]
            last["seal"] = last["seal"] or segment.span(1)
        elif tag == "N10":
            self._goods(segment)
        elif tag == "H1" and self.goods:
            self.goods[-1].item.un_number = segment.span(1)
            self.goods[-1].item.hazard_class = segment.span(2)

    def _equipment(
        self,
        segment: Segment,
        initial: Span | None,
        digits: Span | None,
        seal: Span | None,
        kind: Span | None,
    ) -> None:
        number = join([initial, digits])
        if digits is None or number is None:
            self.unparsed.append(f"{segment.where()}: no equipment number: {segment.raw[:60]!r}")
            return
        self.tree["containers"].append(container(number, seal, kind))

    def _goods(self, segment: Segment) -> None:
        # A goods line states a quantity, a commodity code or a weight; a continuation only text.
        new = any(segment.span(position) is not None for position in (1, 4, 5, 6, 7, 8))
        if not new and not self.goods:
            self.unparsed.append(f"{segment.where()}: continues no goods line: {segment.raw[:60]!r}")
            return
        if new:
            item = Item(quantity=segment.span(1), gross_weight=measure(segment.span(8), segment.span(7)))
            if segment.value(4) in _TARIFF_QUALIFIERS:
                item.hs_code = segment.span(5)
            if self.bills:
                item.package_type = self.bills[-1].element(4)
            self.goods.append(_Goods(item))
        current = self.goods[-1]
        for into, span in ((current.lines, segment.span(2)), (current.marks, segment.span(3))):
            if span is not None:
                into.append(span)

    def finish(self) -> dict[str, Any]:
        tree = self.tree
        for role in ("SH", "CN", "N1"):
            tree[_PARTIES[role]] = agreed(
                [self._party(bill, role, lambda found: found.tree(self.text)) for bill in self.bills]
            )
        if tree["place_of_delivery"] is None:
            tree["place_of_delivery"] = agreed([self._party(bill, "FS", Party.place) for bill in self.bills])
        if tree["port_of_loading"] is None:
            tree["port_of_loading"] = agreed([place(bill.element(10), None) for bill in self.bills])
        if len(self.bills) == 1:  # one bill: its M11 totals are the document's
            bill = self.bills[0]
            tree["total_packages"] = bill.element(3)
            tree["total_gross_weight"] = measure(bill.element(5), bill.element(6))
            tree["total_volume"] = measure(bill.element(7), bill.element(8))
        for found in self.goods:
            item = found.item
            item.description = goods.goods_phrase(self.text, found.lines)
            item.marks = join(found.marks)
            if item.un_number is not None and item.hazard_class is None:
                item.hazard_class = goods.hazard_class(self.text, found.lines)
            if item.hs_code is None:
                item.hs_code = goods.tariff_number(self.text, found.lines)
            if item.description is not None:
                tree["items"].append(item.tree())
        return tree

    @staticmethod
    def _party(
        bill: _Bill, role: str, read: Callable[[Party], dict[str, Any] | None]
    ) -> dict[str, Any] | None:
        found = next((entry for entry in bill.parties if entry.entity == role), None)
        return read(found) if found is not None else None
