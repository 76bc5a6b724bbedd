"""The Markdown export: sections, pipe tables that never split a value, any document type."""

from __future__ import annotations

import pytest

from service.data.families import all_families
from tests.data.families.shipments_b import FACTORIES, render_checked, sampled

FAMILY = all_families()["markdown_export"]


@pytest.mark.parametrize("document_type", sorted(FACTORIES))
def test_fixtures_print_every_label_value(document_type: str) -> None:
    for seed in range(20):
        render_checked(FAMILY, FACTORIES[document_type](), seed)


def test_sampled_shipments_print_every_label_value() -> None:
    for shipment, seed in sampled(FAMILY):
        render_checked(FAMILY, shipment, seed)


def test_goods_table_rows_hold_one_item_each_with_equal_cell_counts() -> None:
    for seed in range(20):
        lines = render_checked(FAMILY, FACTORIES["bill_of_lading"](), seed).splitlines()
        rows = [line for line in lines if line.startswith("| 1 |") or line.startswith("| 2 |")]
        if rows:
            assert len(rows) == 2 and rows[0].count("|") == rows[1].count("|")
            assert "CARTON SEALING MACHINES" in rows[0] and "8.420,000 KGS" in rows[0]


def test_a_pipe_inside_a_value_turns_tables_into_lists() -> None:
    for seed in range(10):
        shipment = FACTORIES["bill_of_lading"]()
        shipment.items[0].marks = "VOSS|NY|01"
        text = render_checked(FAMILY, shipment, seed)
        assert not any(line.startswith("| ") for line in text.splitlines())


def test_road_notes_never_state_a_port_of_discharge() -> None:
    for seed in range(10):
        shipment = FACTORIES["road_consignment_note"]()
        text = render_checked(FAMILY, shipment, seed)
        assert "Milano" not in text and shipment.to_label()["port_of_discharge"] is None
