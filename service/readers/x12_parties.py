"""The X12 N1 loop (N1 name, N2 more name, N3 street, N4 city/state/postal/country) as a party.

The address is the N3 elements then the N4 elements in their order, empty ones skipped,
each its own piece in the text; the country is N404 (ISO 3166 code), or else the country
name the address ends with. ID codes (N103/N104)
are not part of a postal address, except where the entity is a place (N1*FS, final
destination) and the code is a UN/LOCODE.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from service.readers.address import trailing_country
from service.readers.reading import party, place
from service.readers.spans import Span, join
from service.readers.x12_segments import Segment

_UNLOCODE = re.compile(r"[A-Z]{2}[A-Z2-9]{3}")
PARTY_SEGMENTS = frozenset(("N1", "N2", "N3", "N4"))


@dataclass(slots=True)
class Party:
    entity: str  # N101 entity identifier code: SH shipper, CN consignee, N1 notify, CA carrier, FS ...
    names: list[Span] = field(default_factory=list)
    address: list[Span] = field(default_factory=list)
    country: Span | None = None
    code: Span | None = None  # N104 when N103 names no other code list

    def add(self, segment: Segment) -> None:
        """Take an N2, N3 or N4 segment of this party's loop."""
        if segment.tag == "N2":
            self.names.extend(span for span in segment.elements[:2] if span is not None)
        elif segment.tag == "N3":
            self.address.extend(span for span in segment.elements[:2] if span is not None)
        elif segment.tag == "N4":
            self.address.extend(span for span in segment.elements[:4] if span is not None)
            self.country = segment.span(4)

    def tree(self, text: str) -> dict[str, Any] | None:
        country = self.country or (trailing_country(text, self.address[-1]) if self.address else None)
        return party(join(self.names), join(self.address), country)

    def place(self) -> dict[str, Any] | None:
        """This entity read as a place: its name, and its code where that is a UN/LOCODE."""
        code = self.code if self.code is not None and _UNLOCODE.fullmatch(self.code.value) else None
        return place(join(self.names), code)


def start(segment: Segment) -> Party:
    """A party from its N1 segment."""
    found = Party(segment.value(1))
    name = segment.span(2)
    if name is not None:
        found.names.append(name)
    if segment.value(3) in ("", "UN"):
        found.code = segment.span(4)
    return found
