"""Corpus records: deterministic, contract-valid, checked against the text, split by family."""

from __future__ import annotations

import json
import random

import jsonschema
import pytest

from service.data import corpus, equipment, reference
from service.data.families import LayoutFamily, all_families, kv_list, stochastic
from service.data.shipment import Shipment, Style

KV = [kv_list.FAMILY]


@pytest.fixture(scope="module")
def schema_validator() -> jsonschema.Draft202012Validator:
    path = reference.reference_dir().parent / "contract" / "manifest.schema.json"
    return jsonschema.Draft202012Validator(json.loads(path.read_text(encoding="utf-8")))


def test_record_depends_only_on_seed_split_and_index() -> None:
    first = corpus.make_record("train", 1, 7, KV)
    assert corpus.make_record("train", 1, 7, KV) == first
    assert corpus.make_record("train", 1, 8, KV) != first
    assert corpus.make_record("validation", 1, 7, KV)["text"] != first["text"]
    assert corpus.make_record("train", 2, 7, KV)["text"] != first["text"]
    assert first["id"] == "train-1-0000007"
    assert set(first) == {"id", "family", "style", "document_type", "text", "label", "extraction", "spans"}
    assert first["style"] is None  # a fixed family; the stochastic generator records its style


def test_labels_validate_against_the_contract_schema(
    schema_validator: jsonschema.Draft202012Validator,
) -> None:
    for index in range(150):
        record = corpus.make_record("train", 3, index, KV)
        errors = list(schema_validator.iter_errors(record["label"]))
        assert not errors, errors[0].message
        assert list(record["label"]) == list(schema_validator.schema["required"])
        assert len(record["text"]) <= corpus.MAX_CHARS


def _forgetful(shipment: Shipment, rng: random.Random) -> str:
    text = kv_list.render(shipment, rng)
    return text.replace(shipment.items[0].description, "")


def test_self_check_catches_a_layout_that_omits_a_value() -> None:
    family = LayoutFamily("forgetful", ("bill_of_lading",), _forgetful)
    with pytest.raises(corpus.LabelError, match=r"forgetful.*missing"):
        corpus.render_record(family, "bill_of_lading", random.Random(1))


def _dropping(shipment: Shipment, rng: random.Random) -> str:
    shipment.drop("vessel_or_flight", "voyage")
    return kv_list.render(shipment, rng)


def test_dropped_fields_are_null_in_the_label() -> None:
    family = LayoutFamily("dropping", ("bill_of_lading",), _dropping)
    _, label = corpus.render_record(family, "bill_of_lading", random.Random(1))
    assert label["vessel_or_flight"] is None and label["voyage"] is None


def test_self_check_sees_container_numbers_in_any_print_form() -> None:
    container = equipment.sample_container(random.Random(4))
    container.seal = container.size = None
    shipment = Shipment("bill_of_lading", "B/L", "sea", Style(), containers=[container])
    number = container.number
    corpus.check_printed(shipment, f"CNTR {number[:4]} {number[4:10]}-{number[10]}")
    with pytest.raises(corpus.LabelError, match=number):
        corpus.check_printed(shipment, f"CNTR {number[:4]} {number[4:10]}")


def _long(shipment: Shipment, rng: random.Random) -> str:
    return kv_list.render(shipment, rng) + "\nT&C " * (1300 if len(shipment.items) > 2 else 0)


def test_documents_longer_than_the_cap_are_resampled() -> None:
    family = LayoutFamily("long", ("packing_list",), _long)
    for seed in range(10):
        text, label = corpus.render_record(family, "packing_list", random.Random(seed))
        assert len(text) <= corpus.MAX_CHARS
        assert len(label["items"]) <= 2


def test_heldout_families_never_reach_train_validation_or_test() -> None:
    fake = {
        name: LayoutFamily(name, ("packing_list",), _long) for name in ("kv_list", *corpus.HELDOUT_FAMILIES)
    }
    heldout = {f.name for f in corpus.split_families("heldout", fake)}
    assert heldout == set(corpus.HELDOUT_FAMILIES)
    for split in ("train", "validation", "test"):
        assert {f.name for f in corpus.split_families(split, fake)} == {"kv_list"}
    real = all_families()
    seen = {f.name for f in corpus.split_families("train", real)}
    assert not seen & set(corpus.HELDOUT_FAMILIES)
    for record in corpus.generate("train", 5, 40):
        assert record["family"] not in corpus.HELDOUT_FAMILIES


def test_the_stochastic_generator_makes_half_of_every_split_in_that_split_s_styles() -> None:
    heldout = corpus.HELDOUT_FAMILIES[0]
    found = {
        "kv_list": kv_list.FAMILY,
        heldout: LayoutFamily(heldout, kv_list.FAMILY.doc_types, kv_list.render),
        "stochastic": stochastic.FAMILY,
    }
    for split in corpus.SPLITS:
        families = corpus.split_families(split, found)
        assert "stochastic" in {f.name for f in families}
        records = [corpus.make_record(split, 2, index, families) for index in range(60)]
        made = [r for r in records if r["family"] == "stochastic"]
        assert 15 <= len(made) <= 45, (split, len(made))
        captions = {r["style"].split("|")[0] for r in made}
        assert (
            ("pl" in captions or "pl/en" in captions)
            if split == "heldout"
            else not captions & {"pl", "pl/en"}
        )


def test_unknown_split_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown split"):
        corpus.split_families("dev")


@pytest.mark.parametrize("name", sorted(all_families()))
def test_every_layout_family_renders_checked_records(name: str) -> None:
    family = all_families()[name]
    for index in range(25):
        record = corpus.make_record("train", 11, index, [family])
        assert record["family"] == name
