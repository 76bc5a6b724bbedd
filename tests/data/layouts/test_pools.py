"""Caption pools: large enough, in eight languages, with abbreviations, fitting the transport mode."""

from __future__ import annotations

import random

from service.data.layouts.captioner import Captioner, misspell
from service.data.layouts.pools import FIELDS, LANGUAGES, own, pool
from service.data.layouts.styles import LayoutStyle
from service.data.shipment import Shipment, Style


def test_every_field_has_at_least_ten_wordings_in_each_of_eight_languages_together() -> None:
    assert len(LANGUAGES) >= 8
    assert {"shipper", "consignee", "port_of_loading", "quantity", "gross_weight", "marks"} <= set(FIELDS)
    for key in FIELDS:
        wordings = {text for language in LANGUAGES for text in own(key, language)}
        assert len(wordings) >= 10, key
        assert all(own(key, language) for language in LANGUAGES), key


def test_pools_hold_the_abbreviations_documents_use() -> None:
    expected = {"consignee": "CNEE", "shipper": "SHPR", "port_of_loading": "POL", "quantity": "PKGS"}
    for key, abbreviation in expected.items():
        assert abbreviation in own(key, "en")


def test_air_documents_get_no_sea_wording_and_sea_documents_no_airport() -> None:
    air = pool("port_of_loading", "en", air=True, bill=False)
    sea = pool("port_of_loading", "en", air=False, bill=True)
    assert "Airport of Departure" in air and "Port of Loading" not in air
    assert "Port of Loading" in sea and "Airport of Departure" not in sea
    assert not any("B/L" in text for text in pool("document_number", "en", air=False, bill=False))


def _captioner(captions: str, seed: int) -> Captioner:
    shipment = Shipment("bill_of_lading", "B/L", "sea", Style())
    return Captioner.for_document(LayoutStyle(captions, "kv", "none"), shipment, random.Random(seed))


def test_bilingual_captions_pair_the_local_wording_with_the_english_one() -> None:
    for seed in range(20):
        cap = _captioner("de/en", seed)
        cap.casing, cap.misspell = "as_is", 0.0
        text = cap("consignee")
        local = [w for w in own("consignee", "de") if text.startswith(w)]
        english = [w for w in own("consignee", "en") if text.endswith((w, f"({w})"))]
        assert local and english, text
        assert len(text) > len(local[0]) + len(english[0]), text


def test_a_document_keeps_one_casing() -> None:
    cap = _captioner("en", 3)
    cap.casing, cap.misspell = "upper", 0.0
    assert all(cap(key).isupper() for key in ("shipper", "consignee", "vessel"))


def test_a_misspelling_changes_one_word_by_one_slip() -> None:
    rng = random.Random(1)
    slips = {misspell("Consignee", rng) for _ in range(40)}
    assert "Consignee" not in slips
    assert all(abs(len(slip) - len("Consignee")) <= 1 and slip[0] == "C" for slip in slips)
    assert misspell("No", rng) == "No"
