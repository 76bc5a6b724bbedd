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

from service.data.shipment import Container, DangerousGoods, Item, Shipment

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
    """Separators absent from every value: the first candidate of each role mostly, another now and then."""
    used = "\n".join(_values(segments))
    picked: list[str] = []
    for candidates in (elements, components, terminators):
        free = [c for c in candidates if c not in used and c not in picked]
        # The defaults are the first candidates; an odd interchange uses another free one.
        picked.append(free[0] if rng.random() < 0.85 or len(free) == 1 else rng.choice(free[1:]))
    return Syntax(picked[0], picked[1], picked[2], rng.random() < 0.75)


def _values(segments: list[Segment]) -> list[str]:
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
    """When the interchange was sent: near the voyage's dates, a decoy that is no document date."""
    dates = [d.value for d in (shipment.departure_date, shipment.issue_date) if d and d.value]
    base = dates[0] if dates else dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(365))
    day = base + dt.timedelta(days=rng.randrange(-2, 3))
    return dt.datetime(day.year, day.month, day.day, rng.randrange(24), rng.randrange(60))


def sender_code(shipment: Shipment, rng: random.Random) -> str:
    """The carrier's code when printed elsewhere, else a real SCAC (either way unlabelled)."""
    code = shipment.carrier_code
    return code if code and code.isalnum() and len(code) == 4 else rng.choice(SCACS)


def split_container(container: Container) -> tuple[str, str]:
    """Equipment initial and number as X12 VID/N7 carry them: `MSCU`, `1234565`."""
    return container.number[:4], container.number[4:]


def iso_size(container: Container, rng: random.Random) -> str | None:
    """The ISO code for the container's contract size type; None for a size printed without a type."""
    if container.size is None or container.size.value is None:
        container.size = None  # EDI has no form for "40'" alone: the size is not printed at all
        return None
    return rng.choice(ISO_SIZE_TYPES[container.size.value])


def clear_item_fields(items: Sequence[Item], *names: str) -> None:
    """Item-level `Shipment.drop`: fields an EDI goods line has no element for."""
    for item in items:
        for name in names:
            setattr(item, name, None)


def dangerous_parts(dangerous: DangerousGoods) -> tuple[str, str]:
    """UN number digits and class; the one the print omits is empty (the label is null then)."""
    if dangerous.complete:
        return dangerous.un_number[2:], dangerous.hazard_class
    # An incomplete line states one of the two; which one does not matter to the label.
    return (
        (dangerous.un_number[2:], "") if "UN" in dangerous.printed.upper() else ("", dangerous.hazard_class)
    )


def partition(count: int, parts: int, rng: random.Random) -> list[tuple[int, int]]:
    """`parts` consecutive (start, end) ranges covering range(count); later ones may be empty."""
    cuts = sorted(rng.sample(range(1, count), parts - 1)) if 1 < parts <= count else []
    bounds = [0, *cuts, count]
    ranges = list(itertools.pairwise(bounds))
    return ranges + [(count, count)] * (parts - len(ranges))
