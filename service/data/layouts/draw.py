"""Drawing grids of cells: the one primitive behind boxed forms and tables.

A grid is rows of cells; a cell is a list of lines. Each row has its own column widths
(boxes of a form differ per row; a table's rows share them) summing to one total width.
`Border` holds the characters that draw lines and junctions; `none` draws nothing but
the gap between columns. Cells are padded, never cut: a caller wraps long values into
lines first (between words, so a value only ever breaks where it has a space).
"""

from __future__ import annotations

from dataclasses import dataclass

from service.data.noise import wrap


@dataclass(frozen=True, slots=True)
class Border:
    """Line characters: horizontal, vertical, and junctions top/middle/bottom x left/inner/right."""

    h: str
    v: str
    top: str  # left, inner, right corner of the top line
    mid: str  # of a line between rows
    bottom: str
    gap: str = " "  # padding inside a cell, each side

    @property
    def drawn(self) -> bool:
        return bool(self.v)


BORDERS: dict[str, Border] = {
    "ascii": Border("-", "|", "+++", "+++", "+++"),
    "light": Border("─", "│", "┌┬┐", "├┼┤", "└┴┘"),
    "heavy": Border("━", "┃", "┏┳┓", "┣╋┫", "┗┻┛"),
    "double": Border("═", "║", "╔╦╗", "╠╬╣", "╚╩╝"),
    "none": Border("", "", "   ", "   ", "   ", gap=" "),
}

Cell = list[str]


def fit(text: str, width: int) -> list[str]:
    """`text` wrapped into lines of at most `width` characters at spaces (a longer word stays whole)."""
    return wrap(text, width) if len(text) > width else [text]


def widths_for(total: int, shares: list[float], border: Border) -> list[int]:
    """Inner column widths (padding excluded) that fill `total` characters in the given shares."""
    overhead = len(shares) * 2 * len(border.gap) + (len(shares) + 1 if border.drawn else 0)
    room = max(len(shares) * 4, total - overhead)
    widths = [max(4, int(room * share / sum(shares))) for share in shares]
    widths[-1] += room - sum(widths)
    return widths


def _cuts(widths: list[int] | None, border: Border) -> set[int]:
    """Positions of the vertical lines between the columns of a row."""
    cuts, position = set(), 0
    for width in (widths or [])[:-1]:
        position += width + 2 * len(border.gap) + 1
        cuts.add(position)
    return cuts


def _rule(above: list[int] | None, below: list[int] | None, border: Border, total: int) -> str:
    """A horizontal line; a junction joins the lines of the row above, below or both."""
    kind = border.top if above is None else border.bottom if below is None else border.mid
    up, down = _cuts(above, border), _cuts(below, border)
    line = [border.h] * total
    for cut in up | down:
        if 0 < cut < total - 1:
            line[cut] = (
                kind[1] if (cut in up) == (cut in down) else border.bottom[1] if cut in up else border.top[1]
            )
    line[0], line[-1] = kind[0], kind[2]
    return "".join(line)


def grid(
    rows: list[list[Cell]],
    widths: list[list[int]],
    border: Border,
    right_aligned: set[int] | None = None,
    rules: bool = True,
) -> list[str]:
    """Text lines of a grid; `rows[i][j]` is drawn `widths[i][j]` wide. Columns listed in
    `right_aligned` (indices) are padded on the left. Without `rules`, no lines between rows."""
    right_aligned = right_aligned or set()
    pad = border.gap
    lines: list[str] = []
    drawn_widths: list[list[int]] = []
    total = 0
    for index, (cells, row_widths) in enumerate(zip(rows, widths, strict=True)):
        height = max(len(cell) for cell in cells)
        # A word longer than its column widens the column (for this row) rather than being cut.
        row_widths = [max([width, *map(len, cell)]) for cell, width in zip(cells, row_widths, strict=True)]
        body = []
        for depth in range(height):
            parts = []
            for column, (cell, width) in enumerate(zip(cells, row_widths, strict=True)):
                text = cell[depth] if depth < len(cell) else ""
                text = text.rjust(width) if column in right_aligned else text.ljust(width)
                parts.append(f"{pad}{text}{pad}")
            joined = border.v.join(parts) if border.drawn else "".join(parts)
            body.append(f"{border.v}{joined}{border.v}" if border.drawn else joined.rstrip())
        total = len(f"{border.v}{border.v.join(pad + ' ' * w + pad for w in row_widths)}{border.v}")
        if not border.drawn and rules and index:
            lines.append("")
        if border.drawn and (index == 0 or rules):
            lines.append(_rule(drawn_widths[-1] if drawn_widths else None, row_widths, border, total))
        lines.extend(body)
        drawn_widths.append(row_widths)
    if border.drawn and rows:
        lines.append(_rule(drawn_widths[-1], None, border, total))
    return lines
