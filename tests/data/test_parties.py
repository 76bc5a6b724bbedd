"""Parties: the printed country is the label's alpha-2; decoys and TO ORDER label as the contract says."""

from __future__ import annotations

import random

from service.data import parties, reference


def test_printed_country_is_a_known_name_of_the_labelled_country() -> None:
    rng = random.Random(1)
    countries = reference.load().countries
    styled = parties.countries_with_styles()
    assert len(styled) >= 40
    for _ in range(1500):
        alpha2 = rng.choice(styled)
        party = parties.sample_party(alpha2, rng)
        label = party.label()
        assert label is not None
        if label["country"] is None:
            continue
        assert label["country"] == alpha2
        country = countries[alpha2]
        names = {n.upper() for n in (country.short_name, country.name, *country.alt_names)}
        assert any(name in label["address"].upper() for name in names), label


def test_country_left_out_is_null() -> None:
    rng = random.Random(2)
    lines, country, printed = parties.sample_address("DE", rng, print_country=False)
    assert country is None and lines
    assert printed is None


def test_extras_are_not_part_of_the_address() -> None:
    rng = random.Random(3)
    for _ in range(300):
        party = parties.sample_party("BR", rng)
        label = party.label()
        assert label is not None
        for extra in party.extras:
            assert extra not in label["address"]


def test_placeholders_label_null_and_to_order_has_no_address() -> None:
    rng = random.Random(4)
    for _ in range(50):
        assert parties.placeholder_party(rng).label() is None
        order = parties.to_order_party(rng).label()
        assert order is not None and order["name"].startswith("TO ") and "ORDER" in order["name"]
        assert order["address"] is None and order["country"] is None


def test_some_addresses_run_to_four_or_more_lines_with_a_unit_or_an_estate() -> None:
    rng = random.Random(8)
    lengths = [len(parties.sample_address(rng.choice(("DE", "US", "CN", "FR")), rng)[0]) for _ in range(400)]
    assert max(lengths) >= 5
    assert 0.1 < sum(n >= 4 for n in lengths) / len(lengths) < 0.5
