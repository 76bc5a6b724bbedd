"""The X12 310 layout: an ocean bill as freight receipt segments, values kept whole."""

from __future__ import annotations

import pytest

from service.data.families import all_families
from tests.data.families.shipments_a import FACTORIES as OCEAN
from tests.data.families.shipments_b import FACTORIES, machine_checked, sampled

FAMILY = all_families()["x12_310"]


def _segments(text: str) -> list[list[str]]:
    """Split an interchange by the separators its ISA header declares."""
    element, terminator = text[3], text[105]
    return [s.strip("\n").split(element) for s in text.split(terminator) if s.strip()]


@pytest.mark.parametrize("document_type", FAMILY.doc_types)
def test_fixtures_print_every_label_value(document_type: str) -> None:
    for seed in range(30):
        machine_checked(FAMILY, FACTORIES[document_type](), seed)
        machine_checked(FAMILY, OCEAN[document_type](), seed)


def test_sampled_shipments_print_every_label_value() -> None:
    for shipment, seed in sampled(FAMILY):
        machine_checked(FAMILY, shipment, seed)


def test_bill_number_payment_and_issue_date_lead_in_b3() -> None:
    segments = _segments(machine_checked(FAMILY, OCEAN["bill_of_lading"](), 0))
    b3 = next(s for s in segments if s[0] == "B3")
    assert b3[3:7] == ["HLCUHAM260312877", "PP", "", "20260314"]
    assert ["N9", "BM", "HLCUHAM260312877", "BILL OF LADING"] in segments


def test_waybill_reference_and_collect_terms() -> None:
    segments = _segments(machine_checked(FAMILY, FACTORIES["sea_waybill"](), 0))
    assert ["N9", "WY", "CMAU0FR2604117", "SEA WAYBILL"] in segments
    assert next(s for s in segments if s[0] == "B3")[4] == "CC"


def test_ports_carry_their_dates_and_terms_their_incoterm() -> None:
    segments = _segments(machine_checked(FAMILY, OCEAN["bill_of_lading"](), 1))
    loading = segments.index(["R4", "L", "UN", "DEHAM", "HAMBURG", "DE"])
    assert segments[loading + 1] == ["DTM", "370", "20260316"]
    assert ["R4", "E", "", "", "NEWARK, NJ"] in segments
    assert ["FOB", "PP", "", "", "01", "CIF"] in segments


def test_goods_lines_and_totals_in_canonical_numbers() -> None:
    segments = _segments(machine_checked(FAMILY, OCEAN["bill_of_lading"](), 2))
    assert ["L0", "1", "", "", "8420", "G", "31.2", "X", "12", "PLT", "", "K"] in segments
    assert ["L5", "2", "SPARE PARTS FOR PACKAGING MACHINERY", "842290", "H"] in segments
    assert ["MAN", "L", "VOSS-NY-13/20"] in segments
    l3 = next(s for s in segments if s[0] == "L3")
    assert (l3[1], l3[9], l3[11], l3[12]) == ("10535.5", "46", "20", "K")


def test_incomplete_dangerous_goods_state_one_half_and_label_null() -> None:
    shipment = FACTORIES["sea_waybill"]()
    segments = _segments(machine_checked(FAMILY, shipment, 0))
    assert [s for s in segments if s[0] == "H1"] == [["H1", "1993", "3"], ["H1", "", "9"]]
    dangerous = [item["dangerous_goods"] for item in shipment.to_label()["items"]]
    assert dangerous == [None, {"un_number": "UN1993", "hazard_class": "3"}, None]
