"""Corpus records: (split, seed, index) -> one rendered document with its contract label.

Every record is checked while it is made, because a wrong label teaches the model a
wrong rule: the label must validate against the contract schema, and every value the
shipment still states after the layout rendered it must be visible in the text (so a
layout that forgets to print a field, or prints it differently, fails loudly instead of
producing a label the text does not support).

Splits: `train`, `validation` and `test` draw from the seen layout families with
different seeds; `heldout` draws only from `HELDOUT_FAMILIES`, layouts unlike any seen
one that use the same vocabulary, to measure generalisation to unseen layouts. The
`stochastic` generator serves every split (half of each split's documents), drawing the
split's own layout styles (`layouts.styles`): held-out styles never reach train.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError

from service.data import noise
from service.data.families import LayoutFamily, all_families
from service.data.layouts.afterword import afterword
from service.data.layouts.draw import BORDERS
from service.data.shipment import Shipment, collapse
from service.data.spans import extraction
from service.data.world import sample_shipment
from service.extraction.locate import locate
from service.extraction.schema import span_paths
from service.manifest import Manifest
from service.normalise import normalise
from service.scoring import flatten

SPLITS = ("train", "validation", "test", "heldout")
# Layouts kept out of train/validation/test. Each differs in layout from every seen family
# (leader dots, markdown, several bills in one manifest, borderless tab-aligned columns) while
# speaking the same captions and values; e-mails, forms, EDI and AWB boxes all stay seen.
HELDOUT_FAMILIES = ("dotted_leaders_export", "markdown_export", "multi_bl_manifest", "tab_aligned_table")
# Families in every split, each split drawing its own styles; the share of a split's documents they make.
EVERY_SPLIT_FAMILIES = ("stochastic",)
EVERY_SPLIT_SHARE = 0.5
MAX_CHARS = 6000
# Printed layouts (forms, boxed and columned documents) arrive as scans now and then, so a
# share of them gets scan noise on their unlabelled lines. E-mails, exports and EDI never
# pass through a scanner, and `ocr_scan_bl` makes its own noise.
_SCANNED_SHARE = 0.2
# Printed layouts that go on below their goods (charges, declarations, signatures): the
# stochastic generator composes its own; a family's page gets the same blocks appended.
_AFTERWORD_SHARE = 0.6
_PRINTED_LAYOUTS = frozenset((
    "carrier_bl_boxes", "sea_waybill_form", "booking_style_bl", "awb_boxes", "awb_house_list", "cmr_boxes",
    "cim_boxes", "arrival_notice_form", "packing_list_form", "pipe_table", "tab_aligned_table",
    "vessel_manifest_table", "multi_bl_manifest",
))  # fmt: skip


class LabelError(ValueError):
    """A rendered document whose label the text does not support, or that breaks the contract."""


def split_families(split: str, families: dict[str, LayoutFamily] | None = None) -> list[LayoutFamily]:
    """The layout families a split draws from, in name order."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; expected one of {SPLITS}")
    found = all_families() if families is None else families
    chosen = [
        f.for_split(split) if f.for_split else f
        for name, f in sorted(found.items())
        if name in EVERY_SPLIT_FAMILIES or (name in HELDOUT_FAMILIES) == (split == "heldout")
    ]
    if not chosen:
        raise LookupError(f"no layout family available for split {split!r}")
    return chosen


def validate_label(label: dict[str, Any]) -> None:
    """The contract check the service applies to its own output (pydantic mirror of the schema)."""
    try:
        Manifest.model_validate(label)
    except ValidationError as error:
        raise LabelError(f"label breaks the contract: {error}") from None


def printed_values(shipment: Shipment) -> list[str]:
    """Every surface form the shipment still states, as the text must show it."""
    values: list[str | None] = [
        shipment.document_number,
        shipment.carrier,
        shipment.vessel_or_flight,
        shipment.voyage,
    ]
    for date in (shipment.issue_date, shipment.departure_date, shipment.arrival_date):
        values.append(date.printed if date else None)
    for party in (shipment.shipper, shipment.consignee, shipment.notify_party):
        if party is not None:
            values += (
                [party.placeholder] if party.placeholder is not None else [party.name, *party.address_lines]
            )
    for place in (shipment.port_of_loading, shipment.port_of_discharge, shipment.place_of_delivery):
        if place is not None:
            values += [place.name, place.code_printed]
    for coded in (shipment.incoterm, shipment.freight_terms):
        values.append(coded.printed if coded else None)
    for container in shipment.containers:
        values += [container.seal, container.size.printed if container.size else None]
    for item in shipment.items:
        values += [
            item.description,
            item.hs_printed,
            item.marks,
            item.quantity.printed if item.quantity else None,
            item.package.printed if item.package else None,
            item.gross_weight.printed if item.gross_weight else None,
            item.volume.printed if item.volume else None,
            item.dangerous.printed if item.dangerous else None,
        ]
    for total in (shipment.total_packages, shipment.total_gross_weight, shipment.total_volume):
        values.append(total.printed if total else None)
    return [collapse(v) for v in values if v]


def _appears(value: str, text: str) -> bool:
    """`value` in `text`, or its words in order close together (a value wrapped inside a column);
    every place its first word occurs is tried, as the word may also stand earlier in other text."""
    if value in text:
        return True
    first, *rest = value.split(" ")
    start = text.find(first)
    while start >= 0:
        position = start
        for word in rest:
            position = text.find(word, position + 1)
            if position < 0:
                return False
        if position - start <= 10 * len(value) + 200:
            return True
        start = text.find(first, start + 1)
    return False


_NOT_ALNUM = re.compile(r"[\W_]+")


def _squash(text: str) -> str:
    return _NOT_ALNUM.sub("", text).upper()


def check_printed(shipment: Shipment, text: str) -> None:
    """Raise `LabelError` unless every stated value (and container number, as printed: a scan
    may misread it, and `check_extraction` reads it back) is visible in `text`."""
    flat = collapse(text)
    missing = [v for v in printed_values(shipment) if not _appears(v, flat)]
    if shipment.containers:
        squashed = _squash(text)
        missing += [
            c.number_printed for c in shipment.containers if _squash(c.number_printed) not in squashed
        ]
    if missing:
        raise LabelError(f"values missing from the text: {missing[:8]}")


def protected_words(shipment: Shipment) -> set[str]:
    """Words noise must not touch: every printed value, and the title that names the document type."""
    words: set[str] = set(noise.WORD.findall(shipment.title))
    for value in printed_values(shipment):
        words.update(noise.WORD.findall(value))
    for container in shipment.containers:
        words.update(noise.WORD.findall(container.number_printed))
    return words


def check_extraction(extraction: dict[str, Any], label: dict[str, Any], text: str) -> list[dict[str, Any]]:
    """The offsets of every span of `extraction` in `text`; raises `LabelError` unless each span
    is printed there and normalising the extraction gives the label exactly."""
    normalised = normalise(extraction)
    if normalised.manifest != label or normalised.unreadable:
        differing = sorted(
            path
            for path in set(dict(flatten(label))) | set(dict(flatten(normalised.manifest)))
            if dict(flatten(label)).get(path) != dict(flatten(normalised.manifest)).get(path)
        )
        raise LabelError(
            f"extraction does not normalise to the label: {differing[:6]} {normalised.unreadable[:6]}"
        )
    offsets = []
    for path, span in span_paths(extraction):
        pieces = locate(span, text)
        if pieces is None:
            raise LabelError(f"span {path}={span!r} is not printed in the text")
        offsets.append({"path": path, "pieces": [[p.start, p.end] for p in pieces]})
    return offsets


def render_record(family: LayoutFamily, document_type: str, rng: random.Random) -> tuple[str, dict[str, Any]]:
    """(text, label) for one document; resamples shipments that render longer than the family's limit."""
    text, label, _ = render_shipment(family, document_type, rng)
    return text, label


def render_shipment(
    family: LayoutFamily, document_type: str, rng: random.Random
) -> tuple[str, dict[str, Any], Shipment]:
    """(text, label, shipment as rendered) for one document, checked as `render_record` checks it."""
    limit = family.max_chars or MAX_CHARS
    while True:
        shipment = sample_shipment(document_type, rng)
        text = family.render(shipment, rng)
        if family.name in _PRINTED_LAYOUTS and rng.random() < _AFTERWORD_SHARE:
            text = _with_afterword(text, shipment, rng)
        if len(text) <= limit:
            break
    if family.name in _PRINTED_LAYOUTS and rng.random() < _SCANNED_SHARE:
        text = noise.degrade(text, protected_words(shipment), rng, rate=rng.uniform(0.01, 0.04))
    label = shipment.to_label()
    validate_label(label)
    try:
        check_printed(shipment, text)
    except LabelError as error:
        raise LabelError(f"layout family {family.name!r} ({document_type}): {error}") from None
    return text, label, shipment


def _with_afterword(text: str, shipment: Shipment, rng: random.Random) -> str:
    """`text` with what papers print below their goods appended, as wide as its widest line."""
    width = min(124, max(60, *(len(line) for line in text.splitlines())))
    border = BORDERS[rng.choice(("none", "ascii", "ascii"))]
    blocks = afterword(shipment, border, width, rng)
    return "\n\n".join([text, *("\n".join(block).rstrip("\n") for block in blocks)])


def make_record(split: str, seed: int, index: int, families: list[LayoutFamily]) -> dict[str, Any]:
    """Record `index` of a split: its content depends only on (seed, split, index) and the families."""
    rng = random.Random(f"{seed}/{split}/{index}")
    types = sorted({t for f in families for t in f.doc_types})
    document_type = rng.choice(types)
    candidates = [f for f in families if document_type in f.doc_types]
    # Document types are balanced; within a type, a layout that serves every type (a generic
    # export) weighs less than one made for this type, so it does not crowd out the rest.
    weights = [1 / math.sqrt(len(f.doc_types)) for f in candidates]
    every = [i for i, f in enumerate(candidates) if f.name in EVERY_SPLIT_FAMILIES]
    rest = sum(w for i, w in enumerate(weights) if i not in every)
    for i in every:  # together they make EVERY_SPLIT_SHARE of the documents, whatever the others weigh
        weights[i] = rest * EVERY_SPLIT_SHARE / (1 - EVERY_SPLIT_SHARE) / len(every) if rest else 1.0
    family = rng.choices(candidates, weights=weights)[0]
    text, label, shipment = render_shipment(family, document_type, rng)
    target = extraction(shipment)
    try:
        offsets = check_extraction(target, label, text)
    except LabelError as error:
        raise LabelError(f"layout family {family.name!r} ({document_type}): {error}") from None
    return {
        "id": f"{split}-{seed}-{index:07d}",
        "family": family.name,
        "style": shipment.style.layout,
        "document_type": document_type,
        "text": text,
        "label": label,
        "extraction": target,
        "spans": offsets,
    }


def generate(split: str, seed: int, n: int, start: int = 0) -> Iterator[dict[str, Any]]:
    """Records `start` .. `start + n - 1` of a split."""
    families = split_families(split)
    for index in range(start, start + n):
        yield make_record(split, seed, index, families)
