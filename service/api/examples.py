"""The request and response examples shown in the OpenAPI docs.

The ocean bill of lading of the contract's examples, copied here because the service never
reads the shared contract folder at run time; a test keeps the copy equal to the original
and checks that the manifest validates against the contract.
"""

from __future__ import annotations

from typing import Any

OCEAN_BL_TEXT = """\
                                   BILL OF LADING                     B/L No.: HLCUHAM260312877
                              FOR PORT-TO-PORT SHIPMENT
SHIPPER                                              Date of issue: 14.03.2026
Voss Maschinenbau GmbH
Industriestrasse 12
33602 Bielefeld, GERMANY
CONSIGNEE
Tri-State Packaging Supply LLC
4100 Harbor Blvd
Newark, NJ 07114, USA
NOTIFY PARTY
SAME AS CONSIGNEE
Vessel / Voyage: ESSEN EXPRESS / 012W          Port of Loading: HAMBURG (DE HAM)
Port of Discharge: NEW YORK, NY (US NYC)       Place of Delivery: NEWARK, NJ
Freight: FREIGHT PREPAID                       Terms: CIF New York
--------------------------------------------------------------------------------
Container / Seal          Marks & Nos     Pkgs      Description of Goods        Gross Wt      Meas.
HLXU 871234-3 / 4471823   VOSS-NY-01/12   12 PLTS   CARTON SEALING MACHINES     8.420,000 KGS 31,200 CBM
40' HIGH CUBE                                       HS CODE 8422.40
TGHU 501987-6 / 4471824   VOSS-NY-13/20   8 CASES   SPARE PARTS FOR PACKAGING   2.115,500 KGS 14,800 CBM
20' DRY VAN                                         MACHINERY  HS 8422.90
--------------------------------------------------------------------------------
TOTAL: 20 PACKAGES                                    10.535,500 KGS    46,000 CBM
Shipped on board: 16.03.2026      Carrier: Hapag-Lloyd AG
"""

OCEAN_BL_MANIFEST: dict[str, Any] = {
    "document_type": "bill_of_lading",
    "document_number": "HLCUHAM260312877",
    "issue_date": "2026-03-14",
    "transport_mode": "sea",
    "carrier": "Hapag-Lloyd AG",
    "vessel_or_flight": "ESSEN EXPRESS",
    "voyage": "012W",
    "shipper": {
        "name": "Voss Maschinenbau GmbH",
        "address": "Industriestrasse 12 33602 Bielefeld, GERMANY",
        "country": "DE",
    },
    "consignee": {
        "name": "Tri-State Packaging Supply LLC",
        "address": "4100 Harbor Blvd Newark, NJ 07114, USA",
        "country": "US",
    },
    "notify_party": None,
    "port_of_loading": {"name": "HAMBURG", "unlocode": "DEHAM"},
    "port_of_discharge": {"name": "NEW YORK, NY", "unlocode": "USNYC"},
    "place_of_delivery": {"name": "NEWARK, NJ", "unlocode": None},
    "departure_date": "2026-03-16",
    "arrival_date": None,
    "incoterm": "CIF",
    "freight_terms": "prepaid",
    "containers": [
        {"number": "HLXU8712343", "seal": "4471823", "size_type": "40HC"},
        {"number": "TGHU5019876", "seal": "4471824", "size_type": "20GP"},
    ],
    "items": [
        {
            "description": "CARTON SEALING MACHINES",
            "hs_code": "842240",
            "quantity": 12,
            "package_type": "pallet",
            "gross_weight": {"value": 8420, "unit": "kg"},
            "volume_cbm": 31.2,
            "marks": "VOSS-NY-01/12",
            "dangerous_goods": None,
        },
        {
            "description": "SPARE PARTS FOR PACKAGING MACHINERY",
            "hs_code": "842290",
            "quantity": 8,
            "package_type": "case",
            "gross_weight": {"value": 2115.5, "unit": "kg"},
            "volume_cbm": 14.8,
            "marks": "VOSS-NY-13/20",
            "dangerous_goods": None,
        },
    ],
    "total_packages": 20,
    "total_gross_weight": {"value": 10535.5, "unit": "kg"},
    "total_volume_cbm": 46,
}
