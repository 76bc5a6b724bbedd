"""OCR noise of stochastic documents: drawn at its shares, never on e-mails, inside values by the
contract's rule (copied strings follow the print, container and UN numbers keep the intended
number), and every span still printed where the record says."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import replace

import pytest

from service.data import corpus
from service.data.families import LayoutFamily
from service.data.layouts import generator, ocr
from service.data.layouts.styles import NOISE, UNSCANNED, sample_style
from service.data.shipment import Container, DangerousGoods, Item, Shipment, Style
from service.data.spans import extraction
from service.data.world import DOCUMENT_TYPES
from service.normalise import normalise
from service.scoring import flatten

# Leaves the contract copies as printed: a misread in them is the label.
_COPIED = ("name", "address", "carrier", "description", "marks")


def _family(split: str, noise: str) -> LayoutFamily:
    """The stochastic family of `split` with every scanned (not e-mail or export) document at `noise`."""

    def render(shipment: Shipment, rng: random.Random) -> str:
        style = sample_style(split, rng)
        return generator.render(
            shipment, style if style.placement in UNSCANNED else replace(style, noise=noise), rng
        )

    return LayoutFamily("stochastic", DOCUMENT_TYPES, render, max_chars=generator.MAX_CHARS)


def test_strengths_and_rates_name_the_same_levels() -> None:
    assert set(NOISE) == set(ocr.RATES) and ocr.RATES["none"] == 0.0
    assert max(NOISE, key=NOISE.__getitem__) == "none"


@pytest.mark.parametrize("split", corpus.SPLITS)
def test_noise_strengths_occur_at_their_shares_and_never_on_emails_or_exports(split: str) -> None:
    rng = random.Random(split)
    printed: Counter[str] = Counter()
    for _ in range(6000):
        style = sample_style(split, rng)
        if style.placement in UNSCANNED:
            assert style.noise == "none"
        else:
            printed[style.noise] += 1
    total = sum(printed.values())
    for level, share in NOISE.items():
        assert abs(printed[level] / total - share) < 0.025, (level, printed[level] / total)


def test_records_name_their_noise_strength() -> None:
    family = corpus.split_families("train")
    styles = {corpus.make_record("train", 8, i, family)["style"] for i in range(120)}
    levels = {style.split("|")[3] for style in styles if style}
    assert levels <= set(NOISE) and "none" in levels and len(levels) > 1


@pytest.mark.parametrize("split", corpus.SPLITS)
def test_noisy_records_print_every_span_where_the_record_says(split: str) -> None:
    family = _family(split, "heavy")
    for index in range(25):
        record = corpus.make_record(split, 23, index, [family])
        if record["style"].endswith("|none"):  # an e-mail
            continue
        assert record["style"].endswith("|heavy")
        corpus.validate_label(record["label"])
        assert normalise(record["extraction"]).manifest == record["label"]
        assert (
            corpus.check_extraction(record["extraction"], record["label"], record["text"]) == record["spans"]
        )
        for entry in record["spans"]:
            assert all(0 <= start < end <= len(record["text"]) for start, end in entry["pieces"])


def test_noise_changes_copied_strings_only_and_keeps_the_layout() -> None:
    """The same document clean and heavily scanned: numbers, dates and codes keep their label,
    copied strings carry the misread, and misread container numbers still read to their number."""
    clean_family, noisy_family = _family("train", "none"), _family("train", "heavy")
    copied_changed = misread_containers = 0
    for index in range(40):
        clean = corpus.make_record("train", 31, index, [clean_family])
        noisy = corpus.make_record("train", 31, index, [noisy_family])
        if noisy["style"].endswith("|none"):
            continue
        assert noisy["text"] != clean["text"]
        clean_leaves, noisy_leaves = dict(flatten(clean["label"])), dict(flatten(noisy["label"]))
        assert clean_leaves.keys() == noisy_leaves.keys()
        for path, value in clean_leaves.items():
            if path.rsplit(".", 1)[-1] in _COPIED:
                copied_changed += noisy_leaves[path] != value
            else:
                assert noisy_leaves[path] == value, path
        for printed, labelled in zip(
            noisy["extraction"]["containers"], noisy["label"]["containers"], strict=True
        ):
            misread_containers += re.sub(r"[\s-]", "", printed["number"]).upper() != labelled["number"]
    assert copied_changed and misread_containers


def _shipment_with(container: Container, note: DangerousGoods) -> Shipment:
    shipment = Shipment("bill_of_lading", "BILL OF LADING", "sea", Style())
    shipment.containers = [container]
    shipment.items = [Item(description="PAINT", dangerous=note)]
    return shipment


def test_a_misread_container_or_un_number_is_labelled_with_the_intended_number() -> None:
    seen = set()
    for seed in range(60):
        shipment = _shipment_with(
            Container("MSCU1234565", "MSCU 123456-5", None, None),
            DangerousGoods("UN1263", "3", "UN 1263, CLASS 3"),
        )
        ocr.misread_values(shipment, random.Random(seed), rate=0.3)
        spans, label = extraction(shipment), shipment.to_label()
        assert label["containers"][0]["number"] == "MSCU1234565"
        assert label["items"][0]["dangerous_goods"] == {"un_number": "UN1263", "hazard_class": "3"}
        assert normalise(spans).manifest == label
        number, un = spans["containers"][0]["number"], spans["items"][0]["dangerous_goods"]["un_number"]
        note = shipment.items[0].dangerous
        assert note is not None and un in note.printed
        if number != "MSCU 123456-5":
            seen.add("container")
        if un != "1263":
            seen.add("un")
    assert seen == {"container", "un"}
