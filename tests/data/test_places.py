"""A UN/LOCODE is labelled only when printed; IATA and Schedule D/K codes are never labelled."""

from __future__ import annotations

import random

from service.data import places, reference


def test_code_label_is_the_print_without_spaces() -> None:
    rng = random.Random(1)
    printed = {places.print_code("DEHAM", rng) for _ in range(200)}
    assert {"DE HAM", "DEHAM", "(DEHAM)"} <= printed
    assert {places.label_code(p) for p in printed} == {"DEHAM"}


def test_ports_label_a_code_only_when_one_is_printed() -> None:
    rng = random.Random(2)
    with_code = without = 0
    for _ in range(1000):
        place = places.sample_port(places.port_location(rng), rng)
        label = place.label()
        if place.code_printed is None:
            assert label["unlocode"] is None
            without += 1
        else:
            assert label["unlocode"] == places.label_code(place.code_printed)
            with_code += 1
        if place.extra:
            assert place.extra not in label["name"]
    assert with_code > 100 and without > 100


def test_shanghai_prints_the_code_bills_use() -> None:
    rng = random.Random(3)
    shanghai = reference.Location("CNSGH", "Shanghai", "Shanghai", "SH")
    codes = {places.sample_port(shanghai, rng, code_share=1.0).code for _ in range(100)}
    assert codes == {"CNSHA", "CNSGH"}


def test_airports_carry_iata_as_extra_not_as_unlocode() -> None:
    rng = random.Random(4)
    for _ in range(200):
        found = places.airport(rng)
        place = places.sample_airport(found, rng)
        assert place.label()["unlocode"] is None
        assert place.extra in (None, found.iata)
