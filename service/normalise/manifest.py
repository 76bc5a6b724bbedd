"""An extraction -> the contract manifest, deterministically.

Every leaf is read by its own reader (`dates`, `numbers`, `codes`); strings the contract
copies are whitespace-collapsed. A span that does not read is never guessed: where the
contract allows null for that leaf it becomes null; where it does not (a party or place
name, a weight's value or unit, a container number, an item description, either half of
the dangerous-goods pair) the nearest nullable parent becomes null or the list entry is
dropped. Each such case is recorded by field (`items.gross_weight`), for the metrics.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from service.manifest import collapse_whitespace
from service.normalise import codes, dates, numbers
from service.normalise.errors import Unreadable

T = TypeVar("T")

# Longest string the contract accepts per copied field: a longer span is unreadable, not cut.
_MAX_LENGTH = {
    "document_number": 40, "carrier": 120, "vessel_or_flight": 80, "voyage": 30, "name": 160, "address": 300,
    "location": 100, "seal": 30, "description": 400, "marks": 200,
}  # fmt: skip


@dataclass(slots=True)
class Normalised:
    """The manifest and the fields whose printed span could not be read (one entry per span)."""

    manifest: dict[str, Any]
    unreadable: list[str] = field(default_factory=list)
    # For `containers` and `items`: the extraction index of each manifest entry (entries whose
    # required span did not read are dropped, so later ones move up).
    kept: dict[str, list[int]] = field(default_factory=dict)


class _Walk:
    """One normalisation: the document's conventions and the unreadable fields found so far."""

    def __init__(self, extraction: dict[str, Any]) -> None:
        self.day_first = extraction.get("date_order") != "month_first"
        self.decimal_comma = extraction.get("decimal_mark") == "comma"
        self.unreadable: list[str] = []

    def read(self, name: str, span: Any, reader: Callable[[str], T]) -> T | None:
        """`reader(span)`, or None when the span is absent; an unreadable span is recorded as `name`."""
        if span is None:
            return None
        try:
            if not isinstance(span, str) or not span.strip():
                raise Unreadable(f"not a printed span: {span!r}")
            return reader(span)
        except Unreadable:
            self.unreadable.append(name)
            return None

    def text(self, name: str, span: Any, limit: str) -> str | None:
        def copy(value: str) -> str:
            collapsed = collapse_whitespace(value)
            if len(collapsed) > _MAX_LENGTH[limit]:
                raise Unreadable(f"longer than the contract allows: {value[:40]!r}...")
            return collapsed

        return self.read(name, span, copy)

    def date(self, name: str, span: Any) -> str | None:
        return self.read(name, span, lambda value: dates.parse_date(value, self.day_first))

    def count(self, name: str, span: Any) -> int | None:
        return self.read(name, span, lambda value: numbers.parse_count(value, self.decimal_comma))

    def weight(self, name: str, measure: Any) -> dict[str, Any] | None:
        if not isinstance(measure, dict):
            return self.read(name, measure, _unreadable_measure)
        unit = measure.get("unit")
        return self.read(
            name, measure.get("value"), lambda v: numbers.parse_weight(v, unit, self.decimal_comma)
        )

    def volume(self, name: str, measure: Any) -> float | int | None:
        if not isinstance(measure, dict):
            return self.read(name, measure, _unreadable_measure)
        unit = measure.get("unit")
        if unit is not None and not isinstance(unit, str):
            return self.read(name, unit, _unreadable_measure)
        return self.read(
            name, measure.get("value"), lambda v: numbers.parse_volume(v, unit, self.decimal_comma)
        )

    def party(self, name: str, party: Any) -> dict[str, Any] | None:
        if party is None:
            return None
        if not isinstance(party, dict):
            self.unreadable.append(name)
            return None
        party_name = self.text(f"{name}.name", party.get("name"), "name")
        if party_name is None:
            if party.get("name") is None:
                self.unreadable.append(f"{name}.name")
            return None
        if codes.is_placeholder(party_name):  # "SAME AS CONSIGNEE", "IDEM": the contract's null
            return None
        return {
            "name": party_name,
            "address": self.text(f"{name}.address", party.get("address"), "address"),
            "country": self.read(f"{name}.country", party.get("country"), codes.country),
        }

    def location(self, name: str, place: Any) -> dict[str, Any] | None:
        if place is None:
            return None
        if not isinstance(place, dict):
            self.unreadable.append(name)
            return None
        place_name = self.text(f"{name}.name", place.get("name"), "location")
        if place_name is None:
            return None
        return {
            "name": place_name,
            "unlocode": self.read(f"{name}.unlocode", place.get("unlocode"), codes.unlocode),
        }

    def container(self, container: Any) -> dict[str, Any] | None:
        if not isinstance(container, dict):
            self.unreadable.append("containers")
            return None
        number = self.read("containers.number", container.get("number"), codes.container_number)
        if number is None:
            return None
        return {
            "number": number,
            "seal": self.text("containers.seal", container.get("seal"), "seal"),
            "size_type": self.read("containers.size_type", container.get("size_type"), codes.size_type),
        }

    def dangerous_goods(self, note: Any) -> dict[str, str] | None:
        if note is None:
            return None
        if not isinstance(note, dict):
            self.unreadable.append("items.dangerous_goods")
            return None
        un = self.read("items.dangerous_goods.un_number", note.get("un_number"), codes.un_number)
        hazard = self.read("items.dangerous_goods.hazard_class", note.get("hazard_class"), codes.hazard_class)
        if un is None or hazard is None:
            return None
        return {"un_number": un, "hazard_class": hazard}

    def item(self, item: Any) -> dict[str, Any] | None:
        if not isinstance(item, dict):
            self.unreadable.append("items")
            return None
        description = self.text("items.description", item.get("description"), "description")
        if description is None:
            return None
        return {
            "description": description,
            "hs_code": self.read("items.hs_code", item.get("hs_code"), codes.hs_code),
            "quantity": self.count("items.quantity", item.get("quantity")),
            "package_type": self.read("items.package_type", item.get("package_type"), codes.package_type),
            "gross_weight": self.weight("items.gross_weight", item.get("gross_weight")),
            "volume_cbm": self.volume("items.volume", item.get("volume")),
            "marks": self.text("items.marks", item.get("marks"), "marks"),
            "dangerous_goods": self.dangerous_goods(item.get("dangerous_goods")),
        }


def _unreadable_measure(span: str) -> None:
    raise Unreadable(f"not a measure: {span!r}")


def _entries(
    values: Any, read: Callable[[Any], dict[str, Any] | None], limit: int
) -> tuple[list[dict[str, Any]], list[int]]:
    """The readable entries of a list (at most `limit`) and their indices in the extraction."""
    found = [read(value) for value in values] if isinstance(values, list) else []
    kept = [index for index, entry in enumerate(found) if entry is not None][:limit]
    return [entry for entry in found if entry is not None][:limit], kept


def normalise(extraction: dict[str, Any]) -> Normalised:
    """The contract manifest an extraction stands for, and the fields that did not read."""
    walk = _Walk(extraction)
    e = extraction.get
    containers, kept_containers = _entries(e("containers"), walk.container, 40)
    items, kept_items = _entries(e("items"), walk.item, 60)
    manifest = {
        "document_type": e("document_type"),
        "document_number": walk.text("document_number", e("document_number"), "document_number"),
        "issue_date": walk.date("issue_date", e("issue_date")),
        "transport_mode": e("transport_mode"),
        "carrier": walk.text("carrier", e("carrier"), "carrier"),
        "vessel_or_flight": walk.text("vessel_or_flight", e("vessel_or_flight"), "vessel_or_flight"),
        "voyage": walk.text("voyage", e("voyage"), "voyage"),
        "shipper": walk.party("shipper", e("shipper")),
        "consignee": walk.party("consignee", e("consignee")),
        "notify_party": walk.party("notify_party", e("notify_party")),
        "port_of_loading": walk.location("port_of_loading", e("port_of_loading")),
        "port_of_discharge": walk.location("port_of_discharge", e("port_of_discharge")),
        "place_of_delivery": walk.location("place_of_delivery", e("place_of_delivery")),
        "departure_date": walk.date("departure_date", e("departure_date")),
        "arrival_date": walk.date("arrival_date", e("arrival_date")),
        "incoterm": walk.read("incoterm", e("incoterm"), codes.incoterm),
        "freight_terms": walk.read("freight_terms", e("freight_terms"), codes.freight_terms),
        "containers": containers,
        "items": items,
        "total_packages": walk.count("total_packages", e("total_packages")),
        "total_gross_weight": walk.weight("total_gross_weight", e("total_gross_weight")),
        "total_volume_cbm": walk.volume("total_volume", e("total_volume")),
    }
    return Normalised(manifest, walk.unreadable, {"containers": kept_containers, "items": kept_items})
