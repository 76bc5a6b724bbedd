"""Placements print every value line unchanged (boxes wrap only at spaces) in their own shape."""

from __future__ import annotations

import random

from service.data.layouts.draw import BORDERS
from service.data.layouts.groups import Field
from service.data.layouts.placements import Placer

FIELDS = [
    Field("document_number", "B/L No.", ["MEDU1234567"]),
    Field("shipper", "Shipper", ["ACME TRADING GMBH", "Hafenstrasse 12 20457 Hamburg GERMANY"], block=True),
    Field("voyage", "Voyage", ["412W"]),
    Field("carrier", "Carrier", ["Mediterranean Shipping Company"]),
]


def _placer(kind: str, seed: int = 1, width: int = 80) -> Placer:
    placer = Placer.for_document(kind, BORDERS["ascii"], width, random.Random(seed))
    placer.sep = ": "
    return placer


def _words_in_order(value: str, text: str) -> bool:
    position = 0
    for word in value.split():
        position = text.find(word, position)
        if position < 0:
            return False
        position += len(word)
    return True


def test_kv_prints_caption_and_value_on_one_line_and_a_block_under_its_caption() -> None:
    placer = _placer("kv")
    placer.align = 0
    lines = placer.kv(FIELDS)
    assert "B/L No.: MEDU1234567" in lines
    index = lines.index("Shipper:")
    assert lines[index + 1].strip() == "ACME TRADING GMBH"


def test_aligned_kv_starts_every_value_in_one_column() -> None:
    placer = _placer("kv")
    placer.align, placer.right = 20, False
    lines = placer.kv(FIELDS)
    values = ("MEDU1234567", "412W", "ACME TRADING GMBH", "Hafenstrasse 12")
    starts = {line.index(value) for line in lines for value in values if value in line}
    assert starts == {21}


def test_inline_packs_short_fields_on_one_line_and_stacks_blocks() -> None:
    lines = _placer("inline").inline(FIELDS, random.Random(2))
    assert any("B/L No.: MEDU1234567" in line and "Voyage: 412W" not in line for line in lines)
    assert any("Voyage: 412W" in line and "Carrier: Mediterranean Shipping Company" in line for line in lines)
    assert "Shipper" in lines


def test_stacked_puts_each_caption_above_its_value() -> None:
    lines = _placer("stacked").stacked(FIELDS)
    assert lines[lines.index("Voyage") + 1].strip() == "412W"


def test_boxes_wrap_values_only_between_words_and_keep_their_order() -> None:
    for seed in range(10):
        placer = _placer("boxes", seed, width=60)
        text = "\n".join(placer.place(FIELDS, random.Random(seed)))
        assert text.startswith("+-")
        for item in FIELDS:
            for value in item.lines:
                assert _words_in_order(value, text), value
                assert all(word in text.split() or f"|{word}" in text for word in value.split())


def test_numbered_boxes_count_across_groups_and_panels_sit_side_by_side() -> None:
    placer = _placer("numbered")
    placer.numbering = "{n}. "
    first = "\n".join(placer.boxes(FIELDS[:2], random.Random(3), numbered=True))
    second = "\n".join(placer.boxes(FIELDS[2:], random.Random(3), numbered=True))
    assert "1. B/L No." in first and "2. Shipper" in first
    assert "3. Voyage" in second and "4. Carrier" in second
    panel = placer.panels(FIELDS[1:2], [FIELDS[0], FIELDS[2]], random.Random(4), numbered=False)
    row = next(line for line in panel if "ACME TRADING GMBH" in line)
    assert row.count("|") == 3
    assert any("Shipper" in line and "B/L No.: MEDU1234567" in line for line in panel)
