"""Delimited exports: column codes, quoting, and goods rows that a CSV reader splits into the
header's columns, with every container and goods line on a row."""

from __future__ import annotations

import csv
import random

import pytest

from service.data import corpus
from service.data.layouts import generator
from service.data.layouts.captioner import Captioner
from service.data.layouts.export import SEPARATORS, Cells, cargo_rows, trailer
from service.data.layouts.styles import LayoutStyle
from service.data.world import DOCUMENT_TYPES, sample_shipment


def test_captions_become_column_codes() -> None:
    cells = Cells(sep=";", codes=True)
    assert cells.caption("Port of Loading") == "PORT_OF_LOADING"
    assert cells.caption("Empfänger / Consignee") == "EMPFÄNGER_CONSIGNEE"
    assert cells.caption("B/L No.") == "B_L_NO"
    assert Cells(sep=";", codes=False).caption("Port of\nLoading") == "Port of Loading"


def test_a_cell_holding_the_separator_is_quoted_and_lines_are_joined() -> None:
    assert Cells(sep=",", codes=False).row(["GROSS", "1,5 KG", "two\nlines"]) == 'GROSS,"1,5 KG",two lines'
    assert Cells(sep=";", codes=False).row(["GROSS", "1,5 KG"]) == "GROSS;1,5 KG"


@pytest.mark.parametrize("sep", sorted(set(SEPARATORS)))
def test_goods_rows_split_into_the_header_columns_and_name_every_container(sep: str) -> None:
    for seed in range(25):
        rng = random.Random(seed)
        shipment = sample_shipment(rng.choice(DOCUMENT_TYPES), rng)
        cap = Captioner.for_document(LayoutStyle("en", "export", "none"), shipment, rng)
        lines = cargo_rows(shipment, cap, Cells(sep=sep, codes=True), rng)
        blocks = "\n".join(lines).split("\n\n")
        for block in blocks:
            rows = list(csv.reader(block.splitlines(), delimiter=sep))
            assert len({len(row) for row in rows}) == 1, block
        text = "\n".join(lines)
        assert all(container.number_printed in text for container in shipment.containers)
        assert all(item.description in text for item in shipment.items)
        assert len(list(csv.reader(blocks[0].splitlines(), delimiter=sep))) - 1 >= len(shipment.items)


def test_export_documents_print_every_labelled_value() -> None:
    rng = random.Random(3)
    for _ in range(40):
        shipment = sample_shipment(rng.choice(DOCUMENT_TYPES), rng)
        text = generator.render(shipment, LayoutStyle("de/en", "export", "none"), rng)
        corpus.check_printed(shipment, text)
        assert shipment.style.layout == "de/en|export|none|none"


def test_some_exports_end_with_a_trailer_record_that_is_not_goods() -> None:
    trailers = 0
    for seed in range(30):
        rng = random.Random(seed)
        shipment = sample_shipment(rng.choice(DOCUMENT_TYPES), rng)
        last = trailer(shipment, Cells(sep=";", codes=True), rng)
        assert not any(item.description in last for item in shipment.items)
        trailers += any(mark in last for mark in ("ROWS=", "TRAILER", "END OF FILE", "COUNT=", "records"))
    assert trailers == 30
