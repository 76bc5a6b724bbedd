"""Package words, tariff numbers and dangerous-goods notes map to the contract's values."""

from __future__ import annotations

import random
import re

import pytest

from service.data import goods, reference
from service.data.shipment import Style

LANGUAGE_STYLES = [Style(language=lang) for lang in ("en", "de", "fr", "es", "nl", "pt", "it")]


@pytest.mark.parametrize(
    ("kind", "word"),
    [
        ("carton", "CTNS"),
        ("carton", "cartons"),
        ("carton", "Kartons"),
        ("pallet", "PLTS"),
        ("pallet", "skids"),
        ("pallet", "Paletten"),
        ("package", "PKGS"),
        ("ibc", "IBC"),
        ("drum", "fûts"),
        ("bag", "sacos"),
    ],
)
def test_contract_package_words_are_printed_for_their_type(kind: str, word: str) -> None:
    assert word in {w for words in goods.PACKAGE_WORDS[kind].values() for w in words}


def test_package_prints_stay_within_their_type() -> None:
    rng = random.Random(1)
    owner: dict[str, str] = {}
    for kind in goods.PACKAGE_WORDS:
        for _ in range(60):
            coded = goods.sample_package(kind, rng.randint(1, 50), rng.choice(LANGUAGE_STYLES), rng)
            assert coded.value == kind
            assert owner.setdefault(coded.printed.upper(), kind) == kind, coded.printed


def test_tariff_numbers_print_their_label_digits() -> None:
    rng = random.Random(2)
    for code in rng.sample(reference.load().hs_codes, 400):
        digits, printed = goods.sample_hs(code.hs6, rng.choice(LANGUAGE_STYLES), rng)
        assert re.fullmatch(r"\d{4,10}", digits)
        assert digits.startswith(code.hs6[: min(6, len(digits))])
        number = re.search(r"\d[\d. ]*\d", printed)
        assert number and re.sub(r"\D", "", number.group()) == digits, printed


def test_dangerous_goods_need_both_number_and_class() -> None:
    rng = random.Random(3)
    for _ in range(100):
        complete = goods.sample_dangerous("1263", "3", rng)
        assert complete.label() == {"un_number": "UN1263", "hazard_class": "3"}
        assert "1263" in complete.printed and "3" in complete.printed.replace("1263", "")
        partial = goods.sample_dangerous("1263", "3", rng, complete=False)
        assert partial.label() is None
        assert ("1263" in partial.printed) != ("CLASS 3" in partial.printed)


def test_curated_commodities_use_real_hs_codes_and_contract_packages() -> None:
    known = {c.hs6 for c in reference.load().hs_codes}
    for commodity in goods.COMMODITIES:
        assert commodity.hs6 in known, commodity.names["en"]
        assert set(commodity.packages) <= set(goods.PACKAGE_SIZES)


def test_hs_phrases_are_short_and_do_not_dangle() -> None:
    rng = random.Random(4)
    for code in rng.sample(reference.load().hs_codes, 300):
        phrase = goods.hs_phrase(code)
        assert 0 < len(phrase.split()) <= 8
        assert phrase.split()[-1].lower() not in {"and", "or", "of", "for", "with"}
        assert "n.e.c" not in phrase
