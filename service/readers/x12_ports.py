"""X12 R4 ports by function code, shared by the 309 and the 310.

R401 function: L port of loading, D port of discharge, E place of delivery (R and T,
receipt and transshipment, have no contract field). R404 is the name; R403 the UN/LOCODE
when R402 says `UN` (Schedule D/K codes are no UN/LOCODE). A port printed only as a
UN/LOCODE is named by its code, as the code is all the message prints.
"""

from __future__ import annotations

from typing import Any

from service.readers.reading import place
from service.readers.x12_segments import Segment

PORTS = {"L": "port_of_loading", "D": "port_of_discharge", "E": "place_of_delivery"}
PORT_DATES = {"L": "departure_date", "D": "arrival_date"}  # the DTM after the R4


def read(tree: dict[str, Any], segment: Segment) -> str:
    """Set the place an R4 states; its function code, for the DTM that may follow."""
    function = segment.value(1)
    key = PORTS.get(function)
    if key is not None:
        code = segment.span(3) if segment.value(2) == "UN" else None
        tree[key] = place(segment.span(4) or code, code)
    return function
