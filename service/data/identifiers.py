"""Document numbers and conveyance ids the way carriers and forwarders issue them.

Ocean B/L numbers start with the carrier's SCAC; AWB numbers are the airline's
three-digit prefix and a serial whose last digit is the other seven mod 7; flights use
the airline's IATA designator; trucks carry their country's plate format.
"""

from __future__ import annotations

import datetime as dt
import random
import string

from service.data import reference


def _digits(k: int, rng: random.Random) -> str:
    return "".join(rng.choices(string.digits, k=k))


def _letters(k: int, rng: random.Random) -> str:
    return "".join(rng.choices(string.ascii_uppercase, k=k))


def awb_serial(seven: str) -> str:
    """The eight-digit AWB serial: seven digits and their value mod 7."""
    return f"{seven}{int(seven) % 7}"


def awb_number(carrier: reference.Carrier, rng: random.Random) -> str:
    """ "020-48213375", "020 4821 3375", "02048213375": the label is the print."""
    serial = awb_serial(_digits(7, rng))
    prefix = carrier.awb_prefix
    return rng.choice(
        (
            f"{prefix}-{serial}",
            f"{prefix}-{serial}",
            f"{prefix} {serial}",
            f"{prefix}{serial}",
            f"{prefix}-{serial[:4]} {serial[4:]}",
            f"{prefix} {serial[:4]} {serial[4:]}",
        )
    )


def house_number(origin_code: str, rng: random.Random) -> str:
    """A forwarder's house bill / house AWB number."""
    return rng.choice(
        (
            f"{origin_code}{_digits(8, rng)}",
            f"{_letters(3, rng)}{_digits(7, rng)}",
            f"{origin_code}-{_digits(2, rng)}{_digits(2, rng)}-{_digits(4, rng)}",
            f"HBL{_digits(9, rng)}",
            f"{_letters(2, rng)}{_digits(2, rng)}{_letters(1, rng)}{_digits(6, rng)}",
        )
    )


def bill_number(scac: str, origin_code: str, date: dt.date, rng: random.Random) -> str:
    """Ocean bill numbers: "HLCUHAM260312877", "MAEU254871236", "MEDUXY123456", "COSU6321456780"."""
    return rng.choice(
        (
            f"{scac}{_digits(9, rng)}",
            f"{scac}{origin_code[2:]}{date:%y%m}{_digits(5, rng)}",
            f"{scac}{_letters(2, rng)}{_digits(6, rng)}",
            f"{scac}{_digits(10, rng)}",
            f"{scac}{origin_code[2:]}{_letters(1, rng)}{_digits(7, rng)}",
            f"{_digits(9, rng)}",
            house_number(origin_code[2:], rng),
        )
    )


def manifest_number(date: dt.date, rng: random.Random) -> str:
    return rng.choice(
        (
            f"MNF/{date.year}/{_digits(5, rng)}",
            f"CM-{date:%y%m}-{_digits(4, rng)}",
            f"{_letters(3, rng)}{_digits(6, rng)}",
            f"M{_digits(8, rng)}",
        )
    )


def packing_list_number(date: dt.date, rng: random.Random) -> str:
    return rng.choice(
        (
            f"PL-{date.year}-{_digits(4, rng)}",
            f"PL{_digits(6, rng)}",
            f"{date.year}/{_digits(5, rng)}",
            f"INV-{_digits(7, rng)}",
            f"{_digits(10, rng)}",
            f"PK{date:%y}{_digits(5, rng)}",
        )
    )


def notice_number(date: dt.date, rng: random.Random) -> str:
    return rng.choice(
        (
            f"AN{_digits(8, rng)}",
            f"AN-{date:%y%m%d}-{_digits(3, rng)}",
            f"{_letters(3, rng)}{_digits(7, rng)}",
            f"ARR/{date.year}/{_digits(6, rng)}",
        )
    )


def cmr_number(country: str, date: dt.date, rng: random.Random) -> str:
    return rng.choice(
        (
            f"{_digits(7, rng)}",
            f"CMR-{date.year}-{_digits(5, rng)}",
            f"{country}-{_digits(8, rng)}",
            f"{_letters(1, rng)} {_digits(6, rng)}",
            f"{_digits(3, rng)}/{date:%y}",
        )
    )


def cim_number(date: dt.date, rng: random.Random) -> str:
    return rng.choice(
        (
            f"{_digits(2, rng)}-{_digits(6, rng)}",
            f"CIM {date.year}/{_digits(5, rng)}",
            f"{_digits(8, rng)}",
            f"{_digits(2, rng)} {_digits(6, rng)} {_digits(1, rng)}",
        )
    )


def vessel_name(rng: random.Random) -> str:
    name = rng.choice(reference.load().container_vessels)
    return name.title() if rng.random() < 0.08 else name


def voyage(date: dt.date, rng: random.Random) -> str:
    bound = rng.choice("NSEW")
    return rng.choice(
        (
            f"{rng.randint(1, 999):03d}{bound}",
            f"{rng.randint(1, 9999):04d}{bound}",
            f"0{_letters(2, rng)}{rng.randint(1, 9)}{bound}{_letters(1, rng)}{rng.randint(1, 9)}MA",
            f"FE{rng.randint(100, 999)}",
            f"{date:%y}{rng.randint(1, 52):02d}{bound}",
            f"{rng.randint(10, 99)}{bound}",
            f"V.{rng.randint(100, 999)}{bound}",
        )
    )


def flight_number(carrier: reference.Carrier, rng: random.Random) -> str:
    number = rng.choice((rng.randint(100, 999), rng.randint(1000, 9999), rng.randint(10, 99)))
    return rng.choice((f"{carrier.iata}{number}", f"{carrier.iata}{number}", f"{carrier.iata} {number}"))


_PLATES: dict[str, tuple[str, ...]] = {
    "DE": ("AA-AA ####", "A-AA ###", "AAA-A ####"),
    "PL": ("AAA #####", "AA #####", "AAA ####A"),
    "NL": ("##-AAA-#", "AA-###-A", "#-AAA-##"),
    "FR": ("AA-###-AA",),
    "ES": ("#### AAA",),
    "IT": ("AA ###AA",),
    "CZ": ("#A# ####",),
    "RO": ("AA ## AAA", "B ### AAA"),
    "TR": ("## A ####", "## AA ###"),
    "BE": ("1-AAA-###",),
    "HU": ("AAA-###",),
    "AT": ("A-#####A", "AA-###AA"),
    "LT": ("AAA ###",),
    "BG": ("AA ####AA",),
    "SK": ("AA-###AA",),
    "DK": ("AA ## ###",),
    "SE": ("AAA ##A",),
    "PT": ("##-AA-##",),
    "GB": ("AA## AAA",),
}


def truck_plate(country: str, rng: random.Random) -> str:
    pattern = rng.choice(_PLATES.get(country, ("AA ####",)))
    return "".join(
        rng.choice(string.digits) if ch == "#" else rng.choice(string.ascii_uppercase) if ch == "A" else ch
        for ch in pattern
    )


def train_id(rng: random.Random) -> str:
    return rng.choice(
        (
            f"{rng.randint(40000, 69999)}",
            f"TEC {rng.randint(40000, 49999)}",
            f"X{rng.randint(8000, 8999)}",
            f"DGS {rng.randint(40000, 59999)}",
            f"KT{rng.randint(100, 999)}",
            f"EZ {rng.randint(45000, 52999)}",
        )
    )
