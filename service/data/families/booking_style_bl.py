"""A B/L or sea waybill printed as titled sections, the way booking and e-B/L portals print them.

Underlined headings (parties, routing, equipment, cargo, terms), fields one per line
inside each, parties as indented blocks, the goods either as numbered item paragraphs or
as a borderless table, totals at the end of the cargo section.
"""

from __future__ import annotations

import random

from service.data.families import LayoutFamily
from service.data.families._fieldtext import fitting_caption, party_lines
from service.data.families._grid import BLANKS, goods_rows, headers, render
from service.data.families._header import entries, kv_lines
from service.data.noise import page_footer, terms_paragraph
from service.data.shipment import Item, Party, Shipment

# Item paragraph fields: caption key and the printed value.
_ITEM_FIELDS = (
    ("description", lambda item: item.description),
    ("marks", lambda item: item.marks),
    ("quantity", lambda item: " ".join(p.printed for p in (item.quantity, item.package) if p) or None),
    ("gross_weight", lambda item: item.gross_weight.printed if item.gross_weight else None),
    ("volume", lambda item: item.volume.printed if item.volume else None),
    ("hs_code", lambda item: item.hs_printed),
    ("dangerous_goods", lambda item: item.dangerous.printed if item.dangerous else None),
)


def _heading(key: str, shipment: Shipment, rng: random.Random, rule: str) -> list[str]:
    title = fitting_caption(key, shipment, rng)
    return ["", title, rule * len(title)] if rule else ["", title]


def _item_paragraphs(items: list[Item], shipment: Shipment, rng: random.Random, sep: str) -> list[str]:
    label = fitting_caption("item", shipment, rng)
    captions = {key: fitting_caption(key, shipment, rng) for key, _ in _ITEM_FIELDS}
    lines = []
    for number, item in enumerate(items, 1):
        lines.append(f"{label} {number}")
        lines += [f"  {captions[key]}{sep}{value}" for key, get in _ITEM_FIELDS if (value := get(item))]
    return lines


def _cargo(shipment: Shipment, rng: random.Random, sep: str) -> list[str]:
    if rng.random() < 0.5:
        lines = _item_paragraphs(shipment.items, shipment, rng, sep)
    else:
        keys = ["marks", "packages", "weight", "volume", "description"]
        lines = render(
            headers(keys, shipment, rng), goods_rows(shipment.items, keys, rng), rng.choice(BLANKS)
        )
    for key in ("total_packages", "total_gross_weight", "total_volume"):
        value = getattr(shipment, key)
        if value is not None:
            lines.append(f"{fitting_caption(key, shipment, rng)}{sep}{value.printed}")
    return lines


def _render(shipment: Shipment, rng: random.Random) -> str:
    sep = rng.choice((": ", ":  ", " : "))
    rule = rng.choice(("=", "-", "~", ""))
    groups = entries(shipment, rng)
    lines = [shipment.title, "=" * len(shipment.title) if rule else ""]
    lines += kv_lines(groups.reference, rng, sep, pair_width=rng.choice((0, 50)))
    if groups.parties:
        lines += _heading("section_parties", shipment, rng, rule)
        for entry in groups.parties:
            if isinstance(entry.value, Party):
                lines += [entry.caption, *(f"    {line}" for line in party_lines(entry.value, rng))]
    if groups.routing:
        lines += _heading("section_routing", shipment, rng, rule)
        lines += kv_lines(groups.routing, rng, sep)
    if shipment.containers:
        lines += _heading("section_equipment", shipment, rng, rule)
        seal = fitting_caption("seal", shipment, rng)
        for number, box in enumerate(shipment.containers, 1):
            parts = [f"{number}. {box.number_printed}"]
            if box.seal:
                parts.append(f"{seal} {box.seal}")
            if box.size:
                parts.append(box.size.printed)
            lines.append("   ".join(parts))
    if shipment.items or shipment.total_packages or shipment.total_gross_weight or shipment.total_volume:
        lines += _heading("section_cargo", shipment, rng, rule)
        lines += _cargo(shipment, rng, sep)
    if groups.terms or shipment.remarks:
        lines += _heading("section_terms", shipment, rng, rule)
        lines += kv_lines(groups.terms, rng, sep) + shipment.remarks
    if rng.random() < 0.4:
        lines += ["", terms_paragraph(shipment.style.language, rng, width=rng.randint(72, 96))]
    if rng.random() < 0.4:
        lines += ["", page_footer(shipment.style.language, 1, 1, rng)]
    return "\n".join(lines) + "\n"


FAMILY = LayoutFamily("booking_style_bl", ("bill_of_lading", "sea_waybill"), _render)
