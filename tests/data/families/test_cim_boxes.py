"""The CIM rail note: numbered boxes, contractual carrier, train and wagon, no discharge port."""

from __future__ import annotations

from service.data.families import all_families
from tests.data.families.shipments_b import FACTORIES, render_checked, sampled

FAMILY = all_families()["cim_boxes"]


def test_fixtures_print_every_label_value() -> None:
    for seed in range(30):
        render_checked(FAMILY, FACTORIES["rail_consignment_note"](), seed)


def test_sampled_shipments_print_every_label_value() -> None:
    for shipment, seed in sampled(FAMILY):
        render_checked(FAMILY, shipment, seed)


def test_rail_note_drops_the_discharge_station_and_keeps_taking_over() -> None:
    shipment = FACTORIES["rail_consignment_note"]()
    text = render_checked(FAMILY, shipment, 0)
    assert "MÜNCHEN RIEM" not in text
    label = shipment.to_label()
    assert label["port_of_discharge"] is None
    assert label["port_of_loading"] == {"name": "VERONA QUADRANTE EUROPA", "unlocode": "ITVRN"}
    assert label["vessel_or_flight"] == "TRENO 43125" and label["carrier"] == "Mercitalia Rail S.r.l."


def test_identification_carrier_and_train_stand_in_their_boxes() -> None:
    for seed in range(15):
        lines = render_checked(FAMILY, FACTORIES["rail_consignment_note"](), seed).splitlines()
        assert any("62 " in line and line.endswith(": 83 2215 40917") for line in lines)
        assert any("56 " in line and line.endswith(": Mercitalia Rail S.r.l.") for line in lines)
        assert any(line.endswith(": TRENO 43125") for line in lines)
        assert not any("CMR" in line for line in lines)


def test_units_list_containers_with_size_and_seal() -> None:
    text = render_checked(FAMILY, FACTORIES["rail_consignment_note"](), 2)
    assert "CRXU 918273-6   22T6   VR 551204" in text
