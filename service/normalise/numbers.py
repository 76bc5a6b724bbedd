"""Printed numbers, counts, weights and volumes -> contract numbers.

The contract: thousands separators are dropped, a decimal comma becomes a point, weights
keep the unit as stated (never converted), a volume is in cubic metres and a volume
stated only in cubic feet is null. A separator is read by the document's convention
(`decimal_mark`) only where the print itself does not settle it: `12.500,00` has both
marks, so the last one is the decimal mark whatever the convention says; `1.250` and
`1,250` are the ambiguous case the convention exists for.
"""

from __future__ import annotations

import re

from service.normalise.errors import Unreadable

# Spaces, thin spaces and apostrophes group thousands in many countries ("12 500", "12'500").
_GROUPING = re.compile(r"[\s\u00a0\u202f'’]")
_NUMBER = re.compile(r"\d[\d.,]*")


def _plain(value: float) -> float | int:
    """A whole number as int, so JSON writes `12500`, not `12500.0` (scoring compares numbers)."""
    return int(value) if float(value).is_integer() else value


def parse_number(span: str, decimal_comma: bool = False) -> float | int:
    """The number a printed amount stands for: `12.500,00` -> 12500, `1,5` (comma) -> 1.5."""
    compact = _GROUPING.sub("", span.strip())
    match = _NUMBER.search(compact)
    if match is None or _NUMBER.search(compact[match.end() :]):
        raise Unreadable(f"not a number: {span!r}")
    digits = match[0].rstrip(".,")
    marks = [c for c in digits if c in ".,"]
    if not marks:
        return int(digits)
    if len(set(marks)) == 2:
        decimal = digits[max(digits.rfind("."), digits.rfind(","))]
    elif len(marks) > 1:
        decimal = "," if marks[0] == "." else "."  # a repeated mark groups thousands
    else:
        decimal = "," if decimal_comma else "."
    grouping = "." if decimal == "," else ","
    whole, _, fraction = digits.replace(grouping, "").partition(decimal)
    if not whole:
        whole = "0"
    try:
        return _plain(float(f"{whole}.{fraction}" if fraction else whole))
    except ValueError:
        raise Unreadable(f"not a number: {span!r}") from None


def parse_count(span: str, decimal_comma: bool = False) -> int:
    """A package count: a mark followed by exactly three digits groups thousands in any convention."""
    compact = _GROUPING.sub("", span.strip())
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", compact):
        return int(re.sub(r"[.,]", "", compact))
    value = parse_number(span, decimal_comma)
    if not float(value).is_integer():
        raise Unreadable(f"not a whole count: {span!r}")
    return int(value)


def _words(*words: str) -> frozenset[str]:
    return frozenset(_unit_key(word) for word in words)


def _unit_key(word: str) -> str:
    return re.sub(r"[\s.()]", "", word.lower())


# X12 element 188 (K, L, E) and UN/ECE Rec 20 (KGM, LBR, TNE) codes are units as machine forms print them.
_KILOGRAMS = _words(
    "kg",
    "k",
    "kgs",
    "kgm",
    "kilo",
    "kilos",
    "kilogram",
    "kilograms",
    "kilogramm",
    "kilogramme",
    "kilogrammes",
    "kilogramos",
    "kilogrammi",
    "quilos",
    "quilogramas",
    "kilogrammen",
)
_POUNDS = _words("lb", "l", "lbs", "lbr", "pound", "pounds", "#")
_TONNES = _words(
    "t",
    "e",
    "mt",
    "tne",
    "tonne",
    "tonnes",
    "ton",
    "tons",
    "metric ton",
    "metric tons",
    "tm",
    "tonnen",
    "toneladas",
)
# X12 element 184 (volume unit qualifier: X cubic metres, E cubic feet) and Cargo-IMP volume
# codes (MC cubic metres, CF cubic feet) as machine forms print them.
_CUBIC_METRES = _words(
    "x",
    "mc",
    "cbm",
    "m3",
    "m³",
    "cu.m.",
    "cum",
    "mtq",
    "cbm.",
    "cubic metres",
    "cubic meters",
    "kubikmeter",
    "mètres cubes",
    "metros cúbicos",
    "cbms",
)
_CUBIC_FEET = _words("e", "cf", "cft", "cu ft", "cu. ft.", "cuft", "ft³", "ft3", "cubic feet", "ftq")


def weight_unit(span: str) -> str:
    """The contract's unit (`kg`, `lb`, `t`) of a printed unit word."""
    key = _unit_key(span)
    for unit, words in (("kg", _KILOGRAMS), ("lb", _POUNDS), ("t", _TONNES)):
        if key in words:
            return unit
    raise Unreadable(f"not a weight unit: {span!r}")


def parse_weight(value: str, unit: str | None, decimal_comma: bool = False) -> dict[str, float | int | str]:
    """`{"value", "unit"}` of a printed weight; a weight without a readable unit is unreadable."""
    if unit is None:
        raise Unreadable(f"weight {value!r} has no unit")
    number = parse_number(value, decimal_comma)
    return {"value": number, "unit": weight_unit(unit)}


def parse_volume(value: str, unit: str | None, decimal_comma: bool = False) -> float | int | None:
    """Cubic metres of a printed volume; None (the contract's null) when it is in cubic feet.

    A volume printed without a unit is read as cubic metres: the contract's volumes are
    cubic metres and documents that print another unit say so.
    """
    if unit is not None:
        key = _unit_key(unit)
        if key in _CUBIC_FEET:
            return None
        if key not in _CUBIC_METRES:
            raise Unreadable(f"not a volume unit: {unit!r}")
    return parse_number(value, decimal_comma)
