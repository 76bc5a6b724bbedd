"""Goods lists and tables: the count may lead the goods phrase ("5 cartons cotton towels"),
figures that are not labelled (net weight, units, part numbers) stand beside the labelled ones,
a goods phrase's specification may stand on a line of its own, and a table's last row may hold
the totals under their columns."""

from __future__ import annotations

import itertools
import random
import re

from service.data.families._fieldtext import packages_text
from service.data.layouts import distractors
from service.data.layouts.captioner import Captioner
from service.data.layouts.draw import BORDERS
from service.data.layouts.groups import build_groups
from service.data.layouts.styles import LayoutStyle
from service.data.layouts.tables import cargo_list, cargo_table, goods_columns
from service.data.shipment import Shipment
from service.data.world import sample_shipment


def test_some_lists_lead_with_the_count_and_all_print_every_description() -> None:
    leading = trailing = 0
    for seed in range(40):
        rng = random.Random(seed)
        shipment = sample_shipment("arrival_notice", rng)
        cap = Captioner.for_document(LayoutStyle("en", "kv", "none"), shipment, rng)
        text = " ".join(" ".join(cargo_list(shipment.items, cap, rng, dg_apart=False)).split())
        for item in shipment.items:
            assert item.description in text
            count = packages_text(item)
            if count:
                led = any(f"{count}{sep}{item.description}" in text for sep in (" ", " x ", " of "))
                leading += led
                trailing += not led and count in text
    assert leading > 10 and trailing > 10


def test_net_weights_are_printed_like_the_gross_weight_and_lighter() -> None:
    rng = random.Random(4)
    checked = 0
    for _ in range(30):
        for item in sample_shipment("packing_list", rng).items:
            if not item.gross_weight:
                continue
            gross = item.gross_weight.printed.split(" / ")[0]
            net = distractors.goods_figure("net_weight", item, rng)
            assert re.sub(r"\d", "9", net) == re.sub(r"\d", "9", gross)
            assert net[0] < gross[0] or gross[0] == "1" or not gross[0].isdigit()
            checked += 1
    assert checked > 20


def test_goods_tables_now_and_then_carry_columns_that_are_not_labelled() -> None:
    rng = random.Random(5)
    drawn = [goods_columns(rng, dg_column=False) for _ in range(200)]
    with_figures = [cols for cols in drawn if set(cols) & set(distractors.GOODS_KINDS)]
    assert 0.4 < len(with_figures) / len(drawn) < 0.8
    assert all(cols.index("description") >= 0 and len(set(cols)) == len(cols) for cols in drawn)


def _boxed_bill(seed: int) -> tuple[random.Random, Shipment, Captioner]:
    """A bill of lading's shipment and captioner for an English boxed form, and the stream after them."""
    rng = random.Random(seed)
    shipment = sample_shipment("bill_of_lading", rng)
    return rng, shipment, Captioner.for_document(LayoutStyle("en", "boxes", "ascii"), shipment, rng)


def test_a_totals_row_prints_the_totals_that_have_a_column_and_takes_them_from_the_group() -> None:
    summed = 0
    for seed in range(60):
        rng, shipment, cap = _boxed_bill(seed)
        totals = build_groups(shipment, cap, rng).get("totals")
        if totals is None:
            continue
        stated = {total.key: total.lines[0] for total in totals.fields}
        text = "\n".join(cargo_table(shipment.items, cap, BORDERS["ascii"], 110, rng, False, totals))
        in_row = set(stated) - {total.key for total in totals.fields}
        if not in_row:
            continue
        summed += 1
        below_goods = text[text.rfind(shipment.items[-1].description.split()[0]) :]
        assert re.search(r"total|ttl|summe|gesamt|totaal", below_goods, re.IGNORECASE), text
        assert all(stated[key].split()[0] in below_goods for key in in_row), text
    assert summed >= 10


def test_a_specification_may_stand_on_its_own_line_and_stays_in_the_description() -> None:
    own_line = 0
    for seed in range(40):
        rng, shipment, cap = _boxed_bill(seed)
        lines = cargo_table(shipment.items, cap, BORDERS["ascii"], 124, rng, False)
        for item in shipment.items:
            if not item.spec:
                continue
            assert item.label()["description"].endswith(item.spec)
            head = item.description[: -len(item.spec)].rstrip()
            own_line += any(head in line and item.spec in below for line, below in itertools.pairwise(lines))
    assert own_line >= 5
