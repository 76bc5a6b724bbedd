"""The carrier B/L box layout prints every labelled value and keeps multi-line values whole."""

from __future__ import annotations

import pytest

from service.data.families import all_families
from service.data.shipment import collapse
from tests.data.families.shipments_a import check_sampled, ocean_bl, render_checked

FAMILY = all_families()["carrier_bl_boxes"]


def test_registered_for_bills_and_sea_waybills() -> None:
    assert FAMILY.doc_types == ("bill_of_lading", "sea_waybill")


@pytest.mark.parametrize("document_type", ["bill_of_lading", "sea_waybill"])
def test_fixture_prints_every_label_value(document_type: str) -> None:
    for seed in range(40):
        render_checked(FAMILY, ocean_bl(document_type), seed)


def test_arrival_date_has_no_box_and_is_dropped() -> None:
    shipment = ocean_bl()
    shipment.arrival_date = shipment.departure_date
    render_checked(FAMILY, shipment, 1)
    assert shipment.to_label()["arrival_date"] is None


def test_boxes_beside_an_address_never_split_it() -> None:
    for seed in range(40):
        shipment = ocean_bl()
        text = render_checked(FAMILY, shipment, seed)
        lines = text.splitlines()
        street = next(i for i, line in enumerate(lines) if line.startswith("4100 Harbor Blvd"))
        # the street line of a multi-line address has nothing printed beside it
        assert lines[street] == "4100 Harbor Blvd" or "Newark" in lines[street]


def test_notify_placeholder_is_printed_and_labelled_null() -> None:
    shipment = ocean_bl()
    text = render_checked(FAMILY, shipment, 3)
    assert "SAME AS CONSIGNEE" in collapse(text)
    assert shipment.to_label()["notify_party"] is None


def test_sampled_shipments_print_every_label_value() -> None:
    check_sampled(FAMILY)
