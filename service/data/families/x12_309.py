"""ANSI X12 309 (U.S. Customs Manifest) as an ocean carrier transmits it.

ISA/GS envelope, M10 vessel and voyage with the manifest number as its reference, P4 port
of arrival with the ETA, R4 ports, then one LX loop per bill: M11 bill details, N1/N3
parties, VID equipment, N10 goods lines (with continuation N10s for the HS and DG notes)
and H1 hazmat lines. A customs manifest states no carrier name, issue or sailing date,
freight or delivery terms, and its goods lines have no package type or volume. Parties
and totals belong to the document only when it holds a single bill; with several bills
each M11 counts that bill alone, which is not a stated document total.
"""

from __future__ import annotations

import random

from service.data.families import LayoutFamily
from service.data.families._edi import (
    X12_PACKAGES,
    X12_WEIGHT_UNITS,
    Segment,
    bill_number,
    clear_item_fields,
    dangerous_parts,
    iso_size,
    machine_forms,
    manifest_bills,
    number,
    partition,
    sender_code,
    split_container,
)
from service.data.families._x12 import interchange, parties, place_segment, unit_code
from service.data.shipment import Container, Item, Shipment

# Customs district/port codes (Schedule D) of common U.S. ports of arrival.
_SCHEDULE_D = ("1001", "2704", "2709", "1601", "5301", "3002", "1703", "1401", "4601", "2809")
_FLAGS = ("LR", "PA", "MH", "SG", "MT", "DE", "HK", "BS", "CY", "PT", "DK", "GB", "NL", "GR")
_MODES = {"sea": "O", "air": "A", "road": "J", "rail": "R"}


def render(shipment: Shipment, rng: random.Random) -> str:
    shipment.drop("carrier", "issue_date", "departure_date", "incoterm", "freight_terms", "remarks")
    unit = unit_code(shipment.items)  # M11's package unit, read before the N10 lines (which have none)
    clear_item_fields(shipment.items, "package", "volume")
    machine_forms(shipment, X12_PACKAGES, X12_WEIGHT_UNITS, split_equipment=True)
    bills = manifest_bills(shipment, rng)
    scac = sender_code(shipment, rng)
    vessel_code = str(rng.randrange(9_000_000, 9_999_999))
    mode = _MODES[shipment.transport_mode]
    body: list[Segment] = [
        ["M10", scac, mode, rng.choice(_FLAGS), vessel_code, shipment.vessel_or_flight or "",
         shipment.voyage or "", shipment.document_number or "", str(bills), "A"],
    ]  # fmt: skip
    discharge = shipment.port_of_discharge
    extra = discharge.extra if discharge else None
    district = extra if extra and len(extra) == 4 and extra.isdigit() else None
    arrival = shipment.arrival_date.printed if shipment.arrival_date else ""
    body.append(["P4", district or rng.choice(_SCHEDULE_D), arrival, str(bills)])
    ports = (("L", shipment.port_of_loading), ("D", discharge), ("E", shipment.place_of_delivery))
    for function, place in ports:
        if place:
            body.append(place_segment(function, place))
    item_ranges = partition(len(shipment.items), bills, rng)
    container_ranges = partition(len(shipment.containers), bills, rng)
    for index, ((i0, i1), (c0, c1)) in enumerate(zip(item_ranges, container_ranges, strict=True)):
        body.append(["LX", str(index + 1)])
        body.append(_bill_details(shipment, shipment.items[i0:i1], bills, (scac, unit), rng))
        if bills == 1:
            body.extend(parties(shipment, rng))
        body.extend(_equipment(c, rng) for c in shipment.containers[c0:c1])
        for item in shipment.items[i0:i1]:
            body.extend(_goods(item, rng))
    return interchange(shipment, rng, ("309", "AQ", scac), body)


def _bill_details(
    shipment: Shipment, items: list[Item], bills: int, codes: tuple[str, str], rng: random.Random
) -> Segment:
    """M11: bill number, foreign port code, pieces, weight, volume; totals only for a lone bill."""
    scac, unit = codes
    loading = shipment.port_of_loading
    schedule_k = loading.extra if loading and loading.extra and loading.extra.isdigit() else ""
    pieces = weight = weight_unit = volume = ""
    if bills == 1:
        if shipment.total_packages:
            pieces = shipment.total_packages.printed
        if shipment.total_gross_weight:
            weight = shipment.total_gross_weight.printed
            weight_unit = X12_WEIGHT_UNITS[shipment.total_gross_weight.unit]
        if shipment.total_volume:
            volume = shipment.total_volume.printed
    else:  # the bill's own sums: decoys that are not the document's stated totals
        counts = [i.quantity.value for i in items if i.quantity]
        pieces = str(sum(counts)) if counts and len(counts) == len(items) else ""
        weights = [i.gross_weight for i in items if i.gross_weight]
        if weights and len(weights) == len(items) and len({w.unit for w in weights}) == 1:
            weight = number(round(sum(w.value for w in weights), 3))
            weight_unit = X12_WEIGHT_UNITS[weights[0].unit]
    port = schedule_k or str(rng.randrange(10_000, 99_999))
    volume_unit = "X" if volume else ""
    return ["M11", bill_number(scac, rng), port, pieces, unit, weight, weight_unit, volume, volume_unit]


def _equipment(container: Container, rng: random.Random) -> Segment:
    initial, digits = split_container(container)
    size = iso_size(container, rng)
    return ["VID", "CN", initial, digits, container.seal or "", "", "", "", "", size or ""]


def _goods(item: Item, rng: random.Random) -> list[Segment]:
    """N10 with quantity, description, marks, tariff number and weight; notes continue below."""
    quantity = item.quantity.printed if item.quantity else ""
    weight = item.gross_weight
    line: Segment = ["N10", quantity, item.description, item.marks or "", "", "", ""]
    notes = []
    if item.hs_code and (item.hs_printed is None or rng.random() < 0.6):
        line[4:6] = ["H", item.hs_code]
        item.hs_printed = item.hs_code
    elif item.hs_printed:
        notes.append(item.hs_printed)
    if weight:
        line += [X12_WEIGHT_UNITS[weight.unit], weight.printed]
    if item.dangerous and rng.random() < 0.5:
        notes.append(item.dangerous.printed)
    out: list[Segment] = [line]
    out.extend(["N10", "", note] for note in notes)
    if item.dangerous:
        out.append(["H1", *dangerous_parts(item.dangerous)])
    return out


FAMILY = LayoutFamily("x12_309", ("cargo_manifest",), render)
