"""The README read as data: its sections, its tables and the commands of its code blocks."""

from __future__ import annotations

import re

from tests.shared_material import REPO_ROOT

README = REPO_ROOT / "README.md"


def section(title: str) -> str:
    """The text of the `## title` section, up to the next `## ` heading."""
    text = README.read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    if match is None:
        raise LookupError(f"README has no section {title!r}")
    return match.group(1)


def code_blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", text, flags=re.M | re.S)


def commands(text: str) -> list[str]:
    """Every command line of the section's bash blocks (comments after `#` kept: bash ignores them)."""
    return [line for block in code_blocks(text, "bash") for line in block.splitlines() if line.strip()]


def table_rows(text: str, header: str) -> list[list[str]]:
    """The cells of the table whose header row starts with `| header |`, without the header."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {header} |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]])
    return rows
