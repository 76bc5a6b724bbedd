"""A document as a system's delimited export (a flat file), not a printed form.

Header fields are `CAPTION<sep>value` rows. The goods lines are one row each under a
header row, with the container columns beside them (a container on as many rows as
its goods share; a container without goods on a row of its own) or in a block of
their own, and now and then the document number repeated on every row. Captions come
from the pools like any other, mostly written as column codes (`PORT_OF_LOADING`). A
cell holding the separator is quoted; a value over several lines is joined into one
cell; whatever a goods line states that has no column follows its description. Many end with
a trailer record (row count, run stamp, the writing system) that is not goods.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from service.data.layouts.captioner import Captioner
from service.data.layouts.groups import Field, Group
from service.data.layouts.tables import GOODS_CAPTION, goods_cell, goods_columns, leftovers
from service.data.shipment import Container, Shipment

SEPARATORS = (";", ";", ",", "|", "\t")
_ADDRESS = ("ADDRESS", "ADDR", "ADRESSE", "DIRECCION", "INDIRIZZO", "ADRES")
_CONTAINER_KEYS = ("container", "seal", "size_type")


@dataclass(slots=True)
class Cells:
    """One export's habits: its separator and whether captions are written as column codes."""

    sep: str
    codes: bool

    @classmethod
    def for_document(cls, rng: random.Random) -> Cells:
        return cls(sep=rng.choice(SEPARATORS), codes=rng.random() < 0.7)

    def caption(self, text: str) -> str:
        text = " ".join(text.split())
        return re.sub(r"\W+", "_", text).strip("_").upper() if self.codes else text

    def row(self, cells: list[str]) -> str:
        """The cells joined by the separator; a cell holding it is quoted."""
        joined = (" ".join(cell.split()) for cell in cells)
        return self.sep.join(f'"{c}"' if self.sep in c else c for c in joined)


def header_rows(fields: list[Field], cells: Cells, rng: random.Random) -> list[str]:
    """`CAPTION<sep>value` rows; a party's address goes on its own row now and then."""
    rows = []
    for field in fields:
        caption = cells.caption(field.caption)
        if field.block and len(field.lines) > 1 and field.key != "remarks" and rng.random() < 0.5:
            address = f"{caption}_{rng.choice(_ADDRESS)}" if cells.codes else rng.choice(_ADDRESS).title()
            rows += [cells.row([caption, field.lines[0]]), cells.row([address, " ".join(field.lines[1:])])]
        else:  # lines joined by a space: a comma would be printed inside the labelled address
            rows.append(cells.row([caption, " ".join(field.lines)]))
    return rows


def _container_cell(container: Container | None, key: str) -> str:
    if container is None:
        return ""
    if key == "container":
        return container.number_printed
    if key == "seal":
        return container.seal or ""
    return container.size.printed if container.size else ""


def _containers_by_row(containers: list[Container], rows: int) -> list[Container | None]:
    """Which container each row names: goods rows share containers in order, in blocks."""
    if not containers:
        return [None] * rows
    if rows <= len(containers):
        return list(containers)
    return [containers[index * len(containers) // rows] for index in range(rows)]


def cargo_rows(shipment: Shipment, cap: Captioner, cells: Cells, rng: random.Random) -> list[str]:
    """The goods lines (and containers) as delimited rows under header rows."""
    items, containers = shipment.items, shipment.containers
    dg_column = any(item.dangerous for item in items) and rng.random() < 0.6
    goods = goods_columns(rng, dg_column)
    beside = bool(containers) and rng.random() < 0.7
    equipment = rng.sample(_CONTAINER_KEYS, k=3)
    columns = list(goods)
    if beside:
        where = rng.choice((0, len(columns)))
        columns[where:where] = equipment
    number = shipment.document_number if rng.random() < 0.3 else None
    if number:
        columns.insert(0, "document_number")
    head = [cells.caption(cap(GOODS_CAPTION.get(key, key))) for key in columns]
    rows = max(len(items), len(containers) if beside else 0)
    named = _containers_by_row(containers if beside else [], rows)
    lines = [cells.row(head)]
    for index, container in enumerate(named):
        item = items[index] if index < len(items) else None
        row = []
        for key in columns:
            if key in _CONTAINER_KEYS:
                row.append(_container_cell(container, key))
            elif key == "document_number":
                row.append(number or "")
            elif item is None:
                row.append("")
            elif key == "description":
                row.append(" ".join([item.description, *leftovers(item, goods, cap, rng, False)]))
            elif key == "line":
                row.append(str(index + 1))
            else:
                row.append(goods_cell(item, key, rng))
        lines.append(cells.row(row))
    if containers and not beside:
        lines += ["", cells.row([cells.caption(cap(key)) for key in equipment])]
        lines += [cells.row([_container_cell(c, key) for key in equipment]) for c in containers]
    return lines


def trailer(shipment: Shipment, cells: Cells, rng: random.Random) -> str:
    """The file's closing record: counts, a run stamp, the system that wrote it (never labelled)."""
    rows = len(shipment.items) + rng.choice((0, 0, 1, 2))
    stamp = f"{rng.randint(2023, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    stamp += f"T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    user = rng.choice(("edi", "ops", "batch", "sys", "exp")) + "." + rng.choice(("ham", "rtm", "sin", "nyc"))
    parts = rng.choice(
        (
            ["#EOF", f"ROWS={rows}"],
            ["TRAILER", str(rows), stamp],
            ["END OF FILE", f"{rows} RECORDS"],
            ["#GENERATED", stamp, user, f"COUNT={rows}"],
            [f"Total records: {rows}"],
        )
    )
    return cells.row(parts)


def export_lines(
    shipment: Shipment, groups: dict[str, Group], cap: Captioner, rng: random.Random
) -> list[str]:
    """The whole document as an export: title line now and then, header rows, cargo rows, totals,
    and now and then a trailer record."""
    cells = Cells.for_document(rng)
    lines = []
    if rng.random() < 0.5:
        lines.append(cells.caption(shipment.title) if cells.codes else shipment.title)
    for name, group in groups.items():
        if name not in ("totals", "remarks"):
            lines += header_rows(group.fields, cells, rng)
    lines += ["", *cargo_rows(shipment, cap, cells, rng), ""]
    for name in ("totals", "remarks"):
        if name in groups:
            lines += header_rows(groups[name].fields, cells, rng)
    if rng.random() < 0.5:
        lines.append(trailer(shipment, cells, rng))
    return lines
