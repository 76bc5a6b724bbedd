"""Report-style exports (Markdown, dotted leaders): the document as captioned sections.

A TMS export lists what the system knows under section headings: reference, parties,
routing, terms, equipment, goods, totals. This module decides which fields go in which
section and how they are captioned for the transport mode (a road note has a place of
taking over and a loading date, not a port of loading and a sailing date); the layouts
decide how a section looks. Any document type works, road and rail included.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from service.data.captions import caption
from service.data.families._fieldtext import NUMBER_KEY, VEHICLE_KEY, fitting_caption, issue_text, place_text
from service.data.shipment import Party, Shipment

# Report exports serve every document type.
ALL_TYPES = (
    "bill_of_lading", "sea_waybill", "air_waybill", "cargo_manifest", "packing_list", "arrival_notice",
    "road_consignment_note", "rail_consignment_note",
)  # fmt: skip
# Caption keys that differ on land notes (road, rail) from sea and air documents.
_LAND_KEYS = {
    "port_of_loading": "place_of_taking_over",
    "departure_date": "taking_over_date",
    "arrival_date": "delivery_date",
    "carrier": "land_carrier",
}
_AIR_KEYS = {"port_of_loading": "airport_of_departure", "port_of_discharge": "airport_of_destination"}


def drop_land_discharge(shipment: Shipment) -> None:
    """Road and rail notes state no port of discharge (the contract's rule), whatever is sampled."""
    if shipment.transport_mode in ("road", "rail"):
        shipment.drop("port_of_discharge")


@dataclass(slots=True)
class Field:
    caption: str
    value: str | Party


@dataclass(slots=True)
class Section:
    heading: str
    fields: list[Field]


def sections(shipment: Shipment, rng: random.Random) -> list[Section]:
    """Header sections with the fields the shipment states, captions drawn for its mode."""
    land = shipment.transport_mode in ("road", "rail")
    keys = _LAND_KEYS if land else _AIR_KEYS if shipment.transport_mode == "air" else {}
    style = shipment.style

    def label(key: str) -> str:
        key = keys.get(key, key)
        return caption(key, style, rng) if land else fitting_caption(key, shipment, rng)

    def field(key: str, value: str | Party | None) -> list[Field]:
        return [Field(label(key), value)] if value else []

    def printed(name: str) -> str | None:
        value = getattr(shipment, name)
        return value.printed if value else None

    number_key = NUMBER_KEY.get(shipment.document_type, "consignment_note_number")
    reference = [
        *field(number_key if rng.random() < 0.8 else "document_number", shipment.document_number),
        *field("issue_date", issue_text(shipment, rng)),
        *field("carrier", shipment.carrier),
    ]
    if shipment.carrier_code:
        reference.append(Field("SCAC" if shipment.transport_mode == "sea" else "Code", shipment.carrier_code))
    parties = [
        f for name in ("shipper", "consignee", "notify_party") for f in field(name, getattr(shipment, name))
    ]
    routing = [
        *field(VEHICLE_KEY[shipment.transport_mode], shipment.vessel_or_flight),
        *field("voyage", shipment.voyage),
    ]
    for name in ("place_of_receipt", "port_of_loading", "port_of_discharge", "place_of_delivery"):
        place = getattr(shipment, name)
        routing += field(name, place_text(place, rng) if place else None)
    routing += [
        *field("departure_date", printed("departure_date")),
        *field("arrival_date", printed("arrival_date")),
    ]
    terms = [*field("incoterm", printed("incoterm")), *field("freight_terms", printed("freight_terms"))]
    found = [
        Section(caption("section_reference", style, rng), reference),
        Section(caption("section_parties", style, rng), parties),
        Section(caption("section_routing", style, rng), routing + terms),
    ]
    return [section for section in found if section.fields]


def totals(shipment: Shipment, rng: random.Random) -> list[Field]:
    """The totals the document states, captioned."""
    return [
        Field(caption(name, shipment.style, rng), value.printed)
        for name in ("total_packages", "total_gross_weight", "total_volume")
        if (value := getattr(shipment, name)) is not None
    ]
