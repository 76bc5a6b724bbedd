"""The pipe table layout prints key fields, a bordered goods table and a totals row."""

from __future__ import annotations

import pytest

from service.data.families import all_families
from tests.data.families.shipments_a import FACTORIES, check_sampled, ocean_bl, render_checked

FAMILY = all_families()["pipe_table"]


@pytest.mark.parametrize("document_type", FAMILY.doc_types)
def test_fixtures_print_every_label_value(document_type: str) -> None:
    for seed in range(30):
        render_checked(FAMILY, FACTORIES[document_type](), seed)


def test_goods_lines_are_bordered_with_pipes() -> None:
    text = render_checked(FAMILY, ocean_bl(), 0)
    goods = next(line for line in text.splitlines() if "CARTON SEALING MACHINES" in line)
    assert goods.count("|") >= 4


def test_totals_stand_on_one_row_under_their_columns() -> None:
    for seed in range(20):
        text = render_checked(FAMILY, ocean_bl(), seed)
        totals = [line for line in text.splitlines() if "10.535,500 KGS" in line]
        assert len(totals) == 1
        assert "46,000 CBM" in totals[0]


def test_every_container_keeps_its_seal_on_its_line() -> None:
    for seed in range(20):
        text = render_checked(FAMILY, FACTORIES["cargo_manifest"](), seed)
        for number in range(314150, 314157):
            line = next(line for line in text.splitlines() if f"CMAU {number:06d}" in line)
            assert f"F{number:07d}" in line


def test_sampled_shipments_print_every_label_value() -> None:
    check_sampled(FAMILY)
