"""`stochastic`: documents composed by the stochastic layout generator (`service/data/layouts`).

Unlike the other families it serves every split: each split draws its own layout styles
(see `layouts.styles`), so `FAMILY.for_split(split)` is the variant a split renders with;
`FAMILY` itself draws train styles.
"""

from __future__ import annotations

import random

from service.data.families import LayoutFamily
from service.data.layouts import generator
from service.data.layouts.styles import sample_style
from service.data.shipment import Shipment
from service.data.world import DOCUMENT_TYPES


def for_split(split: str) -> LayoutFamily:
    """The family drawing the styles of `split`."""
    sample_style(split, random.Random(0))  # refuses an unknown split here rather than mid-corpus

    def render(shipment: Shipment, rng: random.Random) -> str:
        return generator.render(shipment, sample_style(split, rng), rng)

    return LayoutFamily(
        "stochastic", DOCUMENT_TYPES, render, for_split=for_split, max_chars=generator.MAX_CHARS
    )


FAMILY = for_split("train")
