"""The X12 reader on messages written from the 309/310 segment layouts: exact fields, offsets, faults."""

from __future__ import annotations

import re
from typing import Any

import pytest

from service.extraction.schema import span_paths
from service.normalise import normalise
from service.readers import NotReadable, Reading, read
from tests.readers.x12_messages import BILL_310, MANIFEST_309, interchange, seg


def _read(text: str) -> Reading:
    reading = read(text)
    assert reading is not None
    return reading


def _printed(text: str, pieces: list[tuple[int, int]]) -> str:
    return re.sub(r"\s+", " ", " ".join(text[start:end] for start, end in pieces)).strip()


def assert_offsets_print_the_spans(text: str, reading: Reading) -> None:
    offsets = dict(reading.offsets)
    spans = dict(span_paths(reading.extraction))
    assert set(offsets) == set(spans)
    for path, span in spans.items():
        assert _printed(text, offsets[path]) == span, path


def test_310_bill_of_lading_reads_by_the_layout() -> None:
    text = interchange(BILL_310)
    reading = _read(text)
    assert reading.reader == "x12"
    assert reading.unparsed == []
    normalised = normalise(reading.extraction)
    assert normalised.unreadable == []
    assert normalised.manifest == {
        "document_type": "bill_of_lading",
        "document_number": "NLAXHAM260211",  # N9*BM wins over B302
        "issue_date": "2026-02-28",
        "transport_mode": "sea",
        "carrier": "NORDIC LINES AS",
        "vessel_or_flight": "NORDIC STAR",
        "voyage": "012W",
        "shipper": {"name": "ELBWERK MASCHINEN GMBH", "address": "INDUSTRIESTRASSE 12 HAMBURG 20457 DE",
                    "country": "DE"},
        "consignee": {"name": "GREAT LAKES TOOLING INC",
                      "address": "4100 RIVER ROAD SUITE 7 TOLEDO OH 43604 US", "country": "US"},
        "notify_party": None,
        "port_of_loading": {"name": "HAMBURG", "unlocode": "DEHAM"},
        "port_of_discharge": {"name": "NEW YORK, NY", "unlocode": "USNYC"},
        "place_of_delivery": {"name": "TOLEDO", "unlocode": None},  # no R402 `UN`: no code
        "departure_date": "2026-03-02",
        "arrival_date": "2026-03-15",
        "incoterm": None,
        "freight_terms": "collect",
        "containers": [
            {"number": "NSLU4455661", "seal": "SL778899", "size_type": "40GP"},
            {"number": "NSLU4455672", "seal": None, "size_type": "20GP"},
        ],
        "items": [
            {"description": "MACHINE TOOL SPARE PARTS", "hs_code": "846693", "quantity": 40,
             "package_type": "carton", "gross_weight": {"value": 12500, "unit": "kg"}, "volume_cbm": 33.5,
             "marks": "NS/TOL 1-40", "dangerous_goods": None},
            {"description": "PAINT RELATED MATERIAL", "hs_code": None, "quantity": 12, "package_type": "drum",
             "gross_weight": {"value": 3300, "unit": "lb"}, "volume_cbm": None, "marks": None,
             "dangerous_goods": {"un_number": "UN1263", "hazard_class": "3"}},
        ],
        "total_packages": None,
        "total_gross_weight": {"value": 15800, "unit": "kg"},
        "total_volume_cbm": 33.5,
    }  # fmt: skip
    assert_offsets_print_the_spans(text, reading)


def test_310_spans_are_printed_values_with_their_pieces() -> None:
    text = interchange(BILL_310)
    reading = _read(text)
    extraction: dict[str, Any] = reading.extraction
    assert extraction["issue_date"] == "20260228"
    assert extraction["containers"][0]["number"] == "NSLU 4455661"
    assert extraction["items"][0]["gross_weight"] == {"value": "12500", "unit": "K"}
    number = dict(reading.offsets)["containers[0].number"]
    assert [text[start:end] for start, end in number] == ["NSLU", "4455661"]


def test_310_freight_terms_from_b304_before_the_clauses() -> None:
    body = [seg("B3", {2: "NLAX0043", 4: "PP", 6: "20260228"}), seg("C8", {3: "BASIC FREIGHT: COLLECT"})]
    assert normalise(_read(interchange(body)).extraction).manifest["freight_terms"] == "prepaid"
    mixed = [
        seg("B3", {2: "NLAX0044", 4: "MX"}),
        seg("C8", {3: "FREIGHT PREPAID"}),
        seg("C8", {3: "COLLECT"}),
    ]
    assert normalise(_read(interchange(mixed)).extraction).manifest["freight_terms"] == "prepaid"
    both = [
        seg("B3", {2: "NLAX0045", 4: "MX"}),
        seg("C8", {3: "OCEAN FREIGHT PREPAID, INLAND FREIGHT COLLECT"}),
    ]
    assert normalise(_read(interchange(both)).extraction).manifest["freight_terms"] is None


def test_309_manifest_keeps_what_all_bills_agree_on() -> None:
    text = interchange(MANIFEST_309, code="309")
    reading = _read(text)
    assert reading.unparsed == []
    manifest = normalise(reading.extraction).manifest
    assert manifest["document_type"] == "cargo_manifest"
    assert manifest["document_number"] == "NLX012W"
    assert (manifest["vessel_or_flight"], manifest["voyage"]) == ("NORDIC STAR", "012W")
    assert manifest["arrival_date"] == "2026-03-15"  # P402, YYMMDD
    assert manifest["shipper"] is None  # the bills name different shippers
    assert manifest["consignee"] == {
        "name": "GREAT LAKES TOOLING INC",
        "address": "4100 RIVER ROAD TOLEDO OH 43604 US",
        "country": "US",
    }
    assert manifest["port_of_loading"] == {"name": "HAMBURG", "unlocode": None}
    assert manifest["place_of_delivery"] == {"name": "USNYC", "unlocode": "USNYC"}
    assert manifest["containers"] == [
        {"number": "NSLU4455661", "seal": "SL1001", "size_type": "20GP"},
        {"number": "NSLU4455672", "seal": "SL1002", "size_type": "40RF"},
    ]
    assert manifest["items"] == [
        {"description": "MACHINE TOOL SPA RE PARTS", "hs_code": "846693", "quantity": 40,
         "package_type": "carton", "gross_weight": {"value": 8200, "unit": "kg"}, "volume_cbm": None,
         "marks": "NS/TOL 1-40", "dangerous_goods": None},
        {"description": "PAINT", "hs_code": "320890", "quantity": 12, "package_type": "drum",
         "gross_weight": {"value": 3300, "unit": "kg"}, "volume_cbm": None, "marks": "NO MARKS",
         "dangerous_goods": {"un_number": "UN1263", "hazard_class": "3"}},
    ]  # fmt: skip
    assert manifest["total_gross_weight"] is None  # never summed from the lines
    assert_offsets_print_the_spans(text, reading)


def test_hazard_class_read_through_a_wrapped_word_points_at_its_digit() -> None:
    text = interchange(MANIFEST_309, code="309")
    reading = _read(text)
    pieces = dict(reading.offsets)["items[1].dangerous_goods.hazard_class"]
    assert [text[start:end] for start, end in pieces] == ["3"]
    assert text[pieces[0][0] - 3 : pieces[0][1]] == "SS 3"


def test_unknown_segments_are_ignored() -> None:
    plain = _read(interchange(BILL_310))
    body = [*BILL_310[:5], seg("ZZQ", {1: "WHATEVER"}), seg("K1", {1: "REMARK"}), *BILL_310[5:]]
    with_unknown = _read(interchange(body))
    assert with_unknown.unparsed == []
    assert with_unknown.extraction == plain.extraction


def test_a_message_cut_short_is_read_as_far_as_it_goes() -> None:
    text = interchange(BILL_310)
    cut = text[: text.index("H1*1263")]
    reading = _read(cut)
    assert reading.partial
    assert reading.unparsed == [
        "SE missing: the message stops after L5 at line 31: 'L5*2*RELATED MATERIAL . REF: PO 5521'"
    ]
    manifest = normalise(reading.extraction).manifest
    assert manifest["document_number"] == "NLAXHAM260211"
    assert len(manifest["items"]) == 2
    assert manifest["items"][1]["dangerous_goods"] is None


def test_a_segment_that_does_not_read_is_named_with_its_line() -> None:
    body = [*BILL_310[:19], seg("N7", {1: "NSLU", 22: "42G1"}), *BILL_310[20:]]
    reading = _read(interchange(body))
    assert reading.unparsed == [
        "N7 at line 23: no equipment number (N702): 'N7*NSLU*********************42G1'"
    ]
    manifest = normalise(reading.extraction).manifest
    assert [c["number"] for c in manifest["containers"]] == ["NSLU4455672"]


def test_text_that_is_no_segment_is_named() -> None:
    body = [*BILL_310[:5], "this line is not a segment~", *BILL_310[5:]]
    reading = _read(interchange(body))
    assert reading.unparsed == ["line 9: not a segment: 'this line is not a segment'"]


def test_any_terminator_the_isa_header_declares_reads() -> None:
    plain = _read(interchange(BILL_310))
    for terminator in ("\n", "'\n", "!"):
        text = interchange(BILL_310).replace("~\n", terminator)
        assert _read(text).extraction == plain.extraction


def _terminated_otherwise(text: str) -> str:
    """The ISA header declares `~`, the segments after it end at line breaks only."""
    header, rest = text.split("~\n", 1)
    return header + "~\n" + rest.replace("~", "")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (_terminated_otherwise(interchange(BILL_310)), "GS at line 2 runs into the next line's segment"),
        (interchange(BILL_310, version="009900"), "version '009900' (GS08)"),
        (interchange(BILL_310, code="204"), "transaction set '204' has no reader"),
    ],
    ids=["wrong-terminator", "unknown-version", "unknown-transaction-set"],
)
def test_a_message_the_reader_cannot_read_says_why(text: str, reason: str) -> None:
    with pytest.raises(NotReadable, match=re.escape(reason)):
        read(text)


def test_310_waybill_with_equipment_before_the_lines_marks_terms_and_a_matching_total() -> None:
    body = [
        seg("B3", {2: "INV0001", 3: "NLAXSWB77", 6: "20260228"}),
        seg("N9", {1: "WY", 2: "NLAXSWB77", 3: "SEA WAYBILL"}),
        seg("N1", {1: "SH", 2: "ELBWERK MASCHINEN GMBH"}),
        seg("N3", {1: "INDUSTRIESTRASSE 12, 20457 HAMBURG, GERMANY"}),
        seg("N1", {1: "N1", 2: "SAME AS CONSIGNEE"}),
        seg("FOB", {1: "PP", 4: "01", 5: "FCA"}),
        seg("N7", {1: "NSLU", 2: "4455661", 22: "45G1"}),
        seg("M7", {1: "SL1"}),
        seg("LX", {1: "1"}),
        seg("L0", {1: "1", 4: "900", 5: "G", 8: "30", 9: "CTN", 11: "K"}),
        seg("L5", {1: "1", 2: "BEARINGS"}),
        seg("MAN", {1: "L", 2: "ELB/TOL 1-30"}),
        seg("LX", {1: "2"}),
        seg("L0", {1: "2", 4: "400", 5: "G", 8: "12", 9: "CTN", 11: "K"}),
        seg("L5", {1: "2", 2: "SEALS"}),
        seg("L3", {1: "1300", 2: "G", 11: "42", 12: "K"}),
    ]
    manifest = normalise(_read(interchange(body)).extraction).manifest
    assert (manifest["document_type"], manifest["document_number"]) == ("sea_waybill", "NLAXSWB77")
    assert manifest["shipper"] == {
        "name": "ELBWERK MASCHINEN GMBH",
        "address": "INDUSTRIESTRASSE 12, 20457 HAMBURG, GERMANY",
        "country": "DE",  # no N404: the country name the address ends with
    }
    assert manifest["notify_party"] is None  # a placeholder names no party
    assert (manifest["incoterm"], manifest["freight_terms"]) == ("FCA", "prepaid")
    assert manifest["containers"] == [{"number": "NSLU4455661", "seal": "SL1", "size_type": "40HC"}]
    assert [item["marks"] for item in manifest["items"]] == ["ELB/TOL 1-30", None]
    assert manifest["total_packages"] == 42  # L311 counts what the lines count


def test_310_lading_total_that_counts_containers_is_no_package_total() -> None:
    body = [*BILL_310[:-1], seg("L3", {1: "15800", 2: "G", 11: "2", 12: "K"})]  # lines: 40 + 12 packages
    assert normalise(_read(interchange(body)).extraction).manifest["total_packages"] is None


def test_309_single_bill_totals_ports_n7_equipment_and_a_labelled_tariff_number() -> None:
    body = [
        seg("M10", {1: "NLAX", 2: "O", 5: "NORDIC STAR", 6: "012W", 7: "NLX012W"}),
        seg("R4", {1: "L", 2: "UN", 3: "DEHAM", 4: "HAMBURG"}),
        seg("R4", {1: "D", 2: "D", 3: "4601", 4: "NEWARK"}),
        seg("LX", {1: "1"}),
        seg("M11", {1: "NLAXHAM001", 3: "40", 4: "CTN", 5: "8200", 6: "K", 7: "33.5", 8: "X"}),
        seg("N7", {1: "NSLU", 2: "4455661", 22: "45R1"}),
        seg("M7", {1: "SL2001"}),
        seg("N10", {1: "40", 2: "COTTON T-SHIRTS", 7: "K", 8: "8200"}),
        seg("N10", {2: "HS 6109.10"}),
    ]
    manifest = normalise(_read(interchange(body, code="309")).extraction).manifest
    assert manifest["port_of_loading"] == {"name": "HAMBURG", "unlocode": "DEHAM"}
    assert manifest["port_of_discharge"] == {
        "name": "NEWARK",
        "unlocode": None,
    }  # a Schedule D code is no UN/LOCODE
    assert manifest["total_packages"] == 40
    assert manifest["total_gross_weight"] == {"value": 8200, "unit": "kg"}
    assert manifest["total_volume_cbm"] == 33.5
    assert manifest["containers"] == [{"number": "NSLU4455661", "seal": "SL2001", "size_type": "40RF"}]
    assert manifest["items"][0]["description"] == "COTTON T-SHIRTS"
    assert manifest["items"][0]["hs_code"] == "610910"


def test_404_rail_note_takes_over_at_the_origin_station() -> None:
    body = [
        seg("ZC1", {1: "X"}),
        seg("BX", {1: "00", 2: "R", 3: "PP", 4: "RW0042", 5: "BNSF"}),
        seg("N9", {1: "BM", 2: "RW0042B"}),
        seg("N7", {1: "NSLU", 2: "4455661", 22: "45G1"}),
        seg("F9", {2: "CHICAGO", 3: "IL"}),
        seg("D9", {2: "KANSAS CITY", 3: "MO"}),
        seg("N1", {1: "SH", 2: "GREAT LAKES TOOLING INC"}),
        seg("R4", {1: "D", 2: "UN", 3: "USNYC", 4: "NEW YORK"}),
        seg("LX", {1: "1"}),
        seg("L0", {1: "1", 4: "12500", 5: "G", 8: "40", 9: "CTN", 11: "L"}),
        seg("L5", {1: "1", 2: "MACHINE TOOLS"}),
    ]
    manifest = normalise(_read(interchange(body, code="404")).extraction).manifest
    assert (manifest["document_type"], manifest["transport_mode"]) == ("rail_consignment_note", "rail")
    assert (manifest["document_number"], manifest["freight_terms"]) == ("RW0042B", "prepaid")
    assert manifest["port_of_loading"] == {"name": "CHICAGO IL", "unlocode": None}
    assert manifest["place_of_delivery"] == {"name": "KANSAS CITY MO", "unlocode": None}
    assert manifest["port_of_discharge"] is None  # no port of discharge on a rail note
    assert manifest["containers"] == [{"number": "NSLU4455661", "seal": None, "size_type": "40HC"}]
    assert manifest["items"][0]["gross_weight"] == {"value": 12500, "unit": "lb"}


def test_856_ship_notice_is_a_packing_list_by_its_hierarchy() -> None:
    body = [
        seg("BSN", {1: "00", 2: "ASN77120", 3: "20260228", 4: "0930"}),
        seg("HL", {1: "1", 3: "S"}),
        seg("TD1", {1: "CTN25", 2: "52", 6: "G", 7: "1250", 8: "KG", 9: "6.2", 10: "CR"}),
        seg("TD5", {2: "2", 3: "ODFL", 4: "M", 5: "OLD DOMINION FREIGHT LINE"}),
        seg("TD3", {1: "TL", 2: "NSLU", 3: "4455661", 9: "SL778899"}),
        seg("REF", {1: "BM", 2: "ODFL99812"}),
        seg("DTM", {1: "011", 2: "20260301"}),
        seg("FOB", {1: "CC"}),
        seg("N1", {1: "SF", 2: "ELBWERK MASCHINEN GMBH"}),
        seg("N1", {1: "ST", 2: "GREAT LAKES TOOLING INC"}),
        seg("N4", {1: "TOLEDO", 2: "OH", 3: "43604", 4: "US"}),
        seg("HL", {1: "2", 2: "1", 3: "O"}),
        seg("PRF", {1: "PO5521"}),
        seg("HL", {1: "3", 2: "2", 3: "I"}),
        seg("LIN", {2: "VP", 3: "BRG-6204"}),
        seg("SN1", {2: "40", 3: "CT"}),
        seg("PID", {1: "F", 5: "BALL BEARINGS 6204"}),
        seg("HL", {1: "4", 2: "2", 3: "I"}),
        seg("SN1", {2: "12", 3: "EA"}),
        seg("PID", {1: "F", 5: "SHAFT SEALS"}),
    ]
    normalised = normalise(_read(interchange(body, code="856")).extraction)
    manifest = normalised.manifest
    assert (manifest["document_type"], manifest["transport_mode"]) == ("packing_list", "road")
    assert (manifest["document_number"], manifest["issue_date"]) == ("ASN77120", "2026-02-28")
    assert (manifest["carrier"], manifest["departure_date"], manifest["freight_terms"]) == (
        "OLD DOMINION FREIGHT LINE", "2026-03-01", "collect"
    )  # fmt: skip
    assert manifest["shipper"] == {"name": "ELBWERK MASCHINEN GMBH", "address": None, "country": None}
    assert manifest["consignee"] == {"name": "GREAT LAKES TOOLING INC", "address": "TOLEDO OH 43604 US",
                                     "country": "US"}  # fmt: skip
    assert manifest["containers"] == [{"number": "NSLU4455661", "seal": "SL778899", "size_type": None}]
    assert [(i["description"], i["quantity"], i["package_type"]) for i in manifest["items"]] == [
        ("BALL BEARINGS 6204", 40, "carton"),
        ("SHAFT SEALS", 12, None),  # EA (each) is no package type
    ]
    assert (manifest["total_packages"], manifest["total_gross_weight"]) == (52, {"value": 1250, "unit": "kg"})
