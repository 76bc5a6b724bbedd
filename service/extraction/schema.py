"""The extraction: what the decoder writes, what the readers emit, what the normaliser reads.

An extraction has the contract's shape, but every leaf that the contract copies or
normalises from printed text holds the *printed span* as the document shows it
(`"14 MAR 26"`, `"12.500,00"` with unit `"KGS"`, `"40' HIGH CUBE"`, `"Deutschland"`),
never a value rewritten by the model. The model decides only what no span can say:

- `document_type` and `transport_mode` (the contract's enums);
- two document conventions the normaliser needs to read spans: `date_order`
  (`day_first` | `month_first`, for numeric dates such as `03/04/2026`) and
  `decimal_mark` (`point` | `comma`, for numbers such as `1.250`).

A span may be made of several printed pieces (an address over the lines of a boxed
form, a description wrapped inside a table cell): it is written as one string, its pieces
joined by single spaces, and `locate` finds the pieces. Spans never carry outer or doubled
whitespace. Weights and volumes are a value span and a unit span (the unit may be
printed in a column header, apart from the number); a dangerous-goods note is its UN
number span and its class span.

`service.normalise.normalise(extraction)` turns an extraction into the contract manifest.
"""

from __future__ import annotations

import re
from typing import Any

from service.manifest import load_contract_schema

DATE_ORDERS = ("day_first", "month_first")
DECIMAL_MARKS = ("point", "comma")

# The longest printed span of each kind the grammar accepts (characters).
_SPAN_LIMITS = {
    "document_number": 60,
    "date": 40,
    "carrier": 160,
    "vessel_or_flight": 100,
    "voyage": 40,
    "party_name": 200,
    "address": 400,
    "country": 60,
    "place_name": 140,
    "unlocode": 12,
    "incoterm": 80,
    "freight_terms": 60,
    "container_number": 20,
    "seal": 40,
    "size_type": 40,
    "description": 500,
    "hs_code": 24,
    "count": 20,
    "package_type": 40,
    "number": 24,
    "unit": 20,
    "marks": 260,
    "un_number": 16,
    "hazard_class": 12,
}


def _span(kind: str) -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "maxLength": _SPAN_LIMITS[kind]}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if schema.get("type") == "string":
        return {**schema, "type": ["string", "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def _object(properties: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties),
        "properties": properties,
    }


def _measure() -> dict[str, Any]:
    """A weight or volume: the number as printed and its unit word (wherever it is printed)."""
    return _object({"value": _span("number"), "unit": _nullable(_span("unit"))})


def extraction_schema() -> dict[str, Any]:
    """The JSON Schema of an extraction, keys in the order the decoder writes them."""
    contract = load_contract_schema()["properties"]
    party = _object(
        {
            "name": _span("party_name"),
            "address": _nullable(_span("address")),
            "country": _nullable(_span("country")),
        }
    )
    location = _object({"name": _span("place_name"), "unlocode": _nullable(_span("unlocode"))})
    container = _object(
        {
            "number": _span("container_number"),
            "seal": _nullable(_span("seal")),
            "size_type": _nullable(_span("size_type")),
        }
    )
    dangerous_goods = _object({"un_number": _span("un_number"), "hazard_class": _span("hazard_class")})
    item = _object(
        {
            "description": _span("description"),
            "hs_code": _nullable(_span("hs_code")),
            "quantity": _nullable(_span("count")),
            "package_type": _nullable(_span("package_type")),
            "gross_weight": _nullable(_measure()),
            "volume": _nullable(_measure()),
            "marks": _nullable(_span("marks")),
            "dangerous_goods": _nullable(dangerous_goods),
        }
    )
    properties: dict[str, dict[str, Any]] = {
        "document_type": contract["document_type"],
        "transport_mode": contract["transport_mode"],
        "date_order": {"enum": list(DATE_ORDERS)},
        "decimal_mark": {"enum": list(DECIMAL_MARKS)},
        "document_number": _nullable(_span("document_number")),
        "issue_date": _nullable(_span("date")),
        "carrier": _nullable(_span("carrier")),
        "vessel_or_flight": _nullable(_span("vessel_or_flight")),
        "voyage": _nullable(_span("voyage")),
        "shipper": _nullable(party),
        "consignee": _nullable(party),
        "notify_party": _nullable(party),
        "port_of_loading": _nullable(location),
        "port_of_discharge": _nullable(location),
        "place_of_delivery": _nullable(location),
        "departure_date": _nullable(_span("date")),
        "arrival_date": _nullable(_span("date")),
        "incoterm": _nullable(_span("incoterm")),
        "freight_terms": _nullable(_span("freight_terms")),
        "containers": {"type": "array", "maxItems": 40, "items": container},
        "items": {"type": "array", "maxItems": 60, "items": item},
        "total_packages": _nullable(_span("count")),
        "total_gross_weight": _nullable(_measure()),
        "total_volume": _nullable(_measure()),
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "freight-manifest/extraction/v1",
        "title": "FreightExtraction",
        **_object(properties),
    }


def output_schema(target: str) -> dict[str, Any]:
    """The schema a model's decoder writes, by its `ModelConfig.target`."""
    if target == "extraction":
        return extraction_schema()
    if target == "manifest":
        return load_contract_schema()
    raise ValueError(f"unknown decoder target {target!r}: expected 'extraction' or 'manifest'")


def span_paths(extraction: dict[str, Any]) -> list[tuple[str, str]]:
    """(path, span) for every non-null printed span, in document order of the keys.

    Paths use the contract's flattened form (`items[2].gross_weight.value`), with the
    extraction's own names where they differ (`items[0].volume.unit`, `total_volume.value`).
    """
    found: list[tuple[str, str]] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                walk(child, f"{path}.{key}" if path else key)
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, f"{path}[{index}]")
        elif isinstance(value, str) and path not in DECISIONS:
            found.append((path, value))

    walk(extraction, "")
    return found


DECISIONS = frozenset(("document_type", "transport_mode", "date_order", "decimal_mark"))
_INDEX = re.compile(r"\[\d*\]")


def metric_field(path: str) -> str:
    """A span's field as a bounded metric label: list indices dropped, at most two levels
    (`items[3].gross_weight.value` -> `items.gross_weight`, `shipper.name` -> `shipper.name`)."""
    return ".".join(_INDEX.sub("", path).split(".")[:2])


def metric_fields() -> tuple[str, ...]:
    """Every label `metric_field` can give for an extraction, read off the schema."""
    found: set[str] = {"containers", "items"}

    def walk(node: dict[str, Any], path: str) -> None:
        for key, child in node.get("properties", {}).items():
            for option in child.get("anyOf", [child]):
                if option.get("type") == "array":
                    walk(option["items"], f"{path}{key}.")
                elif option.get("type") == "object":
                    walk(option, f"{path}{key}.")
                elif key not in DECISIONS:
                    found.add(metric_field(f"{path}{key}"))

    walk(extraction_schema(), "")
    return tuple(sorted(found))
