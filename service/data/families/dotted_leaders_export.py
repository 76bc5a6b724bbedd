"""A report printout with dotted leaders: `Port of loading ........ HAMBURG (DE HAM)`.

Sections under underlined or framed headings; every field is a caption run out to a value
column with leader characters; a party's further lines continue under the value column;
goods either as numbered blocks of leader lines or as a plain table; containers, totals,
remarks and an end-of-report line with the print run's date (a decoy, not a field).
"""

from __future__ import annotations

import datetime as dt
import random

from service.data.captions import caption
from service.data.families import LayoutFamily, _grid
from service.data.families._fieldtext import party_lines
from service.data.families._grid import BLANKS, goods_rows, headers
from service.data.families._report import ALL_TYPES, Field, drop_land_discharge, sections, totals
from service.data.formats import sample_date
from service.data.shipment import Party, Shipment

_GOODS = ("marks", "packages", "description", "hs", "weight", "volume", "dg")
_ENDS = ("*** END OF REPORT ***", "--- end of report ---", "END OF LISTING", "*** FIN ***")


class _Leaders:
    """Caption, leader run and value column, fixed per document."""

    def __init__(self, rng: random.Random) -> None:
        self.char = rng.choice((".", ".", "_", "-", " ."))
        self.column = rng.choice((28, 32, 36, 40))
        self.indent = " " * rng.choice((0, 2, 4))

    def lines(self, field: Field, rng: random.Random) -> list[str]:
        head = f"{self.indent}{field.caption} "
        run = (self.char * self.column)[: max(3, self.column - len(head))]
        value = field.value
        values = (
            party_lines(value, rng, one_line_share=0.2) if isinstance(value, Party) else value.split("\n")
        )
        first = f"{head}{run} {values[0]}"
        pad = " " * (len(first) - len(values[0]))
        return [first, *(pad + value for value in values[1:])]


def render(shipment: Shipment, rng: random.Random) -> str:
    drop_land_discharge(shipment)
    leaders = _Leaders(rng)
    width = rng.choice((72, 80, 96))
    frame = rng.choice(("=", "*", "#"))
    out = [frame * width, shipment.title.upper().center(width).rstrip(), frame * width, ""]
    for section in sections(shipment, rng):
        out += _heading(section.heading, rng)
        for field in section.fields:
            out += leaders.lines(field, rng)
        out.append("")
    if shipment.containers:
        out += _heading(caption("section_equipment", shipment.style, rng), rng)
        for container in shipment.containers:
            size = container.size.printed if container.size else None
            extra = "  ".join(v for v in (container.seal, size) if v)
            out += leaders.lines(
                Field(caption("container", shipment.style, rng), container.number_printed), rng
            )
            out[-1] += f"  {extra}" if extra else ""
        out.append("")
    out += _heading(caption("section_cargo", shipment.style, rng), rng)
    out += _goods(shipment, leaders, rng)
    summary = totals(shipment, rng)
    if summary:
        out += ["", *_heading(caption("section_totals", shipment.style, rng), rng)]
        for field in summary:
            out += leaders.lines(field, rng)
    if shipment.remarks:
        out += ["", *_heading(caption("remarks", shipment.style, rng), rng), *shipment.remarks]
    out += ["", frame * width, rng.choice(_ENDS)]
    if rng.random() < 0.4:
        run = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(900))
        clock = f"{rng.randrange(24):02d}:{rng.randrange(60):02d}"
        out.append(f"Run date {sample_date(run, shipment.style, rng).printed}  {clock}")
    return "\n".join(out) + "\n"


def _heading(text: str, rng: random.Random) -> list[str]:
    text = text.upper() if rng.random() < 0.6 else text
    return [text, rng.choice(("-", "=", "~")) * len(text)]


def _goods(shipment: Shipment, leaders: _Leaders, rng: random.Random) -> list[str]:
    """Numbered blocks of leader lines, or one plain table when the goods are many."""
    keys = [k for k in _GOODS if k != "dg" or rng.random() < 0.5]
    if len(shipment.items) > 4 and rng.random() < 0.5:
        rows = goods_rows(shipment.items, keys, rng)
        return _grid.render(headers(keys, shipment, rng), rows, rng.choice(BLANKS))
    out = []
    head = headers(keys, shipment, rng)
    for index, item in enumerate(shipment.items, start=1):
        out.append(f"{leaders.indent}{index:>3}.")
        for key, title in zip(keys, head, strict=True):
            value = _grid.item_cell(item, key)
            if value:
                out += leaders.lines(Field(title, value), rng)
        if "dg" not in keys and item.dangerous:
            note = Field(caption("dangerous_goods", shipment.style, rng), item.dangerous.printed)
            out += leaders.lines(note, rng)
    return out


FAMILY = LayoutFamily("dotted_leaders_export", ALL_TYPES, render)
