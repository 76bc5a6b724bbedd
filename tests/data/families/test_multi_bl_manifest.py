"""The multi-bill cargo manifest: every container and item, parties only when stated once."""

from __future__ import annotations

import re

from service.data.families import all_families
from service.data.shipment import collapse
from tests.data.families.shipments_a import cargo_manifest, check_sampled, render_checked

FAMILY = all_families()["multi_bl_manifest"]


def test_fixture_prints_every_label_value() -> None:
    for seed in range(40):
        render_checked(FAMILY, cargo_manifest(), seed)


def test_items_and_containers_keep_document_order_across_bills() -> None:
    for seed in range(20):
        shipment = cargo_manifest()
        text = collapse(render_checked(FAMILY, shipment, seed))
        label = shipment.to_label()
        assert len(label["items"]) == 10 and len(label["containers"]) == 7
        item_positions = [text.index(f"LOT {n} POUR") for n in range(1, 11)]
        container_positions = [text.index(f"CMAU {n:06d}") for n in range(314150, 314157)]
        assert item_positions == sorted(item_positions)
        assert container_positions == sorted(container_positions)


def test_parties_and_terms_are_labelled_only_when_stated_once_for_all() -> None:
    outcomes = set()
    for seed in range(30):
        shipment = cargo_manifest()
        text = render_checked(FAMILY, shipment, seed)
        first_bill = re.search(r"CMDU\d{6,}", text)
        assert first_bill is not None
        in_first_bill = text.index("Agrifrance Export SAS") > first_bill.start()
        label = shipment.to_label()
        per_bill = label["shipper"] is None
        outcomes.add(per_bill)
        assert in_first_bill == per_bill
        if per_bill:
            assert (label["consignee"], label["notify_party"], label["freight_terms"]) == (None, None, None)
        else:
            assert label["shipper"]["name"] == "Agrifrance Export SAS"
            assert label["freight_terms"] == "collect"
    assert outcomes == {True, False}


def test_sampled_shipments_print_every_label_value() -> None:
    check_sampled(FAMILY)
