"""The EDIFACT IFTMIN layout: values stay whole because UNA declares free separators."""

from __future__ import annotations

import pytest

from service.data.families import all_families
from tests.data.families.shipments_a import FACTORIES as OCEAN
from tests.data.families.shipments_b import FACTORIES, machine_checked, sampled

FAMILY = all_families()["edifact_iftmin"]


def _segments(text: str) -> tuple[list[list[list[str]]], str]:
    """Segments as elements of components, split by the UNA header's separators (or the defaults)."""
    component, element, decimal, terminator = ":", "+", ".", "'"
    if text.startswith("UNA"):
        component, element, decimal, terminator = text[3], text[4], text[5], text[8]
        text = text[9:]
    segments = [s.strip("\n") for s in text.split(terminator) if s.strip()]
    return [[e.split(component) for e in s.split(element)] for s in segments], decimal


@pytest.mark.parametrize("document_type", FAMILY.doc_types)
def test_fixtures_print_every_label_value(document_type: str) -> None:
    for seed in range(30):
        machine_checked(FAMILY, FACTORIES[document_type](), seed)
        machine_checked(FAMILY, OCEAN[document_type](), seed)


def test_sampled_shipments_print_every_label_value() -> None:
    for shipment, seed in sampled(FAMILY):
        machine_checked(FAMILY, shipment, seed)


def test_apostrophe_plus_and_colon_in_values_move_the_separators() -> None:
    for seed in range(20):
        text = machine_checked(FAMILY, FACTORIES["sea_waybill"](), seed)
        assert text.startswith("UNA")
        assert not {text[3], text[4], text[8]} & {"'", "+", ":"}
        segments, _ = _segments(text)
        names = [c for s in segments if s[0] == ["NAD"] for e in s for c in e]
        assert "Soieries d'Auvergne SARL" in names
        assert "14 rue de l'Industrie 69007 Lyon FRANCE" in names
        assert "P.O. Box 4417: Jebel Ali Free Zone Dubai, U.A.E." in names


def test_document_code_tells_a_bill_from_a_waybill() -> None:
    bill, _ = _segments(machine_checked(FAMILY, OCEAN["bill_of_lading"](), 0))
    waybill, _ = _segments(machine_checked(FAMILY, OCEAN["sea_waybill"](), 0))
    assert next(s for s in bill if s[0] == ["BGM"])[1][0] == "705"
    assert next(s for s in waybill if s[0] == ["BGM"])[1][0] == "700"


def test_places_carry_their_dates_and_totals_use_the_declared_decimal_mark() -> None:
    marks = set()
    for seed in range(30):
        segments, decimal = _segments(machine_checked(FAMILY, OCEAN["bill_of_lading"](), seed))
        marks.add(decimal)
        loading = segments.index([["LOC"], ["9"], ["DEHAM", "139", "6", "HAMBURG"]])
        qualifier, date = segments[loading + 1][1][:2]
        assert qualifier in ("133", "136") and date.startswith("20260316")
        weight = next(s for s in segments if s[0] == ["CNT"] and s[1][0] == "7")
        assert weight[1] == ["7", f"10535{decimal}5", "KGM"]
    assert marks == {".", ","}


def test_goods_line_segments_and_incomplete_dangerous_goods() -> None:
    segments, _ = _segments(machine_checked(FAMILY, FACTORIES["sea_waybill"](), 1))
    assert [s[1:] for s in segments if s[0] == ["DGS"]] == [[["IMD"], ["3"], ["1993"]], [["IMD"], ["9"]]]
    assert [["PIA"], ["5"], ["500720", "HS"]] in segments
    assert [s[2][0] for s in segments if s[0] == ["EQD"]] == ["CMAU3141592", "TGHU2718284"]
