"""The X12 309 layout: a customs manifest whose values survive as whole elements."""

from __future__ import annotations

import random

from service.data.families import all_families
from service.data.shipment import DateValue, Party
from tests.data.families.shipments_a import FACTORIES as OCEAN
from tests.data.families.shipments_b import FACTORIES, machine_checked, sampled

FAMILY = all_families()["x12_309"]


def _segments(text: str) -> list[list[str]]:
    """Split an interchange by the separators its ISA header declares."""
    element, terminator = text[3], text[105]
    return [s.strip("\n").split(element) for s in text.split(terminator) if s.strip()]


def test_fixtures_print_every_label_value() -> None:
    for seed in range(30):
        machine_checked(FAMILY, FACTORIES["cargo_manifest"](), seed)
        machine_checked(FAMILY, OCEAN["cargo_manifest"](), seed)


def test_sampled_shipments_print_every_label_value() -> None:
    for shipment, seed in sampled(FAMILY):
        machine_checked(FAMILY, shipment, seed)


def test_a_manifest_with_parties_is_one_bill_carrying_the_totals() -> None:
    for seed in range(10):
        shipment = OCEAN["cargo_manifest"]()
        segments = _segments(machine_checked(FAMILY, shipment, seed))
        assert [s[0] for s in segments].count("LX") == 1
        m11 = next(s for s in segments if s[0] == "M11")
        assert m11[3:8] == ["145", "CAS", "10.05", "E", "22.5"]
        assert shipment.to_label()["total_gross_weight"] == {"value": 10.05, "unit": "t"}


def test_several_bills_state_no_document_totals() -> None:
    labels = []
    for seed in range(20):
        shipment = FACTORIES["cargo_manifest"]()
        segments = _segments(machine_checked(FAMILY, shipment, seed))
        if [s[0] for s in segments].count("LX") > 1:
            labels.append(shipment.to_label())
    assert labels, "no seed split the manifest into bills"
    assert all(label["total_gross_weight"] is None and label["total_packages"] is None for label in labels)


def test_arrival_date_goes_to_p4_and_vessel_to_m10() -> None:
    segments = _segments(machine_checked(FAMILY, FACTORIES["cargo_manifest"](), 3))
    p4 = next(s for s in segments if s[0] == "P4")
    assert p4[1:3] == ["2704", "20260424"]
    m10 = next(s for s in segments if s[0] == "M10")
    assert m10[5:8] == ["ONE HANGZHOU BAY", "061E", "MF-ONEY-2604-0031"]


def test_separators_change_instead_of_escaping_values() -> None:
    for seed in range(20):
        shipment = OCEAN["cargo_manifest"]()
        shipment.items[0].description = "BOLTS*NUTS~WASHERS|SPACERS"
        shipment.shipper = Party("A*B Trading", ["1 Main St~Suite 2", "Hull"], None)
        segments = _segments(machine_checked(FAMILY, shipment, seed))
        assert ["N1", "SH", "A*B Trading"] in segments
        assert any(s[:3] == ["N10", "10", "BOLTS*NUTS~WASHERS|SPACERS"] for s in segments)


def test_containers_split_into_initial_and_number_with_iso_size() -> None:
    shipment = FACTORIES["cargo_manifest"]()
    segments = _segments(FAMILY.render(shipment, random.Random(5)))
    vids = [s for s in segments if s[0] == "VID"]
    assert [v[2] + v[3] for v in vids] == [c["number"] for c in shipment.to_label()["containers"]]
    assert vids[0][9] in ("45G1", "45G0")
    assert all(len(v) < 10 for v in vids[3:])  # no size was printed: nothing in VID-09


def test_no_year_arrival_cubic_feet_and_bare_sizes_leave_empty_elements() -> None:
    shipment = OCEAN["packing_list"]()
    shipment.document_type = "cargo_manifest"
    shipment.arrival_date = DateValue(None, "12.03.")
    segments = _segments(machine_checked(FAMILY, shipment, 0))
    assert next(s for s in segments if s[0] == "P4")[2] == ""
    assert next(s for s in segments if s[0] == "M11")[7:] == []  # no volume, no unit
    assert next(s for s in segments if s[0] == "VID")[5:] == []
    label = shipment.to_label()
    assert label["total_volume_cbm"] is None and label["containers"][0]["size_type"] is None
