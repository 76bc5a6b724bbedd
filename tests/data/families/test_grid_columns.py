"""Shared layout helpers: side-by-side boxes, goods tables, captions that fit the document."""

from __future__ import annotations

import random

from service.data.families._columns import side_by_side
from service.data.families._fieldtext import fitting_caption
from service.data.families._grid import BLANKS, PIPES, Row, render, wrap_last
from service.data.shipment import collapse
from tests.data.families.shipments_a import air_waybill, ocean_bl


def test_right_column_stands_only_beside_the_last_line_of_a_group() -> None:
    left = [["SHIPPER"], ["ACME GMBH"], ["Street 1", "12345 Town", "GERMANY"], ["Tel. 1"]]
    rows = side_by_side(left, ["B/L No.: X1", "Booking: B2", "Ref: R3", "Page 1"], width=20)
    assert rows == [
        "SHIPPER               B/L No.: X1",
        "ACME GMBH             Booking: B2",
        "Street 1",
        "12345 Town",
        "GERMANY               Ref: R3",
        "Tel. 1                Page 1",
    ]
    assert side_by_side([["A", "B"]], ["R1", "R2"], width=3) == ["A", "B    R1", "     R2"]
    assert "Street 1 12345 Town GERMANY" in collapse("\n".join(rows))


def test_table_fits_columns_to_content_and_right_aligns_numbers() -> None:
    lines = render(
        ["Desc", "Weight"], [Row(["LONG DESCRIPTION", "5 KG"]), Row(["X", "1,250 KG"])], PIPES[1], (1,)
    )
    assert lines[0] == "Desc             |   Weight"
    assert lines[2] == "LONG DESCRIPTION |     5 KG"
    assert lines[3] == "X                | 1,250 KG"


def test_multi_line_cell_keeps_its_breaks_indented_to_its_column() -> None:
    lines = render(["A", "Marks", "B"], [Row(["x", "M1\nM2", "y"])], BLANKS[0])
    assert "\n".join(lines[2:]) == "x  M1\n   M2     y"


def test_wrapped_description_continues_alone_under_its_column() -> None:
    rows = [Row(["12 PLTS", "SPARE PARTS FOR PACKAGING MACHINERY"], [["40HC", "HS 8422.90"]])]
    wrap_last(rows, 20)
    lines = render(["Pkgs", "Goods"], rows, BLANKS[1])
    assert lines[1:] == [
        "12 PLTS   SPARE PARTS FOR",
        "          PACKAGING MACHINERY",
        "40HC      HS 8422.90",
    ]


def test_captions_fit_the_transport_mode() -> None:
    rng = random.Random(0)
    sea, air = ocean_bl("sea_waybill"), air_waybill()
    sea_captions = {fitting_caption("port_of_loading", sea, rng) for _ in range(300)}
    air_carriers = {fitting_caption("carrier", air, rng) for _ in range(300)}
    waybill_numbers = {fitting_caption("document_number", sea, rng) for _ in range(300)}
    assert not any("AIRPORT" in text for text in sea_captions)
    assert "PORT OF LOADING" in sea_captions
    assert not any(word in text.upper() for text in air_carriers for word in ("OCEAN", "SHIPPING LINE"))
    assert not any("B/L" in text or "BILL OF LADING" in text for text in waybill_numbers)
