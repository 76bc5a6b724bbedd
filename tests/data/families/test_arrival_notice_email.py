"""The arrival notice e-mail: notice reference as the number, ETA in prose or fields."""

from __future__ import annotations

from service.data.families import all_families
from service.data.shipment import collapse
from tests.data.families.shipments_a import arrival_notice, check_sampled, render_checked

FAMILY = all_families()["arrival_notice_email"]


def test_registered_for_arrival_notices() -> None:
    assert FAMILY.doc_types == ("arrival_notice",)


def test_fixture_prints_every_label_value() -> None:
    for seed in range(40):
        render_checked(FAMILY, arrival_notice(), seed)


def test_arrival_port_and_eta_are_announced() -> None:
    for seed in range(20):
        text = collapse(render_checked(FAMILY, arrival_notice(), seed))
        assert "03/30/2026" in text
        assert "NEW YORK, NY" in text


def test_referenced_bill_number_is_a_different_number() -> None:
    for seed in range(20):
        shipment = arrival_notice()
        text = render_checked(FAMILY, shipment, seed)
        numbers = [line for line in text.splitlines() if "HLCU" in line and "SCAC" not in line]
        assert numbers, text
        assert all("AN-MIA-558120" not in line for line in numbers)
        assert shipment.to_label()["document_number"] == "AN-MIA-558120"


def test_sampled_shipments_print_every_label_value() -> None:
    check_sampled(FAMILY)
