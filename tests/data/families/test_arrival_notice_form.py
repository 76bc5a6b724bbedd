"""The arrival notice form: parties beside the voyage, equipment, goods, charges and decoys."""

from __future__ import annotations

from service.data.captions import CAPTIONS
from service.data.families import all_families
from tests.data.families.shipments_a import FACTORIES as OCEAN
from tests.data.families.shipments_b import FACTORIES, render_checked, sampled

FAMILY = all_families()["arrival_notice_form"]
PICK_UP = tuple(c for language in ("nl", "en") for c in CAPTIONS["availability"][language])


def test_fixtures_print_every_label_value() -> None:
    for seed in range(30):
        render_checked(FAMILY, FACTORIES["arrival_notice"](), seed)
        render_checked(FAMILY, OCEAN["arrival_notice"](), seed)


def test_sampled_shipments_print_every_label_value() -> None:
    for shipment, seed in sampled(FAMILY):
        render_checked(FAMILY, shipment, seed)


def test_eta_is_labelled_and_the_pick_up_date_is_not() -> None:
    for seed in range(20):
        shipment = FACTORIES["arrival_notice"]()
        lines = render_checked(FAMILY, shipment, seed).splitlines()
        assert shipment.to_label()["arrival_date"] == "2026-03-29"
        eta = [line for line in lines if "29-03-2026" in line]
        assert len(eta) == 1
        pick_up = [line for line in lines if line.startswith(PICK_UP)]
        assert len(pick_up) == 1 and "29-03-2026" not in pick_up[0]


def test_containers_keep_seal_and_size_on_their_row() -> None:
    for seed in range(10):
        lines = render_checked(FAMILY, FACTORIES["arrival_notice"](), seed).splitlines()
        row = next(line for line in lines if line.startswith("HLXU 871234-3"))
        assert "4471823" in row and "40' HIGH CUBE" in row


def test_charges_never_name_freight_terms() -> None:
    for seed in range(30):
        shipment = FACTORIES["arrival_notice"]()
        shipment.freight_terms = None
        text = render_checked(FAMILY, shipment, seed).upper()
        assert "PREPAID" not in text and "COLLECT" not in text
