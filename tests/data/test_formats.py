"""Printed dates, numbers, weights and volumes read back by the contract's rules equal their labels."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from service.data.formats import format_number, sample_count, sample_date, sample_volume, sample_weight
from service.data.shipment import Style
from tests.data.readers import read_date, read_number, read_weight

STYLES = [
    Style(language=lang, us_dates=us, decimal_comma=comma, upper=upper)
    for lang in ("en", "de", "fr", "es", "nl", "pt", "it")
    for us, comma in ((False, False), (False, True), (lang == "en", False))
    for upper in (False, True)
]


@pytest.mark.parametrize(
    ("printed", "us_dates", "expected"),
    [
        ("14 MAR 2026", False, dt.date(2026, 3, 14)),
        ("14.03.2026", False, dt.date(2026, 3, 14)),
        ("2026/03/14", False, dt.date(2026, 3, 14)),
        ("March 14, 2026", False, dt.date(2026, 3, 14)),
        ("05MAR26", False, dt.date(2026, 3, 5)),
        ("03/14/2026", True, dt.date(2026, 3, 14)),
        ("04/03/2026", False, dt.date(2026, 3, 4)),
        ("14.03.", False, None),
    ],
)
def test_reader_follows_the_contract_table(printed: str, us_dates: bool, expected: dt.date | None) -> None:
    assert read_date(printed, us_dates) == expected


def test_every_sampled_date_reads_back_to_its_label() -> None:
    rng = random.Random(11)
    for _ in range(3000):
        style = rng.choice(STYLES)
        date = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(1600))
        value = sample_date(date, style, rng)
        assert value.label() == date.isoformat()
        assert read_date(value.printed, style.us_dates) == date, (value.printed, style)


def test_a_date_without_year_is_labelled_null() -> None:
    rng = random.Random(2)
    for _ in range(200):
        value = sample_date(dt.date(2026, 3, 14), rng.choice(STYLES), rng, without_year=True)
        assert value.label() is None
        assert "2026" not in value.printed and "26" not in value.printed.replace("2026", "")


@pytest.mark.parametrize(
    ("value", "decimals", "comma", "printed"),
    [(1234.5, 2, True, "1.234,50"), (12500.0, 2, False, "12,500.00"), (8420.0, 3, True, "8.420,000")],
)
def test_number_separators_follow_the_style(value: float, decimals: int, comma: bool, printed: str) -> None:
    assert format_number(value, decimals, Style(decimal_comma=comma)) == printed


def test_weights_read_back_to_value_and_first_unit() -> None:
    rng = random.Random(5)
    for _ in range(3000):
        style = rng.choice(STYLES)
        unit = rng.choice(("kg", "lb", "t"))
        weight = sample_weight(rng.uniform(0.1, 90000), unit, style, rng, second_unit=rng.random() < 0.3)
        number, read_unit = read_weight(weight.printed, style.decimal_comma)
        assert read_unit == unit == weight.label()["unit"], weight.printed
        assert number == pytest.approx(weight.label()["value"]), weight.printed


def test_two_unit_weight_labels_the_first() -> None:
    rng = random.Random(9)
    found = 0
    for _ in range(300):
        weight = sample_weight(8420, "kg", Style(), rng, second_unit=True)
        assert weight.label() == {"value": 8420, "unit": "kg"}
        assert read_weight(weight.printed, False) == (8420, "kg")
        found += "LB" in weight.printed.upper()
    assert found == 300


def test_volumes_in_cubic_metres_read_back_and_cubic_feet_are_null() -> None:
    rng = random.Random(4)
    for _ in range(2000):
        style = rng.choice(STYLES)
        volume = sample_volume(rng.uniform(0.01, 900), style, rng)
        number = volume.printed.split(" ")[0]
        assert read_number(number, style.decimal_comma) == pytest.approx(volume.label())
        feet = sample_volume(rng.uniform(0.01, 900), style, rng, cubic_feet_only=True)
        assert feet.label() is None
        assert any(unit in feet.printed for unit in ("CFT", "CU FT", "cu. ft.", "CUFT", "ft³"))


def test_counts_read_back() -> None:
    rng = random.Random(1)
    for value in (1, 12, 999, 1250, 20000):
        for style in STYLES:
            count = sample_count(value, style, rng)
            assert read_number(count.printed, style.decimal_comma) == value
