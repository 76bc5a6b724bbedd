"""One consistent shipment per document: route, parties, conveyance, goods and totals.

`sample_shipment(document_type, rng)` decides what the document states; layout families
then decide how it looks. Consistency matters to the model as much as variety: an air
waybill flies between airports with the airline's AWB prefix and flight designator, a
CMR goes by road between European towns, weights fit the package counts, and stated
totals are the sums of the lines. Totals that are not stated stay None (the label never
sums them).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import get_args

from service.data import equipment, goods, identifiers, parties, places, reference, terms
from service.data.formats import sample_count, sample_date, sample_volume, sample_weight
from service.data.shipment import DateValue, Item, Place, Shipment, Style
from service.manifest import DocumentType

DOCUMENT_TYPES: tuple[str, ...] = get_args(DocumentType)

TITLES: dict[str, dict[str, tuple[str, ...]]] = {
    "bill_of_lading": {
        "en": (
            "BILL OF LADING",
            "OCEAN BILL OF LADING",
            "B/L",
            "COMBINED TRANSPORT BILL OF LADING",
            "BILL OF LADING FOR OCEAN TRANSPORT OR MULTIMODAL TRANSPORT",
            "HOUSE BILL OF LADING",
            "Bill of Lading",
        ),
        "de": ("KONNOSSEMENT", "Konnossement"),
        "fr": ("CONNAISSEMENT", "Connaissement maritime"),
        "es": ("CONOCIMIENTO DE EMBARQUE", "Conocimiento de Embarque"),
        "nl": ("CONNOSSEMENT", "Cognossement"),
        "pt": ("CONHECIMENTO DE EMBARQUE", "Conhecimento Marítimo"),
        "it": ("POLIZZA DI CARICO", "Polizza di carico"),
    },
    "sea_waybill": {
        "en": (
            "SEA WAYBILL",
            "NON-NEGOTIABLE SEA WAYBILL",
            "SEAWAY BILL",
            "Sea Waybill",
            "EXPRESS SEA WAYBILL",
        ),
        "de": ("SEEFRACHTBRIEF",),
        "fr": ("LETTRE DE TRANSPORT MARITIME",),
        "es": ("CARTA DE PORTE MARÍTIMO",),
        "nl": ("ZEEVRACHTBRIEF",),
        "pt": ("CONHECIMENTO MARÍTIMO NÃO NEGOCIÁVEL",),
        "it": ("LETTERA DI VETTURA MARITTIMA",),
    },
    "air_waybill": {
        "en": (
            "AIR WAYBILL",
            "MASTER AIR WAYBILL",
            "HOUSE AIR WAYBILL",
            "AIR WAYBILL (Air Consignment Note)",
            "MAWB",
            "HAWB",
            "Air Waybill",
        ),
        "de": ("LUFTFRACHTBRIEF", "Luftfrachtbrief (AIR WAYBILL)"),
        "fr": ("LETTRE DE TRANSPORT AÉRIEN", "LTA"),
        "es": ("GUÍA AÉREA", "CONOCIMIENTO AÉREO"),
        "nl": ("LUCHTVRACHTBRIEF",),
        "pt": ("CONHECIMENTO AÉREO",),
        "it": ("LETTERA DI VETTURA AEREA",),
    },
    "cargo_manifest": {
        "en": ("CARGO MANIFEST", "FREIGHT MANIFEST", "MANIFEST", "OUTWARD CARGO MANIFEST", "Cargo Manifest"),
        "de": ("LADUNGSMANIFEST", "Ladungsverzeichnis"),
        "fr": ("MANIFESTE DE CARGAISON", "MANIFESTE"),
        "es": ("MANIFIESTO DE CARGA",),
        "nl": ("LADINGMANIFEST",),
        "pt": ("MANIFESTO DE CARGA",),
        "it": ("MANIFESTO DI CARICO",),
    },
    "packing_list": {
        "en": ("PACKING LIST", "Packing List", "PACKING / WEIGHT LIST", "DETAILED PACKING LIST"),
        "de": ("PACKLISTE", "Packliste"),
        "fr": ("LISTE DE COLISAGE", "Liste de colisage"),
        "es": ("LISTA DE EMPAQUE", "Lista de empaque"),
        "nl": ("PAKLIJST",),
        "pt": ("ROMANEIO", "LISTA DE EMBALAGEM"),
        "it": ("DISTINTA DI IMBALLAGGIO", "PACKING LIST"),
    },
    "arrival_notice": {
        "en": ("ARRIVAL NOTICE", "NOTICE OF ARRIVAL", "Arrival Notice", "CARGO ARRIVAL NOTICE"),
        "de": ("ANKUNFTSANZEIGE", "Ankunftsmeldung"),
        "fr": ("AVIS D'ARRIVÉE", "Avis d'arrivée"),
        "es": ("AVISO DE LLEGADA", "Aviso de llegada"),
        "nl": ("AANKOMSTBERICHT",),
        "pt": ("AVISO DE CHEGADA",),
        "it": ("AVVISO DI ARRIVO",),
    },
    "road_consignment_note": {
        "en": ("CMR", "CMR CONSIGNMENT NOTE", "INTERNATIONAL CONSIGNMENT NOTE CMR", "CMR Waybill"),
        "de": ("CMR", "Internationaler Frachtbrief CMR"),
        "fr": ("CMR", "LETTRE DE VOITURE INTERNATIONALE CMR"),
        "es": ("CMR", "CARTA DE PORTE INTERNACIONAL CMR"),
        "nl": ("CMR", "Internationale vrachtbrief CMR"),
        "pt": ("CMR", "DECLARAÇÃO DE EXPEDIÇÃO CMR"),
        "it": ("CMR", "LETTERA DI VETTURA INTERNAZIONALE CMR"),
    },
    "rail_consignment_note": {
        "en": ("CIM", "CIM CONSIGNMENT NOTE", "CIM RAIL CONSIGNMENT NOTE"),
        "de": ("CIM", "Frachtbrief CIM"),
        "fr": ("CIM", "LETTRE DE VOITURE CIM"),
        "es": ("CIM", "CARTA DE PORTE CIM"),
        "nl": ("CIM", "CIM-vrachtbrief"),
        "pt": ("CIM", "DECLARAÇÃO DE EXPEDIÇÃO CIM"),
        "it": ("CIM", "LETTERA DI VETTURA CIM"),
    },
}

_COUNTRY_LANGUAGE = {
    "DE": "de",
    "AT": "de",
    "CH": "de",
    "FR": "fr",
    "BE": "fr",
    "MA": "fr",
    "ES": "es",
    "MX": "es",
    "AR": "es",
    "CL": "es",
    "CO": "es",
    "PE": "es",
    "PA": "es",
    "NL": "nl",
    "PT": "pt",
    "BR": "pt",
    "IT": "it",
}
EUROPE = (
    "DE",
    "FR",
    "NL",
    "BE",
    "PL",
    "CZ",
    "IT",
    "ES",
    "AT",
    "HU",
    "RO",
    "DK",
    "SE",
    "PT",
    "CH",
    "GB",
    "TR",
    "SK",
    "LT",
    "BG",
)
RAIL_CARRIERS = (
    "DB Cargo AG",
    "Rail Cargo Austria AG",
    "PKP CARGO S.A.",
    "ČD Cargo, a.s.",
    "SBB Cargo AG",
    "Lineas NV",
    "Green Cargo AB",
    "Renfe Mercancías",
    "Mercitalia Rail S.r.l.",
    "CFL cargo",
    "ZSSK CARGO",
    "Captrain Deutschland GmbH",
    "Medway",
    "SNCF Fret",
    "METRANS Rail s.r.o.",
    "RTB CARGO GmbH",
    "UTLC ERA",
    "KTZ Express JSC",
)
_REMARKS: dict[str, tuple[str, ...]] = {
    "sea": (
        "SHIPPER'S LOAD, STOW AND COUNT",
        "SAID TO CONTAIN",
        "CLEAN ON BOARD",
        "LADEN ON BOARD THE VESSEL",
        "NO. OF ORIGINAL B/L: THREE (3)",
        "14 DAYS FREE TIME AT DESTINATION",
        "TEMPERATURE SET AT -18 C",
        "CARGO IS STOWED UNDER DECK",
        "NON NEGOTIABLE COPY",
        "CONTAINER(S) SAID TO CONTAIN",
        "AS ARRANGED",
        "ORIGINAL",
        "DEMURRAGE AND DETENTION AS PER TARIFF",
        "THC AT DESTINATION FOR RECEIVER'S ACCOUNT",
    ),
    "air": (
        "NOT NEGOTIABLE",
        "HANDLE WITH CARE",
        "KEEP DRY",
        "DOCUMENTS ATTACHED",
        "CONSOLIDATION AS PER ATTACHED MANIFEST",
        "NO DANGEROUS GOODS",
        "SECURED BY KNOWN CONSIGNOR",
        "DO NOT STACK",
        "SHC: SPX",
    ),
    "road": (
        "Delivery Mon-Fri 08:00-16:00",
        "Documents attached: invoice",
        "Do not double stack",
        "Reservations of the carrier: none",
        "Seals intact on arrival",
        "Tail-lift required",
    ),
    "rail": (
        "Wagon inspected at border",
        "Customs transit T1 attached",
        "Loaded by consignor",
        "Gauge change at transshipment terminal",
        "Sealed by the consignor",
    ),
}


@dataclass(frozen=True, slots=True)
class Route:
    mode: str
    origin: str  # country alpha-2
    destination: str
    port_of_loading: Place
    port_of_discharge: Place | None
    place_of_delivery: Place | None
    place_of_receipt: Place | None
    origin_town: str  # plain name for incoterms, marks, issue place
    destination_town: str
    origin_code: str  # UN/LOCODE or IATA code used inside document numbers


# Countries whose documents write a decimal comma ("1.234,50").
DECIMAL_COMMA_COUNTRIES = frozenset(
    ("DE", "AT", "FR", "BE", "NL", "ES", "IT", "PT", "BR", "AR", "CL", "CO", "PE", "TR", "PL", "CZ", "HU",
     "RO", "SE", "DK", "NO", "FI", "GR", "ID", "VN")
)  # fmt: skip


def sample_style(country: str, rng: random.Random) -> Style:
    """Language follows the issuing country often, English otherwise; number and date habits follow it.

    Month-first numeric dates only on documents issued in the US (the contract reads every other
    document day first), and a decimal comma only where the issuing country or language writes one,
    so the convention is visible in the text.
    """
    local = _COUNTRY_LANGUAGE.get(country)
    if local and rng.random() < 0.55:
        language = local
    elif rng.random() < 0.85:
        language = "en"
    else:
        language = rng.choice(("de", "fr", "es", "nl", "pt", "it"))
    us_dates = country == "US" and language == "en" and rng.random() < 0.8
    if country in DECIMAL_COMMA_COUNTRIES:
        decimal_comma = rng.random() < 0.75
    else:
        decimal_comma = not us_dates and language != "en" and rng.random() < 0.5
    return Style(language=language, us_dates=us_dates, decimal_comma=decimal_comma, upper=rng.random() < 0.4)


def _mode(document_type: str, rng: random.Random) -> str:
    fixed = {
        "bill_of_lading": "sea",
        "sea_waybill": "sea",
        "air_waybill": "air",
        "road_consignment_note": "road",
        "rail_consignment_note": "rail",
    }
    if document_type in fixed:
        return fixed[document_type]
    if document_type == "packing_list":
        return rng.choices(("sea", "air", "road"), weights=(70, 20, 10))[0]
    return "sea" if rng.random() < 0.85 else "air"


def _route(mode: str, rng: random.Random) -> Route:
    if mode == "sea":
        pol = places.port_location(rng)
        pod = places.port_location(rng)
        while pod.country == pol.country:
            pod = places.port_location(rng)
        delivery = receipt = None
        if rng.random() < 0.35:
            delivery = places.sample_inland(pod.country, rng)
        if rng.random() < 0.2:
            receipt = places.sample_inland(pol.country, rng)
        return Route(
            mode,
            pol.country,
            pod.country,
            places.sample_port(pol, rng),
            places.sample_port(pod, rng),
            delivery,
            receipt,
            places.display_name(pol),
            places.display_name(pod),
            pol.code,
        )
    if mode == "air":
        origin = places.airport(rng)
        destination = places.airport(rng)
        while destination.country == origin.country:
            destination = places.airport(rng)
        delivery = (
            places.sample_inland(destination.country, rng, code_share=0.0) if rng.random() < 0.1 else None
        )
        return Route(
            mode,
            origin.country,
            destination.country,
            places.sample_airport(origin, rng),
            places.sample_airport(destination, rng),
            delivery,
            None,
            origin.city,
            destination.city,
            origin.iata,
        )
    countries = EUROPE if mode == "road" or rng.random() < 0.8 else (*EUROPE, "CN", "KZ")
    origin_country, destination_country = rng.sample(countries, 2)
    taking_over = places.sample_inland(origin_country, rng)
    delivery = places.sample_inland(destination_country, rng)
    return Route(
        mode,
        origin_country,
        destination_country,
        taking_over,
        None,
        delivery,
        None,
        taking_over.name.split(",")[0].title(),
        delivery.name.split(",")[0].title(),
        origin_country,
    )


def _maybe_date(date: dt.date, style: Style, rng: random.Random, share: float) -> DateValue | None:
    if rng.random() >= share:
        return None
    return sample_date(date, style, rng, without_year=rng.random() < 0.06)


# Per document type: share of issue, departure and arrival dates printed.
_DATE_SHARES = {
    "bill_of_lading": (0.9, 0.6, 0.1),
    "sea_waybill": (0.9, 0.55, 0.1),
    "air_waybill": (0.85, 0.5, 0.05),
    "cargo_manifest": (0.5, 0.7, 0.4),
    "packing_list": (0.8, 0.2, 0.05),
    "arrival_notice": (0.7, 0.4, 0.95),
    "road_consignment_note": (0.85, 0.3, 0.1),
    "rail_consignment_note": (0.85, 0.3, 0.1),
}
_TRANSIT_DAYS = {"sea": (12, 42), "air": (1, 3), "road": (1, 5), "rail": (12, 24)}
_FREIGHT_SHARE = {
    "bill_of_lading": 0.8,
    "sea_waybill": 0.7,
    "air_waybill": 0.6,
    "arrival_notice": 0.5,
    "road_consignment_note": 0.4,
    "rail_consignment_note": 0.4,
    "cargo_manifest": 0.3,
    "packing_list": 0.1,
}
_INCOTERM_SHARE = {"packing_list": 0.6, "air_waybill": 0.2}


def _conveyance(shipment: Shipment, route: Route, rng: random.Random) -> None:
    """Carrier, vessel/flight/truck/train, voyage and the document number, all from one carrier."""
    issue = (
        shipment.issue_date.value
        if shipment.issue_date and shipment.issue_date.value
        else dt.date(2026, 1, 1)
    )
    ref = reference.load()
    if route.mode == "air":
        airline = rng.choice(ref.air_carriers)
        shipment.carrier = airline.name.upper() if rng.random() < 0.3 else airline.name
        shipment.carrier_code = airline.iata if rng.random() < 0.5 else None
        shipment.vessel_or_flight = identifiers.flight_number(airline, rng)
        number = identifiers.awb_number(airline, rng)
        if shipment.document_type == "air_waybill" and rng.random() < 0.15:
            number = identifiers.house_number(route.origin_code, rng)
        shipment.document_number = number
    elif route.mode == "sea":
        line = rng.choice(ref.sea_carriers)
        name = line.short_name if line.short_name and rng.random() < 0.45 else line.name
        shipment.carrier = name.upper() if rng.random() < 0.3 else name
        shipment.carrier_code = line.scac if rng.random() < 0.4 else None
        shipment.vessel_or_flight = identifiers.vessel_name(rng)
        shipment.voyage = identifiers.voyage(issue, rng)
        shipment.document_number = identifiers.bill_number(line.scac, route.origin_code, issue, rng)
    elif route.mode == "road":
        shipment.carrier = parties.carrier_company(route.origin, rng)
        shipment.vessel_or_flight = identifiers.truck_plate(route.origin, rng)
        shipment.document_number = identifiers.cmr_number(route.origin, issue, rng)
    else:
        shipment.carrier = rng.choice(RAIL_CARRIERS)
        shipment.vessel_or_flight = identifiers.train_id(rng)
        shipment.document_number = identifiers.cim_number(issue, rng)
    numbering = {
        "cargo_manifest": identifiers.manifest_number,
        "packing_list": identifiers.packing_list_number,
        "arrival_notice": identifiers.notice_number,
    }
    if shipment.document_type in numbering and rng.random() < 0.7:
        shipment.document_number = numbering[shipment.document_type](issue, rng)
    if shipment.document_type in ("packing_list", "cargo_manifest") and rng.random() < 0.08:
        shipment.document_number = None  # lists that carry no number of their own


def _parties(shipment: Shipment, route: Route, rng: random.Random) -> None:
    kind = shipment.document_type
    share = 0.35 if kind == "cargo_manifest" else 0.97
    if rng.random() < share:
        shipment.shipper = parties.sample_party(route.origin, rng)
    if rng.random() < share:
        if kind == "bill_of_lading" and rng.random() < 0.12:
            shipment.consignee = parties.to_order_party(rng)
        else:
            shipment.consignee = parties.sample_party(route.destination, rng)
    notify_share = 0.7 if kind in ("bill_of_lading", "sea_waybill", "arrival_notice", "air_waybill") else 0.15
    if rng.random() < notify_share * share:
        to_order = shipment.consignee is not None and not shipment.consignee.address_lines
        if rng.random() < 0.3 and not to_order:
            shipment.notify_party = parties.placeholder_party(rng)
        else:
            shipment.notify_party = parties.sample_party(route.destination, rng)


_ITEM_COUNTS = {"cargo_manifest": (2, 12), "packing_list": (1, 12)}


def _item_count(document_type: str, rng: random.Random) -> int:
    low, high = _ITEM_COUNTS.get(document_type, (1, 12))
    count = min(high, max(low, int(rng.expovariate(1 / 2.2)) + 1))
    return count


def _items(shipment: Shipment, route: Route, unit: str, cubic_feet: bool, rng: random.Random) -> None:
    style = shipment.style
    # Marks name the receiver; a "TO ORDER" consignee is no name to mark cases with.
    named = [
        p.name for p in (shipment.consignee, shipment.notify_party, shipment.shipper) if p and p.address_lines
    ]
    consignee = named[0] if named else "CNEE"
    # How completely this document describes its lines; packing lists state weights, volumes and marks.
    floor = 0.7 if shipment.document_type == "packing_list" else 0.0
    hs_share = rng.uniform(0.2, 0.8)
    weight_share = rng.uniform(max(0.5, floor), 1.0)
    volume_share = rng.uniform(max(0.3, floor), 1.0)
    marks_share = rng.uniform(max(0.2, floor), 1.0)
    for _ in range(_item_count(shipment.document_type, rng)):
        phrase, hs6, commodity = goods.sample_description(style, rng)
        kind = rng.choice(commodity.packages) if commodity else rng.choice(tuple(goods.PACKAGE_COUNTS))
        low, high = goods.PACKAGE_COUNTS[kind]
        if route.mode == "air":
            high = max(low, high // 10)
        quantity = max(low, min(high, int(low + rng.paretovariate(1.3) * (high - low) / 12)))
        kg_low, kg_high, cbm_low, cbm_high = goods.PACKAGE_SIZES[kind]
        item = Item(description=phrase)
        if rng.random() < 0.35:
            spec = goods.sample_spec(style.decimal_comma, rng)
            item.spec = spec if phrase.isupper() or rng.random() < 0.5 else spec.lower()
            item.description = f"{phrase}{rng.choice((' ', ', '))}{item.spec}"
        if rng.random() < 0.93:
            item.quantity = sample_count(quantity, style, rng)
            if rng.random() < 0.92:
                item.package = goods.sample_package(kind, quantity, style, rng)
        if rng.random() < hs_share:
            item.hs_code, item.hs_printed = goods.sample_hs(hs6, style, rng)
        if rng.random() < weight_share:
            kg = quantity * rng.uniform(kg_low, kg_high)
            raw = kg / 1000 if unit == "t" else kg * 2.20462 if unit == "lb" else kg
            item.gross_weight = sample_weight(
                max(raw, 0.1), unit, style, rng, second_unit=rng.random() < 0.05
            )
        if rng.random() < volume_share:
            item.volume = sample_volume(quantity * rng.uniform(cbm_low, cbm_high), style, rng, cubic_feet)
        if rng.random() < marks_share:
            item.marks = goods.sample_marks(consignee, route.destination_town, quantity, rng)
        if commodity and commodity.dangerous and rng.random() < 0.85:
            un, hazard = commodity.dangerous
            item.dangerous = goods.sample_dangerous(un, hazard, rng, complete=rng.random() < 0.88)
        shipment.items.append(item)


def _totals(shipment: Shipment, unit: str, cubic_feet: bool, rng: random.Random) -> None:
    """Stated totals equal the sums of the lines (real documents add up); unstated ones stay None."""
    style = shipment.style
    items = shipment.items
    single = len(items) == 1
    share = 0.35 if single else 0.6
    if rng.random() < share:
        total = sum(i.quantity.value for i in items if i.quantity) or rng.randint(1, 400)
        shipment.total_packages = sample_count(total, style, rng)
    if rng.random() < share:
        weights = [i.gross_weight.value for i in items if i.gross_weight]
        total_weight = sum(weights) if weights else rng.uniform(50, 20000)
        shipment.total_gross_weight = sample_weight(
            total_weight, unit, style, rng, second_unit=rng.random() < 0.1
        )
    if rng.random() < share * 0.8:
        volumes = [i.volume.cbm for i in items if i.volume and i.volume.cbm is not None]
        total_volume = sum(volumes) if volumes else rng.uniform(0.5, 60)
        shipment.total_volume = sample_volume(total_volume, style, rng, cubic_feet)


def _containers(shipment: Shipment, rng: random.Random) -> None:
    if shipment.transport_mode == "air" or (shipment.transport_mode == "road" and rng.random() < 0.85):
        return
    kind = shipment.document_type
    high = 8 if kind in ("bill_of_lading", "sea_waybill", "cargo_manifest", "arrival_notice") else 3
    if shipment.transport_mode == "rail":
        high = 4
    count = (
        0
        if rng.random() < (0.3 if kind == "packing_list" else 0.1)
        else min(high, 1 + int(rng.expovariate(0.6)))
    )
    if kind == "cargo_manifest" and count:
        count = rng.randint(count, high)
    reefer = any(i.description.upper().startswith(("FROZEN", "FRESH")) for i in shipment.items)
    for _ in range(count):
        size_type = rng.choice(("20RF", "40RF")) if reefer else None
        shipment.containers.append(equipment.sample_container(rng, size_type))


def sample_shipment(document_type: str, rng: random.Random) -> Shipment:
    """A consistent `Shipment` of `document_type`, with a `Style` chosen for this document."""
    if document_type not in TITLES:
        raise ValueError(f"unknown document type {document_type!r}")
    mode = _mode(document_type, rng)
    route = _route(mode, rng)
    style = sample_style(route.destination if document_type == "arrival_notice" else route.origin, rng)
    titles = TITLES[document_type]
    title = rng.choice(titles[style.language] if rng.random() < 0.6 else titles["en"])
    shipment = Shipment(document_type=document_type, title=title, transport_mode=mode, style=style)

    issue = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(4 * 365))
    departure = issue + dt.timedelta(days=rng.randint(-4, 5))
    arrival = departure + dt.timedelta(days=rng.randint(*_TRANSIT_DAYS[mode]))
    issue_share, departure_share, arrival_share = _DATE_SHARES[document_type]
    shipment.issue_date = _maybe_date(issue, style, rng, issue_share)
    shipment.departure_date = _maybe_date(departure, style, rng, departure_share)
    shipment.arrival_date = _maybe_date(arrival, style, rng, arrival_share)
    if shipment.issue_date and rng.random() < 0.6:
        shipment.issue_place = route.origin_town.upper() if style.upper else route.origin_town

    _conveyance(shipment, route, rng)
    if document_type == "packing_list" and rng.random() < 0.6:
        shipment.drop("vessel_or_flight", "voyage", "carrier")
    _parties(shipment, route, rng)
    shipment.port_of_loading = route.port_of_loading
    shipment.port_of_discharge = route.port_of_discharge
    shipment.place_of_delivery = route.place_of_delivery
    shipment.place_of_receipt = route.place_of_receipt
    if rng.random() < _INCOTERM_SHARE.get(document_type, 0.35):
        shipment.incoterm = terms.sample_incoterm(route.origin_town, route.destination_town, mode, rng)
    if rng.random() < _FREIGHT_SHARE[document_type]:
        shipment.freight_terms = terms.sample_freight_terms(style.language, rng)

    unit = rng.choices(
        ("kg", "lb", "t"), weights=(85, 15 if "US" in (route.origin, route.destination) else 4, 3)
    )[0]
    cubic_feet = rng.random() < 0.04
    _items(shipment, route, unit, cubic_feet, rng)
    _containers(shipment, rng)
    _totals(shipment, unit, cubic_feet, rng)
    shipment.remarks = rng.sample(_REMARKS[mode], k=min(len(_REMARKS[mode]), rng.choice((0, 1, 1, 2, 3))))
    return shipment
