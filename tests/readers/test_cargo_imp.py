"""The Cargo-IMP reader on FWB and FHL messages written from the IATA message layouts."""

from __future__ import annotations

import re

import pytest

from service.normalise import normalise
from service.readers import Detected, NotReadable, Reading, detect, read
from tests.readers.test_x12 import assert_offsets_print_the_spans

FWB = """FWB/16
020-12345675FRAJFK/T2K30.5MC0.25
FLT/LH8402/14
RTG/JFKLH
SHP
NAM/ELBWERK MASCHINEN GMBH
ADR/INDUSTRIESTRASSE 12
LOC/HAMBURG
/DE/20457
CNE/123456
/GREAT LAKES TOOLING INC
/4100 RIVER ROAD
/TOLEDO/OH
/US/43604/TE/4195550100
CVD/EUR//PP/NVD/NCV/XXX
RTD/1/P2/K30.5/CQ/W31.0/R5.20/T161.20
/NG/MACHINE TOOL SPARE PARTS
/2/NV/MC0.25
/3/NH/846693
ISU/28FEB26/FRANKFURT
OCI/DE/ISS/T/DE123456"""

FHL = """FHL/4
MBI/020-12345675FRAJFK/T14K130.0
HBS/HAWB001/FRAJFK/2/K30.0//MACHINE PARTS
HTS/846693
SHP
/ELBWERK MASCHINEN GMBH
/INDUSTRIESTRASSE 12
/HAMBURG
/DE/20457
CNE
/GREAT LAKES TOOLING INC
/4100 RIVER ROAD
/TOLEDO/OH
/US/43604
HBS/HAWB002/FRAJFK/12/K100.0//PAINT SAMPLES
SHP
/RHEINFARBEN AG
CNE
/GREAT LAKES TOOLING INC
/4100 RIVER ROAD
/TOLEDO/OH
/US/43604"""


def _read(text: str) -> Reading:
    reading = read(text)
    assert reading is not None
    return reading


def test_fwb_in_an_email_reads_by_its_elements() -> None:
    head = "Subject: pre-alert AWB 020-12345675\n\nDear partner, the FWB as sent:\n\n"
    text = head + FWB + "\n\nKind regards\nEXPORT DESK"
    assert detect(text) == Detected("cargo-imp", len(head), len(head) + len(FWB))
    reading = _read(text)
    assert (reading.reader, reading.unparsed) == ("cargo-imp", [])
    normalised = normalise(reading.extraction)
    assert normalised.unreadable == []
    assert normalised.manifest == {
        "document_type": "air_waybill",
        "document_number": "020-12345675",
        "issue_date": "2026-02-28",
        "transport_mode": "air",
        "carrier": None,
        "vessel_or_flight": "LH8402",
        "voyage": None,
        "shipper": {"name": "ELBWERK MASCHINEN GMBH", "address": "INDUSTRIESTRASSE 12 HAMBURG 20457 DE",
                    "country": "DE"},
        "consignee": {"name": "GREAT LAKES TOOLING INC", "address": "4100 RIVER ROAD TOLEDO OH 43604 US",
                      "country": "US"},
        "notify_party": None,
        "port_of_loading": None,  # FRA and JFK are IATA airport codes: no name, no UN/LOCODE
        "port_of_discharge": None,
        "place_of_delivery": None,
        "departure_date": None,
        "arrival_date": None,
        "incoterm": None,
        "freight_terms": "prepaid",
        "containers": [],
        "items": [
            {"description": "MACHINE TOOL SPARE PARTS", "hs_code": "846693", "quantity": 2,
             "package_type": None, "gross_weight": {"value": 30.5, "unit": "kg"}, "volume_cbm": 0.25,
             "marks": None, "dangerous_goods": None},
        ],
        "total_packages": 2,
        "total_gross_weight": {"value": 30.5, "unit": "kg"},
        "total_volume_cbm": 0.25,
    }  # fmt: skip
    assert_offsets_print_the_spans(text, reading)


def test_fhl_lists_every_house_and_keeps_the_parties_they_agree_on() -> None:
    reading = _read(FHL)
    assert reading.unparsed == []
    manifest = normalise(reading.extraction).manifest
    assert (manifest["document_type"], manifest["document_number"]) == ("cargo_manifest", "020-12345675")
    assert manifest["shipper"] is None  # the houses have different shippers
    assert manifest["consignee"] == {
        "name": "GREAT LAKES TOOLING INC",
        "address": "4100 RIVER ROAD TOLEDO OH 43604 US",
        "country": "US",
    }
    assert [(i["description"], i["quantity"], i["hs_code"]) for i in manifest["items"]] == [
        ("MACHINE PARTS", 2, "846693"),
        ("PAINT SAMPLES", 12, None),
    ]
    assert manifest["items"][1]["gross_weight"] == {"value": 100, "unit": "kg"}
    assert_offsets_print_the_spans(FHL, reading)


def test_a_line_that_does_not_read_is_named() -> None:
    broken = FWB.replace("020-12345675FRAJFK/T2K30.5MC0.25", "020-12345675 FRA JFK 2 PCS")
    reading = _read(broken)
    assert reading.unparsed == ["line 2: not a consignment detail: '020-12345675 FRA JFK 2 PCS'"]
    manifest = normalise(reading.extraction).manifest
    assert manifest["document_number"] is None
    assert manifest["items"][0]["description"] == "MACHINE TOOL SPARE PARTS"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (FWB.replace("FWB/16", "FWB/99"), "FWB version '99'"),
        ("FFM/8\n1/LH8402/14MAR/FRA\nLAST", "FFM messages have no reader"),
    ],
    ids=["unknown-version", "flight-manifest"],
)
def test_a_message_the_reader_cannot_read_says_why(text: str, reason: str) -> None:
    with pytest.raises(NotReadable, match=re.escape(reason)):
        read(text)
