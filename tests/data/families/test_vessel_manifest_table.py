"""The vessel manifest: voyage header and one wide table of bills, containers and goods."""

from __future__ import annotations

from service.data.families import all_families
from service.data.shipment import collapse
from tests.data.families.shipments_a import cargo_manifest, check_sampled, render_checked

FAMILY = all_families()["vessel_manifest_table"]


def test_fixture_prints_every_label_value() -> None:
    for seed in range(40):
        render_checked(FAMILY, cargo_manifest(), seed)


def test_each_container_row_holds_number_seal_and_type() -> None:
    for seed in range(20):
        text = render_checked(FAMILY, cargo_manifest(), seed)
        row = next(line for line in text.splitlines() if "CMAU 314152-2" in line)
        assert "F0314152" in row and "45R1" in row


def test_items_follow_document_order_and_totals_close_the_table() -> None:
    for seed in range(20):
        text = render_checked(FAMILY, cargo_manifest(), seed)
        flat = collapse(text)
        positions = [flat.index(f"LOT {n} POUR") for n in range(1, 11)]
        assert positions == sorted(positions)
        total = next(line for line in text.splitlines() if "10,05 MT" in line)
        assert "145" in total and "22,5 M3" in total


def test_parties_stated_once_in_the_header_are_labelled() -> None:
    shipment = cargo_manifest()
    render_checked(FAMILY, shipment, 0)
    label = shipment.to_label()
    assert label["shipper"]["name"] == "Agrifrance Export SAS"
    assert label["freight_terms"] == "collect"


def test_sampled_shipments_print_every_label_value() -> None:
    check_sampled(FAMILY)
