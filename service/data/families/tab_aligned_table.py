"""A plain-text report: aligned "caption: value" fields, then goods in borderless columns.

The columns are padded with spaces or separated by tabs (a spreadsheet pasted into an
e-mail); without borders the description may be the last column and wrap under itself.
Captions are right-aligned on their colons, multi-line values continue under the value.
"""

from __future__ import annotations

import random

from service.data.families import LayoutFamily
from service.data.families._fieldtext import fitting_caption
from service.data.families._grid import (
    BLANKS,
    TABS,
    container_rows,
    goods_rows,
    headers,
    render,
    totals_row,
    with_containers,
    wrap_last,
)
from service.data.families._header import aligned_lines, entries
from service.data.noise import page_footer, terms_paragraph
from service.data.shipment import Shipment


def _goods(shipment: Shipment, rng: random.Random, tabs: bool) -> list[str]:
    description_last = rng.random() < 0.6
    tail = ["weight", "volume"] if any(i.volume for i in shipment.items) else ["weight"]
    middle = ["hs"] if rng.random() < 0.4 else []
    keys = ["marks", "packages", *middle, *tail, "description"]
    if not description_last:
        keys = ["marks", "packages", "description", *middle, *tail]
    rows = goods_rows(shipment.items, keys, rng)
    total, leftovers = totals_row(keys, shipment, rng.choice(("TOTAL", "Total", "Totals:", "")))
    head = headers(keys, shipment, rng)
    container_column = bool(shipment.containers) and rng.random() < 0.5
    if container_column:
        rows = with_containers(rows, shipment.containers, len(keys))
        head.insert(0, fitting_caption("container", shipment, rng))
        if total:
            total.cells.insert(0, "")
    border = TABS if tabs else rng.choice(BLANKS)
    if description_last and not tabs:
        wrap_last(rows, rng.randint(22, 36))
    if total:
        rows.append(total)
    lines = []
    if shipment.containers and not container_column:
        caps = [fitting_caption(key, shipment, rng) for key in ("container", "seal", "size_type")]
        lines += [*render(caps, container_rows(shipment.containers), border), ""]
    lines += render(head, rows, border)
    sep = rng.choice((": ", " ", ":\t"))
    lines += [f"{fitting_caption(key, shipment, rng)}{sep}{printed}" for key, printed in leftovers]
    return lines


def _render(shipment: Shipment, rng: random.Random) -> str:
    groups = entries(shipment, rng)
    tabs = rng.random() < 0.35
    right = rng.random() < 0.5
    blocks = [groups.reference, groups.parties, groups.routing, groups.terms]
    width = max((len(e.caption) + 1 for block in blocks for e in block), default=10)
    title = shipment.title
    lines = [title, "=" * len(title) if rng.random() < 0.5 else ""]
    if rng.random() < 0.3:
        blocks[0], blocks[1] = blocks[1], blocks[0]
    for block in blocks:
        if block:
            lines += aligned_lines(block, rng, width, right)
            lines.append("")
    if shipment.items or shipment.containers:
        lines += _goods(shipment, rng, tabs)
    if shipment.remarks:
        lines += ["", *shipment.remarks]
    if rng.random() < 0.3:
        lines += ["", terms_paragraph(shipment.style.language, rng, width=rng.randint(70, 100))]
    if rng.random() < 0.4:
        lines += ["", page_footer(shipment.style.language, 1, 1, rng)]
    return "\n".join(lines) + "\n"


FAMILY = LayoutFamily("tab_aligned_table", ("packing_list", "arrival_notice", "bill_of_lading"), _render)
