"""X12 856 (Ship Notice/Manifest): a packing list of one shipment.

Mapped by the 004010 layout: BSN (BSN02 shipment identification, the document's number;
BSN03 its date), REF (BM bill of lading number where BSN has none), DTM by qualifier (011
shipped: departure; 017 estimated delivery: arrival), the shipment's TD1 (TD102 lading
quantity, TD107 weight in TD108 units, TD109 volume in TD110 units: the totals), TD5
(TD504 transportation method, TD505 routing: the carrier as named), TD3 (TD302+TD303
equipment, TD309 seal), FOB (payment), the N1 loops (SF/SH ship from, ST/CN ship to) and
per item HL its SN1 (SN102 units shipped, SN103 their unit), PID (PID05 description), MAN
(marks) and TD1 (weight).
"""

from __future__ import annotations

from typing import Any

from service.readers.reading import Item, blank, container, measure
from service.readers.spans import Span, join
from service.readers.x12_parties import PARTY_SEGMENTS, Party, start
from service.readers.x12_segments import Segment, TransactionReader

_PARTIES = {"SF": "shipper", "SH": "shipper", "ST": "consignee", "CN": "consignee"}
_DATES = {"011": "departure_date", "017": "arrival_date"}
_MODES = {"A": "air", "O": "sea", "S": "sea", "R": "rail", "M": "road", "J": "road", "U": "road"}


class Reader856(TransactionReader):
    def __init__(self, text: str) -> None:
        self.text = text
        self.tree = blank("packing_list", "road")
        self.unparsed: list[str] = []
        self.parties: list[Party] = []
        self.items: list[Item] = []
        self.level = ""  # HL03 of the current hierarchical level: S shipment, O order, P pack, I item
        self.reference: Span | None = None

    def take(self, segment: Segment) -> None:
        tag = segment.tag
        if tag == "HL":
            self.level = segment.value(3)
            if self.level == "I":
                self.items.append(Item())
        elif tag in PARTY_SEGMENTS:
            if tag == "N1":
                self.parties.append(start(segment))
            elif self.parties:
                self.parties[-1].add(segment)
        elif tag == "BSN":
            self.tree["document_number"] = segment.span(2)
            self.tree["issue_date"] = segment.span(3)
        elif tag == "REF" and segment.value(1) == "BM":
            self.reference = segment.span(2)
        elif tag == "DTM" and segment.value(1) in _DATES:
            self.tree[_DATES[segment.value(1)]] = segment.span(2)
        elif tag == "TD1" and self.level == "S":
            self._totals(segment)
        elif tag == "TD5":
            self._routing(segment)
        elif tag == "TD3" and segment.span(3) is not None:
            number = join([segment.span(2), segment.span(3)])
            if number is not None:
                self.tree["containers"].append(container(number, segment.span(9), None))
        elif tag == "FOB":
            self.tree["freight_terms"] = segment.span(1)
        elif self.level == "I" and self.items:
            self._item(segment, self.items[-1])

    def _totals(self, segment: Segment) -> None:
        self.tree["total_packages"] = segment.span(2)
        self.tree["total_gross_weight"] = measure(segment.span(7), segment.span(8))
        self.tree["total_volume"] = measure(segment.span(9), segment.span(10))

    def _routing(self, segment: Segment) -> None:
        mode = _MODES.get(segment.value(4))
        if mode is not None:
            self.tree["transport_mode"] = mode
        self.tree["carrier"] = self.tree["carrier"] or segment.span(5)

    def _item(self, segment: Segment, item: Item) -> None:
        if segment.tag == "SN1":
            item.quantity, item.package_type = segment.span(2), segment.span(3)
        elif segment.tag == "PID":
            item.description = join([item.description, segment.span(5)])
        elif segment.tag == "MAN":
            item.marks = item.marks or segment.span(2)
        elif segment.tag == "TD1":
            item.gross_weight = measure(segment.span(7), segment.span(8))

    def finish(self) -> dict[str, Any]:
        tree = self.tree
        tree["document_number"] = tree["document_number"] or self.reference
        for found in self.parties:
            key = _PARTIES.get(found.entity)
            if key is not None and tree[key] is None:
                tree[key] = found.tree(self.text)
        tree["items"] = [item.tree() for item in self.items if item.description is not None]
        return tree
