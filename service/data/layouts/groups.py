"""Field groups of a document: what each group states, whether it appears, with captions drawn.

A group (references, parties, routing, dates, terms, totals, remarks) is a list of
`Field`s: a caption and the value's lines, the `printed` forms of the shipment exactly.
`field_groups` decides per group whether the document prints it; a group left out has
its fields `drop`ped from the shipment first, so the label agrees with the text. Groups
also carry the world around the fields: agents and forwarders that are not shipper or
consignee, and identifiers of other papers next to the document's own number.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from service.data import parties
from service.data.families._fieldtext import NUMBER_KEY, VEHICLE_KEY, issue_text, party_lines, place_text
from service.data.layouts import distractors
from service.data.layouts.captioner import Captioner
from service.data.shipment import Party, Shipment


@dataclass(slots=True)
class Field:
    key: str  # caption key, so prose and placements can find a field
    caption: str
    lines: list[str]  # value lines; a labelled value is never cut inside a word
    block: bool = False  # a party or address: several lines that belong under one caption


@dataclass(slots=True)
class Group:
    name: str
    fields: list[Field] = field(default_factory=list)


# Per group: the shipment fields it prints, and the chance a document prints the group.
GROUPS: dict[str, tuple[tuple[str, ...], float]] = {
    "references": (("document_number", "issue_date", "carrier"), 0.97),
    "parties": (("shipper", "consignee", "notify_party"), 0.95),
    "routing": (
        ("vessel_or_flight", "voyage", "port_of_loading", "port_of_discharge", "place_of_delivery"),
        0.93,
    ),
    "dates": (("departure_date", "arrival_date"), 0.85),
    "terms": (("incoterm", "freight_terms"), 0.8),
    "totals": (("total_packages", "total_gross_weight", "total_volume"), 0.85),
}


def choose_groups(shipment: Shipment, rng: random.Random) -> list[str]:
    """The header groups this document prints; the fields of the others are dropped."""
    kept = []
    for name, (names, share) in GROUPS.items():
        if rng.random() < share:
            kept.append(name)
        else:
            shipment.drop(*names)
    return kept


def _party_field(key: str, caption: str, party: Party, rng: random.Random) -> Field:
    return Field(key, caption, party_lines(party, rng, one_line_share=0.25), block=True)


def references(shipment: Shipment, cap: Captioner, rng: random.Random) -> Group:
    group = Group("references")
    s = shipment
    if s.document_number:
        key = NUMBER_KEY.get(s.document_type, "document_number") if rng.random() < 0.6 else "document_number"
        group.fields.append(Field("document_number", cap(key), [s.document_number]))
    issued = issue_text(s, rng)
    if issued:
        group.fields.append(Field("issue_date", cap("issue_date"), [issued]))
    if s.carrier:
        group.fields.append(Field("carrier", cap("carrier"), [s.carrier]))
    if s.carrier_code:
        group.fields.append(
            Field("carrier_code", "SCAC" if s.transport_mode == "sea" else "IATA", [s.carrier_code])
        )
    for key in rng.sample(distractors.KINDS, k=rng.choice((0, 1, 1, 2, 3))):
        group.fields.append(Field(key, cap(key), [distractors.identifier(key, s, rng)]))
    if len(group.fields) > 1 and rng.random() < 0.4:
        rng.shuffle(group.fields)
    return group


def party_group(shipment: Shipment, cap: Captioner, rng: random.Random) -> Group:
    group = Group("parties")
    for key in ("shipper", "consignee", "notify_party"):
        party = getattr(shipment, key)
        if party is not None:
            group.fields.append(_party_field(key, cap(key), party, rng))
    if rng.random() < 0.35:
        country = shipment.consignee.country if shipment.consignee and shipment.consignee.country else "DE"
        agent = parties.sample_party(country if country in parties.countries_with_styles() else "DE", rng)
        position = rng.randint(0, len(group.fields))
        group.fields.insert(position, _party_field("agent", cap("agent"), agent, rng))
    return group


def routing(shipment: Shipment, cap: Captioner, rng: random.Random) -> Group:
    group = Group("routing")
    s = shipment
    vehicle_key = VEHICLE_KEY[s.transport_mode]
    if s.vessel_or_flight and s.voyage and rng.random() < 0.4:
        group.fields.append(
            Field(
                "vessel_or_flight",
                f"{cap(vehicle_key)} / {cap('voyage')}",
                [f"{s.vessel_or_flight} / {s.voyage}"],
            )
        )
    else:
        if s.vessel_or_flight:
            group.fields.append(Field("vessel_or_flight", cap(vehicle_key), [s.vessel_or_flight]))
        if s.voyage:
            group.fields.append(Field("voyage", cap("voyage"), [s.voyage]))
    loading = (
        "place_of_taking_over"
        if s.transport_mode in ("road", "rail") and rng.random() < 0.5
        else "port_of_loading"
    )
    for key, name in (
        ("place_of_receipt", "place_of_receipt"),
        (loading, "port_of_loading"),
        ("port_of_discharge", "port_of_discharge"),
        ("place_of_delivery", "place_of_delivery"),
    ):
        place = getattr(s, name)
        if place is not None:
            group.fields.append(Field(name, cap(key), [place_text(place, rng)]))
    return group


def dates(shipment: Shipment, cap: Captioner) -> Group:
    group = Group("dates")
    for key in ("departure_date", "arrival_date"):
        date = getattr(shipment, key)
        if date is not None:
            group.fields.append(Field(key, cap(key), [date.printed]))
    return group


def printed_group(name: str, keys: tuple[str, ...], shipment: Shipment, cap: Captioner) -> Group:
    """A group of fields that print one `printed` form each (terms, totals)."""
    group = Group(name)
    for key in keys:
        value = getattr(shipment, key)
        if value is not None:
            group.fields.append(Field(key, cap(key), [value.printed]))
    return group


def remarks(shipment: Shipment, cap: Captioner) -> Group:
    group = Group("remarks")
    if shipment.remarks:
        group.fields.append(Field("remarks", cap("remarks"), list(shipment.remarks), block=True))
    return group


HEADER = ("references", "parties", "routing", "dates", "terms")


def build_groups(shipment: Shipment, cap: Captioner, rng: random.Random) -> dict[str, Group]:
    """The groups this document prints, by name: header groups in a sampled order (references
    and parties lead unless shuffled), then totals and remarks. Empty groups are left out."""
    kept = set(choose_groups(shipment, rng))
    makers = {
        "references": lambda: references(shipment, cap, rng),
        "parties": lambda: party_group(shipment, cap, rng),
        "routing": lambda: routing(shipment, cap, rng),
        "dates": lambda: dates(shipment, cap),
        "terms": lambda: printed_group("terms", ("incoterm", "freight_terms"), shipment, cap),
        "totals": lambda: printed_group("totals", GROUPS["totals"][0], shipment, cap),
    }
    order = [name for name in HEADER if name in kept]
    if rng.random() < 0.4:
        rng.shuffle(order)
    built = {name: makers[name]() for name in order}
    if "totals" in kept:
        built["totals"] = makers["totals"]()
    built["remarks"] = remarks(shipment, cap)
    return {name: group for name, group in built.items() if group.fields}
