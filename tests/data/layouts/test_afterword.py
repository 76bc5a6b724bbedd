"""What papers print below their goods: long unlabelled text after the last goods line, charges
that never contradict the freight terms, and labelled fields that now and then stand there too."""

from __future__ import annotations

import random
import re
import statistics

from service.data import corpus
from service.data.families import stochastic
from service.data.layouts import afterword
from service.data.layouts.draw import BORDERS
from service.data.shipment import Coded
from service.data.world import sample_shipment

_PREPAID = re.compile(r"\b(prepaid|PP)\b", re.IGNORECASE)
_COLLECT = re.compile(r"\b(collect|CC)\b", re.IGNORECASE)


def test_charges_name_prepaid_or_collect_only_as_the_freight_terms_say() -> None:
    rng = random.Random(3)
    said = {"prepaid": 0, "collect": 0}
    for index in range(300):
        shipment = sample_shipment("bill_of_lading", rng)
        terms = ("prepaid", "collect", None)[index % 3]
        shipment.freight_terms = Coded(terms, terms.upper()) if terms else None
        text = "\n".join(afterword.charges(shipment, BORDERS["ascii"], 96, rng))
        assert re.search(r"\d", text)
        if terms != "prepaid":
            assert not _PREPAID.search(text), text
        if terms != "collect":
            assert not _COLLECT.search(text), text
        for word, pattern in (("prepaid", _PREPAID), ("collect", _COLLECT)):
            said[word] += bool(pattern.search(text))
    assert said["prepaid"] and said["collect"]


def test_declarations_count_only_containers_in_words() -> None:
    rng = random.Random(4)
    counted = 0
    for _ in range(200):
        shipment = sample_shipment("bill_of_lading", rng)
        lines = afterword.declaration(shipment, 80, rng)
        assert all(len(line) <= 80 for line in lines if " " in line)
        say = [line for line in lines if line.startswith("SAY")]
        if say:
            counted += 1
            assert shipment.containers and "CONTAINER" in say[0]
    assert counted


def _after_goods(record: dict) -> tuple[int, bool]:
    """Characters printed after the last goods-line span, and whether a labelled non-goods span
    starts after it."""
    goods_end = max(end for s in record["spans"] if s["path"].startswith("items[") for _, end in s["pieces"])
    later = any(
        start > goods_end
        for s in record["spans"]
        if not s["path"].startswith(("items[", "containers[", "total"))
        for start, _ in s["pieces"]
    )
    return len(record["text"]) - goods_end, later


def test_printed_papers_go_on_after_their_goods_and_some_state_fields_there() -> None:
    family = stochastic.for_split("train")
    tails, later = [], 0
    for index in range(120):
        record = corpus.make_record("train", 23, index, [family])
        if record["style"].split("|")[1] in ("boxes", "numbered", "kv") and record["label"]["items"]:
            tail, field_after = _after_goods(record)
            tails.append(tail)
            later += field_after
    assert len(tails) >= 40
    assert statistics.median(tails) >= 560  # without the afterword: about 460
    assert later >= 2
