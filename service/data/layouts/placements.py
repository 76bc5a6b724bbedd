"""Placing a group's fields on the page: the placement axis of a layout style.

Every placement takes `Field`s and returns text lines; none of them changes a value's
characters, and the boxed ones wrap a value only at its spaces.

- `kv`: "Caption: value" lines, with the document's separator, aligned or not;
- `stacked`: the caption on its own line, the value indented under it;
- `inline`: several short fields to a line, blocks stacked;
- `boxes`: fixed-width boxes side by side, caption on top (optionally numbered, as forms are);
  `panels` puts two groups beside each other in one row of two boxes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from service.data.layouts.draw import Border, fit, grid, widths_for
from service.data.layouts.groups import Field

SEPARATORS = (": ", ":  ", " : ", ":\t", " - ", " .... ", " = ", "  ", ":")
NUMBERINGS = ("{n} ", "{n}. ", "({n}) ", "[{n:02d}] ", "{n} - ", "Box {n}: ")


@dataclass(slots=True)
class Placer:
    """One document's placement habits, drawn once: separator, alignment, indent, numbering."""

    kind: str
    border: Border
    width: int
    sep: str
    align: int  # 0: captions not aligned; else values start at this column
    right: bool  # captions right-aligned to the value column
    indent: str
    numbering: str
    counter: int = 0

    @classmethod
    def for_document(cls, kind: str, border: Border, width: int, rng: random.Random) -> Placer:
        return cls(
            kind=kind,
            border=border,
            width=width,
            sep=rng.choice(SEPARATORS),
            align=rng.choice((0, 0, 18, 22, 28)),
            right=rng.random() < 0.3,
            indent=" " * rng.choice((2, 4, 8)),
            numbering=rng.choice(NUMBERINGS),
        )

    def place(self, fields: list[Field], rng: random.Random) -> list[str]:
        if self.kind in ("boxes", "numbered"):
            return self.boxes(fields, rng, numbered=self.kind == "numbered")
        if self.kind == "stacked":
            return self.stacked(fields)
        if self.kind == "inline":
            return self.inline(fields, rng)
        return self.kv(fields)

    def _head(self, caption: str) -> str:
        """A caption with the separator, padded to the value column when aligned."""
        head = f"{caption}{self.sep}"
        if not self.align or "\n" in caption:
            return head
        stripped = f"{caption}{self.sep.rstrip() or ':'}"
        return (stripped.rjust(self.align) if self.right else stripped.ljust(self.align)) + " "

    def kv(self, fields: list[Field]) -> list[str]:
        lines: list[str] = []
        for item in fields:
            head = self._head(item.caption)
            if item.block and not self.align and len(item.lines) > 1:
                lines.append(head.rstrip())
                lines.extend(self.indent + line for line in item.lines)
                continue
            lines.append(head + item.lines[0])
            pad = " " * len(head.split("\n")[-1]) if self.align else self.indent
            lines.extend(pad + line for line in item.lines[1:])
        return lines

    def stacked(self, fields: list[Field]) -> list[str]:
        lines: list[str] = []
        for item in fields:
            lines.append(item.caption)
            lines.extend(self.indent + line for line in item.lines)
            lines.append("")
        return lines

    def inline(self, fields: list[Field], rng: random.Random) -> list[str]:
        gap = " " * rng.choice((3, 4, 6))
        lines: list[str] = []
        current = ""
        for item in fields:
            if item.block or len(item.lines) > 1 or "\n" in item.caption:
                if current:
                    lines.append(current)
                    current = ""
                lines.extend(self.stacked([item])[:-1])
                continue
            text = f"{item.caption}{self.sep}{item.lines[0]}"
            if current and len(current) + len(gap) + len(text) <= self.width:
                current += gap + text
            else:
                if current:
                    lines.append(current)
                current = text
        if current:
            lines.append(current)
        return lines

    def boxes(self, fields: list[Field], rng: random.Random, numbered: bool) -> list[str]:
        """Fields in boxes, two or three to a row (blocks two at most), captions on top."""
        rows: list[list[Field]] = []
        for item in fields:
            limit = 2 if item.block else rng.choice((2, 3, 3))
            if rows and len(rows[-1]) < limit and not (item.block and any(f.block for f in rows[-1][1:])):
                rows[-1].append(item)
            else:
                rows.append([item])
        cells: list[list[list[str]]] = []
        widths: list[list[int]] = []
        for row in rows:
            shares = [rng.uniform(0.8, 1.4) for _ in row]
            row_widths = widths_for(self.width, shares, self.border)
            cells.append(
                [self._box(item, width, numbered) for item, width in zip(row, row_widths, strict=True)]
            )
            widths.append(row_widths)
        return grid(cells, widths, self.border, rules=True)

    def _box(self, item: Field, width: int, numbered: bool, inline: bool = False) -> list[str]:
        """One field's box text: its (numbered) caption on top, or before the value when `inline`."""
        caption = item.caption
        if numbered:
            self.counter += 1
            caption = self.numbering.format(n=self.counter) + caption
        if inline and not item.block and "\n" not in caption:
            return fit(f"{caption}{self.sep}{item.lines[0]}", width)
        cell = [piece for part in caption.split("\n") for piece in fit(part, width)]
        return cell + [piece for line in item.lines for piece in fit(line, width)]

    def panels(self, left: list[Field], right: list[Field], rng: random.Random, numbered: bool) -> list[str]:
        """Two groups side by side in one row of two boxes, as forms put the parties beside the
        references; short fields in a panel print caption and value on one line."""
        widths = widths_for(self.width, [rng.uniform(1.0, 1.6), 1.0], self.border)
        cells = []
        for fields, width in ((left, widths[0]), (right, widths[1])):
            cell: list[str] = []
            for item in fields:
                if cell and (item.block or rng.random() < 0.3):
                    cell.append("")
                cell += self._box(item, width, numbered, inline=True)
            cells.append(cell)
        return grid([cells], [widths], self.border)
