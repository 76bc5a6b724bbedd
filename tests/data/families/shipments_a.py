"""Hand-built shipments for the layout family tests, and the printed-value check they share.

Each factory returns a fresh `Shipment` (rendering drops fields, so a shipment is used once).
Together they cover the contract's hard cases: a placeholder notify party, a place without a
printed code, an airport code printed as `Place.extra`, a volume only in cubic feet, a date
without a year, a container size without a type, an incomplete dangerous-goods line, weights
in two units, a "TO ORDER" consignee and decimal-comma numbers.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from jsonschema import Draft202012Validator

from service.data.families import LayoutFamily
from service.data.shipment import (
    Coded,
    Container,
    Count,
    DangerousGoods,
    DateValue,
    Item,
    Party,
    Place,
    Shipment,
    Style,
    Volume,
    Weight,
    collapse,
)
from service.data.world import sample_shipment
from service.manifest import load_contract_schema


def ocean_bl(document_type: str = "bill_of_lading") -> Shipment:
    """The contract's ocean B/L example, with decimal-comma numbers and an idle notify box."""
    return Shipment(
        document_type=document_type,
        title="BILL OF LADING" if document_type == "bill_of_lading" else "SEA WAYBILL",
        transport_mode="sea",
        style=Style(language="en", decimal_comma=True, upper=True),
        document_number="HLCUHAM260312877",
        issue_date=DateValue(dt.date(2026, 3, 14), "14.03.2026"),
        issue_place="HAMBURG",
        carrier="Hapag-Lloyd AG",
        carrier_code="HLCU",
        vessel_or_flight="ESSEN EXPRESS",
        voyage="012W",
        shipper=Party(
            "Voss Maschinenbau GmbH",
            ["Industriestrasse 12", "33602 Bielefeld, GERMANY"],
            "DE",
            extras=["Tel. +49 521 99812-0"],
        ),
        consignee=Party(
            "Tri-State Packaging Supply LLC", ["4100 Harbor Blvd", "Newark, NJ 07114, USA"], "US"
        ),
        notify_party=Party("", [], None, placeholder="SAME AS CONSIGNEE"),
        port_of_loading=Place("HAMBURG", "DEHAM", "DE HAM"),
        port_of_discharge=Place("NEW YORK, NY", "USNYC", "US NYC"),
        place_of_delivery=Place("NEWARK, NJ"),
        departure_date=DateValue(dt.date(2026, 3, 16), "16.03.2026"),
        incoterm=Coded("CIF", "CIF New York"),
        freight_terms=Coded("prepaid", "FREIGHT PREPAID"),
        containers=[
            Container("HLXU8712343", "HLXU 871234-3", "4471823", Coded("40HC", "40' HIGH CUBE")),
            Container("TGHU5019876", "TGHU 501987-6", "4471824", Coded("20GP", "20' DRY VAN")),
        ],
        items=[
            Item(
                "CARTON SEALING MACHINES",
                "842240",
                "HS CODE 8422.40",
                Count(12, "12"),
                Coded("pallet", "PLTS"),
                Weight(8420, "kg", "8.420,000 KGS"),
                Volume(31.2, "31,200 CBM"),
                "VOSS-NY-01/12",
            ),
            Item(
                "SPARE PARTS FOR PACKAGING MACHINERY",
                "842290",
                "HS 8422.90",
                Count(8, "8"),
                Coded("case", "CASES"),
                Weight(2115.5, "kg", "2.115,500 KGS"),
                Volume(14.8, "14,800 CBM"),
                "VOSS-NY-13/20",
            ),
        ],
        total_packages=Count(20, "20"),
        total_gross_weight=Weight(10535.5, "kg", "10.535,500 KGS"),
        total_volume=Volume(46, "46,000 CBM"),
        remarks=["CLEAN ON BOARD"],
    )


def air_waybill() -> Shipment:
    """The contract's air waybill example: IATA codes as extras, a DG line, lb-free weights."""
    return Shipment(
        document_type="air_waybill",
        title="AIR WAYBILL",
        transport_mode="air",
        style=Style(language="en"),
        document_number="020-48213375",
        issue_date=DateValue(dt.date(2026, 3, 4), "04/03/2026"),
        issue_place="SHENZHEN",
        carrier="Lufthansa Cargo AG",
        carrier_code="LH",
        vessel_or_flight="LH8402",
        shipper=Party(
            "Shenzhen Brightwave Electronics Co., Ltd.",
            ["Bldg 7, Keji Road, Nanshan District,", "Shenzhen 518057, China"],
            "CN",
        ),
        consignee=Party(
            "Nordic Retail Distribution AB",
            ["Lagervagen 4, 438 91 Landvetter, Sweden"],
            "SE",
            extras=["Contact: Anna Berg", "anna.berg@nordicretail.se"],
        ),
        port_of_loading=Place("SHENZHEN", extra="SZX"),
        port_of_discharge=Place("GOTHENBURG", extra="GOT"),
        departure_date=DateValue(dt.date(2026, 3, 5), "05MAR26"),
        freight_terms=Coded("prepaid", "PP"),
        items=[
            Item(
                "BLUETOOTH SPEAKERS",
                quantity=Count(46, "46"),
                package=Coded("carton", "CTNS"),
                gross_weight=Weight(612.5, "kg", "612.5 K"),
                volume=Volume(3.12, "3.12 M3"),
            ),
            Item(
                "POWER BANKS WITH LITHIUM ION BATTERIES",
                quantity=Count(1, "1"),
                package=Coded("piece", "PC"),
                gross_weight=Weight(18, "kg", "18.0 K"),
                dangerous=DangerousGoods("UN3481", "9", "UN3481 Class 9"),
            ),
        ],
        total_packages=Count(47, "47"),
        total_gross_weight=Weight(630.5, "kg", "630.5 K"),
    )


def packing_list() -> Shipment:
    """A German packing list: decimal comma, cubic feet only, no-year ETD, two weight units."""
    return Shipment(
        document_type="packing_list",
        title="PACKLISTE",
        transport_mode="sea",
        style=Style(language="de", decimal_comma=True),
        document_number="PL-2026-00417",
        issue_date=DateValue(dt.date(2026, 2, 27), "27.02.2026"),
        vessel_or_flight="MSC ANNA",
        voyage="FX610A",
        shipper=Party("Brenner Armaturen GmbH & Co. KG", ["Am Hafen 3", "28197 Bremen", "Deutschland"], "DE"),
        consignee=Party("TO ORDER", [], None),
        port_of_loading=Place("BREMERHAVEN", "DEBRV", "DEBRV"),
        port_of_discharge=Place("SANTOS"),
        departure_date=DateValue(None, "03.03."),
        incoterm=Coded("FCA", "FCA Bremen"),
        containers=[Container("MSCU1234565", "MSCU1234565", "ML-DE 0091823", Coded(None, "40'"))],
        items=[
            Item(
                "KUGELHAHNE AUS MESSING",
                "848180",
                "8481.80",
                Count(24, "24"),
                Coded("carton", "Kartons"),
                Weight(1250.75, "kg", "1.250,75 kg / 2.757,4 lb"),
                Volume(None, "44 CFT"),
                "BA/SANTOS 1-24",
                DangerousGoods("UN1263", "3", "UN 1263", complete=False),
            ),
            Item("DICHTUNGSSAETZE", quantity=Count(3, "3"), package=Coded("pallet", "Paletten")),
            Item("MONTAGEANLEITUNGEN", marks="N/M"),
        ],
        total_packages=Count(27, "27"),
        total_gross_weight=Weight(1.4, "t", "1,4 t"),
        total_volume=Volume(None, "61 CFT"),
        remarks=["Ware ist nicht gefährlich im Sinne der Vorschriften"],
    )


def cargo_manifest() -> Shipment:
    """A French vessel manifest: seven containers, ten goods lines, totals in metric tonnes."""
    sizes = [Coded("40HC", "45G1"), Coded("20GP", "22G1"), Coded("40RF", "45R1"), None]
    containers = [
        Container(f"CMAU{n:06d}{n % 10}", f"CMAU {n:06d}-{n % 10}", f"F{n:07d}", sizes[i % 4])
        for i, n in enumerate(range(314150, 314157))
    ]
    items = [
        Item(
            f"PIECES DETACHEES LOT {i + 1} POUR MACHINES AGRICOLES",
            "843390",
            "8433.90",
            Count(10 + i, str(10 + i)),
            Coded("case", "CAISSES"),
            Weight(1000.5 + i, "kg", f"{1000 + i}.500 KG"),
            Volume(2.25, "2,25 M3"),
            f"AGRI/{i + 1:02d}",
        )
        for i in range(10)
    ]
    return Shipment(
        document_type="cargo_manifest",
        title="MANIFESTE DE CARGAISON",
        transport_mode="sea",
        style=Style(language="fr", us_dates=False, decimal_comma=True, upper=False),
        document_number="MNF-CMA-0C4R7",
        issue_date=DateValue(dt.date(2026, 4, 2), "2 avril 2026"),
        carrier="CMA CGM S.A.",
        carrier_code="CMDU",
        vessel_or_flight="CMA CGM TROCADERO",
        voyage="0FL3NW1MA",
        shipper=Party("Agrifrance Export SAS", ["12 rue du Port", "76600 Le Havre", "FRANCE"], "FR"),
        consignee=Party(
            "Maghreb Agri Distribution SARL", ["Zone Industrielle Sud, Lot 45", "Casablanca"], None
        ),
        notify_party=Party("Atlas Customs Brokers", ["Bd Mohammed V 210, Casablanca, Maroc"], "MA"),
        port_of_loading=Place("LE HAVRE", "FRLEH", "FR LEH"),
        port_of_discharge=Place("CASABLANCA", "MACAS", "(MACAS)"),
        arrival_date=DateValue(dt.date(2026, 4, 9), "09/04/2026"),
        freight_terms=Coded("collect", "FRET PAYABLE A DESTINATION (CC)"),
        containers=containers,
        items=items,
        total_packages=Count(145, "145"),
        total_gross_weight=Weight(10.05, "t", "10,05 MT"),
        total_volume=Volume(22.5, "22,5 M3"),
    )


def arrival_notice() -> Shipment:
    """A Spanish arrival notice with US-style dates and an e-mail decoy on the notify party."""
    shipment = ocean_bl("bill_of_lading")
    shipment.document_type = "arrival_notice"
    shipment.title = "AVISO DE LLEGADA"
    shipment.style = Style(language="es", us_dates=True)
    shipment.document_number = "AN-MIA-558120"
    shipment.notify_party = Party(
        "Caribe Logistics Inc.", ["8200 NW 25th St", "Doral, FL 33122"], None, extras=["ops@caribelog.com"]
    )
    shipment.arrival_date = DateValue(dt.date(2026, 3, 30), "03/30/2026")
    return shipment


FACTORIES = {
    "bill_of_lading": ocean_bl,
    "sea_waybill": lambda: ocean_bl("sea_waybill"),
    "air_waybill": air_waybill,
    "packing_list": packing_list,
    "cargo_manifest": cargo_manifest,
    "arrival_notice": arrival_notice,
}


def copied_strings(label: dict[str, Any]) -> list[str]:
    """Label strings the contract says are copied as written (names, numbers, places, goods)."""
    found = [label[key] for key in ("document_number", "carrier", "vessel_or_flight", "voyage")]
    for key in ("shipper", "consignee", "notify_party"):
        party = label[key]
        if party:
            found += [party["name"], party["address"]]
    for key in ("port_of_loading", "port_of_discharge", "place_of_delivery"):
        if label[key]:
            found.append(label[key]["name"])
    for container in label["containers"]:
        found.append(container["seal"])
    for item in label["items"]:
        found += [item["description"], item["marks"]]
    return [value for value in found if value]


def printed_forms(shipment: Shipment) -> list[str]:
    """Surface forms of the numbers, dates and codes a rendered shipment must still show."""
    forms: list[str | None] = []
    for date in (shipment.issue_date, shipment.departure_date, shipment.arrival_date):
        forms.append(date.printed if date else None)
    for place in (shipment.port_of_loading, shipment.port_of_discharge, shipment.place_of_delivery):
        forms.append(place.code_printed if place else None)
    for coded in (shipment.incoterm, shipment.freight_terms):
        forms.append(coded.printed if coded else None)
    forms.append(shipment.total_packages.printed if shipment.total_packages else None)
    forms.append(shipment.total_gross_weight.printed if shipment.total_gross_weight else None)
    forms.append(shipment.total_volume.printed if shipment.total_volume else None)
    for party in (shipment.shipper, shipment.consignee, shipment.notify_party):
        forms.append(party.placeholder if party else None)
    for container in shipment.containers:
        forms += [container.number_printed, container.size.printed if container.size else None]
    for item in shipment.items:
        forms.append(item.hs_printed)
        forms.append(item.quantity.printed if item.quantity else None)
        forms.append(item.package.printed if item.package else None)
        forms.append(item.gross_weight.printed if item.gross_weight else None)
        forms.append(item.volume.printed if item.volume else None)
        forms.append(item.dangerous.printed if item.dangerous else None)
    return [collapse(form) for form in forms if form]


def missing_values(shipment: Shipment, text: str) -> list[str]:
    """Every label value or printed form of a rendered shipment that its text does not show."""
    flat = collapse(text)
    wanted = copied_strings(shipment.to_label()) + printed_forms(shipment)
    return [value for value in wanted if value not in flat]


_VALIDATOR = Draft202012Validator(load_contract_schema())


def render_checked(family: LayoutFamily, shipment: Shipment, seed: int) -> str:
    """Render with a seeded rng; fail unless every label value is printed and the label is valid."""
    text = family.render(shipment, random.Random(seed))
    missing = missing_values(shipment, text)
    assert not missing, f"{family.name} seed {seed} does not print {missing}:\n{text}"
    errors = [error.message for error in _VALIDATOR.iter_errors(shipment.to_label())]
    assert not errors, errors
    return text


def check_sampled(family: LayoutFamily, count: int = 200) -> None:
    """Render `count` sampled shipments, cycling through the family's document types."""
    for seed in range(count):
        document_type = family.doc_types[seed % len(family.doc_types)]
        render_checked(family, sample_shipment(document_type, random.Random(seed)), seed)
