"""The sectioned B/L: underlined headings, parties as blocks, goods as items or a table."""

from __future__ import annotations

import pytest

from service.data.families import all_families
from tests.data.families.shipments_a import check_sampled, ocean_bl, render_checked

FAMILY = all_families()["booking_style_bl"]


@pytest.mark.parametrize("document_type", ["bill_of_lading", "sea_waybill"])
def test_fixtures_print_every_label_value(document_type: str) -> None:
    for seed in range(30):
        render_checked(FAMILY, ocean_bl(document_type), seed)


def test_sections_come_in_order_with_underlined_headings() -> None:
    underlined = 0
    for seed in range(20):
        text = render_checked(FAMILY, ocean_bl(), seed)
        assert text.index("Voss Maschinenbau") < text.index("ESSEN EXPRESS") < text.index("HLXU 871234-3")
        assert (
            text.index("HLXU 871234-3")
            < text.index("CARTON SEALING MACHINES")
            < text.index("FREIGHT PREPAID")
        )
        lines = text.splitlines()
        headings = [
            i for i in range(2, len(lines)) if lines[i - 2] == "" and lines[i] and set(lines[i]) <= set("=-~")
        ]
        assert all(len(lines[i]) == len(lines[i - 1]) for i in headings)
        underlined += len(headings)
    assert underlined > 20


def test_goods_as_item_paragraphs_number_every_item() -> None:
    seen = 0
    for seed in range(20):
        text = render_checked(FAMILY, ocean_bl(), seed)
        if "  DESCRIPTION" in text.upper() and "2.115,500 KGS" in text:
            lines = text.splitlines()
            second = next(i for i, line in enumerate(lines) if "SPARE PARTS FOR PACKAGING MACHINERY" in line)
            seen += lines[second - 1].rstrip().endswith("2")
    assert seen > 0


def test_sampled_shipments_print_every_label_value() -> None:
    check_sampled(FAMILY)
