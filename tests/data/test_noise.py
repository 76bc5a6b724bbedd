"""Noise and wrapping never change what a labelled value collapses to."""

from __future__ import annotations

import random

from service.data import noise
from service.data.shipment import collapse


def test_wrap_breaks_only_at_spaces() -> None:
    text = (
        "SPARE PARTS FOR PACKAGING MACHINERY, HS 8422.90, VOSS-NY-13/20 EXTRAORDINARILYLONGWORDWITHOUTSPACES"
    )
    for width in (8, 12, 20, 40):
        lines = noise.wrap(text, width)
        assert collapse(" ".join(lines)) == collapse(text)
        assert all(len(line) <= width or " " not in line for line in lines)


def test_degrade_leaves_lines_with_protected_words_untouched() -> None:
    text = "BILL OF LADING\nShipper\nVoss Maschinenbau GmbH\nRECEIVED in apparent good order\nTotal 12"
    protected = {"Voss", "Maschinenbau", "GmbH"}
    rng = random.Random(1)
    for _ in range(50):
        out = noise.degrade(text, protected, rng, rate=0.5).split("\n")
        assert out[2] == "Voss Maschinenbau GmbH"
        assert out[4] == "Total 12"
    changed = noise.degrade(text, protected, random.Random(2), rate=0.5).split("\n")
    assert changed[3] != "RECEIVED in apparent good order"


def test_ocr_noise_rate_zero_is_identity() -> None:
    assert noise.ocr_noise("Port of Loading", random.Random(1), rate=0.0) == "Port of Loading"


def test_confuse_swaps_only_lookalikes_either_way() -> None:
    rng = random.Random(5)
    assert noise.confuse("O1S5 Voss", rng, rate=0.0) == "O1S5 Voss"
    for _ in range(50):
        first, one, ess, five, *_ = noise.confuse("O1S5", rng, rate=1.0)
        assert first in "0Q" and one in "lIi" and ess == "5" and five == "S"


def test_terms_and_footers_exist_for_every_language() -> None:
    rng = random.Random(3)
    for language in ("en", "de", "fr", "es", "nl", "pt", "it"):
        assert noise.terms_paragraph(language, rng)
        assert "2" in noise.page_footer(language, 1, 2, rng) or "1" in noise.page_footer(language, 1, 2, rng)
