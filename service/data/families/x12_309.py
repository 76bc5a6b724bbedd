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
    X12_WEIGHT_UNITS,
    Segment,
    clear_item_fields,
    dangerous_parts,
    date8,
    iso_size,
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
    if shipment.arrival_date and shipment.arrival_date.value is None:
        shipment.drop("arrival_date")  # CCYYMMDD only: a date without a year has no form here
    has_parties = any((shipment.shipper, shipment.consignee, shipment.notify_party))
    bills = 1 if has_parties or len(shipment.items) < 2 else rng.randint(2, min(4, len(shipment.items)))
    if bills > 1:
        shipment.drop("total_packages", "total_gross_weight", "total_volume")
    if shipment.total_volume and shipment.total_volume.cbm is None:
        shipment.drop("total_volume")
    scac = sender_code(shipment, rng)
    vessel_code = str(rng.randrange(9_000_000, 9_999_999))
    mode = _MODES[shipment.transport_mode]
    body: list[Segment] = [
        ["M10", scac, mode, rng.choice(_FLAGS), vessel_code, shipment.vessel_or_flight or "",
         shipment.voyage or "", shipment.document_number or "", str(bills), "A"],
    ]  # fmt: skip
    discharge = shipment.port_of_discharge
    district = discharge.extra if discharge and discharge.extra and discharge.extra.isdigit() else None
    arrival = shipment.arrival_date.value if shipment.arrival_date else None
    body.append(["P4", district or rng.choice(_SCHEDULE_D), date8(arrival) if arrival else "", str(bills)])
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
    return interchange(shipment, rng, "309", "AQ", body)


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
            pieces = str(shipment.total_packages.value)
        if shipment.total_gross_weight:
            weight = number(shipment.total_gross_weight.value)
            weight_unit = X12_WEIGHT_UNITS[shipment.total_gross_weight.unit]
        if shipment.total_volume and shipment.total_volume.cbm is not None:
            volume = number(shipment.total_volume.cbm)
    else:  # the bill's own sums: decoys that are not the document's stated totals
        counts = [i.quantity.value for i in items if i.quantity]
        pieces = str(sum(counts)) if counts and len(counts) == len(items) else ""
        weights = [i.gross_weight for i in items if i.gross_weight]
        if weights and len(weights) == len(items) and len({w.unit for w in weights}) == 1:
            weight = number(round(sum(w.value for w in weights), 3))
            weight_unit = X12_WEIGHT_UNITS[weights[0].unit]
    bill = f"{scac}{rng.randrange(10**7, 10**9)}"
    port = schedule_k or str(rng.randrange(10_000, 99_999))
    return ["M11", bill, port, pieces, unit, weight, weight_unit, volume, "X" if volume else ""]


def _equipment(container: Container, rng: random.Random) -> Segment:
    initial, digits = split_container(container)
    size = iso_size(container, rng)
    return ["VID", "CN", initial, digits, container.seal or "", "", "", "", "", size or ""]


def _goods(item: Item, rng: random.Random) -> list[Segment]:
    """N10 with quantity, description, marks, tariff number and weight; notes continue below."""
    quantity = str(item.quantity.value) if item.quantity else ""
    hs_inline = item.hs_code is not None and (item.hs_printed is None or rng.random() < 0.6)
    weight = item.gross_weight
    line: Segment = ["N10", quantity, item.description, item.marks or "", "", "", ""]
    if hs_inline and item.hs_code:
        line[4:6] = ["H", item.hs_code]
    if weight:
        line += [X12_WEIGHT_UNITS[weight.unit], number(weight.value)]
    out = [line]
    notes = [] if hs_inline or not item.hs_printed else [item.hs_printed]
    if item.dangerous and rng.random() < 0.5:
        notes.append(item.dangerous.printed)
    out.extend(["N10", "", note] for note in notes)
    if item.dangerous:
        un, hazard_class = dangerous_parts(item.dangerous)
        out.append(["H1", un, hazard_class])
    return out


FAMILY = LayoutFamily("x12_309", ("cargo_manifest",), render)
