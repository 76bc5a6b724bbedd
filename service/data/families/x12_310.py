"""ANSI X12 310 (Freight Receipt and Invoice, Ocean) as a carrier sends its bill of lading.

B3 with the bill number, payment method and issue date, N9 references (the bill or
waybill number with the document's title), V1 vessel and voyage, K1 remarks, N1 loops for
carrier and parties, R4 ports each followed by its DTM date, FOB terms, N7/M7 equipment
and seals, one LX loop per goods line (L0 quantity, weight and volume, L5 description and
tariff number, MAN marks, H1 hazmat) and L3 totals with freight charges that are no field.
"""

from __future__ import annotations

import random

from service.data.families import LayoutFamily
from service.data.families._edi import (
    X12_PACKAGES,
    X12_WEIGHT_UNITS,
    Segment,
    dangerous_parts,
    iso_size,
    machine_forms,
    number,
    sender_code,
    split_container,
)
from service.data.families._x12 import interchange, parties, place_segment
from service.data.shipment import Container, DateValue, Item, Place, Shipment, Volume, Weight

_FLAGS = ("LR", "PA", "MH", "SG", "MT", "DE", "HK", "BS", "CY", "PT", "DK", "GB", "NL", "GR")


def render(shipment: Shipment, rng: random.Random) -> str:
    machine_forms(shipment, X12_PACKAGES, X12_WEIGHT_UNITS, split_equipment=True)
    scac = sender_code(shipment, rng)
    payment = shipment.freight_terms.printed if shipment.freight_terms else ""
    issued = shipment.issue_date.printed if shipment.issue_date else ""
    document = shipment.document_number or ""
    body: list[Segment] = [
        ["B3", "", str(rng.randrange(10**6, 10**8)), document, payment, "", issued, number(_charge(rng)),
         "", "", "", scac],
        ["N9", "BM" if shipment.document_type == "bill_of_lading" else "WY", document, shipment.title],
    ]  # fmt: skip
    if rng.random() < 0.6:
        body.append(["N9", "BN", f"{rng.randrange(10**8, 10**10)}"])
    if shipment.vessel_or_flight or shipment.voyage:
        body.append(["V1", str(rng.randrange(9_000_000, 9_999_999)), shipment.vessel_or_flight or "",
                     rng.choice(_FLAGS), shipment.voyage or "", scac])  # fmt: skip
    body.extend(["K1", remark] for remark in shipment.remarks)
    if shipment.carrier:
        body.append(["N1", "CA", shipment.carrier, "2", scac])
    body.extend(parties(shipment, rng))
    body.extend(_ports(shipment))
    if shipment.incoterm:  # payment "DF" (defined by buyer and seller) where no freight terms are stated
        body.append(["FOB", payment or "DF", "", "", "01", shipment.incoterm.printed])
    for container in shipment.containers:
        body.extend(_equipment(container, rng))
    for index, item in enumerate(shipment.items, start=1):
        body.extend(_goods(index, item))
    body.append(_totals(shipment, rng))
    return interchange(shipment, rng, ("310", "IO", scac), body)


def _charge(rng: random.Random) -> float:
    return round(rng.uniform(400, 9000), 2)


def _ports(shipment: Shipment) -> list[Segment]:
    """R4 per place, each followed by the date that belongs to it (sailing, arrival)."""
    out: list[Segment] = []
    dated: tuple[tuple[str, Place | None, str, DateValue | None], ...] = (
        ("R", shipment.place_of_receipt, "", None),
        ("L", shipment.port_of_loading, "370", shipment.departure_date),
        ("D", shipment.port_of_discharge, "371", shipment.arrival_date),
        ("E", shipment.place_of_delivery, "", None),
    )
    for function, place, qualifier, date in dated:
        if place:
            out.append(place_segment(function, place))
        if date:
            out.append(["DTM", qualifier, date.printed])
    return out


def _equipment(container: Container, rng: random.Random) -> list[Segment]:
    initial, digits = split_container(container)
    n7: Segment = ["N7", initial, digits, *[""] * 19, iso_size(container, rng) or ""]
    n7[11] = "CN"
    return [n7, ["M7", container.seal]] if container.seal else [n7]


def _measures(weight: Weight | None, volume: Volume | None) -> tuple[str, str, str, str, str]:
    """Weight, its qualifier, volume in cubic metres, its qualifier, and the weight unit code."""
    return (
        weight.printed if weight else "",
        "G" if weight else "",
        volume.printed if volume else "",
        "X" if volume else "",
        X12_WEIGHT_UNITS[weight.unit] if weight else "",
    )


def _goods(index: int, item: Item) -> list[Segment]:
    weight, weight_code, volume, volume_code, unit = _measures(item.gross_weight, item.volume)
    quantity = item.quantity.printed if item.quantity else ""
    package = item.package.printed if item.package else ""
    line = str(index)
    l0: Segment = ["L0", line, "", "", weight, weight_code, volume, volume_code, quantity, package, "", unit]
    l5: Segment = ["L5", line, item.description, item.hs_code or "", "H" if item.hs_code else ""]
    item.hs_printed = item.hs_code  # sent as digits in L5
    out: list[Segment] = [["LX", line], l0, l5]
    if item.marks:
        out.append(["MAN", "L", item.marks])
    if item.dangerous:
        out.append(["H1", *dangerous_parts(item.dangerous)])
    return out


def _totals(shipment: Shipment, rng: random.Random) -> Segment:
    """L3: stated totals only, next to the freight charge (an amount, not a field)."""
    totals = _measures(shipment.total_gross_weight, shipment.total_volume)
    weight, weight_code, volume, volume_code, unit = totals
    packages = shipment.total_packages.printed if shipment.total_packages else ""
    charge = number(_charge(rng))
    return ["L3", weight, weight_code, "", "", charge, "", "", "", volume, volume_code, packages, unit]


FAMILY = LayoutFamily("x12_310", ("bill_of_lading", "sea_waybill"), render)
