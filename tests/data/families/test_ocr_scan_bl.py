"""The OCR'd B/L scan: merged columns that keep values whole, noise only outside values."""

from __future__ import annotations

import re

import pytest

from service.data.families import all_families
from service.data.shipment import collapse
from tests.data.families.shipments_a import FACTORIES as OCEAN
from tests.data.families.shipments_b import FACTORIES, render_checked, sampled

FAMILY = all_families()["ocr_scan_bl"]
ARTEFACT = re.compile(r"[A-Za-z][01|~`'][A-Za-z]|[A-Za-z][|~`]")


@pytest.mark.parametrize("document_type", FAMILY.doc_types)
def test_fixtures_print_every_label_value(document_type: str) -> None:
    for seed in range(30):
        render_checked(FAMILY, FACTORIES[document_type](), seed)
        render_checked(FAMILY, OCEAN[document_type](), seed)


def test_sampled_shipments_print_every_label_value() -> None:
    for shipment, seed in sampled(FAMILY):
        render_checked(FAMILY, shipment, seed)


def test_fine_print_stands_beside_the_parties_without_splitting_an_address() -> None:
    for seed in range(20):
        shipment = OCEAN["bill_of_lading"]()
        lines = render_checked(FAMILY, shipment, seed).splitlines()
        street = next(i for i, line in enumerate(lines) if "Industriestrasse 12" in line)
        if "33602" not in lines[street]:  # printed over two lines: nothing may stand after the first
            assert lines[street].strip() == "Industriestrasse 12"
            assert lines[street + 1].strip().startswith("33602 Bielefeld, GERMANY")


def test_scans_carry_ocr_artefacts_on_unlabelled_text() -> None:
    values = ("SOIERIES", "AUVERGNE", "JEBEL", "GULF", "ECHANTILLONS", "SOLVANT", "TISSUS", "INDUSTRIE")
    noisy = 0
    for seed in range(20):
        text = render_checked(FAMILY, FACTORIES["sea_waybill"](), seed)
        unlabelled = [line for line in text.splitlines() if not any(v in line.upper() for v in values)]
        noisy += any(ARTEFACT.search(line) for line in unlabelled)
    assert noisy >= 10


def test_the_columns_are_merged_on_one_line() -> None:
    for seed in range(10):
        text = render_checked(FAMILY, FACTORIES["sea_waybill"](), seed)
        line = next(line for line in text.splitlines() if "Soieries d'Auvergne SARL" in line)
        assert (
            collapse(line) != "Soieries d'Auvergne SARL"
        )  # something from the right column stands beside it
