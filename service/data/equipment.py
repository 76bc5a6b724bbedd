"""Containers: ISO 6346 numbers with true check digits, seals, size/type codes as printed."""

from __future__ import annotations

import random
import string

from service.data import reference
from service.data.shipment import Coded, Container

# ISO 6346 letter values: 10 upwards, skipping multiples of 11.
_LETTER_VALUES = dict(zip(string.ascii_uppercase, (v for v in range(10, 39) if v % 11), strict=True))


def check_digit(owner_and_serial: str) -> int:
    """ISO 6346 check digit of "MSCU123456" (owner code, category letter, six digits)."""
    total = 0
    for position, char in enumerate(owner_and_serial):
        value = _LETTER_VALUES[char] if char.isalpha() else int(char)
        total += value << position
    return total % 11 % 10


# Printed forms per contract size_type; codes from the reference are added at sampling.
SIZE_PRINTS: dict[str, tuple[str, ...]] = {
    "20GP": (
        "20' DV",
        "20DC",
        "20GP",
        "20' DRY VAN",
        "20' STANDARD",
        "20'GP",
        "20 DRY",
        "20FT DRY",
        "20' DC",
        "20' GENERAL PURPOSE",
    ),
    "40GP": (
        "40' DV",
        "40DC",
        "40GP",
        "40' DRY VAN",
        "40' STANDARD",
        "40'GP",
        "40 DRY",
        "40FT DRY",
        "40' DC",
    ),
    "40HC": (
        "40' HIGH CUBE",
        "40HQ",
        "40HC",
        "40' HC",
        "40' HQ",
        "40'HC",
        "40 HIGH CUBE",
        "40FT HC",
        "40' DRY HC",
    ),
    "45HC": ("45' HIGH CUBE", "45HC", "45HQ", "45' HC", "45FT HC"),
    "20RF": ("20' REEFER", "20RF", "20RE", "20' RF", "20' REEFER CONTAINER"),
    "40RF": ("40' REEFER", "40RF", "40RH", "40' REEFER HC", "40' RF", "40' HC REEFER"),
    "20OT": ("20' OPEN TOP", "20OT", "20' OT"),
    "40OT": ("40' OPEN TOP", "40OT", "40' OT"),
    "20FR": ("20' FLAT RACK", "20FR", "20' FR"),
    "40FR": ("40' FLAT RACK", "40FR", "40' FR"),
    "20TK": ("20' TANK", "20TK", "20' ISO TANK", "20' TANK CONTAINER"),
}
# A size with no type: the contract's null case.
SIZE_ONLY = ("40'", "20'", "40 FT", "20FT", "45'", "40 ft", "20 ft")
# How often each type occurs on real bills, roughly.
_SIZE_WEIGHTS = {
    "20GP": 30,
    "40GP": 18,
    "40HC": 35,
    "45HC": 3,
    "20RF": 2,
    "40RF": 6,
    "20OT": 1,
    "40OT": 1,
    "20FR": 1,
    "40FR": 1,
    "20TK": 2,
}


def sample_size(rng: random.Random, size_type: str | None = None) -> Coded:
    """A size/type print: word forms, ISO codes from the reference, or size only (null)."""
    if size_type is None:
        size_type = rng.choices(list(_SIZE_WEIGHTS), weights=list(_SIZE_WEIGHTS.values()))[0]
    if rng.random() < 0.05:
        return Coded(None, rng.choice(SIZE_ONLY))
    if rng.random() < 0.35:
        codes = [code for code, kind in reference.load().size_types.items() if kind == size_type]
        if codes:
            return Coded(size_type, rng.choice(codes))
    printed = rng.choice(SIZE_PRINTS[size_type])
    return Coded(size_type, printed.lower() if rng.random() < 0.05 else printed)


def container_number(rng: random.Random) -> str:
    prefix = rng.choice(reference.load().owner_prefixes)
    serial = f"{rng.randrange(1_000_000):06d}"
    return f"{prefix}{serial}{check_digit(prefix + serial)}"


def print_container_number(number: str, rng: random.Random) -> str:
    """`MSCU 123456-5`, `MSCU1234565`, `MSCU-123456-5`, `MSCU 1234565`, now and then lower case."""
    owner, serial, digit = number[:4], number[4:10], number[10]
    printed = rng.choice(
        (
            number,
            number,
            f"{owner} {serial}-{digit}",
            f"{owner}-{serial}-{digit}",
            f"{owner} {serial}{digit}",
            f"{owner} {serial} {digit}",
            f"{owner}{serial}-{digit}",
        )
    )
    return printed.lower() if rng.random() < 0.03 else printed


def sample_seal(rng: random.Random) -> str:
    digits = f"{rng.randrange(10**6, 10**7)}"
    letters = "".join(rng.choices(string.ascii_uppercase, k=2))
    return rng.choice(
        (
            digits,
            digits,
            f"{letters}{digits}",
            f"{letters}-{digits}",
            f"ML-{letters}{digits[:6]}",
            f"{letters} {digits}",
            f"H{digits[:6]}",
            f"{digits}{rng.randrange(10)}",
        )
    )


def sample_container(rng: random.Random, size_type: str | None = None) -> Container:
    number = container_number(rng)
    return Container(
        number=number,
        number_printed=print_container_number(number, rng),
        seal=sample_seal(rng) if rng.random() < 0.85 else None,
        size=sample_size(rng, size_type) if rng.random() < 0.9 else None,
    )
