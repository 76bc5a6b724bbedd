"""Hand-built shipments for road, rail, EDI, form and export layouts, and the EDI value check.

Each factory returns a fresh `Shipment` (rendering drops fields, so a shipment is used once).
They add what the ocean fixtures in `shipments_a` do not: a CMR and a CIM note (with a port
of discharge that those layouts must drop), separator characters inside labelled values
(an apostrophe, a plus sign, a colon) that EDI layouts must not escape, pound weights and
Schedule D/K codes, and a manifest with no parties at all.

Checks run the corpus's own printed-value check, then the stricter one of `shipments_a`
(values contiguous as printed), except for EDI layouts, whose machine forms are spread
over elements and are checked only the corpus's way.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from service.data.corpus import LabelError, check_printed, validate_label
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
from tests.data.families.shipments_a import FACTORIES as OCEAN_FACTORIES
from tests.data.families.shipments_a import copied_strings, missing_values

__all__ = ["FACTORIES", "machine_checked", "render_checked", "sampled"]


def french_waybill() -> Shipment:
    """A French sea waybill: an apostrophe, a plus and a colon inside values; hard-case decoys."""
    return Shipment(
        document_type="sea_waybill",
        title="SEA WAYBILL",
        transport_mode="sea",
        style=Style(language="fr", decimal_comma=True),
        document_number="CMAU0FR2604117",
        issue_date=DateValue(dt.date(2026, 4, 3), "03/04/2026"),
        issue_place="LYON",
        carrier="CMA CGM S.A.",
        carrier_code="CMDU",
        vessel_or_flight="CMA CGM MARCO POLO",
        voyage="0MX4RW1MA",
        shipper=Party("Soieries d'Auvergne SARL", ["14 rue de l'Industrie", "69007 Lyon", "FRANCE"], "FR"),
        consignee=Party("TO ORDER", [], None),
        notify_party=Party(
            "Gulf Textile Trading L.L.C.",
            ["P.O. Box 4417: Jebel Ali Free Zone", "Dubai, U.A.E."],
            "AE",
            extras=["Tél. +971 4 883 1200", "Fax +971 4 883 1201"],
        ),
        port_of_loading=Place("FOS-SUR-MER", "FRFOS", "FR FOS"),
        port_of_discharge=Place("JEBEL ALI", "AEJEA", "(AEJEA)"),
        departure_date=DateValue(dt.date(2026, 4, 5), "05.04.2026"),
        arrival_date=DateValue(None, "28 AVR"),
        freight_terms=Coded("collect", "FRET PAYABLE A DESTINATION"),
        containers=[
            Container("CMAU3141592", "CMAU 314159-2", "FR+0042117", Coded(None, "40'")),
            Container("TGHU2718284", "TGHU2718284", None, Coded("20GP", "22G1")),
        ],
        items=[
            Item(
                "TISSUS DE SOIE IMPRIMES",
                "500720",
                "SH 5007.20",
                Count(64, "64"),
                Coded("roll", "rouleaux"),
                Weight(3210.4, "kg", "3.210,4 KG"),
                Volume(None, "742 CFT"),
                "SDA/JEA 1-64",
            ),
            Item(
                "SOLVANT DE NETTOYAGE",
                None,
                None,
                Count(4, "4"),
                Coded("drum", "fûts"),
                Weight(820, "kg", "820 KG"),
                Volume(1.6, "1,6 M3"),
                "SDA/JEA 65-68",
                DangerousGoods("UN1993", "3", "UN 1993, CLASSE 3"),
            ),
            Item(
                "ECHANTILLONS",
                quantity=Count(1, "1"),
                package=Coded("box", "boîte"),
                dangerous=DangerousGoods("UN3082", "9", "CLASSE 9", complete=False),
            ),
        ],
        total_packages=Count(69, "69"),
        total_gross_weight=Weight(4030.4, "kg", "4.030,4 KG"),
        remarks=["Marchandise voyageant aux risques et périls du destinataire"],
    )


def us_manifest() -> Shipment:
    """A U.S. inbound cargo manifest without parties: pound weights, Schedule D/K codes, US dates."""
    sizes = (Coded("40HC", "40HQ"), Coded("20GP", "20' DV"), Coded("40RF", "45R1"), None)
    return Shipment(
        document_type="cargo_manifest",
        title="CARGO MANIFEST",
        transport_mode="sea",
        style=Style(language="en", us_dates=True, upper=True),
        document_number="MF-ONEY-2604-0031",
        issue_date=DateValue(dt.date(2026, 4, 11), "04/11/2026"),
        carrier="Ocean Network Express Pte. Ltd.",
        carrier_code="ONEY",
        vessel_or_flight="ONE HANGZHOU BAY",
        voyage="061E",
        port_of_loading=Place("BUSAN", "KRPUS", "KR PUS", extra="58023"),
        port_of_discharge=Place("LOS ANGELES, CA", "USLAX", "USLAX", extra="2704"),
        departure_date=DateValue(dt.date(2026, 4, 12), "04/12/2026"),
        arrival_date=DateValue(dt.date(2026, 4, 24), "04/24/26"),
        containers=[
            Container(f"ONEU{n:06d}{n % 10}", f"ONEU {n:06d}-{n % 10}", f"K{n:06d}", sizes[n % 4])
            for n in range(512340, 512344)
        ],
        items=[
            Item(
                f"AUTO PARTS LOT {i + 1} BRAKE ASSEMBLIES",
                "8708305090",
                "HTS 8708.30.5090",
                Count(20 * (i + 1), f"{20 * (i + 1)}"),
                Coded("carton", "CTNS"),
                Weight(1500.0 * (i + 1), "lb", f"{1500 * (i + 1):,} LBS"),
                Volume(4.5 * (i + 1), f"{4.5 * (i + 1):.3f} CBM"),
                f"HB-{i + 1:03d}",
            )
            for i in range(5)
        ],
        total_packages=Count(300, "300"),
        total_gross_weight=Weight(22500, "lb", "22,500 LBS"),
        total_volume=Volume(67.5, "67.500 CBM"),
    )


def road_note() -> Shipment:
    """A German CMR note: truck plates as the vehicle, a port of discharge the layout must drop."""
    return Shipment(
        document_type="road_consignment_note",
        title="CMR",
        transport_mode="road",
        style=Style(language="de", decimal_comma=True),
        document_number="CMR 0417755",
        issue_date=DateValue(dt.date(2026, 5, 6), "06.05.2026"),
        issue_place="Duisburg",
        carrier="Spedition Krause GmbH & Co. KG",
        vessel_or_flight="DU-KS 4821 / DU-AB 117",
        shipper=Party("Rheinstahl Profile GmbH", ["Hafenstraße 31", "47119 Duisburg", "Deutschland"], "DE"),
        consignee=Party(
            "Acciai Lombardi S.p.A.",
            ["Via dell'Industria 8", "20099 Sesto San Giovanni (MI)"],
            None,
            extras=["Tel. +39 02 2410 551"],
        ),
        notify_party=None,
        port_of_loading=Place("Duisburg", "DEDUI", "DE DUI"),
        port_of_discharge=Place("Milano", "ITMIL", "IT MIL"),
        place_of_delivery=Place("Sesto San Giovanni"),
        departure_date=DateValue(dt.date(2026, 5, 6), "06.05.2026"),
        incoterm=Coded("DAP", "DAP Sesto San Giovanni"),
        freight_terms=Coded("prepaid", "frei"),
        items=[
            Item(
                "STAHLPROFILE WARMGEWALZT",
                "721633",
                "7216 33",
                Count(18, "18"),
                Coded("bundle", "Bunde"),
                Weight(21400, "kg", "21.400 kg"),
                Volume(14.2, "14,2 m³"),
                "RP-MI 1-18",
            ),
            Item(
                "BEFESTIGUNGSMATERIAL",
                "731815",
                "7318.15",
                Count(2, "2"),
                Coded("pallet", "Paletten"),
                Weight(640.5, "kg", "640,5 kg"),
            ),
        ],
        total_packages=Count(20, "20"),
        total_gross_weight=Weight(22040.5, "kg", "22.040,5 kg"),
        remarks=["Ladung gesichert gemäß VDI 2700"],
    )


def rail_note() -> Shipment:
    """An Italian CIM note: wagon/train id, contractual carrier, a dangerous goods wagon load."""
    return Shipment(
        document_type="rail_consignment_note",
        title="LETTERA DI VETTURA CIM",
        transport_mode="rail",
        style=Style(language="it", decimal_comma=True, upper=True),
        document_number="83 2215 40917",
        issue_date=DateValue(dt.date(2026, 6, 2), "02.06.2026"),
        issue_place="VERONA",
        carrier="Mercitalia Rail S.r.l.",
        vessel_or_flight="TRENO 43125",
        shipper=Party("Chimica Veneta S.p.A.", ["Via Fermi 22", "37135 Verona VR", "ITALIA"], "IT"),
        consignee=Party("Nordchem Logistik AG", ["Am Güterbahnhof 5, 80939 München"], None),
        port_of_loading=Place("VERONA QUADRANTE EUROPA", "ITVRN", "IT VRN"),
        port_of_discharge=Place("MÜNCHEN RIEM"),
        place_of_delivery=Place("MÜNCHEN", "DEMUC", "DEMUC"),
        departure_date=DateValue(dt.date(2026, 6, 3), "03/06/2026"),
        freight_terms=Coded("prepaid", "FRANCO"),
        containers=[Container("CRXU9182736", "CRXU 918273-6", "VR 551204", Coded("20TK", "22T6"))],
        items=[
            Item(
                "SOLUZIONE DI IPOCLORITO DI SODIO",
                "282890",
                "NC 2828 90",
                Count(1, "1"),
                Coded(None, "CISTERNA"),
                Weight(24.5, "t", "24,5 T"),
                dangerous=DangerousGoods("UN1791", "8", "UN 1791 CLASSE 8"),
            ),
        ],
        total_gross_weight=Weight(24.5, "t", "24,5 T"),
    )


def spanish_packing_list() -> Shipment:
    """A Spanish packing list: carton ranges as marks, net weights to decoy, no vessel."""
    return Shipment(
        document_type="packing_list",
        title="LISTA DE EMPAQUE",
        transport_mode="sea",
        style=Style(language="es", decimal_comma=True),
        document_number="PL-VAL-26-0881",
        issue_date=DateValue(dt.date(2026, 2, 9), "9 de febrero de 2026"),
        shipper=Party(
            "Cerámicas del Turia S.L.",
            ["Polígono Fuente del Jarro, C/ Ciudad de Sevilla 12", "46988 Paterna, Valencia, España"],
            "ES",
        ),
        consignee=Party(
            "Casa & Baño Importaciones S.A. de C.V.", ["Av. Insurgentes Sur 1602", "03940 CDMX"], None
        ),
        port_of_loading=Place("VALENCIA", "ESVLC", "ESVLC"),
        port_of_discharge=Place("VERACRUZ", "MXVER", "MX VER"),
        incoterm=Coded("FOB", "FOB Valencia"),
        items=[
            Item(
                "AZULEJOS DE CERAMICA ESMALTADA 30X60",
                "690721",
                "6907.21",
                Count(120, "120"),
                Coded("carton", "cajas"),
                Weight(2880, "kg", "2.880,00 kg"),
                Volume(9.6, "9,600 m3"),
                "CT-TUR 1/120",
            ),
            Item(
                "PIEZAS ESPECIALES Y CENEFAS",
                "690790",
                "6907.90",
                Count(30, "30"),
                Coded("carton", "cajas"),
                Weight(415.2, "kg", "415,20 kg"),
                Volume(1.05, "1,050 m3"),
                "CT-TUR 121/150",
            ),
        ],
        total_packages=Count(150, "150"),
        total_gross_weight=Weight(3295.2, "kg", "3.295,20 kg"),
        total_volume=Volume(10.65, "10,650 m3"),
    )


def dutch_arrival_notice() -> Shipment:
    """A Dutch arrival notice: ETA, a placeholder notify party, a second weight unit."""
    shipment = OCEAN_FACTORIES["bill_of_lading"]()
    shipment.document_type = "arrival_notice"
    shipment.title = "AANKOMSTBERICHT"
    shipment.style = Style(language="nl", decimal_comma=True)
    shipment.document_number = "ANR-2026-RTM-04417"
    shipment.port_of_discharge = Place("ROTTERDAM", "NLRTM", "NL RTM")
    shipment.place_of_delivery = Place("VENLO")
    shipment.arrival_date = DateValue(dt.date(2026, 3, 29), "29-03-2026")
    shipment.total_gross_weight = Weight(10535.5, "kg", "10.535,500 KGS / 23.227 LBS")
    return shipment


FACTORIES = {
    **OCEAN_FACTORIES,
    "sea_waybill": french_waybill,
    "cargo_manifest": us_manifest,
    "road_consignment_note": road_note,
    "rail_consignment_note": rail_note,
    "packing_list": spanish_packing_list,
    "arrival_notice": dutch_arrival_notice,
}


def machine_checked(family: LayoutFamily, shipment: Shipment, seed: int) -> str:
    """Render; fail unless the corpus's printed-value check passes and copied strings show whole.

    EDI layouts restate numbers, dates and codes in machine form, so the printed forms are
    checked as the corpus checks them (words in order); names, addresses, numbers, places,
    descriptions and marks must still appear contiguous, as written.
    """
    text = family.render(shipment, random.Random(seed))
    label = shipment.to_label()
    validate_label(label)
    try:
        check_printed(shipment, text)
    except LabelError as error:
        raise AssertionError(f"{family.name} seed {seed}: {error}\n{text}") from None
    flat = collapse(text)
    missing = [value for value in copied_strings(label) if value not in flat]
    assert not missing, f"{family.name} seed {seed} does not print {missing} whole:\n{text}"
    return text


def render_checked(family: LayoutFamily, shipment: Shipment, seed: int) -> str:
    """`machine_checked`, and every printed form contiguous as printed (text layouts keep them)."""
    text = machine_checked(family, shipment, seed)
    missing = missing_values(shipment, text)
    assert not missing, f"{family.name} seed {seed} does not print {missing}:\n{text}"
    return text


def sampled(family: LayoutFamily, count: int = 200) -> Iterator[tuple[Shipment, int]]:
    """`count` world shipments of the family's document types in turn, each with its seed."""
    for seed in range(count):
        document_type = family.doc_types[seed % len(family.doc_types)]
        yield sample_shipment(document_type, random.Random(seed)), seed
