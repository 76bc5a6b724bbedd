"""Sampled shipments are consistent per document type and their labels follow the contract."""

from __future__ import annotations

import random
import re

import pytest

from service.data import identifiers, reference
from service.data.world import DOCUMENT_TYPES, sample_shipment
from service.manifest import Manifest

MODES = {
    "bill_of_lading": {"sea"},
    "sea_waybill": {"sea"},
    "air_waybill": {"air"},
    "road_consignment_note": {"road"},
    "rail_consignment_note": {"rail"},
    "cargo_manifest": {"sea", "air"},
    "arrival_notice": {"sea", "air"},
    "packing_list": {"sea", "air", "road"},
}


@pytest.mark.parametrize("document_type", DOCUMENT_TYPES)
def test_shipments_are_consistent_for_their_type(document_type: str) -> None:
    rng = random.Random(document_type)
    for _ in range(150):
        shipment = sample_shipment(document_type, rng)
        label = shipment.to_label()
        Manifest.model_validate(label)
        assert label["document_type"] == document_type
        assert label["transport_mode"] in MODES[document_type]
        assert 1 <= len(label["items"]) <= 12
        assert 0 <= len(label["containers"]) <= 8
        if label["transport_mode"] == "air":
            assert label["containers"] == []
        if label["transport_mode"] in ("road", "rail"):
            assert label["port_of_discharge"] is None
            assert label["place_of_delivery"] is not None


def test_air_waybill_numbers_use_the_airline_prefix_and_mod7_check() -> None:
    rng = random.Random(5)
    prefixes = {c.awb_prefix: c for c in reference.load().air_carriers}
    checked = 0
    for _ in range(300):
        shipment = sample_shipment("air_waybill", rng)
        match = re.fullmatch(r"(\d{3})[- ]?(\d{4}) ?(\d{4})", shipment.document_number or "")
        if not match:
            continue  # a forwarder's house AWB number
        checked += 1
        prefix, serial = match.group(1), match.group(2) + match.group(3)
        airline = prefixes[prefix]
        assert int(serial[:7]) % 7 == int(serial[7])
        assert shipment.vessel_or_flight and shipment.vessel_or_flight.startswith(airline.iata)
    assert checked > 200


def test_awb_serial_check_digit() -> None:
    assert identifiers.awb_serial("1234567") == "12345675"  # 020-12345675, the reference README


def test_stated_totals_are_the_sums_and_unstated_totals_are_null() -> None:
    rng = random.Random(6)
    stated = unstated = 0
    for _ in range(600):
        shipment = sample_shipment(rng.choice(DOCUMENT_TYPES), rng)
        quantities = [i.quantity.value for i in shipment.items if i.quantity]
        if shipment.total_packages is None:
            unstated += 1
            assert shipment.to_label()["total_packages"] is None
        elif quantities:
            stated += 1
            assert shipment.total_packages.value == sum(quantities)
    assert stated > 50 and unstated > 50


def test_hard_cases_occur_and_are_labelled_null() -> None:
    rng = random.Random(7)
    seen = {"no_year": 0, "placeholder": 0, "cubic_feet": 0, "size_only": 0, "no_code": 0, "to_order": 0}
    for _ in range(2000):
        shipment = sample_shipment(rng.choice(DOCUMENT_TYPES), rng)
        label = shipment.to_label()
        if shipment.issue_date and shipment.issue_date.value is None:
            seen["no_year"] += 1
            assert label["issue_date"] is None
        if shipment.notify_party and shipment.notify_party.placeholder:
            seen["placeholder"] += 1
            assert label["notify_party"] is None
        for item, item_label in zip(shipment.items, label["items"], strict=True):
            if item.volume and item.volume.cbm is None:
                seen["cubic_feet"] += 1
                assert item_label["volume_cbm"] is None
        for container, container_label in zip(shipment.containers, label["containers"], strict=True):
            if container.size and container.size.value is None:
                seen["size_only"] += 1
                assert container_label["size_type"] is None
        if shipment.port_of_loading and shipment.port_of_loading.code_printed is None:
            seen["no_code"] += 1
            assert label["port_of_loading"]["unlocode"] is None
        if label["consignee"] and label["consignee"]["name"].startswith("TO "):
            seen["to_order"] += 1
            assert label["consignee"]["address"] is None
    assert all(count > 5 for count in seen.values()), seen


def test_same_seed_same_shipment() -> None:
    first = sample_shipment("bill_of_lading", random.Random(42)).to_label()
    again = sample_shipment("bill_of_lading", random.Random(42)).to_label()
    other = sample_shipment("bill_of_lading", random.Random(43)).to_label()
    assert first == again
    assert first != other


def test_unknown_document_type_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown document type"):
        sample_shipment("invoice", random.Random(1))
