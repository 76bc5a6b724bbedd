"""The pydantic Manifest accepts exactly what the contract's JSON Schema accepts."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel, ValidationError

from service.manifest import (
    Container,
    DangerousGoods,
    Item,
    Location,
    Manifest,
    Party,
    Weight,
    collapse_whitespace,
    load_contract_schema,
)
from tests.shared_material import REPO_ROOT, labelled_documents, load_json, require_shared

FULL_LABEL = Path(__file__).parent / "fixtures" / "manifest_full.json"

Document = dict[str, Any]


def contract_validator() -> Draft202012Validator:
    return Draft202012Validator(load_contract_schema())


def pydantic_accepts(document: Document) -> bool:
    try:
        Manifest.model_validate_json(json.dumps(document))
    except ValidationError:
        return False
    return True


def test_packaged_schema_is_byte_identical_to_the_shared_contract() -> None:
    shared = require_shared("contract", "manifest.schema.json")
    packaged = REPO_ROOT / "service" / "contract" / "manifest.schema.json"
    assert packaged.read_bytes() == shared.read_bytes()


def test_packaged_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = load_contract_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == "freight-manifest/v1"


def _object_schemas() -> list[tuple[type[BaseModel], dict[str, Any]]]:
    schema = load_contract_schema()
    defs = schema["$defs"]
    return [
        (Manifest, schema),
        (Party, defs["party"]),
        (Location, defs["location"]),
        (Weight, defs["weight"]),
        (Container, defs["container"]),
        (Item, defs["item"]),
        (DangerousGoods, defs["item"]["properties"]["dangerous_goods"]["anyOf"][0]),
    ]


@pytest.mark.parametrize(
    ("model", "object_schema"), _object_schemas(), ids=lambda v: getattr(v, "__name__", "")
)
def test_models_have_the_contract_keys_in_order_all_required(
    model: type[BaseModel], object_schema: dict[str, Any]
) -> None:
    assert list(model.model_fields) == list(object_schema["properties"])
    assert sorted(object_schema["required"]) == sorted(object_schema["properties"])
    assert all(field.is_required() for field in model.model_fields.values())
    assert object_schema["additionalProperties"] is False
    assert model.model_config.get("extra") == "forbid"


def test_every_shared_label_validates_with_the_model_and_the_contract() -> None:
    shared_schema = load_json(require_shared("contract", "manifest.schema.json"))
    validator = Draft202012Validator(shared_schema)
    for name, _, label_path in labelled_documents():
        label_text = label_path.read_text(encoding="utf-8")
        errors = [e.message for e in validator.iter_errors(json.loads(label_text))]
        assert errors == [], name
        manifest = Manifest.model_validate_json(label_text)
        # Keys come back in the label's (the contract's) order with the same values.
        assert json.loads(manifest.model_dump_json()) == json.loads(label_text), name
        assert list(manifest.model_dump()) == list(json.loads(label_text)), name


def test_full_fixture_round_trips_in_contract_key_order() -> None:
    text = FULL_LABEL.read_text(encoding="utf-8")
    manifest = Manifest.model_validate_json(text)
    dumped = manifest.model_dump_json()
    assert dumped.startswith('{"document_type":"sea_waybill","document_number":"SWB-7731-0042",')
    assert '"dangerous_goods":{"un_number":"UN1263","hazard_class":"3"}' in dumped
    assert json.loads(dumped) == json.loads(text)


# --- mutations: the model and the contract must agree document by document -------------------


def _objects(value: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every JSON object inside `value` with its path, the document itself first."""
    if isinstance(value, dict):
        yield path, value
        for key, child in value.items():
            yield from _objects(child, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _objects(child, f"{path}[{index}]")


def _at(document: Document, path: str) -> dict[str, Any]:
    """The object at `path` (as produced by `_objects`) inside `document`."""
    for name, obj in _objects(document):
        if name == path:
            return obj
    raise KeyError(path)


def _mutated(base: Document, path: str, change: Callable[[dict[str, Any]], None]) -> Document:
    document = copy.deepcopy(base)
    change(_at(document, path))
    return document


def _delete(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda obj: obj.pop(key)


def _put(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(obj: dict[str, Any]) -> None:
        obj[key] = value

    return change


WRONG_TYPES: tuple[Any, ...] = (True, [], {}, "7", 7)


def systematic_mutations(base: Document) -> Iterator[tuple[str, Document]]:
    """For every object: each key missing, null, of a wrong type; plus one extra key."""
    for path, obj in _objects(base):
        yield f"{path or '$'}+extra", _mutated(base, path, _put("extra_key", "x"))
        for key in obj:
            where = f"{path}.{key}" if path else key
            yield f"{where} missing", _mutated(base, path, _delete(key))
            yield f"{where}=null", _mutated(base, path, _put(key, None))
            for wrong in WRONG_TYPES:
                yield f"{where}={wrong!r}", _mutated(base, path, _put(key, wrong))


BARE_CONTAINER = {"number": "MSCU1234565", "seal": None, "size_type": None}
BARE_ITEM = {**dict.fromkeys(Item.model_fields), "description": "GOODS"}

# (name, path of the object, key, new value, whether the contract accepts it)
TARGETED: list[tuple[str, str, str, Any, bool]] = [
    ("wrong document_type", "", "document_type", "invoice", False),
    ("document_type in upper case", "", "document_type", "BILL_OF_LADING", False),
    ("another valid document_type", "", "document_type", "cargo_manifest", True),
    ("wrong transport_mode", "", "transport_mode", "ship", False),
    ("wrong incoterm", "", "incoterm", "FOB Shanghai", False),
    ("incoterm null", "", "incoterm", None, True),
    ("wrong freight_terms", "", "freight_terms", "PP", False),
    ("wrong weight unit", "total_gross_weight", "unit", "kgs", False),
    ("wrong size_type", "containers[0]", "size_type", "45G1", False),
    ("wrong package_type", "items[0]", "package_type", "pallets", False),
    ("date without dashes", "", "issue_date", "20260502", False),
    ("date with one-digit month", "", "departure_date", "2026-5-04", False),
    ("date with leading text", "", "arrival_date", "on 2026-06-20", False),
    ("lower-case country", "shipper", "country", "de", False),
    ("three-letter country", "shipper", "country", "DEU", False),
    ("unlocode with a space", "port_of_loading", "unlocode", "NL RTM", False),
    ("unlocode with a digit 1", "port_of_loading", "unlocode", "NLRT1", False),
    ("unlocode with digit 2-9", "port_of_loading", "unlocode", "NLRT2", True),
    ("container number with a space", "containers[0]", "number", "MSCU 1234565", False),
    ("container number in lower case", "containers[0]", "number", "mscu1234565", False),
    ("hs_code with a dot", "items[0]", "hs_code", "3208.10", False),
    ("hs_code too short", "items[0]", "hs_code", "320", False),
    ("hs_code of ten digits", "items[0]", "hs_code", "3208100000", True),
    ("hs_code of eleven digits", "items[0]", "hs_code", "32081000001", False),
    ("un_number without prefix", "items[0].dangerous_goods", "un_number", "1263", False),
    ("hazard class 2.1", "items[0].dangerous_goods", "hazard_class", "2.1", True),
    ("hazard class 0", "items[0].dangerous_goods", "hazard_class", "0", False),
    ("hazard class 6.7", "items[0].dangerous_goods", "hazard_class", "6.7", False),
    ("negative total_packages", "", "total_packages", -1, False),
    ("negative total volume", "", "total_volume_cbm", -0.5, False),
    ("negative weight", "items[0].gross_weight", "value", -3, False),
    ("zero weight", "items[0].gross_weight", "value", 0, True),
    ("negative quantity", "items[0]", "quantity", -80, False),
    ("fractional quantity", "items[0]", "quantity", 80.5, False),
    ("integral float quantity", "items[0]", "quantity", 80.0, True),
    ("integer volume", "items[0]", "volume_cbm", 21, True),
    ("number as string", "items[0]", "volume_cbm", "21.75", False),
    ("boolean as number", "", "total_volume_cbm", False, False),
    ("string as integer", "", "total_packages", "80", False),
    ("number as string value", "", "document_number", 7731, False),
    ("empty document_number", "", "document_number", "", False),
    ("document_number of 40 chars", "", "document_number", "N" * 40, True),
    ("document_number of 41 chars", "", "document_number", "N" * 41, False),
    ("carrier of 121 chars", "", "carrier", "C" * 121, False),
    ("vessel of 81 chars", "", "vessel_or_flight", "V" * 81, False),
    ("voyage of 31 chars", "", "voyage", "1" * 31, False),
    ("party name of 161 chars", "shipper", "name", "N" * 161, False),
    ("address of 300 non-ASCII chars", "shipper", "address", "ü" * 300, True),
    ("address of 301 chars", "shipper", "address", "A" * 301, False),
    ("place name of 101 chars", "port_of_discharge", "name", "P" * 101, False),
    ("seal of 31 chars", "containers[0]", "seal", "S" * 31, False),
    ("description of 401 chars", "items[0]", "description", "D" * 401, False),
    ("marks of 201 chars", "items[0]", "marks", "M" * 201, False),
    ("empty marks", "items[0]", "marks", "", False),
    ("party name null", "consignee", "name", None, False),
    ("location name null", "place_of_delivery", "name", None, False),
    ("container number null", "containers[1]", "number", None, False),
    ("weight value null", "total_gross_weight", "value", None, False),
    ("containers null", "", "containers", None, False),
    ("items null", "", "items", None, False),
    ("document_type null", "", "document_type", None, False),
    ("transport_mode null", "", "transport_mode", None, False),
    ("40 containers", "", "containers", [BARE_CONTAINER] * 40, True),
    ("41 containers", "", "containers", [BARE_CONTAINER] * 41, False),
    ("60 items", "", "items", [BARE_ITEM] * 60, True),
    ("61 items", "", "items", [BARE_ITEM] * 61, False),
    ("party as a string", "", "shipper", "Atlas Chemie GmbH", False),
    ("dangerous goods without class", "items[0]", "dangerous_goods", {"un_number": "UN1263"}, False),
]


def test_targeted_mutations_get_the_contract_verdict_from_both_validators() -> None:
    base = load_json(FULL_LABEL)
    validator = contract_validator()
    for name, path, key, value, accepted in TARGETED:
        document = _mutated(base, path, _put(key, value))
        assert validator.is_valid(document) is accepted, f"contract verdict differs from table: {name}"
        assert pydantic_accepts(document) is accepted, f"model disagrees with the contract: {name}"


def test_systematic_mutations_agree_document_by_document() -> None:
    base = load_json(FULL_LABEL)
    validator = contract_validator()
    verdicts = [
        (name, validator.is_valid(document), pydantic_accepts(document))
        for name, document in systematic_mutations(base)
    ]
    assert len(verdicts) > 400
    disagreements = [(name, contract) for name, contract, model in verdicts if contract != model]
    assert disagreements == []
    # The mutations really probe the validators: most are rejected, nullable keys accept null.
    assert sum(not contract for _, contract, _ in verdicts) > 0.75 * len(verdicts)
    accepted = {name for name, contract, _ in verdicts if contract}
    assert {"voyage=null", "items[0].hs_code=null", "document_number='7'"} <= accepted


def test_a_trailing_newline_does_not_satisfy_an_anchored_pattern() -> None:
    """JSON Schema patterns are ECMA-262: `$` is the end of the string. (Python's `re`, which the
    `jsonschema` package uses, would let "2026-05-02\\n" through; the model does not.)"""
    document = _mutated(load_json(FULL_LABEL), "", _put("issue_date", "2026-05-02\n"))
    assert not pydantic_accepts(document)


def test_collapse_whitespace_applies_the_contract_string_rule() -> None:
    assert collapse_whitespace("  ACME \n GMBH\t\tHAMBURG  ") == "ACME GMBH HAMBURG"
    assert collapse_whitespace("\n\n") == ""
