"""A transport management system's Markdown export of any document type.

Headings per section, fields as `**Key:** value` lines, `- **Key**: value` bullets or a
two-column table, parties as blocks with Markdown line breaks, containers and goods as
pipe tables (goods as a bullet list now and then), totals, remarks as a quote and an
export footer. Markdown never escapes inside a labelled value: a document whose values
hold a `|` gets lists instead of tables.
"""

from __future__ import annotations

import random

from service.data.captions import caption
from service.data.families import LayoutFamily
from service.data.families._fieldtext import party_lines
from service.data.families._grid import headers, item_cell
from service.data.families._report import ALL_TYPES, Field, drop_land_discharge, sections, totals
from service.data.shipment import Party, Shipment, collapse

_GOODS = ("marks", "packages", "description", "hs", "weight", "volume", "dg")
_SYSTEMS = ("CargoWise", "TMS export", "Freight portal", "SAP TM", "Descartes", "Magaya", "internal TMS")


def render(shipment: Shipment, rng: random.Random) -> str:
    drop_land_discharge(shipment)
    level = rng.choice(("#", "##"))
    style = rng.choice(("bold", "bullet", "table"))
    tables = "|" not in "".join(_cells(shipment))
    out = [f"{level} {shipment.title}", ""]
    for section in sections(shipment, rng):
        out += [f"{level}# {section.heading}", ""]
        out += _fields(section.fields, style if tables else "bold", rng)
        out.append("")
    if shipment.containers:
        out += [f"{level}# {caption('section_equipment', shipment.style, rng)}", ""]
        out += _containers(shipment, rng, tables)
    out += [f"{level}# {caption('section_cargo', shipment.style, rng)}", ""]
    out += _goods(shipment, rng, tables and rng.random() < 0.75)
    summary = totals(shipment, rng)
    if summary:
        out += ["", *_fields(summary, "bold", rng)]
    if shipment.remarks:
        out += ["", *(f"> {remark}" for remark in shipment.remarks)]
    out += [
        "",
        "---",
        f"_{rng.choice(_SYSTEMS)} · {rng.choice(('generated', 'exported', 'printed'))} automatically_",
    ]
    return "\n".join(out) + "\n"


def _cells(shipment: Shipment) -> list[str]:
    """Every value that could stand in a table cell."""
    found = [c.number_printed + (c.seal or "") for c in shipment.containers]
    found += [item_cell(item, key) for item in shipment.items for key in _GOODS]
    return found


def _fields(fields: list[Field], style: str, rng: random.Random) -> list[str]:
    if style == "table" and not any(isinstance(f.value, Party) for f in fields):
        return ["| | |", "|---|---|", *(f"| {f.caption} | {f.value} |" for f in fields)]
    out = []
    for f in fields:
        key = f"- **{f.caption}**:" if style == "bullet" else f"**{f.caption}:**"
        if isinstance(f.value, Party):
            lines = party_lines(f.value, rng)
            block = rng.random() < 0.7  # lines ending in two spaces: Markdown line breaks
            out += [f"{key}  ", *(f"{line}  " for line in lines)] if block else [f"{key} {' '.join(lines)}"]
        else:
            out.append(f"{key} {f.value}")
    return out


def _containers(shipment: Shipment, rng: random.Random, tables: bool) -> list[str]:
    head = [caption(key, shipment.style, rng) for key in ("container", "seal", "size_type")]
    rows = [[c.number_printed, c.seal or "", c.size.printed if c.size else ""] for c in shipment.containers]
    if not tables:
        return [f"- {' / '.join(cell for cell in row if cell)}" for row in rows] + [""]
    return [_row(head), _row(["---"] * 3), *(_row(row) for row in rows), ""]


def _goods(shipment: Shipment, rng: random.Random, table: bool) -> list[str]:
    keys = [k for k in _GOODS if k != "dg" or rng.random() < 0.5]
    notes = "dg" not in keys
    if not table:
        out = []
        for index, item in enumerate(shipment.items, start=1):
            cells = [collapse(item_cell(item, key)) for key in keys if item_cell(item, key)]
            out.append(f"{index}. " + " — ".join(cells))
            if notes and item.dangerous:
                out.append(f"   {item.dangerous.printed}")
        return out
    head = ["#", *headers(keys, shipment, rng)]
    out = [_row(head), _row(["---"] * len(head))]
    for index, item in enumerate(shipment.items, start=1):
        cells = [collapse(item_cell(item, key)) for key in keys]
        if notes and item.dangerous:  # no DG column: the note goes after the description, in its cell
            where = keys.index("description")
            cells[where] = f"{cells[where]} <br> {item.dangerous.printed}"
        out.append(_row([str(index), *cells]))
    return out


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


FAMILY = LayoutFamily("markdown_export", ALL_TYPES, render)
