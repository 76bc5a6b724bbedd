"""The compact sea waybill form: numbered boxes, small boxes in rows, shipper's particulars."""

from __future__ import annotations

from service.data.families import all_families
from tests.data.families.shipments_a import check_sampled, ocean_bl, render_checked

FAMILY = all_families()["sea_waybill_form"]


def test_registered_for_sea_waybills() -> None:
    assert FAMILY.doc_types == ("sea_waybill",)


def test_fixture_prints_every_label_value() -> None:
    for seed in range(40):
        render_checked(FAMILY, ocean_bl("sea_waybill"), seed)


def test_eta_and_incoterm_have_no_box_and_are_dropped() -> None:
    shipment = ocean_bl("sea_waybill")
    shipment.arrival_date = shipment.departure_date
    text = render_checked(FAMILY, shipment, 1)
    label = shipment.to_label()
    assert (label["arrival_date"], label["incoterm"]) == (None, None)
    assert "CIF New York" not in text


def test_each_container_line_carries_its_seal_and_size() -> None:
    for seed in range(20):
        text = render_checked(FAMILY, ocean_bl("sea_waybill"), seed)
        line = next(line for line in text.splitlines() if line.startswith("TGHU 501987-6"))
        assert "4471824" in line and "20' DRY VAN" in line


def test_sampled_shipments_print_every_label_value() -> None:
    check_sampled(FAMILY)
