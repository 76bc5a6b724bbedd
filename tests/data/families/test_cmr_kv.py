"""The CMR transport order printout: key/value lines, loading and unloading with their dates."""

from __future__ import annotations

from service.data.families import all_families
from tests.data.families.shipments_b import FACTORIES, render_checked, sampled

FAMILY = all_families()["cmr_kv"]


def test_fixtures_print_every_label_value() -> None:
    for seed in range(30):
        render_checked(FAMILY, FACTORIES["road_consignment_note"](), seed)


def test_sampled_shipments_print_every_label_value() -> None:
    for shipment, seed in sampled(FAMILY):
        render_checked(FAMILY, shipment, seed)


def test_discharge_port_is_dropped_and_the_taking_over_place_is_loading() -> None:
    for seed in range(10):
        shipment = FACTORIES["road_consignment_note"]()
        text = render_checked(FAMILY, shipment, seed)
        assert "Milano" not in text
        label = shipment.to_label()
        assert label["port_of_discharge"] is None
        assert label["port_of_loading"]["name"] == "Duisburg"
        assert label["departure_date"] == "2026-05-06"


def test_each_goods_line_is_one_numbered_line() -> None:
    for seed in range(10):
        lines = render_checked(FAMILY, FACTORIES["road_consignment_note"](), seed).splitlines()
        first = next(line for line in lines if line.startswith("1. "))
        assert first.split("  ")[:2] == ["1. 18 Bunde", "STAHLPROFILE WARMGEWALZT"]
        assert "21.400 kg" in first and "RP-MI 1-18" in first
        assert next(line for line in lines if line.startswith("2. ")).startswith(
            "2. 2 Paletten  BEFESTIGUNGSMATERIAL"
        )


def test_keys_follow_the_document_language() -> None:
    text = render_checked(FAMILY, FACTORIES["road_consignment_note"](), 3)
    assert "TRANSPORTAUFTRAG" in text and "CMR 0417755" in text
