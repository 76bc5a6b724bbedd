"""The stochastic generator's records: contract-valid labels, every span printed, styles kept
to their split, varied placements and borders, documents up to the generator's length cap."""

from __future__ import annotations

import json
import random
import re

import jsonschema
import pytest

from service.data import corpus, reference
from service.data.families import stochastic
from service.data.layouts import generator
from service.data.layouts.draw import BORDERS
from service.data.layouts.pools import LANGUAGES, own
from service.data.layouts.styles import LayoutStyle, heldout_values
from service.data.world import DOCUMENT_TYPES, sample_shipment

_SCHEMA = json.loads(
    (reference.reference_dir().parent / "contract" / "manifest.schema.json").read_text("utf-8")
)


def _records(split: str, seed: int, n: int) -> list[dict]:
    family = stochastic.for_split(split)
    return [corpus.make_record(split, seed, index, [family]) for index in range(n)]


@pytest.mark.parametrize("split", corpus.SPLITS)
def test_labels_validate_and_every_span_is_printed_where_the_record_says(split: str) -> None:
    validator = jsonschema.Draft202012Validator(_SCHEMA)
    for record in _records(split, 41, 40):
        assert record["family"] == "stochastic" and record["style"]
        assert not list(validator.iter_errors(record["label"]))
        offsets = corpus.check_extraction(record["extraction"], record["label"], record["text"])
        assert offsets == record["spans"]
        for entry in record["spans"]:
            assert all(0 <= start < end <= len(record["text"]) for start, end in entry["pieces"])
        assert len(record["text"]) <= generator.MAX_CHARS


def _heldout_captions() -> set[str]:
    """Party captions only the held-out caption language has."""
    keys = ("shipper", "consignee", "notify_party")
    others = {
        text for key in keys for language in LANGUAGES if language != "pl" for text in own(key, language)
    }
    return {text for key in keys for text in own(key, "pl")} - others


def test_heldout_styles_never_reach_train_output() -> None:
    heldout = heldout_values()
    drawn = {BORDERS[name].v for name in heldout["border"]}
    polish = _heldout_captions()
    assert polish
    for record in _records("train", 5, 60):
        captions, placement, border, _ = record["style"].split("|")
        assert captions not in heldout["captions"]
        assert placement not in heldout["placement"] and border not in heldout["border"]
        assert not any(mark in record["text"] for mark in drawn)
        upper = record["text"].upper()
        assert not any(re.search(rf"(?<!\w){re.escape(word.upper())}(?!\w)", upper) for word in polish)


def test_heldout_split_draws_heldout_styles() -> None:
    heldout = heldout_values()
    for record in _records("heldout", 6, 20):
        captions, placement, border, _ = record["style"].split("|")
        assert (
            captions in heldout["captions"]
            or placement in heldout["placement"]
            or border in heldout["border"]
        )


def test_placements_and_borders_vary_and_are_visible() -> None:
    rng = random.Random(9)
    texts = {}
    for placement in ("kv", "boxes", "numbered", "email", "export", "stacked", "inline"):
        shipment = sample_shipment("bill_of_lading", rng)
        texts[placement] = generator.render(shipment, LayoutStyle("en", placement, "double"), rng)
        assert shipment.style.layout == f"en|{placement}|double|none"
    assert "║" in texts["boxes"] and "╔" in texts["numbered"]
    assert re.search(r"^(From|To): ", texts["email"], re.MULTILINE)
    assert len(set(texts.values())) == len(texts)


def test_fields_a_document_leaves_out_are_dropped_from_its_label() -> None:
    rng = random.Random(12)
    absent = 0
    for _ in range(120):
        shipment = sample_shipment(rng.choice(DOCUMENT_TYPES), rng)
        had_terms = shipment.freight_terms is not None
        text = generator.render(shipment, LayoutStyle("en", "kv", "ascii"), rng)
        corpus.check_printed(shipment, text)
        absent += had_terms and shipment.freight_terms is None
    assert absent  # some documents drew no terms group, and their label says null


def test_carriers_head_some_of_their_own_papers_and_stay_labelled() -> None:
    headed = 0
    for record in _records("train", 77, 120):
        carrier = record["label"]["carrier"]
        if carrier and record["text"].startswith(carrier + "\n"):
            headed += 1
            assert record["document_type"] in generator.CARRIER_ISSUED
    assert headed >= 5
