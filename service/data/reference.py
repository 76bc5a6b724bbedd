"""Real code lists the generator draws from, loaded once from the shared reference CSVs.

Only what the corpus uses is kept: seaports with real-looking names, towns per country
for addresses, airports with an IATA code, carriers by mode, container ships, BIC owner
prefixes, HS codes with their wording, package codes mapped to the contract enum,
country names written many ways, and the ISO size-type codes the contract maps.
Loading takes a fraction of a second and happens on first use (and before worker
processes fork, so they share it).
"""

from __future__ import annotations

import csv
import functools
import os
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REFERENCE_DIR_ENV = "MANIFEST_PARSER_REFERENCE_DIR"

# Names a document would print as a town: letters, spaces, dots, hyphens, apostrophes.
_PLAIN_NAME = re.compile(r"[^\W\d_][\w .'-]{1,24}")


@dataclass(frozen=True, slots=True)
class Location:
    """A UN/LOCODE row: `code` is the five-character code ("DEHAM")."""

    code: str
    name: str
    plain_name: str  # without diacritics
    subdivision: str

    @property
    def country(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class Airport:
    iata: str
    name: str
    city: str
    country: str


@dataclass(frozen=True, slots=True)
class Carrier:
    mode: str  # "sea" | "air"
    name: str
    short_name: str
    scac: str  # ocean only, "" otherwise
    iata: str  # air only
    awb_prefix: str  # air only, three digits


@dataclass(frozen=True, slots=True)
class Country:
    alpha2: str
    name: str
    short_name: str
    alt_names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HsCode:
    hs6: str
    description: str
    heading: str  # the four-digit heading's wording


@dataclass(frozen=True, slots=True)
class PackageCode:
    code: str  # UN/ECE Rec 21 code ("CT")
    name: str
    package_type: str  # contract enum value


@dataclass(frozen=True, slots=True)
class Reference:
    ports: tuple[Location, ...]
    ports_by_code: dict[str, Location]
    towns_by_country: dict[str, tuple[Location, ...]]
    airports_by_iata: dict[str, Airport]
    sea_carriers: tuple[Carrier, ...]
    air_carriers: tuple[Carrier, ...]
    countries: dict[str, Country]
    hs_codes: tuple[HsCode, ...]
    package_codes: dict[str, tuple[PackageCode, ...]]  # contract type -> codes
    size_types: dict[str, str]  # ISO code ("45G1") -> contract size_type ("40HC")
    container_vessels: tuple[str, ...]
    owner_prefixes: tuple[str, ...]  # "MSCU", "HLXU", ...


def reference_dir() -> Path:
    """`$MANIFEST_PARSER_REFERENCE_DIR`, else `shared/reference` beside the repository."""
    configured = os.environ.get(REFERENCE_DIR_ENV)
    if configured:
        return Path(configured)
    repo_root = Path(__file__).resolve().parents[2]
    return repo_root.parent / "shared" / "reference"


def _rows(name: str) -> Iterator[dict[str, str]]:
    with (reference_dir() / name).open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


@functools.cache
def load() -> Reference:
    """Every table the generator uses, read once per process."""
    countries = {
        r["alpha2"]: Country(
            r["alpha2"], r["name"], r["short_name"], tuple(n for n in r["alt_names"].split("|") if n)
        )
        for r in _rows("countries.csv")
    }
    ports, towns = _locations(set(countries))
    carriers = [
        Carrier(r["mode"], r["carrier_name"], r["short_name"], r["scac"], r["iata_code"], r["awb_prefix"])
        for r in _rows("carriers.csv")
    ]
    return Reference(
        ports=tuple(ports),
        ports_by_code={p.code: p for p in ports},
        towns_by_country={country: tuple(found) for country, found in towns.items()},
        airports_by_iata=_airports(),
        sea_carriers=tuple(c for c in carriers if c.mode == "sea" and re.fullmatch(r"[A-Z]{4}", c.scac)),
        air_carriers=tuple(c for c in carriers if c.mode == "air" and c.awb_prefix),
        countries=countries,
        hs_codes=tuple(
            HsCode(r["hs6"], r["description"], r["hs4_description"])
            for r in _rows("hs_codes.csv")
            if r["hs6"].isdigit() and len(r["hs6"]) == 6
        ),
        package_codes=_package_codes(),
        size_types={
            r["code"]: r["contract_size_type"]
            for r in _rows("iso6346_size_types.csv")
            if r["part"] == "common_size_type"
        },
        container_vessels=tuple(
            r["vessel_name"]
            for r in _rows("vessels.csv")
            if r["vessel_type"] == "Container Ship"
            and re.fullmatch(r"[A-Z][A-Z0-9 .'-]{2,30}", r["vessel_name"])
        ),
        owner_prefixes=tuple(
            r["prefix_u"]
            for r in _rows("container_owner_prefixes.csv")
            if re.fullmatch(r"[A-Z]{3}U", r["prefix_u"])
        ),
    )


def _locations(countries: set[str]) -> tuple[list[Location], dict[str, list[Location]]]:
    """Seaports (function position 1) and, per country, towns usable in addresses."""
    ports: list[Location] = []
    towns: dict[str, list[Location]] = defaultdict(list)
    for row in _rows("unlocode.csv"):
        name = row["name"]
        if (
            row["country"] not in countries
            or not _PLAIN_NAME.fullmatch(name)
            or "Apt" in name
            or "Airport" in name
        ):
            continue
        location = Location(
            row["country"] + row["location"], name, row["name_wo_diacritics"], row["subdivision"]
        )
        if row["function"].startswith("1"):
            ports.append(location)
        towns[row["country"]].append(location)
    return ports, towns


def _airports() -> dict[str, Airport]:
    found: dict[str, Airport] = {}
    for row in _rows("airports.csv"):
        if row["iata"] and row["city"] and row["country"]:
            found[row["iata"]] = Airport(row["iata"], row["name"], row["city"], row["country"])
    return found


def _package_codes() -> dict[str, tuple[PackageCode, ...]]:
    found: dict[str, list[PackageCode]] = defaultdict(list)
    for row in _rows("package_types.csv"):
        if row["contract_package_type"] and not row["status"] and re.fullmatch(r"[A-Z0-9]{2}", row["code"]):
            found[row["contract_package_type"]].append(
                PackageCode(row["code"], row["name"], row["contract_package_type"])
            )
    return {kind: tuple(codes) for kind, codes in found.items()}
