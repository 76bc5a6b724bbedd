"""X12 404 (Rail Carload Shipment Information): a rail consignment note.

Its body is the 310's (N9 references, N1 loops, N7 equipment, LX lines with L0/L5/H1, L3
totals), read by the 310's reader; what differs is the header and the places. BX gives the
method of payment (BX03) and the shipment identification (BX04, the number where no N9 BM
states one); the origin station F9 (F902 city, F903 state) is where the goods are taken
over, `port_of_loading` by the contract's rule for road and rail, and the destination
station D9 the `place_of_delivery`; a rail note has no port of discharge.
"""

from __future__ import annotations

from service.readers.reading import place
from service.readers.spans import join
from service.readers.x12_310 import Reader310
from service.readers.x12_segments import Segment


class Reader404(Reader310):
    waybill = "rail_consignment_note"

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.tree.update(document_type="rail_consignment_note", transport_mode="rail")

    def take(self, segment: Segment) -> None:
        if segment.tag == "BX":
            self.payment = segment.span(3)
            self.tree["document_number"] = segment.span(4)
        elif segment.tag in ("F9", "D9"):
            key = "port_of_loading" if segment.tag == "F9" else "place_of_delivery"
            self.tree[key] = place(join([segment.span(2), segment.span(3)]), None)
        elif segment.tag != "R4":  # rail stations are F9/D9; the 310's ports do not apply
            super().take(segment)
