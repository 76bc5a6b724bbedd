"""Goods and equipment tables: cells, column widths, borders and wrapped descriptions.

A row is a list of one-line cells plus sub-rows under it (size type under the container
number, HS code under the description). Widths fit the content, so labelled values never
wrap inside a bordered table. Only a borderless table whose last column is the
description may wrap it, because then nothing stands between its pieces when the text is
read line by line.
"""

from __future__ import annotations

import random
from collections.abc import Collection
from dataclasses import dataclass, field

from service.data.families._fieldtext import fitting_caption, item_notes, packages_text
from service.data.noise import wrap
from service.data.shipment import Container, Item, Shipment


@dataclass(slots=True)
class Row:
    cells: list[str]
    under: list[list[str]] = field(default_factory=list)  # sub-rows, same columns


@dataclass(frozen=True, slots=True)
class Border:
    """How a table separates its cells: `left` + cells joined by `inner` + `right`."""

    left: str
    inner: str
    right: str
    rule: str  # character of the line under the header; "" for none


PIPES = (
    Border("| ", " | ", " |", "-"),
    Border("", " | ", "", "-"),
    Border("|", "|", "|", "="),
)
BLANKS = (Border("", "  ", "", "-"), Border("", "   ", "", ""), Border("", "    ", "", "="))
TABS = Border("", "\t", "", "")


# Caption key for each goods column key.
_CAPTION_KEY = {
    "marks": "marks",
    "packages": "quantity",
    "quantity": "quantity",
    "package": "package_type",
    "description": "description",
    "hs": "hs_code",
    "weight": "gross_weight",
    "volume": "volume",
    "dg": "dangerous_goods",
}


def headers(keys: list[str], shipment: Shipment, rng: random.Random) -> list[str]:
    """Column captions for goods column keys, in the document's language."""
    return [fitting_caption(_CAPTION_KEY[key], shipment, rng) for key in keys]


def item_cell(item: Item, key: str) -> str:
    """One goods-table cell by column key; empty when the item has no such value."""
    match key:
        case "marks":
            return item.marks or ""
        case "packages":
            return packages_text(item)
        case "quantity":
            return item.quantity.printed if item.quantity else ""
        case "package":
            return item.package.printed if item.package else ""
        case "description":
            return item.description
        case "hs":
            return item.hs_printed or ""
        case "weight":
            return item.gross_weight.printed if item.gross_weight else ""
        case "volume":
            return item.volume.printed if item.volume else ""
        case "dg":
            return item.dangerous.printed if item.dangerous else ""
    raise KeyError(key)


def goods_rows(items: list[Item], keys: list[str], rng: random.Random) -> list[Row]:
    """Rows for `keys` columns; HS and DG notes without a column go under the description."""
    where = keys.index("description")
    rows = []
    for item in items:
        notes = [n for n in item_notes(item, rng) if ("hs" if n == item.hs_printed else "dg") not in keys]
        under = [[""] * where + [note] + [""] * (len(keys) - where - 1) for note in notes]
        rows.append(Row([item_cell(item, key) for key in keys], under))
    return rows


def container_cell(container: Container, with_seal: bool) -> str:
    """Container number, with its seal after a slash when the layout has no seal column."""
    if with_seal and container.seal:
        return f"{container.number_printed} / {container.seal}"
    return container.number_printed


def with_containers(rows: list[Row], containers: list[Container], width: int) -> list[Row]:
    """Prepend a "container / seal" column to `width`-column goods rows (row i beside
    container i, its size type under the number); extra containers get rows of their own.
    Call before `wrap_last`, so wrapped description lines come before the size line."""
    merged = []
    for index in range(max(len(rows), len(containers))):
        row = rows[index] if index < len(rows) else Row([""] * width)
        container = containers[index] if index < len(containers) else None
        row.cells.insert(0, container_cell(container, with_seal=True) if container else "")
        for under in row.under:
            under.insert(0, "")
        size = container.size.printed if container and container.size else ""
        if size and row.under:
            row.under[0][0] = size
        elif size:
            row.under.append([size] + [""] * width)
        merged.append(row)
    return merged


def _width(cell: str) -> int:
    return max(map(len, cell.split("\n"))) if "\n" in cell else len(cell)


def render(head: list[str], rows: list[Row], border: Border, numeric: Collection[int] = ()) -> list[str]:
    """Lay out header and rows; columns in `numeric` are right-aligned.

    A cell printed over several lines (marks) keeps its line breaks: its earlier lines stand
    above the row, indented to the column, so the value is still read in one piece.
    """
    all_cells = [head] + [cells for row in rows for cells in (row.cells, *row.under)]
    if border is TABS:
        return [border.inner.join(cells).rstrip() for cells in all_cells]
    widths = [max(map(_width, (cells[i] for cells in all_cells))) for i in range(len(head))]

    def line(cells: list[str]) -> str:
        text = border.left
        for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            if i:
                text += border.inner
            if "\n" in cell:
                *above, cell = cell.split("\n")
                indent = " " * (len(text) - text.rfind("\n") - 1)
                text += "".join(f"{piece}\n{indent}" for piece in above)
            text += cell.rjust(width) if i in numeric else cell.ljust(width)
        return (text + border.right).rstrip()

    out = [line(head)]
    if border.rule:
        out.append(border.rule * len(out[0]))
    out.extend(line(cells) for cells in all_cells[1:])
    return out


def wrap_last(rows: list[Row], width: int) -> None:
    """Wrap each row's last cell (the description) at `width`, continuation lines first."""
    for row in rows:
        if len(row.cells[-1]) <= width:
            continue
        pieces = wrap(row.cells[-1], width)
        if len(pieces) > 1:
            blank = [""] * (len(row.cells) - 1)
            row.cells[-1] = pieces[0]
            row.under[:0] = [[*blank, piece] for piece in pieces[1:]]


def container_rows(containers: list[Container]) -> list[Row]:
    """Equipment table rows: number, seal, size type in columns of their own."""
    return [Row([c.number_printed, c.seal or "", c.size.printed if c.size else ""]) for c in containers]


def totals_row(keys: list[str], shipment: Shipment, word: str) -> tuple[Row | None, list[tuple[str, str]]]:
    """A goods-table row holding the stated totals under their columns, `word` under the
    description; totals with no column are returned as (caption key, printed) leftovers."""
    cells = [""] * len(keys)
    leftovers = []
    placed = False
    for key, value, columns in (
        ("total_packages", shipment.total_packages, ("packages", "quantity")),
        ("total_gross_weight", shipment.total_gross_weight, ("weight",)),
        ("total_volume", shipment.total_volume, ("volume",)),
    ):
        if value is None:
            continue
        column = next((keys.index(c) for c in columns if c in keys), None)
        if column is None:
            leftovers.append((key, value.printed))
        else:
            cells[column] = value.printed
            placed = True
    if not placed:
        return None, leftovers
    cells[keys.index("description")] = word
    return Row(cells), leftovers
