"""Cargo manifests list several bills: split a shipment's goods and containers among them.

A manifest's label has all containers and items in document order, so each bill takes a
contiguous slice of both lists. Bill numbers are decoys (the manifest has its own
number); B/L numbers start with the carrier's code the way real ones do, air manifests
list house air waybills.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from service.data.identifiers import house_number
from service.data.shipment import Container, Item, Shipment

_LINES = ("MEDU", "MAEU", "HLCU", "CMDU", "ONEY", "COSU", "EGLV", "ZIMU", "HDMU", "YMLU")


@dataclass(slots=True)
class Bill:
    number: str
    items: list[Item] = field(default_factory=list)
    containers: list[Container] = field(default_factory=list)


def _cuts(count: int, parts: int, rng: random.Random) -> list[int]:
    """`parts + 1` boundaries splitting `count` things into `parts` runs (some may be empty)."""
    inner = sorted(rng.choices(range(count + 1), k=parts - 1)) if parts > 1 else []
    return [0, *inner, count]


def _number(shipment: Shipment, prefix: str, rng: random.Random) -> str:
    """A house AWB number for air manifests, else a B/L number with the line's prefix."""
    if shipment.transport_mode == "air":
        origin = shipment.port_of_loading.extra if shipment.port_of_loading else None
        return house_number(origin or "", rng)
    return f"{prefix}{rng.randint(10**8, 10**10) if rng.random() < 0.8 else rng.randint(100000, 999999)}"


def split_bills(shipment: Shipment, rng: random.Random, most: int = 4) -> list[Bill]:
    """Two to `most` bills (one when there is a single goods line), every item in one of them."""
    items, containers = shipment.items, shipment.containers
    parts = rng.randint(2, min(most, len(items))) if len(items) > 1 else 1
    item_cuts = (
        [0, *sorted(rng.sample(range(1, len(items)), parts - 1)), len(items)]
        if parts > 1
        else [0, len(items)]
    )
    box_cuts = _cuts(len(containers), parts, rng)
    prefix = shipment.carrier_code or rng.choice(_LINES)
    return [
        Bill(
            _number(shipment, prefix, rng),
            items[item_cuts[part] : item_cuts[part + 1]],
            containers[box_cuts[part] : box_cuts[part + 1]],
        )
        for part in range(parts)
    ]
