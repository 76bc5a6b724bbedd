"""The EDIFACT reader on messages written from the IFTMIN/CUSCAR segment layouts."""

from __future__ import annotations

import random
import re

import pytest

from service.data.corpus import render_record
from service.data.families import edifact_iftmin
from service.normalise import normalise
from service.readers import NotReadable, Reading, read
from service.scoring import ScoreAccumulator
from tests.readers.test_x12 import assert_offsets_print_the_spans

IFTMIN = """UNA:+,? '
UNB+UNOC:3+NORDICLINES:ZZZ+BROKERDESK:ZZZ+260301:0930+4711'
UNH+1+IFTMIN:D:99B:UN'
BGM+705+NLAXHAM260211+9'
DTM+137:20260228:102'
TOD+6+PP+FOB:::FREE ON BOARD HAMBURG'
CNT+7:12500,5:KGM'
CNT+11:52'
TDT+20+012W+1++NLAX:172:20:NORDIC LINES AS+++9301234:146:11:NORDIC STAR'
LOC+9+DEHAM:139:6:HAMBURG'
DTM+133:202603021800:203'
LOC+11+USNYC:139:6:NEW YORK'
DTM+132:20260315:102'
NAD+CZ+++ELBWERK MASCHINEN GMBH+INDUSTRIESTRASSE 12+HAMBURG++20457+DE'
NAD+CN++GREAT LAKES TOOLING INC:4100 RIVER ROAD:TOLEDO OH 43604:USA'
NAD+NI+++O?'BRIEN ?+ PARTNERS+1 DOCK STREET+NEWARK++07105+US'
GID+1+40:CT'
FTX+AAA+++MACHINE TOOL SPARE PARTS'
PIA+5+846693:HS'
MEA+AAE+G+KGM:9200,5'
MEA+AAE+AAW+MTQ:33,5'
PCI+24+NS/TOL:1-40'
GID+2+12:DR'
FTX+AAA+++PAINT'
MEA+AAE+G+KGM:3300'
DGS+IMD+3+1263'
EQD+CN+NSLU4455661+42G1:102:5++5'
SEL+SL778899+CA'
MEA+AAE+T+KGM:3800'
UNT+26+1'
UNZ+1+4711'
"""


def _read(text: str) -> Reading:
    reading = read(text)
    assert reading is not None
    return reading


def test_iftmin_reads_by_its_qualifiers_with_the_una_separators() -> None:
    reading = _read(IFTMIN)
    assert (reading.reader, reading.unparsed) == ("edifact", [])
    normalised = normalise(reading.extraction)
    assert normalised.unreadable == []
    assert normalised.manifest == {
        "document_type": "bill_of_lading",
        "document_number": "NLAXHAM260211",
        "issue_date": "2026-02-28",
        "transport_mode": "sea",
        "carrier": "NORDIC LINES AS",
        "vessel_or_flight": "NORDIC STAR",
        "voyage": "012W",
        "shipper": {"name": "ELBWERK MASCHINEN GMBH", "address": "INDUSTRIESTRASSE 12 HAMBURG 20457",
                    "country": "DE"},
        "consignee": {"name": "GREAT LAKES TOOLING INC", "address": "4100 RIVER ROAD TOLEDO OH 43604 USA",
                      "country": "US"},
        "notify_party": {"name": "O'BRIEN + PARTNERS", "address": "1 DOCK STREET NEWARK 07105",
                         "country": "US"},
        "port_of_loading": {"name": "HAMBURG", "unlocode": "DEHAM"},
        "port_of_discharge": {"name": "NEW YORK", "unlocode": "USNYC"},
        "place_of_delivery": None,
        "departure_date": "2026-03-02",
        "arrival_date": "2026-03-15",
        "incoterm": "FOB",
        "freight_terms": "prepaid",
        "containers": [{"number": "NSLU4455661", "seal": "SL778899", "size_type": "40GP"}],
        "items": [
            {"description": "MACHINE TOOL SPARE PARTS", "hs_code": "846693", "quantity": 40,
             "package_type": "carton", "gross_weight": {"value": 9200.5, "unit": "kg"}, "volume_cbm": 33.5,
             "marks": "NS/TOL 1-40",
             "dangerous_goods": None},
            {"description": "PAINT", "hs_code": None, "quantity": 12, "package_type": "drum",
             "gross_weight": {"value": 3300, "unit": "kg"}, "volume_cbm": None, "marks": None,
             "dangerous_goods": {"un_number": "UN1263", "hazard_class": "3"}},
        ],
        "total_packages": 52,
        "total_gross_weight": {"value": 12500.5, "unit": "kg"},
        "total_volume_cbm": None,
    }  # fmt: skip


def test_a_released_character_is_data_and_its_span_covers_the_printed_text() -> None:
    reading = _read(IFTMIN)
    assert reading.extraction["notify_party"]["name"] == "O'BRIEN + PARTNERS"
    ((start, end),) = dict(reading.offsets)["notify_party.name"]
    assert IFTMIN[start:end] == "O?'BRIEN ?+ PARTNERS"
    spans = {path: pieces for path, pieces in reading.offsets if path != "notify_party.name"}
    reading.offsets = list(spans.items())
    reading.extraction["notify_party"]["name"] = None
    assert_offsets_print_the_spans(IFTMIN, reading)


def test_departure_date_with_time_is_its_date_part() -> None:
    reading = _read(IFTMIN)
    ((start, end),) = dict(reading.offsets)["departure_date"]
    assert (reading.extraction["departure_date"], IFTMIN[start:end]) == ("20260302", "20260302")


CUSCAR = (
    "UNB+UNOA:2+NLAX+USCBP+260310:1200+77'UNH+9+CUSCAR:D:95B:UN'BGM+85+NLX012W+9'"
    "TDT+20+012W+1++NLAX:172:20+++9301234:146:11:NORDIC STAR'LOC+5+DEHAM:139:6'LOC+8+USNYC:139:6'"
    "CNI+1+NLAXHAM001'NAD+CZ+++ELBWERK MASCHINEN GMBH'NAD+CN+++GREAT LAKES TOOLING INC'"
    "GID+1+40:CT'FTX+AAA+++MACHINE TOOL SPARE PARTS'EQD+CN+NSLU4455661+22G1'"
    "CNI+2+NLAXHAM002'NAD+CZ+++RHEINFARBEN AG'NAD+CN+++GREAT LAKES TOOLING INC'"
    "GID+1+12:DR'FTX+AAA+++PAINT'EQD+CN+NSLU4455672+22G1'UNT+17+9'UNZ+1+77'"
)


def test_cuscar_keeps_what_every_consignment_agrees_on() -> None:
    manifest = normalise(_read(CUSCAR).extraction).manifest
    assert (manifest["document_type"], manifest["document_number"]) == ("cargo_manifest", "NLX012W")
    assert manifest["shipper"] is None  # two consignors
    assert manifest["consignee"] == {"name": "GREAT LAKES TOOLING INC", "address": None, "country": None}
    assert manifest["port_of_loading"] == {"name": "DEHAM", "unlocode": "DEHAM"}  # 5: place of departure
    assert manifest["place_of_delivery"] == {"name": "USNYC", "unlocode": "USNYC"}  # 8: place of destination
    assert [item["description"] for item in manifest["items"]] == ["MACHINE TOOL SPARE PARTS", "PAINT"]
    assert [c["number"] for c in manifest["containers"]] == ["NSLU4455661", "NSLU4455672"]


def test_an_air_waybill_message_names_the_flight() -> None:
    text = "UNH+1+IFTMIN:D:01B:UN'BGM+740+020-12345675'TDT+20+LH8402+4'LOC+9+FRA'UNT+5+1'"
    manifest = normalise(_read(text).extraction).manifest
    assert (manifest["document_type"], manifest["transport_mode"]) == ("air_waybill", "air")
    assert (manifest["vessel_or_flight"], manifest["voyage"]) == ("LH8402", None)
    assert manifest["port_of_loading"] is None  # FRA is an airport code, no name and no UN/LOCODE


def test_a_message_cut_short_is_read_as_far_as_it_goes() -> None:
    cut = IFTMIN[: IFTMIN.index("GID+2")]
    reading = _read(cut)
    assert reading.unparsed == ["UNT missing: the message stops after PCI at line 22: 'PCI+24+NS/TOL:1-40'"]
    assert len(normalise(reading.extraction).manifest["items"]) == 1


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (IFTMIN.replace("'\n", "\n").replace(":+,? '", ":+,? \n"), "no message header (UNH)"),
        (IFTMIN.replace("IFTMIN:D:99B", "IFTMIN:D:99X"), "version D:99X (UNH)"),
        (IFTMIN.replace("IFTMIN:D:99B", "INVOIC:D:99B"), "message type 'INVOIC' has no reader"),
    ],
    ids=["wrong-terminator", "unknown-version", "unknown-message-type"],
)
def test_a_message_the_reader_cannot_read_says_why(text: str, reason: str) -> None:
    with pytest.raises(NotReadable, match=re.escape(reason)):
        read(text)


def test_the_synthetic_iftmin_family_reads_to_its_labels() -> None:
    accumulator = ScoreAccumulator()
    for index in range(25):
        rng = random.Random(f"edifact-reader/{index}")
        text, label = render_record(edifact_iftmin.FAMILY, rng.choice(edifact_iftmin.FAMILY.doc_types), rng)
        reading = _read(text)
        accumulator.add(normalise(reading.extraction).manifest, label)
        assert_offsets_print_the_spans(text, reading)
    assert accumulator.report().total.f1 == 1.0


def test_unknown_segments_are_ignored() -> None:
    with_unknown = IFTMIN.replace("TOD+6", "ZZZ+ANYTHING:AT:ALL'\nCOM+0401234567:TE'\nTOD+6")
    assert _read(with_unknown).extraction == _read(IFTMIN).extraction
    assert _read(with_unknown).unparsed == []
