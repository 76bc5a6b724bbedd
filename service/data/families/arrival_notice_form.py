"""A carrier's arrival notice form: parties beside routing, containers, goods, charges.

The carrier's letterhead and the notice number; shipper, consignee and notify boxes
left of the voyage facts (vessel, ports, ETD and ETA); an equipment table with free time;
the goods table with a totals row; a charges table (amounts due are not contract fields)
and the date the cargo is available for pick-up (a decoy next to the ETA); remarks,
terms and a footer.
"""

from __future__ import annotations

import datetime as dt
import random

from service.data.captions import caption
from service.data.families import LayoutFamily, _grid
from service.data.families._columns import side_by_side
from service.data.families._fieldtext import SEPARATORS, fitting_caption, party_segments
from service.data.families._grid import BLANKS, PIPES, Row, goods_rows, headers, totals_row
from service.data.families._header import entries
from service.data.formats import format_number, sample_date
from service.data.noise import page_footer, rule_line, terms_paragraph
from service.data.shipment import Shipment

_CHARGES = (
    "Ocean Freight", "Terminal Handling Charge", "Documentation Fee", "Delivery Order Fee",
    "Bunker Adjustment Factor", "ISPS Surcharge", "Container Cleaning", "Customs Clearance",
)  # fmt: skip
_CURRENCIES = ("USD", "EUR", "GBP")


def render(shipment: Shipment, rng: random.Random) -> str:
    style = shipment.style
    sep = rng.choice(SEPARATORS)
    width = rng.choice((44, 50, 56))
    groups = entries(shipment, rng, skip=("shipper", "consignee", "notify_party"))
    out = [f"{(shipment.carrier or '').ljust(width * 2 - len(shipment.title))}{shipment.title}"]
    out += [f"{e.caption}{sep}{e.value}" for e in groups.reference]
    out.append(rule_line(width * 2, rng))
    left: list[list[str]] = []
    roles = (
        ("shipper", shipment.shipper),
        ("consignee", shipment.consignee),
        ("notify_party", shipment.notify_party),
    )
    for key, party in roles:
        if party:
            left += [[fitting_caption(key, shipment, rng)], *party_segments(party, rng)]
    right = [f"{e.caption}{sep}{e.value}" for e in groups.routing + groups.terms]
    out += side_by_side(left, right, width)
    out.append(rule_line(width * 2, rng, broken=rng.random() < 0.2))
    if shipment.containers:
        out += _equipment(shipment, rng)
    out += _goods(shipment, rng)
    out += _charges(shipment, rng)
    if shipment.arrival_date and shipment.arrival_date.value:
        available = shipment.arrival_date.value + dt.timedelta(days=rng.randint(1, 3))
        out.append(f"{caption('availability', style, rng)}{sep}{sample_date(available, style, rng).printed}")
    if shipment.remarks:
        out += [f"{caption('remarks', style, rng)}{sep}", *shipment.remarks]
    if rng.random() < 0.5:
        out += ["", terms_paragraph(style.language, rng, width=width * 2)]
    if rng.random() < 0.5:
        out.append(page_footer(style.language, 1, 1, rng))
    return "\n".join(out) + "\n"


def _equipment(shipment: Shipment, rng: random.Random) -> list[str]:
    keys = ("container", "seal", "size_type", "free_time")
    head = [fitting_caption(key, shipment, rng) for key in keys]
    days = rng.choice((5, 7, 10, 14))
    rows = [
        Row([c.number_printed, c.seal or "", c.size.printed if c.size else "", f"{days} days"])
        for c in shipment.containers
    ]
    return [*_grid.render(head, rows, rng.choice(BLANKS)), ""]


def _goods(shipment: Shipment, rng: random.Random) -> list[str]:
    keys = ["marks", "packages", "description", "weight", "volume"]
    if rng.random() < 0.4:
        keys.insert(3, "hs")
    rows = goods_rows(shipment.items, keys, rng)
    total, leftovers = totals_row(keys, shipment, rng.choice(("TOTAL", "Total", "TOTALS")))
    if total:
        rows.append(total)
    border = rng.choice(PIPES + BLANKS)
    lines = _grid.render(headers(keys, shipment, rng), rows, border, numeric={keys.index("weight")})
    lines += [f"{caption(key, shipment.style, rng)}: {printed}" for key, printed in leftovers]
    return [*lines, ""]


def _charges(shipment: Shipment, rng: random.Random) -> list[str]:
    """Amounts due on arrival: printed like the document's numbers, and no contract field."""
    currency = rng.choice(_CURRENCIES)
    rows = [
        Row([name, currency, format_number(rng.uniform(25, 2500), 2, shipment.style)])
        for name in rng.sample(_CHARGES, rng.randint(0, 4))
    ]
    if not rows:
        return []
    head = [caption("charges", shipment.style, rng), "", ""]
    return [*_grid.render(head, rows, rng.choice(BLANKS), numeric={2}), ""]


FAMILY = LayoutFamily("arrival_notice_form", ("arrival_notice",), render)
