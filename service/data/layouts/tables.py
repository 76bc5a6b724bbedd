"""Cargo lines and containers as tables or lists: column sets, orders, headers, alignment.

A table draws a sample of columns in a sampled order; whatever an item states that has no
column goes under its description in the same cell, so every value is printed once
somewhere. Descriptions and marks wrap inside their cells between words; headers may
wrap too. Numeric columns are right- or left-aligned per document.
"""

from __future__ import annotations

import random

from service.data.families._fieldtext import packages_text
from service.data.families._grid import item_cell
from service.data.layouts import distractors
from service.data.layouts.captioner import Captioner
from service.data.layouts.draw import Border, fit, grid
from service.data.layouts.groups import Group
from service.data.shipment import Container, Item

GOODS_CAPTION = {
    "marks": "marks", "packages": "quantity", "quantity": "quantity", "package": "package_type",
    "description": "description", "hs": "hs_code", "weight": "gross_weight", "volume": "volume",
    "dg": "dangerous_goods", "line": "item",
    **{kind: kind for kind in distractors.GOODS_KINDS},
}  # fmt: skip
_NUMERIC = frozenset(("packages", "quantity", "weight", "volume", "line", "net_weight", "unit_quantity"))


def goods_columns(rng: random.Random, dg_column: bool) -> list[str]:
    """A sampled column set around the description, in a sampled order, with now and then
    columns of figures that are not labelled (net weight, part number, units, ...)."""
    count = rng.choice(("packages", "packages", "split"))
    optional = ["marks", "hs", "weight", "volume"] + (["dg"] if dg_column else [])
    chosen = [key for key in optional if rng.random() < 0.7]
    chosen += ["packages"] if count == "packages" else ["quantity", "package"]
    rng.shuffle(chosen)
    chosen.insert(rng.randint(0, min(2, len(chosen))), "description")
    if "quantity" in chosen and "package" in chosen:  # a count and its package word stay neighbours
        chosen.remove("package")
        chosen.insert(chosen.index("quantity") + 1, "package")
    if rng.random() < 0.4:
        chosen.insert(0, "line")
    for kind in rng.sample(distractors.GOODS_KINDS, k=rng.choice((0, 0, 1, 1, 2, 3))):
        chosen.insert(rng.randint(1, len(chosen)), kind)
    return chosen


def description_lines(item: Item, rng: random.Random) -> list[str]:
    """The goods phrase, most of the time with its specification on a line of its own."""
    spec, text = item.spec, item.description
    if spec and text.endswith(" " + spec) and rng.random() < 0.7:
        return [text[: -len(spec)].rstrip(), spec]
    return [text]


def goods_cell(item: Item, key: str, rng: random.Random) -> str:
    """One goods-table cell by column key: the item's value, or a figure that is not labelled."""
    if key in distractors.GOODS_KINDS:
        return distractors.goods_figure(key, item, rng)
    return item_cell(item, key)


def leftovers(
    item: Item, columns: list[str], cap: Captioner, rng: random.Random, dg_apart: bool
) -> list[str]:
    """What the item states that has no column: printed under the description, captioned or bare
    (a dangerous-goods note printed apart is left out)."""
    notes = []
    keys = ["hs", "weight", "volume", "marks"] + ([] if dg_apart else ["dg"])
    covered = set(columns) | ({"quantity", "package"} if "packages" in columns else set())
    if "packages" not in covered and {"quantity", "package"} - covered:
        text = packages_text(item)
        if text:
            notes.append(text)
    for key in keys:
        value = item_cell(item, key)
        if not value or key in covered:
            continue
        value = value.replace("\n", " ")
        if key in ("weight", "volume", "marks") and rng.random() < 0.7:
            value = f"{cap(GOODS_CAPTION[key]).replace(chr(10), ' ')}: {value}"
        notes.append(value)
    return notes


# What a goods table's totals row says where the goods phrase would stand
_TOTAL_WORDS = (
    "TOTAL", "TOTAL:", "TOTALS", "TTL", "Total", "GRAND TOTAL", "Summe", "GESAMT", "Total général",
    "Totaal", "Totale", "TOTAL GERAL", "Total general",
)  # fmt: skip
_TOTAL_COLUMNS = {
    "total_packages": ("packages", "quantity"),
    "total_gross_weight": ("weight",),
    "total_volume": ("volume",),
}


def totals_row(columns: list[str], totals: Group, rng: random.Random) -> list[list[str]] | None:
    """The stated totals under their goods columns and a word that says so (first column, or
    under the descriptions); the fields it prints leave `totals`. None when no total has a column."""
    row: list[list[str]] = [[""] for _ in columns]
    placed = []
    for total in totals.fields:
        column = next((columns.index(c) for c in _TOTAL_COLUMNS.get(total.key, ()) if c in columns), None)
        if column is not None:
            row[column] = list(total.lines)
            placed.append(total)
    if not placed:
        return None
    row[0 if row[0] == [""] else columns.index("description")] = [rng.choice(_TOTAL_WORDS)]
    totals.fields = [total for total in totals.fields if total not in placed]
    return row


def cargo_table(
    items: list[Item],
    cap: Captioner,
    border: Border,
    width: int,
    rng: random.Random,
    dg_apart: bool,
    totals: Group | None = None,
) -> list[str]:
    """The goods lines as a table of sampled columns, drawn with `border`; with `totals`, a last
    row holds those that have a column (see `totals_row`)."""
    dg_column = not dg_apart and any(i.dangerous for i in items) and rng.random() < 0.5
    columns = goods_columns(rng, dg_column)
    head = [cap(GOODS_CAPTION[key]) for key in columns]
    bodies: list[list[list[str]]] = []
    for number, item in enumerate(items, start=1):
        row = []
        for key in columns:
            if key == "description":
                row.append([*description_lines(item, rng), *leftovers(item, columns, cap, rng, dg_apart)])
            elif key == "line":
                row.append([str(number)])
            else:
                row.append(goods_cell(item, key, rng).split("\n"))
        bodies.append(row)
    summed = totals_row(columns, totals, rng) if totals else None
    if summed:
        bodies.append(summed)
    widths = []
    for index, key in enumerate(columns):
        longest = max(len(line) for row in bodies for line in row[index])
        limit = (
            rng.randint(22, 40)
            if key == "description"
            else rng.randint(10, 18)
            if key == "marks"
            else longest
        )
        widths.append(max(4, min(longest, limit)))
    for index, text in enumerate(head):  # room for a short header on one line, a long one wraps
        widths[index] = max(widths[index], min(len(text), rng.randint(8, 16)))
    budget = width - 3 * len(columns)
    while sum(widths) > budget and max(widths) > 12:  # narrow the widest column until the table fits the page
        widest = widths.index(max(widths))
        widths[widest] -= 2
    for row in bodies:
        for index, cell in enumerate(row):
            row[index] = [piece for line in cell for piece in fit(line, widths[index])] or [""]
    header = [
        [piece for part in text.split("\n") for piece in fit(part, widths[i])] for i, text in enumerate(head)
    ]
    # a word longer than its column widens the column in every row, so the columns stay aligned
    widths = [
        max(len(line) for cell in (header[i], *(row[i] for row in bodies)) for line in cell)
        for i in range(len(widths))
    ]
    right = {i for i, key in enumerate(columns) if key in _NUMERIC} if rng.random() < 0.6 else set()
    lines = grid([header, *bodies], [widths] * (len(bodies) + 1), border, right, rules=rng.random() < 0.3)
    if not border.drawn:
        rule = rng.choice(("-", "=", "", "_"))
        if rule:
            header_height = max(len(cell) for cell in header)
            lines.insert(header_height, rule * max(len(line) for line in lines))
    return lines


def cargo_list(items: list[Item], cap: Captioner, rng: random.Random, dg_apart: bool) -> list[str]:
    """The goods lines as a numbered list, each line's details inline or on indented lines; in
    some documents the count leads the goods phrase ("5 cartons cotton towels, HS 6302.60"), and
    a captioned figure that is not labelled joins the details ("Net Wt: 3.980 kg")."""
    inline = rng.random() < 0.5
    joiner = rng.choice((", ", " / ", " - ", "; "))
    pattern = rng.choice(("{n}. ", "{n}) ", "Pos {n}: ", "- ", "#{n} "))
    counted = rng.choice(("", "", " ", " x ", " of "))
    other = rng.choice(distractors.GOODS_KINDS) if rng.random() < 0.3 else None
    lines: list[str] = []
    for number, item in enumerate(items, start=1):
        count = packages_text(item) if counted else ""
        phrase = f"{count}{counted}{item.description}" if count else item.description
        details = leftovers(
            item, ["description", "packages"] if count else ["description"], cap, rng, dg_apart
        )
        figure = goods_cell(item, other, rng) if other else ""
        if other and figure:
            details.insert(rng.randint(0, len(details)), f"{cap(other).replace(chr(10), ' ')}: {figure}")
        marker = pattern.format(n=number)
        if inline:
            lines.append(marker + joiner.join([phrase, *details]))
        else:
            first, *rest = description_lines(item, rng) if not count else [phrase]
            lines.append(marker + first)
            lines.extend("    " + detail for detail in [*rest, *details])
    return lines


def container_table(
    containers: list[Container], cap: Captioner, border: Border, rng: random.Random
) -> list[str]:
    """Containers with number, size/type and seal columns (no seal column: the seal follows the number)."""
    seal_column = rng.random() < 0.7
    keys = ["container", "size_type"] + (["seal"] if seal_column else [])
    rng.shuffle(keys)
    if keys[0] == "seal":
        keys.reverse()
    rows = []
    for container in containers:
        values = {
            "container": container.number_printed
            if seal_column or not container.seal
            else f"{container.number_printed} / {container.seal}",
            "size_type": container.size.printed if container.size else "",
            "seal": container.seal or "",
        }
        rows.append([[values[key]] for key in keys])
    header = [[cap(key).replace("\n", " ")] for key in keys]
    widths = [max(len(cell[0]) for cell in column) for column in zip(header, *rows, strict=True)]
    return grid([header, *rows], [widths] * (len(rows) + 1), border, rules=False)


def container_lines(containers: list[Container], cap: Captioner, rng: random.Random) -> list[str]:
    """Containers one to a line under a caption: "MSCU1234565 / 40HC / SEAL 123456"."""
    joiner = rng.choice((" / ", "  ", ", ", " - "))
    seal_word = cap("seal").replace("\n", " ")
    lines = [cap("container").replace("\n", " ") + ":"]
    for container in containers:
        parts = [container.number_printed]
        if container.size:
            parts.append(container.size.printed)
        if container.seal:
            parts.append(f"{seal_word} {container.seal}" if rng.random() < 0.6 else container.seal)
        lines.append("  " + joiner.join(parts))
    return lines


def dangerous_lines(items: list[Item], cap: Captioner, rng: random.Random) -> list[str]:
    """Dangerous-goods notes of the goods lines, apart from the goods: "Item 2: UN 1263, CLASS 3"."""
    line_word = cap("item").replace("\n", " ")
    lines = [cap("dangerous_goods").replace("\n", " ") + rng.choice((":", "", " -"))]
    for number, item in enumerate(items, start=1):
        if item.dangerous:
            lines.append(f"  {line_word} {number}: {item.dangerous.printed}")
    return lines
