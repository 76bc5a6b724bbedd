"""The manifest contract (`contract/manifest.schema.json`) as pydantic models.

`Manifest.model_validate_json(text)` is how the service checks what the decoder produced,
so these models must accept exactly the documents the JSON Schema accepts: same keys in
the same order, every key required (no defaults, even when nullable), the same enums,
patterns, length limits, minimums and list sizes, and no extra keys. Validation is strict
(no string-to-number or number-to-string coercion) because JSON Schema types do not coerce.

The schema file itself ships as package data (`load_contract_schema`) so the service never
reads the shared contract folder at run time; a test keeps the copy byte-identical.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

CONTRACT_PACKAGE = "service.contract"
CONTRACT_FILE = "manifest.schema.json"

_WHITESPACE_RUN = re.compile(r"\s+")


def collapse_whitespace(text: str) -> str:
    """The contract's string rule: runs of whitespace (line breaks too) become one space, ends trimmed."""
    return _WHITESPACE_RUN.sub(" ", text).strip()


def load_contract_schema() -> dict[str, Any]:
    """The contract's JSON Schema, read from the copy installed with the package."""
    text = resources.files(CONTRACT_PACKAGE).joinpath(CONTRACT_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _integral_float_to_int(value: object) -> object:
    """JSON Schema's "integer" is the mathematical kind: 12.0 is an integer, 12.5 and "12" are not."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _text(max_length: int) -> StringConstraints:
    """Every free-text value of the contract is non-empty and bounded."""
    return StringConstraints(min_length=1, max_length=max_length)


# One alias per constrained schema value; mypy needs names, not calls, in annotations.
Count = Annotated[int, BeforeValidator(_integral_float_to_int), Field(ge=0)]
Amount = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Date = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
DocumentNumber = Annotated[str, _text(40)]
CarrierName = Annotated[str, _text(120)]
VesselOrFlight = Annotated[str, _text(80)]
Voyage = Annotated[str, _text(30)]
PartyName = Annotated[str, _text(160)]
Address = Annotated[str, _text(300)]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
PlaceName = Annotated[str, _text(100)]
Unlocode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}[A-Z2-9]{3}$")]
ContainerNumber = Annotated[str, StringConstraints(pattern=r"^[A-Z]{4}[0-9]{7}$")]
Seal = Annotated[str, _text(30)]
UnNumber = Annotated[str, StringConstraints(pattern=r"^UN[0-9]{4}$")]
HazardClass = Annotated[str, StringConstraints(pattern=r"^[1-9](\.[1-6])?$")]
Description = Annotated[str, _text(400)]
HsCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{4,10}$")]
Marks = Annotated[str, _text(200)]

DocumentType = Literal[
    "bill_of_lading",
    "sea_waybill",
    "air_waybill",
    "cargo_manifest",
    "packing_list",
    "arrival_notice",
    "road_consignment_note",
    "rail_consignment_note",
]
TransportMode = Literal["sea", "air", "road", "rail"]
Incoterm = Literal["EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP"]
FreightTerms = Literal["prepaid", "collect"]
WeightUnit = Literal["kg", "lb", "t"]
SizeType = Literal["20GP", "40GP", "40HC", "45HC", "20RF", "40RF", "20OT", "40OT", "20FR", "40FR", "20TK"]
PackageType = Literal[
    "pallet",
    "carton",
    "case",
    "crate",
    "drum",
    "bag",
    "bale",
    "box",
    "bundle",
    "coil",
    "piece",
    "roll",
    "reel",
    "tote",
    "ibc",
    "package",
]


class _ContractModel(BaseModel):
    """`additionalProperties: false` and JSON Schema's no-coercion typing, for every object."""

    model_config = ConfigDict(extra="forbid", strict=True)


class Party(_ContractModel):
    name: PartyName
    address: Address | None
    country: CountryCode | None


class Location(_ContractModel):
    name: PlaceName
    unlocode: Unlocode | None


class Weight(_ContractModel):
    value: Amount
    unit: WeightUnit


class Container(_ContractModel):
    number: ContainerNumber
    seal: Seal | None
    size_type: SizeType | None


class DangerousGoods(_ContractModel):
    un_number: UnNumber
    hazard_class: HazardClass


class Item(_ContractModel):
    description: Description
    hs_code: HsCode | None
    quantity: Count | None
    package_type: PackageType | None
    gross_weight: Weight | None
    volume_cbm: Amount | None
    marks: Marks | None
    dangerous_goods: DangerousGoods | None


class Manifest(_ContractModel):
    """One parsed freight document; field order is the contract's key order."""

    document_type: DocumentType
    document_number: DocumentNumber | None
    issue_date: Date | None
    transport_mode: TransportMode
    carrier: CarrierName | None
    vessel_or_flight: VesselOrFlight | None
    voyage: Voyage | None
    shipper: Party | None
    consignee: Party | None
    notify_party: Party | None
    port_of_loading: Location | None
    port_of_discharge: Location | None
    place_of_delivery: Location | None
    departure_date: Date | None
    arrival_date: Date | None
    incoterm: Incoterm | None
    freight_terms: FreightTerms | None
    containers: Annotated[list[Container], Field(max_length=40)]
    items: Annotated[list[Item], Field(max_length=60)]
    total_packages: Count | None
    total_gross_weight: Weight | None
    total_volume_cbm: Amount | None
