"""A carrier's printed bill of lading / sea waybill, as text extracted from its boxes.

The form has two columns of boxes (shipper | B/L number, consignee | carrier, notify |
vessel and voyage), a row of port boxes, the goods table with container and seal beside
the goods lines, a totals line, the "shipped on board" and place/date of issue boxes and
the carrier's clauses. A B/L has no box for an ETA, so the arrival date is dropped.
"""

from __future__ import annotations

import random

from service.data.families import LayoutFamily
from service.data.families._columns import boxed, side_by_side
from service.data.families._fieldtext import (
    NUMBER_KEY,
    SEPARATORS,
    fitting_caption,
    issue_text,
    party_segments,
    place_text,
)
from service.data.families._grid import BLANKS, PIPES, goods_rows, headers, render, with_containers, wrap_last
from service.data.noise import page_footer, page_header, terms_paragraph
from service.data.shipment import Party, Shipment

_ORIGINALS = ("THREE (3)", "3/3", "ONE (1)", "TWO (2)", "ZERO (0)")


def _party_box(key: str, party: Party | None, shipment: Shipment, rng: random.Random) -> list[list[str]]:
    groups = party_segments(party, rng) if party else []
    return boxed(fitting_caption(key, shipment, rng), groups)


def _right_entries(pairs: list[tuple[str, str | None]], sep: str, stacked: bool) -> list[str]:
    """Right-hand boxes: "caption: value" lines, or caption and value on lines of their own."""
    lines: list[str] = []
    for cap, value in pairs:
        if value is None:
            continue
        lines.extend((cap, value) if stacked else (f"{cap}{sep}{value}",))
    return lines


def _port_rows(shipment: Shipment, rng: random.Random, width: int) -> list[str]:
    """Port boxes in pairs: both captions on one line, both values on the next."""
    boxes = [
        (key, place_text(place, rng))
        for key, place in (
            ("place_of_receipt", shipment.place_of_receipt),
            ("port_of_loading", shipment.port_of_loading),
            ("port_of_discharge", shipment.port_of_discharge),
            ("place_of_delivery", shipment.place_of_delivery),
        )
        if place is not None
    ]
    rows = []
    for start in range(0, len(boxes), 2):
        pair = boxes[start : start + 2]
        captions = [fitting_caption(key, shipment, rng) for key, _ in pair]
        for cells in (captions, [value for _, value in pair]):
            rows.append((cells[0].ljust(width + 2) + (cells[1] if len(cells) > 1 else "")).rstrip())
    return rows


def _goods(shipment: Shipment, rng: random.Random) -> list[str]:
    description_last = rng.random() < 0.5
    keys = ["marks", "packages", "description", "weight", "volume"]
    if description_last:
        keys = ["marks", "packages", "weight", "volume", "description"]
    head = headers(keys, shipment, rng)
    rows = goods_rows(shipment.items, keys, rng)
    if shipment.containers:
        rows = with_containers(rows, shipment.containers, len(keys))
        head.insert(0, fitting_caption("container", shipment, rng))
    border = rng.choice(BLANKS) if description_last or rng.random() < 0.6 else rng.choice(PIPES)
    if description_last and border in BLANKS:
        wrap_last(rows, rng.randint(24, 40))
    numeric = () if description_last else (len(head) - 2, len(head) - 1)
    return render(head, rows, border, numeric)


def _totals(shipment: Shipment, rng: random.Random, sep: str) -> str | None:
    parts = [
        f"{fitting_caption(key, shipment, rng)}{sep}{value.printed}"
        for key, value in (
            ("total_packages", shipment.total_packages),
            ("total_gross_weight", shipment.total_gross_weight),
            ("total_volume", shipment.total_volume),
        )
        if value is not None
    ]
    return (" " * rng.randint(3, 8)).join(parts) if parts else None


def _render(shipment: Shipment, rng: random.Random) -> str:
    shipment.drop("arrival_date")
    sep = rng.choice(SEPARATORS)
    width = rng.randint(38, 50)
    stacked = rng.random() < 0.5
    rule = rng.choice("-=_") * (width + rng.randint(30, 44))

    def cap(key: str) -> str:
        return fitting_caption(key, shipment, rng)

    right_top = _right_entries(
        [
            (
                cap(NUMBER_KEY[shipment.document_type] if rng.random() < 0.7 else "document_number"),
                shipment.document_number,
            )
        ],
        sep,
        stacked,
    )
    right_carrier = _right_entries(
        [(cap("carrier"), shipment.carrier), ("SCAC", shipment.carrier_code)], sep, stacked
    )
    right_vessel = _right_entries(
        [(cap("vessel"), shipment.vessel_or_flight), (cap("voyage"), shipment.voyage)], sep, stacked
    )
    language = shipment.style.language
    lines = [page_header(rng).rjust(len(rule))] if rng.random() < 0.5 else []
    lines.append(shipment.title.center(len(rule)).rstrip())
    if shipment.document_type == "sea_waybill":
        lines.append(
            rng.choice(("NON-NEGOTIABLE", "NOT NEGOTIABLE", "Non Negotiable")).center(len(rule)).rstrip()
        )
    lines.append(rule)
    for key, party, right in (
        ("shipper", shipment.shipper, right_top),
        ("consignee", shipment.consignee, right_carrier),
        ("notify_party", shipment.notify_party, right_vessel),
    ):
        lines.extend(side_by_side(_party_box(key, party, shipment, rng), right, width))
        lines.append(rule)
    lines.extend(_port_rows(shipment, rng, width))
    terms = [
        f"{cap(key)}{sep}{value.printed}"
        for key, value in (("freight_terms", shipment.freight_terms), ("incoterm", shipment.incoterm))
        if value is not None
    ]
    if terms:
        lines.append("      ".join(terms))
    lines.append(rule)
    if shipment.items or shipment.containers:
        lines.extend(_goods(shipment, rng))
        lines.append(rule)
    totals = _totals(shipment, rng, sep)
    if totals:
        lines.append(totals)
    lines.extend(shipment.remarks)
    bottom = [
        (cap("departure_date"), shipment.departure_date.printed if shipment.departure_date else None),
        (cap("issue_date"), issue_text(shipment, rng)),
    ]
    if shipment.document_type == "bill_of_lading":
        bottom.append(("No. of Original B(s)/L", rng.choice(_ORIGINALS)))
    lines.extend(_right_entries(bottom, sep, stacked=False))
    for _ in range(rng.choice((0, 1, 1, 2))):
        lines += ["", terms_paragraph(language, rng, width=len(rule))]
    if rng.random() < 0.5:
        lines += ["", page_footer(language, 1, 1, rng)]
    return "\n".join(lines) + "\n"


FAMILY = LayoutFamily("carrier_bl_boxes", ("bill_of_lading", "sea_waybill"), _render)
