"""Numbered-box consignment note forms (CMR road, CIM rail) as text extraction shows them.

Printed notes caption every box with its number and two or three languages ("1 Absender /
Sender"). Text extraction reads the left and right box columns line by line, so the left
column keeps multi-line values (addresses) as groups and the right column holds one-line
entries beside them (`_columns.side_by_side`). The goods area is either a table under
numbered column captions or, for a single goods line, one numbered box per field.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from service.data.captions import caption
from service.data.families._fieldtext import item_notes, party_segments
from service.data.families._grid import BLANKS, Row, item_cell, render
from service.data.noise import terms_paragraph
from service.data.shipment import Party, Shipment, Style

# Goods columns of the note, in form order, with their caption keys.
GOODS = (
    ("marks", "marks"), ("quantity", "quantity"), ("package", "package_type"), ("description", "description"),
    ("hs", "statistical_number"), ("weight", "gross_weight"), ("volume", "volume"),
)  # fmt: skip


@dataclass(slots=True)
class Boxes:
    """Box captions of one note: its number, the document's language and a second one."""

    style: Style
    second: Style
    rng: random.Random
    other_note: str  # the other convention's name, never printed in a caption ("CMR" on a CIM note)

    @classmethod
    def for_shipment(cls, shipment: Shipment, rng: random.Random) -> Boxes:
        style = shipment.style
        other = "en" if style.language != "en" else rng.choice(("de", "fr"))
        other_note = "CMR" if shipment.transport_mode == "rail" else "CIM"
        return cls(style, Style(language=other, upper=style.upper), rng, other_note)

    def _caption(self, key: str, style: Style) -> str:
        text = caption(key, style, self.rng, english_share=0)
        while self.other_note in text.upper():
            text = caption(key, style, self.rng, english_share=0)
        return text

    def title(self, number: int | str, key: str) -> str:
        """ "1 Absender / Sender": the box number, then the caption in both languages."""
        first, second = self._caption(key, self.style), self._caption(key, self.second)
        text = first if first == second else f"{first} / {second}"
        return f"{number} {text}" if number != "" else text

    def party(self, number: int | str, key: str, party: Party | None) -> list[list[str]]:
        """A party box: numbered caption, then the party's line groups (an empty box stays)."""
        groups = party_segments(party, self.rng, one_line_share=0.15) if party else []
        return [[self.title(number, key)], *groups]

    def line(self, number: int | str, key: str, value: str | None) -> list[list[str]]:
        """A one-value box: caption and value on one line or the value under the caption."""
        if not value:
            return [[self.title(number, key)]]
        if self.rng.random() < 0.5:
            return [[f"{self.title(number, key)}: {value}"]]
        return [[self.title(number, key)], [value]]


def goods_block(shipment: Shipment, boxes: Boxes, numbers: dict[str, int | str]) -> list[str]:
    """The goods area: a numbered-column table, or numbered boxes when one line is listed."""
    rng = boxes.rng
    if len(shipment.items) == 1 and rng.random() < 0.6:
        item = shipment.items[0]
        lines = []
        for key, caption_key in GOODS:
            title, value = boxes.title(numbers[key], caption_key), item_cell(item, key)
            lines.append(f"{title}: {value}" if value else title)
            if key == "description" and item.dangerous:
                lines.append(item.dangerous.printed)
        return lines
    keys = [key for key, _ in GOODS]
    head = [boxes.title(numbers[key], caption_key) for key, caption_key in GOODS]
    rows = []
    where = keys.index("description")
    for item in shipment.items:
        notes = [n for n in item_notes(item, rng) if n != item.hs_printed]
        under = [[""] * where + [note] + [""] * (len(keys) - where - 1) for note in notes]
        rows.append(Row([item_cell(item, key) for key in keys], under))
    numeric = {keys.index("quantity"), keys.index("weight"), keys.index("volume")}
    return render(head, rows, rng.choice(BLANKS), numeric)


def totals_line(shipment: Shipment, boxes: Boxes) -> str | None:
    """Stated totals under the goods area ("Summe / Total: 20  22.040,5 kg")."""
    parts = [
        f"{boxes.title('', key)}: {value.printed}"
        for key, value in (
            ("total_packages", shipment.total_packages),
            ("total_gross_weight", shipment.total_gross_weight),
            ("total_volume", shipment.total_volume),
        )
        if value is not None
    ]
    return "   ".join(parts) or None


def convention(shipment: Shipment, rng: random.Random, width: int) -> str:
    """The clause naming the note's own convention (CMR on road, CIM on rail), else plain terms."""
    own = "CIM" if shipment.transport_mode == "rail" else "CMR"
    for _ in range(5):
        text = terms_paragraph(shipment.style.language, rng, width=width, convention=True)
        if own in text:
            return text
    return terms_paragraph(shipment.style.language, rng, width=width)
