"""A system printout: captioned key fields on top, then goods in a `|`-bordered table.

What a TMS or a carrier portal prints for a B/L copy, packing list, cargo manifest or
arrival notice. Containers get a small table of their own or a column in the goods
table; totals are the table's last row where their columns exist.
"""

from __future__ import annotations

import random

from service.data.families import LayoutFamily
from service.data.families._fieldtext import SEPARATORS, fitting_caption
from service.data.families._grid import (
    PIPES,
    container_rows,
    goods_rows,
    headers,
    render,
    totals_row,
    with_containers,
)
from service.data.families._header import entries, kv_lines
from service.data.noise import page_footer, page_header
from service.data.shipment import Item, Shipment

_TOTAL_WORDS = ("TOTAL", "Total", "TOTALS", "GRAND TOTAL", "*** TOTAL ***")


def _goods_keys(items: list[Item], rng: random.Random) -> list[str]:
    """Columns the items need (a column nobody fills is usually left out), in a usual order."""
    keys = ["marks"] if any(i.marks for i in items) or rng.random() < 0.2 else []
    keys += ["packages"] if rng.random() < 0.6 else ["quantity", "package"]
    keys.append("description")
    if rng.random() < 0.5:
        keys.append("hs")
    keys.append("weight")
    if any(i.volume for i in items) or rng.random() < 0.3:
        keys.append("volume")
    if rng.random() < 0.3:
        keys.append("dg")
    return keys


def _goods_table(shipment: Shipment, rng: random.Random, containers_inline: bool) -> list[str]:
    keys = _goods_keys(shipment.items, rng)
    head = headers(keys, shipment, rng)
    rows = goods_rows(shipment.items, keys, rng)
    total, leftovers = totals_row(keys, shipment, rng.choice(_TOTAL_WORDS))
    if rng.random() < 0.4:
        keys.insert(0, "line")
        head.insert(0, rng.choice(("#", "No.", "Pos", "Line")))
        for number, row in enumerate(rows, 1):
            row.cells.insert(0, str(number))
            for under in row.under:
                under.insert(0, "")
    if containers_inline:
        rows = with_containers(rows, shipment.containers, len(keys))
        keys.insert(0, "container")
        head.insert(0, fitting_caption("container", shipment, rng))
    if total:
        total.cells[:0] = [""] * (len(keys) - len(total.cells))
        rows.append(total)
    border = rng.choice(PIPES)
    numeric = [keys.index(k) for k in ("weight", "volume") if k in keys] if rng.random() < 0.5 else []
    lines = render(head, rows, border, numeric)
    if total and border.rule:
        lines.insert(-1, lines[1])
    sep = rng.choice(SEPARATORS)
    lines += [f"{fitting_caption(key, shipment, rng)}{sep}{printed}" for key, printed in leftovers]
    return lines


def _render(shipment: Shipment, rng: random.Random) -> str:
    sep = rng.choice(SEPARATORS)
    pair_width = rng.choice((0, 44, 52))
    groups = entries(shipment, rng)
    lines = [page_header(rng), ""] if rng.random() < 0.2 else []
    lines += [shipment.title if rng.random() < 0.6 else shipment.title.center(80).rstrip(), ""]
    blocks = [groups.reference, groups.parties, groups.routing, groups.terms]
    if rng.random() < 0.4:
        blocks[1], blocks[2] = blocks[2], blocks[1]
    for block in blocks:
        if block:
            lines += kv_lines(block, rng, sep, 0 if block is groups.parties else pair_width)
            lines.append("" if rng.random() < 0.7 else "-" * 60)
    containers_inline = bool(shipment.containers) and rng.random() < 0.4
    if shipment.containers and not containers_inline:
        head = [fitting_caption(key, shipment, rng) for key in ("container", "seal", "size_type")]
        lines += render(head, container_rows(shipment.containers), rng.choice(PIPES))
        lines.append("")
    if shipment.items or containers_inline:
        lines += _goods_table(shipment, rng, containers_inline)
    lines += shipment.remarks
    if rng.random() < 0.5:
        lines += ["", page_footer(shipment.style.language, 1, 1, rng)]
    return "\n".join(lines) + "\n"


FAMILY = LayoutFamily(
    "pipe_table", ("bill_of_lading", "packing_list", "cargo_manifest", "arrival_notice"), _render
)
