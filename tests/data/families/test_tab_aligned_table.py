"""The borderless table layout: aligned key fields, tab or space columns, wrapped goods."""

from __future__ import annotations

import pytest

from service.data.families import all_families
from tests.data.families.shipments_a import FACTORIES, check_sampled, ocean_bl, render_checked

FAMILY = all_families()["tab_aligned_table"]


@pytest.mark.parametrize("document_type", FAMILY.doc_types)
def test_fixtures_print_every_label_value(document_type: str) -> None:
    for seed in range(30):
        render_checked(FAMILY, FACTORIES[document_type](), seed)


def test_tables_have_no_borders() -> None:
    for seed in range(20):
        text = render_checked(FAMILY, ocean_bl(), seed)
        assert "|" not in text


def test_some_documents_separate_columns_with_tabs() -> None:
    tabbed = [
        "\tVOSS-NY-01/12\t" in render_checked(FAMILY, ocean_bl(), seed)
        or "VOSS-NY-01/12\t" in render_checked(FAMILY, ocean_bl(), seed)
        for seed in range(40)
    ]
    assert 0 < sum(tabbed) < 40


def test_party_address_continues_under_the_value_column() -> None:
    text = render_checked(FAMILY, ocean_bl(), 5)
    lines = text.splitlines()
    name = next(i for i, line in enumerate(lines) if line.endswith("Tri-State Packaging Supply LLC"))
    column = lines[name].index("Tri-State")
    assert lines[name + 1][:column].strip() == ""


def test_sampled_shipments_print_every_label_value() -> None:
    check_sampled(FAMILY)
