"""The HAWB key/value sheet: house number labelled, master AWB printed as a decoy."""

from __future__ import annotations

from service.data.families import all_families
from tests.data.families.shipments_a import air_waybill, check_sampled, render_checked

FAMILY = all_families()["awb_house_list"]


def test_fixture_prints_every_label_value() -> None:
    for seed in range(40):
        render_checked(FAMILY, air_waybill(), seed)


def test_master_awb_is_printed_beside_the_house_number() -> None:
    for seed in range(20):
        shipment = air_waybill()
        text = render_checked(FAMILY, shipment, seed)
        master = next(line for line in text.splitlines() if "MAWB" in line or "Master AWB" in line)
        assert "020-48213375" not in master
        assert shipment.to_label()["document_number"] == "020-48213375"


def test_goods_are_numbered_lines_with_their_values() -> None:
    text = render_checked(FAMILY, air_waybill(), 2)
    line = next(line for line in text.splitlines() if "POWER BANKS" in line)
    assert line.startswith("2")
    assert "18.0 K" in line and "UN3481 Class 9" in line


def test_sampled_shipments_print_every_label_value() -> None:
    check_sampled(FAMILY)
