"""The CIM rail consignment note (lettre de voiture CIM) with its numbered boxes.

Sender (1), consignee (4), sender's declarations (7), place of delivery (10), taking over
place and date (16) stand left; the consignment's identification (62), the contractual
carrier (56), wagon and train (18), commercial specifications (13), payment (14) and the
place and date it was made out (29) stand right. Goods (21, NHM code 24, mass 25) follow,
then intermodal units (23). Rail notes have no port of discharge, notify party or voyage:
the place of taking over is the port of loading.
"""

from __future__ import annotations

import random

from service.data.families import LayoutFamily
from service.data.families._columns import side_by_side
from service.data.families._fieldtext import place_text
from service.data.families._forms import Boxes, convention, goods_block, totals_line
from service.data.noise import page_footer, rule_line
from service.data.shipment import Shipment

_NUMBERS: dict[str, int | str] = {
    "marks": "21a", "quantity": "21b", "package": "21c", "description": 21,
    "hs": 24, "weight": 25, "volume": 26,
}  # fmt: skip
_HEAD = ("LETTRE DE VOITURE CIM", "CIM", "FRACHTBRIEF CIM", "CONSIGNMENT NOTE CIM")


def render(shipment: Shipment, rng: random.Random) -> str:
    shipment.drop("port_of_discharge", "notify_party", "voyage", "place_of_receipt")
    boxes = Boxes.for_shipment(shipment, rng)
    width = rng.choice((44, 50, 56))
    rule = rule_line(width * 2 + 4, rng, broken=rng.random() < 0.25)
    out = [f"{rng.choice(_HEAD)}   {shipment.title}", rule]
    out += side_by_side(_left(shipment, boxes, rng), _right(shipment, boxes, rng), width)
    out += [rule, *goods_block(shipment, boxes, _NUMBERS)]
    totals = totals_line(shipment, boxes)
    if totals:
        out.append(totals)
    if shipment.containers:
        out.append(boxes.title(23, "container"))
        for container in shipment.containers:
            parts = [
                container.number_printed,
                container.size.printed if container.size else "",
                container.seal or "",
            ]
            out.append("   ".join(p for p in parts if p))
    if shipment.arrival_date:
        out.append(f"{boxes.title(30, 'delivery_date')}: {shipment.arrival_date.printed}")
    out += [rule, boxes.title("", "customs_endorsements")]
    if rng.random() < 0.6:
        out.append(convention(shipment, rng, width * 2))
    if rng.random() < 0.4:
        out.append(page_footer(shipment.style.language, 1, rng.choice((1, 2)), rng))
    return "\n".join(out) + "\n"


def _left(shipment: Shipment, boxes: Boxes, rng: random.Random) -> list[list[str]]:
    loading = place_text(shipment.port_of_loading, rng) if shipment.port_of_loading else ""
    date = shipment.departure_date.printed if shipment.departure_date else ""
    delivery = place_text(shipment.place_of_delivery, rng) if shipment.place_of_delivery else None
    return [
        *boxes.party(1, "shipper", shipment.shipper),
        *boxes.party(4, "consignee", shipment.consignee),
        *boxes.line(7, "sender_instructions", "; ".join(shipment.remarks)),
        *boxes.line(10, "place_of_delivery", delivery),
        *boxes.line(16, "place_of_taking_over", f"{loading} {date}".strip()),
    ]


def _right(shipment: Shipment, boxes: Boxes, rng: random.Random) -> list[str]:
    """One-line boxes beside the parties: identification, carrier, wagon, terms, issue."""
    date = shipment.issue_date.printed if shipment.issue_date else None
    freight = shipment.freight_terms
    wagon = " ".join(
        str(rng.randrange(low, high)) for low, high in ((10, 99), (10, 99), (1000, 9999), (100, 999))
    )
    entries = [
        (boxes.title(62, "consignment_note_number"), shipment.document_number),
        (boxes.title(56, "land_carrier"), shipment.carrier),
        (boxes.title(18, "wagon"), f"{wagon}-{rng.randrange(10)}"),  # a decoy beside the train id
        (boxes.title("", "train"), shipment.vessel_or_flight),
        (boxes.title(13, "incoterm"), shipment.incoterm.printed if shipment.incoterm else None),
        (boxes.title(14, "payment_instructions"), freight.printed if freight else None),
        (boxes.title(29, "established_in"), " ".join(t for t in (shipment.issue_place, date) if t)),
    ]
    return [f"{title}: {value}" if value else title for title, value in entries]


FAMILY = LayoutFamily("cim_boxes", ("rail_consignment_note",), render)
