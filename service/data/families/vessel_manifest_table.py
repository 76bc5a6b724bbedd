"""A vessel's cargo manifest: the voyage header, then one wide table of bills, containers and goods.

Each row holds a bill number (on its first row), a container with seal and type, and a
goods line of that bill; bills with more goods than containers (or the reverse) leave
cells empty. Flag, IMO number and master are decoys (an air manifest lists house
air waybills and has none). Parties and terms, when the
shipment has them, are stated once in the header, as one consolidation's manifest does.
"""

from __future__ import annotations

import random

from service.data.families import LayoutFamily
from service.data.families._bills import Bill, split_bills
from service.data.families._fieldtext import fitting_caption
from service.data.families._grid import BLANKS, PIPES, Row, goods_rows, headers, render, totals_row
from service.data.families._header import entries, kv_lines
from service.data.noise import page_footer, page_header
from service.data.shipment import Shipment

_FLAGS = ("PANAMA", "LIBERIA", "MARSHALL ISLANDS", "MALTA", "SINGAPORE", "HONG KONG", "GERMANY", "DENMARK")
_MASTERS = ("Capt. A. Petrov", "Capt. J. Santos", "Capt. M. Jensen", "Capt. L. Chen", "Capt. R. Dela Cruz")
_GOODS_KEYS = ["marks", "packages", "description", "weight", "volume"]


def _bill_rows(bill: Bill, shipment: Shipment, rng: random.Random) -> list[Row]:
    """Rows of one bill: container i beside goods line i, the bill number on the first row."""
    goods = goods_rows(bill.items, _GOODS_KEYS, rng)
    rows = []
    for index in range(max(len(goods), len(bill.containers), 1)):
        row = goods[index] if index < len(goods) else Row([""] * len(_GOODS_KEYS))
        box = bill.containers[index] if index < len(bill.containers) else None
        equipment = (
            [box.number_printed, box.seal or "", box.size.printed if box.size else ""] if box else [""] * 3
        )
        row.cells[:0] = [bill.number if index == 0 else "", *equipment]
        for under in row.under:
            under[:0] = [""] * 4
        rows.append(row)
    return rows


def _render(shipment: Shipment, rng: random.Random) -> str:
    sep = rng.choice((": ", " : ", ":  "))
    groups = entries(shipment, rng)
    lines = [page_header(rng)] if rng.random() < 0.3 else []
    lines += [shipment.title, ""]
    sea = shipment.transport_mode == "sea"
    lines += kv_lines(groups.routing, rng, sep, pair_width=48)
    if sea:
        decoys = [f"Flag{sep}{rng.choice(_FLAGS)}", f"IMO{sep}9{rng.randint(100000, 999999)}"]
        if rng.random() < 0.5:
            decoys.append(f"Master{sep}{rng.choice(_MASTERS)}")
        lines.append("    ".join(decoys))
    lines += kv_lines(groups.reference, rng, sep, pair_width=48)
    if groups.parties or groups.terms:
        lines += ["", *kv_lines(groups.parties + groups.terms, rng, sep)]
    lines.append("")
    rows = [row for bill in split_bills(shipment, rng, most=6) for row in _bill_rows(bill, shipment, rng)]
    keys = ["bill", "container", "seal", "size_type", *_GOODS_KEYS]
    head = [fitting_caption("bl_number" if sea else "hawb_number", shipment, rng)]
    head += [fitting_caption(key, shipment, rng) for key in ("container", "seal", "size_type")]
    head += headers(_GOODS_KEYS, shipment, rng)
    total, leftovers = totals_row(keys, shipment, rng.choice(("TOTAL", "Total", "GRAND TOTAL")))
    if total:
        rows.append(total)
    numeric = (keys.index("weight"), keys.index("volume")) if rng.random() < 0.5 else ()
    lines += render(head, rows, rng.choice((*BLANKS, *PIPES)), numeric)
    lines += [f"{fitting_caption(key, shipment, rng)}{sep}{printed}" for key, printed in leftovers]
    lines += shipment.remarks
    if rng.random() < 0.6:
        lines += ["", page_footer(shipment.style.language, 1, 1, rng)]
    return "\n".join(lines) + "\n"


FAMILY = LayoutFamily("vessel_manifest_table", ("cargo_manifest",), _render)
