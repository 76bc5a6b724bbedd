"""The facts of one synthetic document: what is printed, and the contract value it stands for.

A `Shipment` is sampled once (see `world.py`), then a layout family renders it to text.
Every printable value carries its surface form (`printed`, exactly as the document shows
it) next to its canonical contract value. The label is computed from the canonical values
only (`to_label`), so a renderer can never make the label disagree with the rules: it
prints the `printed` forms of every field that is not None, and if its layout has no
place for a field it calls `shipment.drop(name)` *before* rendering.

Decoys are values printed near a field that must still be null (the contract's hard
cases): `Party.placeholder` ("SAME AS CONSIGNEE"), a `Place` without a code, a volume
only in cubic feet (`Volume.cbm is None`), a date without a year (`DateValue.value is None`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from service.manifest import collapse_whitespace as collapse


@dataclass(slots=True)
class DateValue:
    """A printed date. `value` is None when the print has no year (the contract says null)."""

    value: dt.date | None
    printed: str  # "14 MAR 2026", "03/14/26", "14.03."

    def label(self) -> str | None:
        return self.value.isoformat() if self.value else None


@dataclass(slots=True)
class Party:
    """A shipper, consignee or notify party.

    `placeholder` set means the box holds text that is not a party ("SAME AS CONSIGNEE",
    "IDEM", "--"): it is printed instead of name/address and the label is null.
    `extras` are printed under the address but are not part of it (phone, e-mail,
    contact person, tax id); renderers print them after the address lines.
    `country` is the alpha-2 of the country *printed in the address*, None if none is.
    "TO ORDER" parties have `address_lines == []` and `country is None`.
    """

    name: str
    address_lines: list[str]
    country: str | None
    extras: list[str] = field(default_factory=list)
    placeholder: str | None = None
    country_printed: str | None = None  # the country as the address prints it ("Deutschland")

    def label(self) -> dict[str, Any] | None:
        if self.placeholder is not None:
            return None
        address = collapse(" ".join(self.address_lines))
        return {"name": collapse(self.name), "address": address or None, "country": self.country}


@dataclass(slots=True)
class Place:
    """A port or place. `code` is the UN/LOCODE in the label (only when printed);
    `code_printed` is how it is printed ("DE HAM", "DEHAM", "(DEHAM)").
    `extra` is printed next to the name but is not part of it and not a UN/LOCODE
    (IATA airport code "SZX", US Schedule D/K code "1803"); renderers print it in
    parentheses or after a label, never glued into the name.
    """

    name: str
    code: str | None = None
    code_printed: str | None = None
    extra: str | None = None

    def label(self) -> dict[str, Any]:
        return {"name": collapse(self.name), "unlocode": self.code}


@dataclass(slots=True)
class Weight:
    """A weight as printed ("12.500,00 KGS", "3,300 LBS", "12.5 MT").

    `printed` may hold a second unit after the first ("8,420 KGS / 18,563 LBS"): the
    first one printed is the label's.
    """

    value: float
    unit: str  # "kg" | "lb" | "t"
    printed: str
    unit_printed: str | None = None  # the unit word or code as printed, wherever it stands

    def label(self) -> dict[str, Any]:
        return {"value": _number(self.value), "unit": self.unit}


@dataclass(slots=True)
class Volume:
    """A volume as printed. `cbm` is None when it is stated only in cubic feet (label null)."""

    cbm: float | None
    printed: str  # "31,200 CBM", "3.12 M3", "1,102 CFT"
    unit_printed: str | None = None  # None: no unit printed with it (a machine form)

    def label(self) -> float | int | None:
        return None if self.cbm is None else _number(self.cbm)


@dataclass(slots=True)
class Count:
    """An integer as printed ("1.250", "20")."""

    value: int
    printed: str


@dataclass(slots=True)
class Coded:
    """An enum-like value: canonical contract value and its printed form.

    Used for freight terms ("FREIGHT PREPAID" -> "prepaid"), incoterms ("CIF New York"
    -> "CIF"), package types ("CTNS" -> "carton"), size types ("40' HIGH CUBE" -> "40HC";
    `value` None for a size printed without a type, like "40'").
    """

    value: str | None
    printed: str


@dataclass(slots=True)
class DangerousGoods:
    """UN number and class as printed ("UN 1263, CLASS 3", "UN1263 / 3").

    `un_number` is canonical ("UN1263"). A line that prints only one of the two is
    modelled with `complete=False`: it is printed (as a decoy) but labelled null.
    `un_printed` is the number's digits as printed when a scan misread them ("12G3");
    the label keeps the canonical number.
    """

    un_number: str
    hazard_class: str
    printed: str
    complete: bool = True
    un_printed: str | None = None

    def label(self) -> dict[str, str] | None:
        if not self.complete:
            return None
        return {"un_number": self.un_number, "hazard_class": self.hazard_class}


@dataclass(slots=True)
class Container:
    number: str  # canonical ISO 6346, "MSCU1234565"
    number_printed: str  # "MSCU 123456-5", "MSCU1234565"
    seal: str | None
    size: Coded | None  # None: no size printed at all

    def label(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "seal": collapse(self.seal) if self.seal else None,
            "size_type": self.size.value if self.size else None,
        }


@dataclass(slots=True)
class Item:
    """One goods line. `description` is the goods phrase only; renderers may print the
    quantity, HS code, DG note, weight and volume around it, but never inside it.
    `hs_printed` is how the tariff number is printed ("HS CODE 8422.40", "HTS 8471.30.0100");
    `hs_code` is its digits."""

    description: str
    hs_code: str | None = None
    hs_printed: str | None = None
    quantity: Count | None = None
    package: Coded | None = None  # package type; printed next to the quantity
    gross_weight: Weight | None = None
    volume: Volume | None = None
    marks: str | None = None
    dangerous: DangerousGoods | None = None
    spec: str | None = None  # the description's last words, a specification a table may print on its own line

    def label(self) -> dict[str, Any]:
        return {
            "description": collapse(self.description),
            "hs_code": self.hs_code,
            "quantity": self.quantity.value if self.quantity else None,
            "package_type": self.package.value if self.package else None,
            "gross_weight": self.gross_weight.label() if self.gross_weight else None,
            "volume_cbm": self.volume.label() if self.volume else None,
            "marks": collapse(self.marks) if self.marks else None,
            "dangerous_goods": self.dangerous.label() if self.dangerous else None,
        }


@dataclass(slots=True)
class Style:
    """How this document writes things, chosen once per document so it is consistent."""

    language: str = "en"  # caption language: en de fr es nl pt it
    us_dates: bool = False  # numeric dates month first
    decimal_comma: bool = False
    upper: bool = False  # captions in upper case
    layout: str | None = (
        None  # the stochastic layout style it was drawn in ("de/en|boxes|ascii"); None: a family
    )


@dataclass(slots=True)
class Shipment:
    """Everything one document states. Field names follow the contract."""

    document_type: str
    title: str  # printed title: "OCEAN BILL OF LADING", "AIR WAYBILL", "CMR", ...
    transport_mode: str
    style: Style
    document_number: str | None = None
    issue_date: DateValue | None = None
    issue_place: str | None = None  # printed next to the issue date; not labelled
    carrier: str | None = None
    carrier_code: str | None = None  # SCAC / IATA designator: printed, not labelled
    vessel_or_flight: str | None = None
    voyage: str | None = None
    shipper: Party | None = None
    consignee: Party | None = None
    notify_party: Party | None = None
    port_of_loading: Place | None = None
    port_of_discharge: Place | None = None
    place_of_delivery: Place | None = None
    place_of_receipt: Place | None = None  # printed, no contract field
    departure_date: DateValue | None = None
    arrival_date: DateValue | None = None
    incoterm: Coded | None = None
    freight_terms: Coded | None = None
    containers: list[Container] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    total_packages: Count | None = None
    total_gross_weight: Weight | None = None
    total_volume: Volume | None = None
    remarks: list[str] = field(default_factory=list)  # free text lines that carry no field

    def drop(self, *names: str) -> None:
        """Remove fields a layout has no place for, before rendering (so the label agrees)."""
        for name in names:
            current = getattr(self, name)
            setattr(self, name, [] if isinstance(current, list) else None)

    def to_label(self) -> dict[str, Any]:
        """The contract manifest for this document, keys in schema order."""

        def opt(value: Any) -> Any:
            return None if value is None else value.label()

        return {
            "document_type": self.document_type,
            "document_number": collapse(self.document_number) if self.document_number else None,
            "issue_date": opt(self.issue_date),
            "transport_mode": self.transport_mode,
            "carrier": collapse(self.carrier) if self.carrier else None,
            "vessel_or_flight": collapse(self.vessel_or_flight) if self.vessel_or_flight else None,
            "voyage": collapse(self.voyage) if self.voyage else None,
            "shipper": opt(self.shipper),
            "consignee": opt(self.consignee),
            "notify_party": opt(self.notify_party),
            "port_of_loading": opt(self.port_of_loading),
            "port_of_discharge": opt(self.port_of_discharge),
            "place_of_delivery": opt(self.place_of_delivery),
            "departure_date": opt(self.departure_date),
            "arrival_date": opt(self.arrival_date),
            "incoterm": self.incoterm.value if self.incoterm else None,
            "freight_terms": self.freight_terms.value if self.freight_terms else None,
            "containers": [c.label() for c in self.containers],
            "items": [i.label() for i in self.items],
            "total_packages": self.total_packages.value if self.total_packages else None,
            "total_gross_weight": opt(self.total_gross_weight),
            "total_volume_cbm": opt(self.total_volume),
        }


def _number(value: float) -> float | int:
    """JSON numbers as the contract examples write them: 8420 not 8420.0."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded
