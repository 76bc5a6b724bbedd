"""The AMS record dump: typed records, each labelled value whole on one record line."""

from __future__ import annotations

import pytest

from service.data.families import all_families
from tests.data.families.shipments_a import FACTORIES as OCEAN
from tests.data.families.shipments_b import FACTORIES, render_checked, sampled

FAMILY = all_families()["ams_dump"]
TAGS = {
    *("MFT", "VSL", "CAR", "RCP", "POL", "POD", "DEL", "FRT", "B/L", "SHP", "CNE"),
    *("NFY", "CTR", "DES", "QTY", "WGT", "MEA", "MRK", "HTS", "HAZ", "TOT", "RMK"),
}


def _records(text: str) -> list[tuple[str, str]]:
    """(tag, content) of each record line, line numbers and separators removed."""
    out = []
    for line in text.splitlines()[2:]:
        words = line.split()
        if words and words[0].isdigit() and len(words[0]) == 4:
            words = words[1:]
        if words and words[0].rstrip(":|") in TAGS:
            out.append((words[0].rstrip(":|"), " ".join(w for w in words[1:] if w not in ("|", ":"))))
    return out


@pytest.mark.parametrize("document_type", FAMILY.doc_types)
def test_fixtures_print_every_label_value(document_type: str) -> None:
    for seed in range(30):
        render_checked(FAMILY, FACTORIES[document_type](), seed)
        render_checked(FAMILY, OCEAN[document_type](), seed)


def test_sampled_shipments_print_every_label_value() -> None:
    for shipment, seed in sampled(FAMILY):
        render_checked(FAMILY, shipment, seed)


def test_every_line_between_banner_and_end_is_a_record() -> None:
    for seed in range(20):
        lines = render_checked(FAMILY, OCEAN["bill_of_lading"](), seed).splitlines()
        end = next(i for i, line in enumerate(lines) if line.startswith("END OF DUMP"))
        assert len(_records("\n".join(lines[:end]))) == end - 2 == int(lines[end].split()[-1])


def test_bill_record_and_whole_party_addresses() -> None:
    records = _records(render_checked(FAMILY, OCEAN["bill_of_lading"](), 4))
    assert ("B/L", "HLCUHAM260312877 ISSUED 14.03.2026 HAMBURG") in records
    assert ("SHP", "Industriestrasse 12 33602 Bielefeld, GERMANY") in records
    assert ("NFY", "SAME AS CONSIGNEE") in records
    assert ("DES", "002 SPARE PARTS FOR PACKAGING MACHINERY") in records


def test_manifest_without_parties_lists_bills_and_states_no_totals() -> None:
    split = 0
    for seed in range(20):
        shipment = FACTORIES["cargo_manifest"]()
        records = _records(render_checked(FAMILY, shipment, seed))
        assert ("MFT", "MF-ONEY-2604-0031 04/11/2026") in records
        bills = [content for tag, content in records if tag == "B/L"]
        assert all(not bill.startswith("MF-") for bill in bills)
        if len(bills) > 1:
            split += 1
            assert not any(tag == "TOT" for tag, _ in records)
            assert shipment.to_label()["total_gross_weight"] is None
    assert split > 10
