"""The ERP CSV packing list: separator by locale, one row per goods line, no vessel."""

from __future__ import annotations

import csv
import io

from service.data.families import all_families
from tests.data.families.shipments_a import check_sampled, ocean_bl, packing_list, render_checked

FAMILY = all_families()["csv_packing_list"]


def test_fixtures_print_every_label_value() -> None:
    for seed in range(40):
        render_checked(FAMILY, packing_list(), seed)
        shipment = ocean_bl()
        shipment.document_type = "packing_list"
        render_checked(FAMILY, shipment, seed)


def test_vessel_carrier_notify_and_freight_terms_are_dropped() -> None:
    shipment = ocean_bl()
    shipment.document_type = "packing_list"
    text = render_checked(FAMILY, shipment, 2)
    label = shipment.to_label()
    assert (label["vessel_or_flight"], label["voyage"], label["carrier"]) == (None, None, None)
    assert (label["notify_party"], label["freight_terms"], label["arrival_date"]) == (None, None, None)
    assert "ESSEN EXPRESS" not in text


def test_decimal_comma_locale_uses_semicolons_and_rows_parse_as_csv() -> None:
    for seed in range(20):
        text = render_checked(FAMILY, packing_list(), seed)
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        goods = next(row for row in rows if "KUGELHAHNE AUS MESSING" in row)
        assert "1.250,75 kg / 2.757,4 lb" in goods
        assert "BA/SANTOS 1-24" in goods


def test_point_decimal_locale_quotes_cells_that_hold_commas() -> None:
    commas = 0
    for seed in range(20):
        shipment = ocean_bl()
        shipment.document_type = "packing_list"
        shipment.style.decimal_comma = False
        text = render_checked(FAMILY, shipment, seed)
        goods_line = next(line for line in text.splitlines() if "CARTON SEALING MACHINES" in line)
        delimiter = ";" if ";" in goods_line else ","
        commas += delimiter == ","
        goods = next(csv.reader([goods_line], delimiter=delimiter))
        assert "8.420,000 KGS" in goods
    assert commas > 10


def test_sampled_shipments_print_every_label_value() -> None:
    check_sampled(FAMILY)
