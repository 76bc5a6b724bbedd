"""What the EDI layouts (ANSI X12, UN/EDIFACT) share: segment syntax, code lists, machine forms.

EDI prints numbers, dates and codes in machine form (`8420.5`, `20260314`, `CT`, `45G1`), not
the document's printed forms; the label is computed from canonical values, so it agrees with
them. Labelled strings are never escaped and never split over elements: where a separator
character occurs in a value, the interchange declares another one (X12 in ISA, EDIFACT in
UNA), as real translators do, so every value stays exactly as written.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass

from service.data.shipment import Container, Count, DangerousGoods, Item, Shipment, Volume, Weight

# An element is a plain value or a composite (list of components); a segment is tag + elements.
Element = str | list[str]
Segment = list[Element]

# Contract package type -> UN/ECE Recommendation 21 code (EDIFACT) and X12 packaging code (103).
REC21_PACKAGES = {
    "pallet": "PX", "carton": "CT", "case": "CS", "crate": "CR", "drum": "DR", "bag": "BG", "bale": "BL",
    "box": "BX", "bundle": "BE", "coil": "CL", "piece": "PP", "roll": "RO", "reel": "RL", "tote": "TT",
    "ibc": "WA", "package": "PK",
}  # fmt: skip
X12_PACKAGES = {
    "pallet": "PLT", "carton": "CTN", "case": "CAS", "crate": "CRT", "drum": "DRM", "bag": "BAG",
    "bale": "BLE", "box": "BOX", "bundle": "BDL", "coil": "COL", "piece": "PCS", "roll": "ROL",
    "reel": "REL", "tote": "TOT", "ibc": "IBC", "package": "PKG",
}  # fmt: skip
# Contract size_type -> ISO 6346 size/type codes (the first is the usual one).
ISO_SIZE_TYPES = {
    "20GP": ("22G1", "22G0"), "40GP": ("42G1", "42G0"), "40HC": ("45G1", "45G0"), "45HC": ("L5G1",),
    "20RF": ("22R1",), "40RF": ("45R1", "42R1"), "20OT": ("22U1",), "40OT": ("42U1", "45U1"),
    "20FR": ("22P1", "22P3"), "40FR": ("42P1", "45P3"), "20TK": ("22T1", "22T0", "22T6"),
}  # fmt: skip
X12_WEIGHT_UNITS = {"kg": "K", "lb": "L", "t": "E"}  # element 188
PAYMENT_CODES = {"prepaid": "PP", "collect": "CC"}  # freight terms, coded alike in X12 and EDIFACT
REC20_WEIGHT_UNITS = {"kg": "KGM", "lb": "LBR", "t": "TNE"}
# Real carrier codes for envelope decoys when the shipment prints none.
SCACS = ("MAEU", "MSCU", "CMDU", "HLCU", "ONEY", "EGLV", "COSU", "OOLU", "YMLU", "ZIMU", "HDMU")


@dataclass(frozen=True, slots=True)
class Syntax:
    """Separators of one interchange and whether segments get a line each."""

    element: str
    component: str
    terminator: str
    one_per_line: bool

    def serialize(self, segments: list[Segment]) -> str:
        """Segments as text, empty trailing elements and components trimmed as EDI does."""
        out = []
        for segment in segments:
            elements = [self.component.join(_trim(e)) if isinstance(e, list) else e for e in segment]
            out.append(self.element.join(_trim(elements)) + self.terminator)
        return ("\n" if self.one_per_line else "").join(out) + "\n"


def _trim(values: list[str]) -> list[str]:
    end = len(values)
    while end > 1 and not values[end - 1]:
        end -= 1
    return values[:end]


def choose_syntax(
    segments: list[Segment], rng: random.Random, elements: str, components: str, terminators: str
) -> Syntax:
    """Separators absent from every value: per role the first free candidate, now and then the second.

    Candidates are ordered: the standard's default, a common alternative, then fallbacks
    used only when a value holds the characters before them.
    """
    used = "\n".join(values_of(segments))
    picked: list[str] = []
    for candidates in (elements, components, terminators):
        free = [c for c in candidates if c not in used and c not in picked]
        picked.append(free[1] if len(free) > 1 and rng.random() < 0.15 else free[0])
    return Syntax(picked[0], picked[1], picked[2], rng.random() < 0.75)


def values_of(segments: list[Segment]) -> list[str]:
    """Every element and component value, for checking which characters the values use."""
    out: list[str] = []
    for segment in segments:
        for element in segment:
            out.extend(element if isinstance(element, list) else (element,))
    return out


def number(value: float, decimal_mark: str = ".") -> str:
    """A canonical EDI number: no grouping, no trailing zeros (`8420`, `2115.5`)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text.replace(".", decimal_mark) if decimal_mark != "." else text


def date8(date: dt.date) -> str:
    return date.strftime("%Y%m%d")


def envelope_time(shipment: Shipment, rng: random.Random) -> dt.datetime:
    """When the interchange was sent: around sailing, a decoy that is no document date."""
    sailing = [d.value for d in (shipment.departure_date, shipment.issue_date) if d and d.value]
    if sailing:
        day = sailing[0] + dt.timedelta(days=rng.randrange(-2, 3))
    elif shipment.arrival_date and shipment.arrival_date.value:
        day = shipment.arrival_date.value - dt.timedelta(days=rng.randrange(2, 25))
    else:
        day = dt.date(2025, 6, 1) + dt.timedelta(days=rng.randrange(365))
    return dt.datetime(day.year, day.month, day.day, rng.randrange(24), rng.randrange(60))


def sender_code(shipment: Shipment, rng: random.Random) -> str:
    """The carrier's code: as printed elsewhere, else the SCAC a bill number starts with, else a real one."""
    for code in (shipment.carrier_code, (shipment.document_number or "")[:4]):
        if code and len(code) == 4 and code.isalpha() and code.isupper():
            return code
    return rng.choice(SCACS)


def split_container(container: Container) -> tuple[str, str]:
    """Equipment initial and number as X12 VID/N7 carry them: `MSCU`, `1234565`."""
    return container.number[:4], container.number[4:]


def iso_size(container: Container, rng: random.Random) -> str | None:
    """The ISO code sent for the container's size type (now its printed form); None without a type."""
    if container.size is None or container.size.value is None:
        container.size = None  # EDI has no form for "40'" alone: the size is not printed at all
        return None
    container.size.printed = rng.choice(ISO_SIZE_TYPES[container.size.value])
    return container.size.printed


def machine_forms(
    shipment: Shipment,
    packages: dict[str, str],
    weight_units: dict[str, str],
    decimal: str = ".",
    split_equipment: bool = False,
) -> None:
    """Restate the shipment as EDI prints it; drop what a machine form cannot state.

    Dates become CCYYMMDD, numbers canonical (with the interchange's decimal mark), terms
    and package kinds codes, UN/LOCODEs unspaced. Only `printed` forms change, so the
    label (computed from values) stays the same and the printed-value check still holds.
    A date without a year, cubic feet and unmapped codes are labelled null and have no
    machine form, so they go. The document's decimal mark becomes the interchange's.
    """
    shipment.style.decimal_comma = decimal == ","
    for name in ("issue_date", "departure_date", "arrival_date"):
        date = getattr(shipment, name)
        if date and date.value is None:
            shipment.drop(name)
        elif date and date.value:
            date.printed = date8(date.value)
    for name in ("incoterm", "freight_terms"):
        coded = getattr(shipment, name)
        if coded and coded.value is None:
            shipment.drop(name)
        elif coded and coded.value:
            coded.printed = PAYMENT_CODES.get(coded.value, coded.value)
    for place in (shipment.port_of_loading, shipment.port_of_discharge, shipment.place_of_delivery):
        if place and place.code:
            place.code_printed = place.code
    for container in shipment.containers:
        # X12 sends the equipment initial and number in two elements (`split_container`).
        initial, digits = split_container(container)
        container.number_printed = f"{initial} {digits}" if split_equipment else container.number
    if shipment.total_volume and shipment.total_volume.cbm is None:
        shipment.drop("total_volume")
    _restate(
        shipment.total_packages, shipment.total_gross_weight, shipment.total_volume, weight_units, decimal
    )
    for item in shipment.items:
        if item.volume and item.volume.cbm is None:
            item.volume = None
        if item.package and item.package.value is None:
            item.package = None
        elif item.package and item.package.value:
            item.package.printed = packages[item.package.value]
        _restate(item.quantity, item.gross_weight, item.volume, weight_units, decimal)


def _restate(
    count: Count | None, weight: Weight | None, volume: Volume | None, units: dict[str, str], decimal: str
) -> None:
    """Numbers as machine forms send them; a weight's unit is the qualifier code beside it."""
    if count:
        count.printed = str(count.value)
    if weight:
        weight.printed = number(weight.value, decimal)
        weight.unit_printed = units[weight.unit]
    if volume and volume.cbm is not None:
        volume.printed = number(volume.cbm, decimal)
        volume.unit_printed = None


def clear_item_fields(items: Sequence[Item], *names: str) -> None:
    """Item-level `Shipment.drop`: fields an EDI goods line has no element for."""
    for item in items:
        for name in names:
            setattr(item, name, None)


def dangerous_parts(dangerous: DangerousGoods, class_first: bool = False) -> list[str]:
    """UN number digits and class in element order; the half an incomplete line omits is empty.

    Which half an incomplete line states does not matter to the label (null). The printed
    form becomes the UN number as sent (the class where only the class is sent).
    """
    un, hazard_class = dangerous.un_number[2:], dangerous.hazard_class
    if not dangerous.complete:
        un, hazard_class = (un, "") if "UN" in dangerous.printed.upper() else ("", hazard_class)
    dangerous.printed = un or hazard_class
    return [hazard_class, un] if class_first else [un, hazard_class]


def partition(count: int, parts: int, rng: random.Random) -> list[tuple[int, int]]:
    """`parts` consecutive (start, end) ranges covering range(count); later ones may be empty."""
    cuts = sorted(rng.sample(range(1, count), parts - 1)) if 1 < parts <= count else []
    bounds = [0, *cuts, count]
    ranges = list(itertools.pairwise(bounds))
    return ranges + [(count, count)] * (parts - len(ranges))


def manifest_bills(shipment: Shipment, rng: random.Random) -> int:
    """How many bills a manifest lists: one when it states parties (stated once for all), else 2-4.

    With several bills, per-bill counts are no document totals, so those are dropped.
    """
    has_parties = any((shipment.shipper, shipment.consignee, shipment.notify_party))
    if shipment.document_type != "cargo_manifest" or has_parties or len(shipment.items) < 2:
        return 1
    shipment.drop("total_packages", "total_gross_weight", "total_volume")
    return rng.randint(2, min(4, len(shipment.items)))


def bill_number(scac: str, rng: random.Random) -> str:
    """A bill number listed in a manifest: a decoy beside the manifest's own number."""
    return f"{scac}{rng.randrange(10**7, 10**9)}"
