"""Ports, airports and inland places as documents print them.

A UN/LOCODE is labelled only when printed, so each place decides here whether its code
is printed and how ("DE HAM", "DEHAM", "(DEHAM)"). Codes that are not UN/LOCODEs (IATA
airport codes, US Schedule D/K port codes) go to `Place.extra`: printed, never labelled.
Real bills still print Shanghai and Ningbo under their pre-2025 codes (CNSHA, CNNGB),
so those ports print the code people use.
"""

from __future__ import annotations

import functools
import random
import zlib
from collections import defaultdict

from service.data import reference
from service.data.shipment import Place

# Busy container ports, drawn more often than the long tail of the UN/LOCODE list.
MAJOR_PORTS = (
    "CNSGH",
    "CNNBG",
    "CNSHK",
    "CNYTN",
    "CNQIN",
    "CNTXG",
    "SGSIN",
    "NLRTM",
    "DEHAM",
    "DEBRV",
    "BEANR",
    "USLAX",
    "USLGB",
    "USNYC",
    "USSAV",
    "USHOU",
    "USSEA",
    "USOAK",
    "USCHS",
    "USORF",
    "USBAL",
    "USMIA",
    "USTIW",
    "KRPUS",
    "JPTYO",
    "JPYOK",
    "JPUKB",
    "HKHKG",
    "TWKHH",
    "AEJEA",
    "MYPKG",
    "MYTPP",
    "THLCH",
    "VNSGN",
    "VNHPH",
    "VNCMT",
    "INNSA",
    "INMUN",
    "LKCMB",
    "ESVLC",
    "ESALG",
    "ESBCN",
    "ITGOA",
    "ITSPE",
    "FRLEH",
    "FRMRS",
    "GBFXT",
    "GBSOU",
    "GBLGP",
    "PLGDN",
    "SEGOT",
    "DKAAR",
    "GRPIR",
    "TRMER",
    "TRAMR",
    "EGPSD",
    "MAPTM",
    "ZADUR",
    "BRSSZ",
    "BRPNG",
    "ARBUE",
    "CLSAI",
    "PECLL",
    "COCTG",
    "MXZLO",
    "MXMZT",
    "PAMIT",
    "CAVAN",
    "CAMTR",
    "CAHAL",
    "AUMEL",
    "AUSYD",
    "NZAKL",
    "PHMNL",
    "SAJED",
    "OMSLL",
    "PKKHI",
    "BDCGP",
)
_LEGACY_CODES = {"CNSGH": "CNSHA", "CNNBG": "CNNGB", "CNQIN": "CNTAO"}
# Names bills print for busy ports whose UN/LOCODE name is abbreviated or local ("Ningbo Pt").
_PORT_NAMES = {
    "CNSGH": ("Shanghai",),
    "CNNBG": ("Ningbo",),
    "CNYTN": ("Yantian", "Shenzhen"),
    "CNSHK": ("Shekou",),
    "CNTXG": ("Xingang", "Tianjin", "Tianjin Xingang"),
    "CNQIN": ("Qingdao",),
    "MYPKG": ("Port Klang",),
    "VNCMT": ("Cai Mep",),
    "INNSA": ("Nhava Sheva", "Jawaharlal Nehru"),
    "BEANR": ("Antwerpen", "Antwerp"),
    "ITGOA": ("Genova", "Genoa"),
    "SEGOT": ("Göteborg", "Gothenburg"),
    "GBLGP": ("London Gateway",),
    "BDCGP": ("Chattogram", "Chittagong"),
    "VNSGN": ("Ho Chi Minh City", "Cat Lai"),
}
_SCHEDULE_D = {
    "USNYC": "1001",
    "USLAX": "2704",
    "USLGB": "2709",
    "USSAV": "1703",
    "USHOU": "5301",
    "USSEA": "3001",
    "USTIW": "3002",
    "USOAK": "2811",
    "USCHS": "1601",
    "USORF": "1401",
    "USBAL": "1303",
    "USMIA": "5201",
}

MAJOR_AIRPORTS = (
    "FRA",
    "LHR",
    "CDG",
    "AMS",
    "JFK",
    "ORD",
    "LAX",
    "MIA",
    "ATL",
    "DFW",
    "HKG",
    "PVG",
    "PEK",
    "CAN",
    "SZX",
    "NRT",
    "ICN",
    "SIN",
    "BKK",
    "DXB",
    "DOH",
    "IST",
    "LEJ",
    "CGN",
    "BRU",
    "LUX",
    "MXP",
    "MAD",
    "BCN",
    "GRU",
    "VCP",
    "MEX",
    "BOG",
    "SCL",
    "YYZ",
    "YUL",
    "SYD",
    "MEL",
    "AKL",
    "BOM",
    "DEL",
    "BLR",
    "MAA",
    "KUL",
    "SGN",
    "HAN",
    "TPE",
    "MNL",
    "CGK",
    "JNB",
    "NBO",
    "CAI",
    "GOT",
    "ARN",
    "CPH",
    "OSL",
    "HEL",
    "WAW",
    "PRG",
    "VIE",
    "ZRH",
    "BUD",
    "ANC",
    "CVG",
    "MEM",
    "SDF",
    "IAH",
    "SEA",
    "SFO",
    "EWR",
    "BOS",
    "ATH",
    "LIS",
    "OPO",
    "MUC",
    "HAM",
    "LGG",
    "STN",
    "EMA",
)


def print_code(code: str, rng: random.Random) -> str:
    """A UN/LOCODE as printed; the label is this with spaces (and brackets) removed."""
    return rng.choice(
        (f"{code[:2]} {code[2:]}", code, code, f"({code})", f"({code[:2]} {code[2:]})", f"[{code}]")
    )


def label_code(code_printed: str) -> str:
    return "".join(ch for ch in code_printed if ch.isalnum())


def display_name(location: reference.Location) -> str:
    """The name people write for a port in free text (incoterm places, marks): "Ningbo", not "Ningbo Pt"."""
    return _PORT_NAMES[location.code][0] if location.code in _PORT_NAMES else location.plain_name


def _town_name(location: reference.Location, rng: random.Random, with_state: bool) -> str:
    if location.code in _PORT_NAMES:
        name = rng.choice(_PORT_NAMES[location.code])
    else:
        name = location.name if rng.random() < 0.6 else location.plain_name
    if with_state and location.country == "US" and len(location.subdivision) == 2:
        name = f"{name}, {location.subdivision}"
    return name.upper() if rng.random() < 0.65 else name


@functools.cache
def _ports_by_country() -> dict[str, tuple[reference.Location, ...]]:
    found: dict[str, list[reference.Location]] = defaultdict(list)
    for port in reference.load().ports:
        found[port.country].append(port)
    return {country: tuple(ports) for country, ports in found.items()}


@functools.cache
def _major_ports() -> tuple[reference.Location, ...]:
    ports = reference.load().ports_by_code
    return tuple(
        ports.get(code) or reference.Location(code, _PORT_NAMES[code][0], _PORT_NAMES[code][0], "")
        for code in MAJOR_PORTS
        if code in ports or code in _PORT_NAMES
    )


def port_location(rng: random.Random, country: str | None = None) -> reference.Location:
    """A seaport: a busy one most of the time, in `country` when given (if it has ports)."""
    majors = _major_ports()
    if country is not None:
        local = [p for p in majors if p.country == country]
        if local and rng.random() < 0.8:
            return rng.choice(local)
        others = _ports_by_country().get(country)
        if others:
            return rng.choice(others)
    return rng.choice(majors) if rng.random() < 0.88 else rng.choice(reference.load().ports)


def sample_port(location: reference.Location, rng: random.Random, code_share: float = 0.55) -> Place:
    """A port print: "HAMBURG (DE HAM)", "New York, NY", with a Schedule D/K code as extra sometimes."""
    place = Place(name=_town_name(location, rng, with_state=rng.random() < 0.7))
    if rng.random() < code_share:
        code = location.code
        if code in _LEGACY_CODES and rng.random() < 0.7:
            code = _LEGACY_CODES[code]
        place.code_printed = print_code(code, rng)
        place.code = label_code(place.code_printed)
    elif location.code in _SCHEDULE_D and rng.random() < 0.3:
        place.extra = _SCHEDULE_D[location.code]
    elif location.country != "US" and rng.random() < 0.05:
        place.extra = f"{zlib.crc32(location.code.encode()) % 90000 + 10000}"
    return place


def sample_inland(country: str, rng: random.Random, code_share: float = 0.15) -> Place:
    """A town: final destination, place of receipt, CMR place of taking over."""
    towns = reference.load().towns_by_country.get(country) or reference.load().towns_by_country["US"]
    location = rng.choice(towns)
    place = Place(name=_town_name(location, rng, with_state=True))
    if rng.random() < code_share:
        place.code_printed = print_code(location.code, rng)
        place.code = label_code(place.code_printed)
    elif rng.random() < 0.2 and country != "US":
        place.name = f"{place.name}, {country}"
    return place


def airport(rng: random.Random, country: str | None = None) -> reference.Airport:
    airports = reference.load().airports_by_iata
    majors = [airports[c] for c in MAJOR_AIRPORTS if c in airports]
    if country is not None:
        local = [a for a in majors if a.country == country]
        if local:
            return rng.choice(local)
    return rng.choice(majors)


def sample_airport(found: reference.Airport, rng: random.Random) -> Place:
    """An airport print: the city ("SHENZHEN") with the IATA code as extra, or the airport's name."""
    name = found.city if rng.random() < 0.8 else found.name
    place = Place(name=name.upper() if rng.random() < 0.7 else name)
    if rng.random() < 0.85:
        place.extra = found.iata
    return place
