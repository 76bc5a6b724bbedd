"""The header fields of a document (numbers, parties, routing, terms) as captioned entries.

Layouts that print "caption: value" fields above a goods table share this: `entries`
collects the fields that are set, grouped the way forms group them, with captions
already drawn; `kv_lines` prints a group as key/value lines in one of the ways real
documents do (a party as a block under its caption or on one line, short fields two to
a line). Entries are in label order inside a group; layouts may shuffle groups.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from service.data.families._fieldtext import (
    NUMBER_KEY,
    VEHICLE_KEY,
    fitting_caption,
    issue_text,
    party_inline,
    party_lines,
    place_text,
)
from service.data.shipment import Party, Shipment


@dataclass(slots=True)
class Entry:
    caption: str
    value: str | Party


@dataclass(slots=True)
class Groups:
    reference: list[Entry]
    parties: list[Entry]
    routing: list[Entry]
    terms: list[Entry]


def entries(shipment: Shipment, rng: random.Random) -> Groups:
    """Every set header field of `shipment` as a captioned entry, by group."""

    def cap(key: str) -> str:
        return fitting_caption(key, shipment, rng)

    def keep(pairs: list[tuple[str, str | Party | None]]) -> list[Entry]:
        return [Entry(cap(key), value) for key, value in pairs if value is not None]

    vehicle_key = VEHICLE_KEY[shipment.transport_mode]
    vehicle: list[tuple[str, str | Party | None]] = [
        (vehicle_key, shipment.vessel_or_flight),
        ("voyage", shipment.voyage),
    ]
    routing = keep(vehicle)
    if shipment.vessel_or_flight and shipment.voyage and rng.random() < 0.5:
        routing = [
            Entry(f"{cap(vehicle_key)} / {cap('voyage')}", f"{shipment.vessel_or_flight} / {shipment.voyage}")
        ]
    places = (
        ("place_of_receipt", shipment.place_of_receipt),
        ("port_of_loading", shipment.port_of_loading),
        ("port_of_discharge", shipment.port_of_discharge),
        ("place_of_delivery", shipment.place_of_delivery),
    )
    routing += keep([(key, place_text(place, rng) if place else None) for key, place in places])
    routing += keep(
        [
            ("departure_date", shipment.departure_date.printed if shipment.departure_date else None),
            ("arrival_date", shipment.arrival_date.printed if shipment.arrival_date else None),
        ]
    )
    number_key = NUMBER_KEY[shipment.document_type] if rng.random() < 0.75 else "document_number"
    return Groups(
        reference=keep(
            [
                (number_key, shipment.document_number),
                ("issue_date", issue_text(shipment, rng)),
                ("carrier", shipment.carrier),
            ]
        )
        + (
            [Entry("SCAC" if shipment.transport_mode == "sea" else "Code", shipment.carrier_code)]
            if shipment.carrier_code
            else []
        ),
        parties=keep(
            [
                ("shipper", shipment.shipper),
                ("consignee", shipment.consignee),
                ("notify_party", shipment.notify_party),
            ]
        ),
        routing=routing,
        terms=keep(
            [
                ("incoterm", shipment.incoterm.printed if shipment.incoterm else None),
                ("freight_terms", shipment.freight_terms.printed if shipment.freight_terms else None),
            ]
        ),
    )


def kv_lines(group: list[Entry], rng: random.Random, sep: str, pair_width: int = 0) -> list[str]:
    """Key/value lines for a group; with `pair_width`, short fields go two to a line."""
    lines: list[str] = []
    pending = ""
    block = rng.random() < 0.6
    indent = " " * rng.choice((0, 2, 4))
    for entry in group:
        if isinstance(entry.value, Party):
            if pending:
                lines.append(pending)
                pending = ""
            if block:
                lines.append(f"{entry.caption}{sep.rstrip()}")
                lines.extend(indent + line for line in party_lines(entry.value, rng))
            else:
                lines.append(f"{entry.caption}{sep}{party_inline(entry.value)}")
            continue
        text = f"{entry.caption}{sep}{entry.value}"
        if not pair_width:
            lines.append(text)
        elif pending:
            lines.append(f"{pending.ljust(pair_width)}  {text}")
            pending = ""
        elif len(text) < pair_width:
            pending = text
        else:
            lines.append(text)
    if pending:
        lines.append(pending)
    return lines
