"""A compact non-negotiable sea waybill form with numbered boxes.

Party boxes stacked, the small boxes (vessel, voyage, ports, freight, on-board date) two
or three to a row, "particulars furnished by the shipper" with a line per container and
per goods line, totals, place and date of issue and the non-negotiable clause. The form
has no ETA or delivery-terms box, so the arrival date and incoterm are dropped.
"""

from __future__ import annotations

import random

from service.data.families import LayoutFamily
from service.data.families._fieldtext import NUMBER_KEY, fitting_caption, issue_text, party_lines, place_text
from service.data.families._grid import BLANKS, goods_rows, headers, render, wrap_last
from service.data.noise import page_header, rule_line, terms_paragraph, wrap
from service.data.shipment import Container, Shipment

_NUMBERING = ("({}) ", "{}. ", "[{}] ", "{} - ", "")
_PARTICULARS = (
    "PARTICULARS FURNISHED BY SHIPPER",
    "Particulars furnished by the Shipper - carrier not responsible",
    "PARTICULARS DECLARED BY SHIPPER BUT NOT ACKNOWLEDGED BY THE CARRIER",
)
_CLAUSES = (
    "NON-NEGOTIABLE. Delivery will be made to the Consignee named herein or his authorised agent "
    "without production of this Waybill.",
    "This Sea Waybill is not a document of title. The Carrier will deliver the goods to the "
    "Consignee upon proof of identity.",
)


def _container_line(container: Container, seal_caption: str) -> str:
    parts = [container.number_printed]
    if container.seal:
        parts.append(f"{seal_caption} {container.seal}")
    if container.size:
        parts.append(container.size.printed)
    return "  ".join(parts)


def _render(shipment: Shipment, rng: random.Random) -> str:
    shipment.drop("arrival_date", "incoterm")
    numbering = rng.choice(_NUMBERING)
    counter = iter(range(1, 40))
    width = rng.randint(78, 96)

    def box(key: str) -> str:
        return numbering.format(next(counter)) + fitting_caption(key, shipment, rng)

    lines = [page_header(rng)] if rng.random() < 0.4 else []
    title = shipment.title
    if shipment.document_number:
        caption = fitting_caption(NUMBER_KEY[shipment.document_type], shipment, rng)
        number = f"{caption}: {shipment.document_number}"
        title = f"{title.ljust(width - len(number))}{number}"
    lines.append(title)
    if shipment.carrier:
        code = f" ({shipment.carrier_code})" if shipment.carrier_code else ""
        lines.append(f"{fitting_caption('carrier', shipment, rng)}: {shipment.carrier}{code}")
    lines.append(rule_line(width, rng))
    indent = " " * rng.choice((2, 4, 5))
    for key in ("shipper", "consignee", "notify_party"):
        party = getattr(shipment, key)
        if party is not None:
            lines.append(box(key))
            lines += [indent + line for line in party_lines(party, rng)]
    small = [
        (key, value)
        for key, value in (
            ("vessel", shipment.vessel_or_flight),
            ("voyage", shipment.voyage),
            *[
                (key, place_text(getattr(shipment, key), rng) if getattr(shipment, key) else None)
                for key in ("place_of_receipt", "port_of_loading", "port_of_discharge", "place_of_delivery")
            ],
            ("freight_terms", shipment.freight_terms.printed if shipment.freight_terms else None),
            ("departure_date", shipment.departure_date.printed if shipment.departure_date else None),
        )
        if value is not None
    ]
    per_row = rng.choice((2, 3))
    joiner = rng.choice((" | ", "   ", "  /  "))
    lines.append(rule_line(width, rng))
    for start in range(0, len(small), per_row):
        lines.append(joiner.join(f"{box(key)}: {value}" for key, value in small[start : start + per_row]))
    lines += [rule_line(width, rng), rng.choice(_PARTICULARS)]
    seal_caption = fitting_caption("seal", shipment, rng)
    lines += [_container_line(container, seal_caption) for container in shipment.containers]
    if shipment.items:
        keys = ["marks", "packages", "weight", "volume", "description"]
        rows = goods_rows(shipment.items, keys, rng)
        wrap_last(rows, rng.randint(26, 40))
        lines += render(headers(keys, shipment, rng), rows, rng.choice(BLANKS))
    for key in ("total_packages", "total_gross_weight", "total_volume"):
        value = getattr(shipment, key)
        if value is not None:
            lines.append(f"{fitting_caption(key, shipment, rng)}: {value.printed}")
    lines += shipment.remarks
    lines.append(rule_line(width, rng))
    issued = issue_text(shipment, rng)
    if issued:
        lines.append(f"{box('issue_date')}: {issued}")
    lines += wrap(rng.choice(_CLAUSES), width)
    if rng.random() < 0.4:
        lines.append(terms_paragraph(shipment.style.language, rng, width=width))
    return "\n".join(lines) + "\n"


FAMILY = LayoutFamily("sea_waybill_form", ("sea_waybill",), _render)
