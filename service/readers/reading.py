"""What a reader hands back: the extraction, its offsets, and what it could not read.

A reader either reads a message (perhaps only part of it: `unparsed` names each segment it
had to leave out, and why) or refuses it with `NotReadable` when it understands too little
to say anything exact (an unknown version, no transaction set): the document then goes to
the model, and the response says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from service.extraction.schema import extraction_schema
from service.readers.spans import Offsets, Span

ReaderName = Literal["x12", "edifact", "cargo-imp", "dcsa"]
READERS: tuple[ReaderName, ...] = get_args(ReaderName)


class NotReadable(Exception):
    """The message is not one the reader can read; the text says why, for the response."""


@dataclass(slots=True)
class Reading:
    reader: ReaderName
    extraction: dict[str, Any]
    offsets: Offsets
    unparsed: list[str] = field(default_factory=list)

    @property
    def partial(self) -> bool:
        return bool(self.unparsed)


_KEYS = tuple(extraction_schema()["properties"])


def blank(document_type: str, transport_mode: str) -> dict[str, Any]:
    """An extraction that states nothing yet, keys in the schema's order.

    Machine messages print dates as CCYYMMDD/YYMMDD and numbers with a decimal point, so
    the two conventions are fixed; they only matter for spans a reader does not emit.
    """
    tree: dict[str, Any] = dict.fromkeys(_KEYS)
    tree.update(
        document_type=document_type,
        transport_mode=transport_mode,
        date_order="day_first",
        decimal_mark="point",
        containers=[],
        items=[],
    )
    return tree


def measure(value: Span | None, unit: Span | None) -> dict[str, Any] | None:
    """A weight or volume; None when no value is printed."""
    return None if value is None else {"value": value, "unit": unit}


def party(name: Span | None, address: Span | None, country: Span | None) -> dict[str, Any] | None:
    return None if name is None else {"name": name, "address": address, "country": country}


def place(name: Span | None, unlocode: Span | None) -> dict[str, Any] | None:
    return None if name is None else {"name": name, "unlocode": unlocode}


def container(number: Span, seal: Span | None, size_type: Span | None) -> dict[str, Any]:
    return {"number": number, "seal": seal, "size_type": size_type}


@dataclass(slots=True)
class Item:
    """One goods line as a reader collects it; `tree()` gives the extraction's item."""

    description: Span | None = None
    hs_code: Span | None = None
    quantity: Span | None = None
    package_type: Span | None = None
    gross_weight: dict[str, Any] | None = None
    volume: dict[str, Any] | None = None
    marks: Span | None = None
    un_number: Span | None = None
    hazard_class: Span | None = None

    def tree(self) -> dict[str, Any]:
        dangerous = (
            {"un_number": self.un_number, "hazard_class": self.hazard_class}
            if self.un_number is not None and self.hazard_class is not None
            else None
        )
        return {
            "description": self.description,
            "hs_code": self.hs_code,
            "quantity": self.quantity,
            "package_type": self.package_type,
            "gross_weight": self.gross_weight,
            "volume": self.volume,
            "marks": self.marks,
            "dangerous_goods": dangerous,
        }


def _values(tree: Any) -> Any:
    """A tree with its spans replaced by their printed values, to compare what parts state."""
    if isinstance(tree, Span):
        return tree.value
    if isinstance(tree, dict):
        return {key: _values(child) for key, child in tree.items()}
    return tree


def agreed(stated: list[Any]) -> Any:
    """The first statement when every part of the document (bill, consignment) states the same; else None."""
    if not stated or stated[0] is None:
        return None
    first = _values(stated[0])
    return stated[0] if all(_values(entry) == first for entry in stated[1:]) else None
