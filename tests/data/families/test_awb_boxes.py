"""The IATA air waybill boxes: airports with IATA codes, flight/date, the rate table."""

from __future__ import annotations

from service.data.families import all_families
from tests.data.families.shipments_a import air_waybill, check_sampled, render_checked

FAMILY = all_families()["awb_boxes"]


def test_fixture_prints_every_label_value() -> None:
    for seed in range(40):
        render_checked(FAMILY, air_waybill(), seed)


def test_airport_codes_stand_beside_the_names_not_in_them() -> None:
    for seed in range(20):
        shipment = air_waybill()
        text = render_checked(FAMILY, shipment, seed)
        assert "SHENZHEN (SZX)" in text or "SHENZHEN / SZX" in text
        assert shipment.to_label()["port_of_loading"] == {"name": "SHENZHEN", "unlocode": None}


def test_rate_table_has_a_row_per_item_and_a_totals_row() -> None:
    text = render_checked(FAMILY, air_waybill(), 3)
    lines = text.splitlines()
    speakers = next(line for line in lines if "BLUETOOTH SPEAKERS" in line)
    assert "46" in speakers and "612.5 K" in speakers and "3.12 M3" in speakers
    total = next(line for line in lines if "TOTAL" in line and "630.5 K" in line)
    assert "47" in total


def test_containers_eta_and_delivery_have_no_box_and_are_dropped() -> None:
    shipment = air_waybill()
    shipment.arrival_date = shipment.departure_date
    render_checked(FAMILY, shipment, 0)
    label = shipment.to_label()
    assert (label["containers"], label["arrival_date"], label["place_of_delivery"]) == ([], None, None)


def test_sampled_shipments_print_every_label_value() -> None:
    check_sampled(FAMILY)
