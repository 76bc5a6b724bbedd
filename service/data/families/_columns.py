"""Two boxes printed side by side, as a text extraction of a printed form shows them.

Reading such text line by line interleaves the two columns, which would split a labelled
value printed over several lines (an address) with text from the other column. So the
left column is given as groups of lines that must stay together, and the right column's
lines only go beside the last line of a group; the right column holds one-line entries.
"""

from __future__ import annotations


def side_by_side(left: list[list[str]], right: list[str], width: int, gap: int = 2) -> list[str]:
    """Merge `left` (groups of lines) and `right` (single lines) into rows `width` wide."""
    pending = list(reversed(right))
    rows: list[str] = []
    for group in left:
        last = len(group) - 1
        for index, line in enumerate(group):
            if index == last and pending:
                rows.append(f"{line.ljust(width)}{' ' * gap}{pending.pop()}")
            else:
                rows.append(line)
    indent = " " * (width + gap)
    rows.extend(indent + line for line in reversed(pending))
    return rows


def boxed(caption: str, groups: list[list[str]]) -> list[list[str]]:
    """A box: its caption line, then its groups."""
    return [[caption], *groups]
