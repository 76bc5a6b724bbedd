"""Style axes of the stochastic layouts, and which styles each corpus split may draw.

A document's `LayoutStyle` is one value per axis: the caption pool (a language, or a local
language paired with English as bilingual forms print it), the placement of header fields
(caption/value lines, multi-column boxes, numbered form boxes, an e-mail, a delimited
export, captions stacked over values, several fields to a line) and the border drawing
(ASCII, Unicode light / heavy / double, none). Each axis' values are partitioned among train, validation and
held-out, so a split's styles are disjoint from the others':

- `train` and `test` draw every axis from its train values;
- `validation` draws at least one axis from its validation values, the rest from train;
- `heldout` draws at least one axis from its held-out values, the rest from train or held-out.

A style with any held-out value is a held-out style: train and validation never produce
one, and validation's styles never occur in train. Generalisation to an unseen caption
language, placement or border is then measured on validation and heldout.

OCR noise is one more dimension of a style but not a split axis: every split draws it
with the same shares (`NOISE`), as scans arrive in every kind of traffic. E-mails never
pass through a scanner, nor do delimited exports, so they are always `none`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# axis -> group -> values. Groups: "train", "validation", "heldout".
AXES: dict[str, dict[str, tuple[str, ...]]] = {
    "captions": {
        "train": ("en", "de", "fr", "es", "nl", "it", "de/en", "fr/en", "es/en", "nl/en", "it/en"),
        "validation": ("pt", "pt/en"),
        "heldout": ("pl", "pl/en"),
    },
    "placement": {
        "train": ("kv", "boxes", "numbered", "email", "export"),
        "validation": ("stacked",),
        "heldout": ("inline",),
    },
    "border": {
        "train": ("ascii", "light", "none"),
        "validation": ("heavy",),
        "heldout": ("double",),
    },
}
# Placements that never pass through a scanner: they are sent as files.
UNSCANNED = frozenset(("email", "export"))
# OCR noise strength -> share of the scanned (not UNSCANNED) documents drawing it.
NOISE: dict[str, float] = {"none": 0.7, "light": 0.15, "medium": 0.1, "heavy": 0.05}
# Which value groups a split draws from: (groups every axis may use, group at least one axis must use).
_SPLIT_GROUPS: dict[str, tuple[tuple[str, ...], str]] = {
    "train": (("train",), "train"),
    "test": (("train",), "train"),
    "validation": (("train",), "validation"),
    "heldout": (("train", "heldout"), "heldout"),
}


@dataclass(frozen=True, slots=True)
class LayoutStyle:
    captions: str  # "en", "de/en" (bilingual: local wording, then English)
    placement: str
    border: str
    noise: str = "none"  # OCR noise strength, a key of `NOISE`

    @property
    def languages(self) -> tuple[str, ...]:
        """Caption languages, local first."""
        return tuple(self.captions.split("/"))

    def name(self) -> str:
        return f"{self.captions}|{self.placement}|{self.border}|{self.noise}"


def split_values(split: str) -> dict[str, tuple[str, ...]]:
    """Every value a split may draw, per axis."""
    groups, forced = _groups(split)
    return {
        axis: tuple(dict.fromkeys(v for g in (*groups, forced) for v in table[g]))
        for axis, table in AXES.items()
    }


def required_values(split: str) -> dict[str, tuple[str, ...]]:
    """The values of which every document of `split` holds at least one (train values for train and test)."""
    _, forced = _groups(split)
    return {axis: table[forced] for axis, table in AXES.items()}


def heldout_values() -> dict[str, tuple[str, ...]]:
    """The values only the held-out split draws, per axis."""
    return {axis: table["heldout"] for axis, table in AXES.items()}


def sample_style(split: str, rng: random.Random) -> LayoutStyle:
    """A style for a document of `split`, by the rules in the module docstring."""
    groups, forced = _groups(split)
    axes = list(AXES)
    must = set() if forced == "train" else {rng.choice(axes)}
    if forced == "heldout":
        must |= {axis for axis in axes if rng.random() < 0.3}
    chosen = {}
    for axis in axes:
        table = AXES[axis]
        values = table[forced] if axis in must else tuple(v for g in groups for v in table[g])
        chosen[axis] = rng.choice(values)
    noise = "none" if chosen["placement"] in UNSCANNED else rng.choices(list(NOISE), list(NOISE.values()))[0]
    return LayoutStyle(**chosen, noise=noise)


def _groups(split: str) -> tuple[tuple[str, ...], str]:
    if split not in _SPLIT_GROUPS:
        raise ValueError(f"unknown split {split!r}; expected one of {tuple(_SPLIT_GROUPS)}")
    return _SPLIT_GROUPS[split]
