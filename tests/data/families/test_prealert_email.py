"""The pre-alert e-mail relays a waybill or B/L: labelled as that document, with its number."""

from __future__ import annotations

import pytest

from service.data.families import all_families
from tests.data.families.shipments_a import FACTORIES, air_waybill, check_sampled, ocean_bl, render_checked

FAMILY = all_families()["prealert_email"]


@pytest.mark.parametrize("document_type", FAMILY.doc_types)
def test_fixtures_print_every_label_value(document_type: str) -> None:
    for seed in range(30):
        render_checked(FAMILY, FACTORIES[document_type](), seed)


def test_mail_names_the_relayed_document_and_its_number_in_the_subject() -> None:
    for seed in range(20):
        text = render_checked(FAMILY, air_waybill(), seed)
        subject = next(line for line in text.splitlines() if line.startswith("Subject: "))
        assert "020-48213375" in subject
        assert any(kind in subject for kind in ("MAWB", "AWB", "HAWB", "air waybill"))


def test_prose_follows_the_document_language() -> None:
    shipment = ocean_bl()
    shipment.style.language = "de"
    text = render_checked(FAMILY, shipment, 4)
    assert any(word in text for word in ("Voravis", "avisieren", "VORAVIS", "Pre-Alert"))
    assert any(word in text for word in ("Grüßen", "Grüße", "MfG"))


def test_departure_sentence_carries_vessel_voyage_origin_and_date() -> None:
    sentences = []
    for seed in range(30):
        text = render_checked(FAMILY, ocean_bl(), seed)
        sentences += [line for line in text.splitlines() if "ESSEN EXPRESS voy. 012W" in line]
    assert sentences
    assert all("16.03.2026" in line and "HAMBURG" in line for line in sentences)


def test_each_goods_line_holds_its_packages_weight_and_volume() -> None:
    for seed in range(20):
        text = render_checked(FAMILY, ocean_bl(), seed)
        line = next(line for line in text.splitlines() if "SPARE PARTS FOR PACKAGING MACHINERY" in line)
        assert "8 CASES" in line and "2.115,500 KGS" in line and "14,800 CBM" in line


def test_sampled_shipments_print_every_label_value() -> None:
    check_sampled(FAMILY)
