"""The header fields of a document (numbers, parties, routing, terms) as captioned entries.

Layouts that print "caption: value" fields above a goods table share this: `entries`
collects the fields that are set, grouped the way forms group them, with captions
already drawn; `kv_lines` prints a group as key/value lines in one of the ways real
documents do (a party as a block under its caption or on one line, short fields two to
a line). Entries are in label order inside a group; layouts may shuffle groups.
"""

from __future__ import annotations

import random
from collections.abc import Collection
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

_PLACES = ("place_of_receipt", "port_of_loading", "port_of_discharge", "place_of_delivery")
_AIR_PLACE_KEYS = {"port_of_loading": "airport_of_departure", "port_of_discharge": "airport_of_destination"}


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


def entries(shipment: Shipment, rng: random.Random, skip: Collection[str] = ()) -> Groups:
    """Every set header field of `shipment` as a captioned entry, by group; fields named in
    `skip` (Shipment attribute names) are left out because the layout prints them elsewhere."""

    def keep(pairs: list[tuple[str, str, str | Party | None]]) -> list[Entry]:
        return [
            Entry(fitting_caption(key, shipment, rng), value)
            for key, name, value in pairs
            if value is not None and name not in skip
        ]

    def place(name: str) -> str | None:
        found = getattr(shipment, name)
        return place_text(found, rng) if found else None

    def printed(name: str) -> str | None:
        found = getattr(shipment, name)
        return found.printed if found else None

    vehicle_key = VEHICLE_KEY[shipment.transport_mode]
    vehicle, voyage = shipment.vessel_or_flight, shipment.voyage
    if vehicle and voyage and "vessel_or_flight" not in skip and "voyage" not in skip and rng.random() < 0.5:
        caption = (
            f"{fitting_caption(vehicle_key, shipment, rng)} / {fitting_caption('voyage', shipment, rng)}"
        )
        routing = [Entry(caption, f"{vehicle} / {voyage}")]
    else:
        routing = keep([(vehicle_key, "vessel_or_flight", vehicle), ("voyage", "voyage", voyage)])
    keys = _AIR_PLACE_KEYS if shipment.transport_mode == "air" else {}
    routing += keep([(keys.get(name, name), name, place(name)) for name in _PLACES])
    routing += keep([(name, name, printed(name)) for name in ("departure_date", "arrival_date")])
    number_key = NUMBER_KEY[shipment.document_type] if rng.random() < 0.75 else "document_number"
    reference = keep(
        [
            (number_key, "document_number", shipment.document_number),
            ("issue_date", "issue_date", issue_text(shipment, rng)),
            ("carrier", "carrier", shipment.carrier),
        ]
    )
    if shipment.carrier_code and "carrier" not in skip:
        reference.append(Entry("SCAC" if shipment.transport_mode == "sea" else "Code", shipment.carrier_code))
    parties = keep(
        [(name, name, getattr(shipment, name)) for name in ("shipper", "consignee", "notify_party")]
    )
    terms = keep([(name, name, printed(name)) for name in ("incoterm", "freight_terms")])
    return Groups(reference, parties, routing, terms)


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


def aligned_lines(group: list[Entry], rng: random.Random, width: int, right: bool) -> list[str]:
    """Captions padded to `width` (right-aligned on the colon or left), values in one column;
    a party's further lines continue under its first."""
    lines = []
    for entry in group:
        caption = f"{entry.caption}:"
        caption = caption.rjust(width) if right else caption.ljust(width)
        values = party_lines(entry.value, rng) if isinstance(entry.value, Party) else [entry.value]
        lines.append(f"{caption} {values[0]}")
        lines.extend(f"{' ' * width} {value}" for value in values[1:])
    return lines
