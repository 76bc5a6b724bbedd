"""Container numbers carry true ISO 6346 check digits; size/type prints map to the contract enum."""

from __future__ import annotations

import random
import re

import pytest

from service.data import equipment, reference


@pytest.mark.parametrize(("number", "digit"), [("CSQU305438", 3), ("HLXU871234", 3), ("TGHU501987", 6)])
def test_check_digit_of_known_numbers(number: str, digit: int) -> None:
    assert equipment.check_digit(number) == digit


def test_sampled_numbers_are_valid_and_print_back_to_the_label() -> None:
    rng = random.Random(3)
    prefixes = set(reference.load().owner_prefixes)
    for _ in range(500):
        container = equipment.sample_container(rng)
        number = container.label()["number"]
        assert re.fullmatch(r"[A-Z]{4}\d{7}", number)
        assert number[:4] in prefixes
        assert equipment.check_digit(number[:10]) == int(number[10])
        assert re.sub(r"[\s-]", "", container.number_printed).upper() == number


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("45G1", "40HC"),
        ("22G1", "20GP"),
        ("42G1", "40GP"),
        ("45R1", "40RF"),
        ("22T1", "20TK"),
        ("L5G1", "45HC"),
    ],
)
def test_iso_codes_from_the_reference_map_as_the_contract_says(printed: str, expected: str) -> None:
    assert reference.load().size_types[printed] == expected


def test_size_prints_cover_every_type_and_size_only_is_null() -> None:
    rng = random.Random(8)
    seen: dict[str | None, set[str]] = {}
    for _ in range(4000):
        size = equipment.sample_size(rng)
        seen.setdefault(size.value, set()).add(size.printed)
    assert set(seen) == {*equipment.SIZE_PRINTS, None}
    assert seen[None] <= set(equipment.SIZE_ONLY)
    assert {"40' HIGH CUBE", "40HQ"} <= seen["40HC"]
