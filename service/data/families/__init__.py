"""Layout families: each module in this package renders a `Shipment` in one real-world layout.

A family module defines one or more module-level `LayoutFamily` objects named `FAMILY`
or listed in `FAMILIES`; `all_families()` discovers them, so adding a family is adding
a module. A family's `render` must print the `printed` form of every field left
non-None in the shipment, and `drop()` the fields its layout has no place for first.
"""

from __future__ import annotations

import importlib
import pkgutil
import random
from collections.abc import Callable
from dataclasses import dataclass

from service.data.shipment import Shipment

Renderer = Callable[[Shipment, random.Random], str]


@dataclass(frozen=True, slots=True)
class LayoutFamily:
    name: str  # stable id used for split assignment, e.g. "carrier_bl_boxes"
    doc_types: tuple[str, ...]  # contract document_type values this layout is used for
    render: Renderer
    # A family that draws its styles per split (the stochastic generator) gives its variant for a split.
    for_split: Callable[[str], LayoutFamily] | None = None
    max_chars: int | None = None  # longest document it may render; None: the corpus' default


def all_families() -> dict[str, LayoutFamily]:
    """Every family in this package by name, in a stable order."""
    found: dict[str, LayoutFamily] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        declared = list(getattr(module, "FAMILIES", ()))
        if hasattr(module, "FAMILY"):
            declared.append(module.FAMILY)
        for family in declared:
            if family.name in found:
                raise ValueError(f"duplicate layout family {family.name!r}")
            found[family.name] = family
    return dict(sorted(found.items()))
