"""The CMR road consignment note with its numbered boxes 1-24, bilingual captions.

Boxes 1-5 (sender, consignee, place of delivery, place and date of taking over, documents
attached) stand left of the carrier boxes 16-19; boxes 6-12 are the goods area; 13-15 and
20-24 close the form with instructions, payment, the place and date it was made out and
signatures. Road notes have no port of discharge, notify party or voyage: "place of
taking over" is the port of loading, and "goods received" carries the arrival date.
"""

from __future__ import annotations

import random

from service.data.families import LayoutFamily
from service.data.families._columns import side_by_side
from service.data.families._fieldtext import place_text
from service.data.families._forms import Boxes, convention, goods_block, totals_line
from service.data.noise import page_header, rule_line
from service.data.shipment import Shipment

_NUMBERS: dict[str, int | str] = {
    "marks": 6,
    "quantity": 7,
    "package": 8,
    "description": 9,
    "hs": 10,
    "weight": 11,
    "volume": 12,
}
_ATTACHED = ("Invoice {n}", "Rechnung {n}", "Packing list", "Lieferschein {n}", "EX-A {n}", "T1 {n}", "CoO")


def render(shipment: Shipment, rng: random.Random) -> str:
    shipment.drop("port_of_discharge", "notify_party", "voyage", "place_of_receipt")
    boxes = Boxes.for_shipment(shipment, rng)
    width = rng.choice((46, 52, 58))
    rule = rule_line(width * 2 + 4, rng, broken=rng.random() < 0.2)
    out = [page_header(rng)] if rng.random() < 0.3 else []
    number = shipment.document_number or ""
    out.append(f"{shipment.title.center(width * 2)}   {boxes.title('', 'consignment_note_number')} {number}")
    if rng.random() < 0.7:
        out += [convention(shipment, rng, width * 2), rule]
    out += side_by_side(_left(shipment, boxes, rng), _right(shipment, boxes), width)
    out += [rule, *goods_block(shipment, boxes, _NUMBERS)]
    totals = totals_line(shipment, boxes)
    if totals:
        out.append(totals)
    out += [rule, *_closing(shipment, boxes, rng)]
    return "\n".join(out) + "\n"


def _left(shipment: Shipment, boxes: Boxes, rng: random.Random) -> list[list[str]]:
    taking_over = " ".join(
        text
        for text in (
            place_text(shipment.port_of_loading, rng) if shipment.port_of_loading else "",
            shipment.departure_date.printed if shipment.departure_date else "",
        )
        if text
    )
    delivery = place_text(shipment.place_of_delivery, rng) if shipment.place_of_delivery else None
    attached = ", ".join(
        d.format(n=rng.randrange(10**4, 10**6)) for d in rng.sample(_ATTACHED, rng.randint(0, 3))
    )
    return [
        *boxes.party(1, "shipper", shipment.shipper),
        *boxes.party(2, "consignee", shipment.consignee),
        *boxes.line(3, "place_of_delivery", delivery),
        *boxes.line(4, "place_of_taking_over", taking_over),
        *boxes.line(5, "documents_attached", attached),
    ]


def _right(shipment: Shipment, boxes: Boxes) -> list[str]:
    """Carrier boxes 16-19: one-line entries that can stand beside the left boxes."""
    lines = [boxes.title(16, "land_carrier")]
    if shipment.carrier:
        lines.append(shipment.carrier)
    if shipment.vessel_or_flight:
        lines.append(f"{boxes.title('', 'truck')}: {shipment.vessel_or_flight}")
    lines += [boxes.title(17, "successive_carriers"), boxes.title(18, "carrier_reservations")]
    lines.append(boxes.title(19, "special_agreements"))
    if shipment.incoterm:
        lines.append(shipment.incoterm.printed)
    return lines


def _closing(shipment: Shipment, boxes: Boxes, rng: random.Random) -> list[str]:
    """Boxes 13-15 and 20-24: instructions (remarks, containers), payment, issue, receipt."""
    lines = [boxes.title(13, "sender_instructions"), *shipment.remarks]
    for container in shipment.containers:
        size = f" {container.size.printed}" if container.size else ""
        seal = f" / {container.seal}" if container.seal else ""
        lines.append(f"{container.number_printed}{seal}{size}")
    payment = boxes.title(14, "payment_instructions")
    lines.append(f"{payment}: {shipment.freight_terms.printed}" if shipment.freight_terms else payment)
    lines.append(boxes.title(15, "cash_on_delivery"))
    if rng.random() < 0.5:  # freight charges: an amount, not a field
        amount = rng.randrange(300, 4000)
        charge = f"{amount},00 EUR" if shipment.style.decimal_comma else f"EUR {amount}.00"
        lines.append(f"{boxes.title(20, 'to_be_paid_by')}: {charge}")
    place = shipment.issue_place or ""
    issued = shipment.issue_date.printed if shipment.issue_date else ""
    lines.append(f"{boxes.title(21, 'established_in')} {place} {issued}".rstrip())
    lines += [boxes.title(22, "signature_sender"), boxes.title(23, "signature_carrier")]
    received = shipment.arrival_date.printed if shipment.arrival_date else ""
    lines.append(f"{boxes.title(24, 'goods_received')} {received}".rstrip())
    return lines


FAMILY = LayoutFamily("cmr_boxes", ("road_consignment_note",), render)
