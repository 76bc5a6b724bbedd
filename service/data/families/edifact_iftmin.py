"""UN/EDIFACT IFTMIN (instruction message) carrying a bill of lading or a sea waybill.

UNA/UNB/UNH envelope; BGM with the document code (705 bill of lading, 700 waybill), its
title and number; DTM document date; FTX remarks; CNT stated totals; TOD terms; TDT main
carriage (voyage, carrier, vessel); LOC places each with its DTM; NAD parties; per goods
line GID packages, FTX description, PIA tariff number, MEA weight and volume, PCI marks
and DGS dangerous goods; EQD/SEL containers and seals; UNT/UNZ. Values are never
escaped with the release character: the UNA header declares other separators instead.
"""

from __future__ import annotations

import random

from service.data.families import LayoutFamily
from service.data.families._edi import (
    REC20_WEIGHT_UNITS,
    REC21_PACKAGES,
    Segment,
    choose_syntax,
    dangerous_parts,
    envelope_time,
    iso_size,
    machine_forms,
    sender_code,
    values_of,
)
from service.data.shipment import Container, DateValue, Item, Party, Place, Shipment

_RECEIVERS = ("INTTRA", "GTNEXUS", "CARGOSMART", "DAKOSY", "PORTBASE", "EDIPORT")


def render(shipment: Shipment, rng: random.Random) -> str:
    decimal = "," if shipment.style.decimal_comma and rng.random() < 0.3 else "."
    machine_forms(shipment, REC21_PACKAGES, REC20_WEIGHT_UNITS, decimal)
    segments = [*_header(shipment, rng), *_routing(shipment, rng), *_parties(shipment, rng)]
    for index, item in enumerate(shipment.items, start=1):
        segments.extend(_goods(index, item))
    for container in shipment.containers:
        segments.extend(_equipment(container, rng))
    return _interchange(shipment, segments, decimal, rng)


def _header(shipment: Shipment, rng: random.Random) -> list[Segment]:
    waybill = shipment.document_type == "sea_waybill"
    code = "700" if waybill else "705"
    name = [code, "", "", shipment.title] if rng.random() < 0.6 else code
    out: list[Segment] = [["BGM", name, shipment.document_number or "", "9"]]
    if shipment.issue_date:
        out.append(["DTM", _date("137", shipment.issue_date, rng)])
    out.append(["TSR", "30", "2"])
    out.extend(["FTX", "AAI", "", "", remark] for remark in shipment.remarks)
    if shipment.total_gross_weight:
        weight = shipment.total_gross_weight
        out.append(["CNT", ["7", weight.printed, REC20_WEIGHT_UNITS[weight.unit]]])
    if shipment.total_packages:
        out.append(["CNT", ["11", shipment.total_packages.printed]])
    if shipment.total_volume:
        out.append(["CNT", ["15", shipment.total_volume.printed, "MTQ"]])
    if shipment.document_number and rng.random() < 0.5:
        out.append(["RFF", ["AAM" if waybill else "BM", shipment.document_number]])
    payment = shipment.freight_terms.printed if shipment.freight_terms else ""
    incoterm = shipment.incoterm.printed if shipment.incoterm else ""
    if payment or incoterm:
        out.append(["TOD", "6", payment, incoterm])
    return out


def _date(qualifier: str, date: DateValue, rng: random.Random) -> list[str]:
    """DTM composite: CCYYMMDD (102) mostly, with a time of day (203) now and then."""
    if rng.random() < 0.2:
        return [qualifier, f"{date.printed}{rng.randrange(24):02d}{rng.choice((0, 30)):02d}", "203"]
    return [qualifier, date.printed, "102"]


def _routing(shipment: Shipment, rng: random.Random) -> list[Segment]:
    """TDT main carriage, then each place with the date that belongs to it."""
    scac = sender_code(shipment, rng)
    carrier = [scac, "172", "20", shipment.carrier] if shipment.carrier else [scac, "172", "20"]
    vessel = [str(rng.randrange(9_000_000, 9_999_999)), "146", "11", shipment.vessel_or_flight or ""]
    out: list[Segment] = [["TDT", "20", shipment.voyage or "", "1", "", carrier, "", "", vessel]]
    places: tuple[tuple[str, Place | None, str, DateValue | None], ...] = (
        ("88", shipment.place_of_receipt, "", None),
        ("9", shipment.port_of_loading, rng.choice(("133", "136")), shipment.departure_date),
        ("11", shipment.port_of_discharge, rng.choice(("132", "178")), shipment.arrival_date),
        ("7", shipment.place_of_delivery, "", None),
    )
    for qualifier, place, date_qualifier, date in places:
        if place:
            code = [place.code, "139", "6", place.name] if place.code else ["", "", "", place.name]
            out.append(["LOC", qualifier, code])
        if date:
            out.append(["DTM", _date(date_qualifier, date, rng)])
    return out


def _parties(shipment: Shipment, rng: random.Random) -> list[Segment]:
    out: list[Segment] = []
    for qualifier, party in (
        ("CZ", shipment.shipper),
        ("CN", shipment.consignee),
        ("N1", shipment.notify_party),
    ):
        if party:
            out.extend(_party(qualifier, party, rng))
    return out


def _party(qualifier: str, party: Party, rng: random.Random) -> list[Segment]:
    """NAD structured (name, street, country) or unstructured (name:address), then contacts."""
    if party.placeholder is not None:
        return [["NAD", qualifier, "", "", party.placeholder]]
    address = " ".join(party.address_lines)
    if rng.random() < 0.3:
        out: list[Segment] = [["NAD", qualifier, "", [party.name, address] if address else [party.name]]]
    else:
        out = [["NAD", qualifier, "", "", party.name, address, "", "", "", party.country or ""]]
    for extra in party.extras:
        out.append(_contact(extra))
    return out


def _contact(extra: str) -> Segment:
    """COM for a phone, fax or e-mail line (by its look), CTA for a contact or a tax number."""
    lowered = extra.lower()
    if "@" in extra:
        return ["COM", [extra, "EM"]]
    if lowered.startswith("fax"):
        return ["COM", [extra, "FX"]]
    if lowered.startswith(("tel", "tél", "t:", "phone", "ph", "+")):
        return ["COM", [extra, "TE"]]
    return ["CTA", "IC", ["", extra]]


def _goods(index: int, item: Item) -> list[Segment]:
    package = [item.quantity.printed if item.quantity else ""]
    if item.package:
        package.append(item.package.printed)
    out: list[Segment] = [["GID", str(index), package], ["FTX", "AAA", "", "", item.description]]
    if item.hs_code:
        item.hs_printed = item.hs_code  # sent as digits in PIA
        out.append(["PIA", "5", [item.hs_code, "HS"]])
    if item.gross_weight:
        weight = item.gross_weight
        out.append(["MEA", "AAE", "G", [REC20_WEIGHT_UNITS[weight.unit], weight.printed]])
    if item.volume:
        out.append(["MEA", "AAE", "AAW", ["MTQ", item.volume.printed]])
    if item.marks:
        out.append(["PCI", "24", item.marks])
    if item.dangerous:
        out.append(["DGS", "IMD", *dangerous_parts(item.dangerous, class_first=True)])
    return out


def _equipment(container: Container, rng: random.Random) -> list[Segment]:
    size = iso_size(container, rng)
    iso = [size, "102", "5"] if size else ""
    out: list[Segment] = [["EQD", "CN", container.number, iso, "", "", "5"]]
    if container.seal:
        out.append(["SEL", container.seal, "CA"])
    return out


def _interchange(shipment: Shipment, body: list[Segment], decimal: str, rng: random.Random) -> str:
    """UNA (when separators differ from the defaults, or by habit), UNB/UNH, body, UNT/UNZ."""
    sent = envelope_time(shipment, rng)
    reference = str(rng.randrange(10**5, 10**9))
    segments: list[Segment] = [
        ["UNB", ["UNOC", "3"], [sender_code(shipment, rng), "ZZZ"], [rng.choice(_RECEIVERS), "ZZZ"],
         [sent.strftime("%y%m%d"), sent.strftime("%H%M")], reference],
        ["UNH", "1", ["IFTMIN", "D", "99B", "UN"]],
        *body,
        ["UNT", str(len(body) + 2), "1"],
        ["UNZ", "1", reference],
    ]  # fmt: skip
    syntax = choose_syntax(segments, rng, "+|*", ":^>", "'~")
    values = "".join(values_of(segments))
    release = next(c for c in "?!\\" if c not in values and c not in (syntax.element, syntax.component))
    default = (syntax.element, syntax.component, syntax.terminator, release, decimal) == (
        "+",
        ":",
        "'",
        "?",
        ".",
    )
    text = syntax.serialize(segments)
    if default and rng.random() < 0.5:
        return text
    una = f"UNA{syntax.component}{syntax.element}{decimal}{release} {syntax.terminator}"
    return una + ("\n" if syntax.one_per_line else "") + text


FAMILY = LayoutFamily("edifact_iftmin", ("bill_of_lading", "sea_waybill"), render)
