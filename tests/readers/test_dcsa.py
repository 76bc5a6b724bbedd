"""The DCSA reader on JSON documents shaped by DCSA's transport document and shipping instructions."""

from __future__ import annotations

import json
from typing import Any

from service.normalise import normalise
from service.readers import Detected, detect, read
from tests.readers.test_x12 import assert_offsets_print_the_spans

TRANSPORT_DOCUMENT: dict[str, Any] = {
    "transportDocumentReference": "NLAXHAM260211",
    "transportDocumentTypeCode": "SWB",
    "issueDate": "2026-02-28",
    "shippedOnBoardDate": "2026-03-02",
    "issuingParty": {"partyName": "NORDIC LINES AS"},
    "incoTerms": "FCA",
    "documentParties": {
        "shipper": {
            "partyName": "ELBWERK MASCHINEN GMBH",
            "address": {"street": "Industriestrasse", "streetNumber": "12", "postCode": "20457",
                        "city": "Hamburg", "countryCode": "DE"},
        },
        "consignee": {"partyName": "GREAT LAKES TOOLING INC",
                      "address": {"street": "River Road", "streetNumber": "4100", "city": "Toledo",
                                  "stateRegion": "OH", "countryCode": "US"}},
        "notifyParties": [{"partyName": "GREAT LAKES TOOLING INC"}],
    },
    "transports": {
        "plannedArrivalDate": "2026-03-15",
        "portOfLoading": {"UNLocationCode": "DEHAM", "locationName": "Hamburg"},
        "portOfDischarge": {"UNLocationCode": "USNYC"},
        "vesselVoyages": [{"vesselName": "NORDIC STAR", "carrierExportVoyageNumber": "012W"}],
    },
    "charges": [{"chargeName": "Basic freight", "paymentTermCode": "PRE"},
                {"chargeName": "THC", "paymentTermCode": "PRE"}],
    "consignmentItems": [
        {"descriptionOfGoods": ["Machine tool spare parts"], "HSCodes": ["846693"],
         "shippingMarks": ["NS/TOL 1-40"], "cargoItems": [{"equipmentReference": "NSLU4455661",
                         "cargoGrossWeight": {"value": 12500.5, "unit": "KGM"},
                         "cargoGrossVolume": {"value": 33.5, "unit": "MTQ"},
                         "outerPackaging": {"numberOfPackages": 40, "packageCode": "CT"}}]},
    ],
    "utilizedTransportEquipments": [
        {"equipment": {"equipmentReference": "NSLU4455661", "ISOEquipmentCode": "45G1"},
         "seals": [{"number": "SL778899"}]},
    ],
}  # fmt: skip


def test_a_transport_document_reads_by_its_field_names() -> None:
    text = json.dumps(TRANSPORT_DOCUMENT, indent=2)
    reading = read(text)
    assert reading is not None and reading.reader == "dcsa"
    normalised = normalise(reading.extraction)
    assert normalised.unreadable == []
    manifest = normalised.manifest
    assert (manifest["document_type"], manifest["document_number"]) == ("sea_waybill", "NLAXHAM260211")
    assert (manifest["issue_date"], manifest["departure_date"], manifest["arrival_date"]) == (
        "2026-02-28", "2026-03-02", "2026-03-15"
    )  # fmt: skip
    assert (manifest["carrier"], manifest["vessel_or_flight"], manifest["voyage"]) == (
        "NORDIC LINES AS", "NORDIC STAR", "012W"
    )  # fmt: skip
    assert manifest["shipper"] == {
        "name": "ELBWERK MASCHINEN GMBH",
        "address": "Industriestrasse 12 20457 Hamburg DE",
        "country": "DE",
    }
    assert manifest["notify_party"] == {"name": "GREAT LAKES TOOLING INC", "address": None, "country": None}
    assert manifest["port_of_loading"] == {"name": "Hamburg", "unlocode": "DEHAM"}
    assert manifest["port_of_discharge"] == {"name": "USNYC", "unlocode": "USNYC"}
    assert (manifest["incoterm"], manifest["freight_terms"]) == ("FCA", "prepaid")
    assert manifest["containers"] == [{"number": "NSLU4455661", "seal": "SL778899", "size_type": "40HC"}]
    assert manifest["items"] == [
        {"description": "Machine tool spare parts", "hs_code": "846693", "quantity": 40,
         "package_type": "carton", "gross_weight": {"value": 12500.5, "unit": "kg"}, "volume_cbm": 33.5,
         "marks": "NS/TOL 1-40", "dangerous_goods": None},
    ]  # fmt: skip
    assert_offsets_print_the_spans(text, reading)


def test_shipping_instructions_with_version_2_parties_in_an_email() -> None:
    instructions = {
        "shippingInstructionsReference": "SI-77120",
        "transportDocumentTypeCode": "BOL",
        "documentParties": [
            {"party": {"partyName": "ELBWERK MASCHINEN GMBH"}, "partyFunction": "OS"},
            {"party": {"partyName": "GREAT LAKES TOOLING INC"}, "partyFunction": "CN"},
        ],
        "charges": [{"paymentTermCode": "PRE"}, {"paymentTermCode": "COL"}],
    }
    body = json.dumps(instructions)
    text = "Hi, our SI below {as agreed}:\n" + body + "\nthanks"
    assert detect(text) == Detected("dcsa", text.index(body), text.index(body) + len(body))
    reading = read(text)
    assert reading is not None
    manifest = normalise(reading.extraction).manifest
    assert (manifest["document_type"], manifest["document_number"]) == ("bill_of_lading", "SI-77120")
    assert manifest["shipper"] == {"name": "ELBWERK MASCHINEN GMBH", "address": None, "country": None}
    assert manifest["freight_terms"] is None  # the charges disagree


def test_json_that_is_not_dcsa_is_for_the_model() -> None:
    assert detect(json.dumps({"reference": "NLAXHAM260211", "items": []})) is None
