"""An IATA air waybill, as text extracted from its boxes (like the contract's AWB example).

MAWB number with airline prefix and "Issued by" on top, shipper and consignee boxes with
decoy account numbers, the agent box, airports of departure and destination with their
IATA codes beside the names, flight/date, handling information (DG notes, notify party),
accounting information, the rate table (pieces | gross weight | rate class | chargeable
weight | nature and quantity of goods) with a totals row, and "executed on ... at ...".
An air waybill has no container, ETA or delivery box, so those are dropped.
"""

from __future__ import annotations

import random

from service.data.families import LayoutFamily
from service.data.families._columns import side_by_side
from service.data.families._fieldtext import (
    fitting_caption,
    issue_text,
    party_inline,
    party_segments,
    place_text,
)
from service.data.families._grid import BLANKS, PIPES, Row, render
from service.data.noise import page_header
from service.data.shipment import Item, Shipment

_RATE_CLASSES = ("Q", "N", "C", "M")


def _nature(item: Item, dg_in_row: bool) -> str:
    """Goods phrase first, then packages, volume, HS and (if kept here) the DG note."""
    parts = [item.description]
    if item.package:
        parts.append(
            f"{item.quantity.printed} {item.package.printed}" if item.quantity else item.package.printed
        )
    parts += [text for text in (item.volume.printed if item.volume else None, item.hs_printed) if text]
    if dg_in_row and item.dangerous:
        parts.append(item.dangerous.printed)
    return ", ".join(parts)


def _rate_rows(shipment: Shipment, rng: random.Random, dg_in_row: bool) -> list[Row]:
    rows = []
    for item in shipment.items:
        weight = item.gross_weight
        chargeable = f"{max(1.0, round(weight.value * 2 + 0.5) / 2):.1f}" if weight else ""
        cells = [
            item.quantity.printed if item.quantity else "",
            weight.printed if weight else "",
            rng.choice(_RATE_CLASSES) if weight else "",
            chargeable,
            _nature(item, dg_in_row),
        ]
        under = [["", "", "", "", f"Marks: {item.marks}"]] if item.marks else []
        rows.append(Row(cells, under))
    totals = (shipment.total_packages, shipment.total_gross_weight, shipment.total_volume)
    if any(totals):
        count, weight, volume = totals
        word = "TOTAL" if volume is None else f"TOTAL {volume.printed}"
        rows.append(Row([count.printed if count else "", weight.printed if weight else "", "", "", word]))
    return rows


def _render(shipment: Shipment, rng: random.Random) -> str:
    shipment.drop("containers", "arrival_date", "place_of_delivery", "place_of_receipt")

    def cap(key: str) -> str:
        return fitting_caption(key, shipment, rng)

    width = rng.randint(44, 56)
    number = shipment.document_number
    top = f"{cap('awb_number')} {number}" if number else cap("awb_number")
    lines = [f"{top.ljust(width)}  {shipment.title}", ""] if rng.random() < 0.7 else [shipment.title, top]
    if shipment.carrier:
        code = f" ({shipment.carrier_code})" if shipment.carrier_code else ""
        lines.append(f"{cap('carrier')}: {shipment.carrier}{code}".ljust(width + 16) + "Not negotiable")
    accounts = rng.random() < 0.5
    for key, party in (("shipper", shipment.shipper), ("consignee", shipment.consignee)):
        if party:
            account = [f"Account No. {rng.randint(100000, 999999)}"] if accounts else []
            lines += side_by_side([[cap(key)], *party_segments(party, rng)], account, width)
    if rng.random() < 0.5:
        lines.append(f"Issuing Carrier's Agent: IATA {rng.randint(1000000, 9999999)}")
    places = [
        f"{cap(key)}: {place_text(place, rng)}"
        for key, place in (
            ("airport_of_departure", shipment.port_of_loading),
            ("airport_of_destination", shipment.port_of_discharge),
        )
        if place
    ]
    lines.append((" " * rng.randint(4, 10)).join(places))
    flight = [v for v in (shipment.vessel_or_flight, shipment.voyage) if v]
    if shipment.departure_date:
        flight.append(shipment.departure_date.printed)
    if flight:
        lines.append(f"{cap('flight')}: {' / '.join(flight)}")
    dg_in_row = rng.random() < 0.5
    handling = [item.dangerous.printed for item in shipment.items if item.dangerous and not dg_in_row]
    if shipment.notify_party:
        handling.append(f"{cap('notify_party')}: {party_inline(shipment.notify_party)}")
    handling += shipment.remarks
    if handling:
        lines.append(f"{cap('handling_information')}: {handling[0]}")
        lines += [f"  {text}" for text in handling[1:]]
    if shipment.incoterm:
        lines.append(f"Accounting Information: {cap('incoterm')} {shipment.incoterm.printed}")
    if shipment.items or shipment.total_gross_weight or shipment.total_packages:
        head = [
            cap("pieces"),
            cap("gross_weight"),
            "Rate Class",
            cap("chargeable_weight"),
            cap("description"),
        ]
        lines += render(head, _rate_rows(shipment, rng, dg_in_row), rng.choice((*PIPES, *BLANKS)), (0, 1, 3))
    bottom = []
    if shipment.freight_terms:
        bottom.append(f"{cap('freight_terms')}: {shipment.freight_terms.printed}")
    issued = issue_text(shipment, rng)
    if issued:
        bottom.insert(0, f"{cap('issue_date')}: {issued}")
    lines.append("      ".join(bottom))
    if rng.random() < 0.5:
        lines.insert(0, page_header(rng))
    return "\n".join(lines) + "\n"


FAMILY = LayoutFamily("awb_boxes", ("air_waybill",), _render)
