"""Code lists the normaliser reads, shipped with the package (the service never reads `shared/`).

`countries.csv` and `package_codes.csv` are cut from the project's reference lists
(country names written many ways with their ISO 3166 alpha-2; UN/ECE Recommendation 21
package codes mapped to the contract's package types).
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from importlib import resources

_TABLES = "service.normalise.codelists"


def fold(text: str) -> str:
    """A lookup key: lower case, no diacritics, no dots or brackets, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[.()\[\]’'`]", "", plain)
    return re.sub(r"[\s,;/-]+", " ", plain).strip()


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files(_TABLES).joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@functools.cache
def country_names() -> dict[str, str]:
    """Folded country name, alternate name, alpha-2 or alpha-3 -> alpha-2."""
    names: dict[str, str] = {}
    for row in _rows("countries.csv"):
        alpha2 = row["alpha2"]
        for name in (row["name"], row["short_name"], *row["alt_names"].split("|")):
            if name:
                names.setdefault(fold(name), alpha2)
        names[fold(alpha2)] = alpha2
        names.setdefault(fold(row["alpha3"]), alpha2)
    return names


@functools.cache
def package_codes() -> dict[str, str]:
    """UN/ECE Rec 21 code ("CT", "PX") -> contract package type."""
    return {row["code"]: row["package_type"] for row in _rows("package_codes.csv")}
