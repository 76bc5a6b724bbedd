"""A commercial packing list form: seller and buyer, shipment facts, a carton table.

The seller (the shipper) heads the form or fills a "Seller" box beside the buyer (the
consignee); invoice number, net weights and carton dimensions are decoys that carry no
label (net weight stands beside gross weight on purpose: only gross is the contract's).
Carton ranges are the marks. Totals close the table where the list states them.
"""

from __future__ import annotations

import random

from service.data.captions import caption
from service.data.families import LayoutFamily, _grid
from service.data.families._columns import side_by_side
from service.data.families._fieldtext import SEPARATORS, fitting_caption, party_lines, party_segments
from service.data.families._grid import BLANKS, PIPES, Row, item_cell
from service.data.families._header import entries
from service.data.formats import format_number
from service.data.noise import page_footer, rule_line
from service.data.shipment import Item, Shipment, Weight

_UNIT_WORDS = {"kg": "KGS", "lb": "LBS", "t": "MT"}
_CERTIFY = (
    "We hereby certify that the above goods are packed as stated.",
    "E. & O.E.",
    "Packed in seaworthy export packing.",
    "Errors and omissions excepted.",
)


def render(shipment: Shipment, rng: random.Random) -> str:
    style = shipment.style
    sep = rng.choice(SEPARATORS)
    width = rng.choice((44, 50, 56))
    groups = entries(shipment, rng, skip=("shipper", "consignee", "notify_party"))
    letterhead = shipment.shipper is not None and shipment.shipper.placeholder is None and rng.random() < 0.4
    out = []
    if letterhead and shipment.shipper:
        out += party_lines(shipment.shipper, rng, one_line_share=0.3)
    out.append(shipment.title.upper().center(width * 2))
    out += [f"{e.caption}{sep}{e.value}" for e in groups.reference]
    out.append(f"{caption('invoice_number', style, rng)}{sep}INV-{rng.randrange(10**5, 10**7)}")
    out.append(rule_line(width * 2, rng))
    left: list[list[str]] = []
    if shipment.shipper and not letterhead:
        left += [[caption("seller", style, rng)], *party_segments(shipment.shipper, rng)]
    for key, party in (("buyer", shipment.consignee), ("notify_party", shipment.notify_party)):
        if party:
            left += [[caption(key, style, rng)], *party_segments(party, rng)]
    right = [f"{e.caption}{sep}{e.value}" for e in groups.routing + groups.terms]
    out += side_by_side(left, right, width)
    out += ["", *_table(shipment, rng)]
    for container in shipment.containers:
        parts = [container.number_printed, container.seal, container.size.printed if container.size else None]
        out.append(f"{fitting_caption('container', shipment, rng)}{sep}" + "  ".join(p for p in parts if p))
    if shipment.remarks:
        out += ["", *shipment.remarks]
    out += ["", rng.choice(_CERTIFY)]
    if rng.random() < 0.4:
        out.append(page_footer(style.language, 1, 1, rng))
    return "\n".join(out) + "\n"


def _net(weight: Weight | None, shipment: Shipment, rng: random.Random) -> tuple[float, str]:
    """A net weight a little under the gross, in the same unit and number style (a decoy)."""
    if weight is None:
        return 0.0, ""
    net = round(weight.value * rng.uniform(0.86, 0.97), 2)
    return net, f"{format_number(net, 2, shipment.style)} {_unit_word(weight)}"


def _unit_word(weight: Weight) -> str:
    word = _UNIT_WORDS[weight.unit]
    return word.lower() if weight.printed.islower() else word


def _table(shipment: Shipment, rng: random.Random) -> list[str]:
    keys = ["marks", "description", "quantity", "package", "net", "weight", "dims", "volume"]
    decoys = {"net": "net_weight", "dims": "dimensions"}
    head = [
        caption(decoys[key], shipment.style, rng) if key in decoys else _grid.headers([key], shipment, rng)[0]
        for key in keys
    ]
    rows = []
    net_total = 0.0
    for item in shipment.items:
        net, net_text = _net(item.gross_weight, shipment, rng)
        net_total += net
        dims = f"{rng.randrange(30, 121)}x{rng.randrange(20, 101)}x{rng.randrange(15, 111)} cm"
        cells = [
            net_text if key == "net" else dims if key == "dims" else item_cell(item, key) for key in keys
        ]
        under = [["", note, *[""] * 6] for note in _notes(item)]
        rows.append(Row(cells, under))
    totals = Row([""] * len(keys))
    stated = (
        ("quantity", shipment.total_packages),
        ("weight", shipment.total_gross_weight),
        ("volume", shipment.total_volume),
    )
    for key, value in stated:
        if value is not None:
            totals.cells[keys.index(key)] = value.printed
    if any(totals.cells):
        totals.cells[1] = rng.choice(("TOTAL", "Total", "TOTAL:", "Grand Total"))
        if shipment.total_gross_weight:
            unit = _unit_word(shipment.total_gross_weight)
            totals.cells[keys.index("net")] = f"{format_number(net_total, 2, shipment.style)} {unit}"
        rows.append(totals)
    numeric = {keys.index(k) for k in ("quantity", "net", "weight", "volume")}
    return _grid.render(head, rows, rng.choice(PIPES + BLANKS), numeric)


def _notes(item: Item) -> list[str]:
    return [note for note in (item.hs_printed, item.dangerous.printed if item.dangerous else None) if note]


FAMILY = LayoutFamily("packing_list_form", ("packing_list",), render)
