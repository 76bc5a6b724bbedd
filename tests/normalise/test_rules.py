"""One table per contract rule, with the contract README's own examples first."""

from __future__ import annotations

import pytest

from service.normalise import codes, dates, numbers
from service.normalise.errors import Unreadable


@pytest.mark.parametrize(
    ("span", "day_first", "iso"),
    [
        ("14 MAR 2026", True, "2026-03-14"),
        ("14.03.2026", True, "2026-03-14"),
        ("2026/03/14", True, "2026-03-14"),
        ("March 14, 2026", True, "2026-03-14"),
        ("03/14/2026", False, "2026-03-14"),
        ("04/03/2026", False, "2026-04-03"),  # month first by the document's convention
        ("04/03/2026", True, "2026-03-04"),
        ("14/03/26", False, "2026-03-14"),  # a part over 12 settles the order whatever the convention
        ("14MAR26", True, "2026-03-14"),
        ("14-MÄR-26", True, "2026-03-14"),
        ("14. März 2026", True, "2026-03-14"),
        ("14 de marzo de 2026", True, "2026-03-14"),
        ("14 JANV 2026", True, "2026-01-14"),
        ("20260314", True, "2026-03-14"),
        ("260314", True, "2026-03-14"),  # YYMMDD, the machine messages' short date
        ("260314", False, "2026-03-14"),
        ("14.03.", True, None),  # no year: the contract's null
        ("MAR 14", False, None),
    ],
)
def test_dates_are_iso_and_a_date_without_a_year_is_null(span: str, day_first: bool, iso: str | None) -> None:
    assert dates.parse_date(span, day_first) == iso


@pytest.mark.parametrize("span", ["ETA", "31.02.2026", "14 FOO 2026", "2026", "261403"])
def test_a_span_that_is_no_date_is_unreadable(span: str) -> None:
    with pytest.raises(Unreadable):
        dates.parse_date(span)


@pytest.mark.parametrize(
    ("span", "comma", "value"),
    [
        ("1.234,50", True, 1234.5),
        ("12,500.00", False, 12500),
        ("12.500,00", False, 12500),  # both marks: the last one is the decimal mark
        ("1.250", True, 1250),
        ("1.250", False, 1.25),
        ("1,5", True, 1.5),
        ("12 500", False, 12500),
        ("23.400", False, 23.4),
    ],
)
def test_numbers_drop_thousands_separators_and_read_a_decimal_comma(
    span: str, comma: bool, value: float
) -> None:
    assert numbers.parse_number(span, comma) == value


def test_counts_read_a_mark_before_three_digits_as_thousands() -> None:
    assert numbers.parse_count("1.250", decimal_comma=False) == 1250
    with pytest.raises(Unreadable):
        numbers.parse_count("12.5")


@pytest.mark.parametrize(
    ("value", "unit", "weight"),
    [
        ("12,500", "KGS", {"value": 12500, "unit": "kg"}),
        ("3,300", "LBS", {"value": 3300, "unit": "lb"}),
        ("12.5", "MT", {"value": 12.5, "unit": "t"}),
        ("8420", "K", {"value": 8420, "unit": "kg"}),  # X12 element 188
        ("8420", "KGM", {"value": 8420, "unit": "kg"}),  # UN/ECE Rec 20
    ],
)
def test_weights_keep_the_unit_as_stated(value: str, unit: str, weight: dict[str, object]) -> None:
    assert numbers.parse_weight(value, unit) == weight


def test_a_weight_without_a_unit_is_unreadable() -> None:
    with pytest.raises(Unreadable):
        numbers.parse_weight("12,500", None)


@pytest.mark.parametrize(
    ("value", "unit", "cbm"),
    [
        ("23.400", "CBM", 23.4),
        ("3.12", "M3", 3.12),
        ("3,12", "m³", 3.12),
        ("1,102", "CFT", None),
        ("5", None, 5),
        ("31.32", "X", 31.32),  # X12 volume qualifiers: X cubic metres, E cubic feet
        ("1102", "E", None),
        ("0.25", "MC", 0.25),  # Cargo-IMP volume codes: MC cubic metres, CF cubic feet
        ("9", "CF", None),
    ],
)
def test_volumes_are_cubic_metres_and_cubic_feet_are_null(
    value: str, unit: str | None, cbm: float | None
) -> None:
    decimal_comma = value == "3,12"
    assert numbers.parse_volume(value, unit, decimal_comma) == cbm


@pytest.mark.parametrize(
    ("span", "alpha2"),
    [("GERMANY", "DE"), ("Deutschland", "DE"), ("DE", "DE"), ("U.S.A.", "US"), ("P.R. China", "CN")],
)
def test_countries_are_alpha2(span: str, alpha2: str) -> None:
    assert codes.country(span) == alpha2


def test_unlocode_spaces_and_brackets_are_removed() -> None:
    assert codes.unlocode("DE HAM") == "DEHAM"
    assert codes.unlocode("(NLRTM)") == "NLRTM"
    with pytest.raises(Unreadable):
        codes.unlocode("HAMBURG")


@pytest.mark.parametrize(
    ("span", "code"), [("FOB Shanghai", "FOB"), ("CIF", "CIF"), ("F.O.B. NINGBO", "FOB")]
)
def test_incoterm_drops_the_named_place(span: str, code: str) -> None:
    assert codes.incoterm(span) == code


@pytest.mark.parametrize(
    ("span", "terms"),
    [
        ("FREIGHT PREPAID", "prepaid"),
        ("PP", "prepaid"),
        ("FREIGHT COLLECT", "collect"),
        ("CC", "collect"),
        ("Fracht bezahlt", "prepaid"),
        ("port dû", "collect"),
        ("PRE", "prepaid"),  # DCSA paymentTermCode
        ("COL", "collect"),
    ],
)
def test_freight_terms(span: str, terms: str) -> None:
    assert codes.freight_terms(span) == terms


@pytest.mark.parametrize(
    ("span", "number"),
    [("MSCU 123456-5", "MSCU1234565"), ("mscu1234565", "MSCU1234565"), ("MSCU 12345O-5", "MSCU1234505")],
)
def test_container_numbers_are_iso6346_with_ocr_confusions_undone(span: str, number: str) -> None:
    assert codes.container_number(span) == number


@pytest.mark.parametrize(
    ("span", "size_type"),
    [
        ("40' HIGH CUBE", "40HC"),
        ("40HQ", "40HC"),
        ("45G1", "40HC"),
        ("22G1", "20GP"),
        ("20' DV", "20GP"),
        ("20DC", "20GP"),
        ("42G1", "40GP"),
        ("45R1", "40RF"),
        ("40'", None),
        ("20 FT", None),
    ],
)
def test_size_types_by_length_and_type_and_a_size_alone_is_null(span: str, size_type: str | None) -> None:
    assert codes.size_type(span) == size_type


@pytest.mark.parametrize(
    ("span", "package"),
    [
        ("CTNS", "carton"),
        ("cartons", "carton"),
        ("PLTS", "pallet"),
        ("pallets", "pallet"),
        ("skids", "pallet"),
        ("PKGS", "package"),
        ("IBC", "ibc"),
        ("PX", "pallet"),
    ],
)
def test_package_types_are_the_singular_canonical_word(span: str, package: str) -> None:
    assert codes.package_type(span) == package


def test_hs_code_is_digits_only() -> None:
    assert codes.hs_code("8471.30") == "847130"
    with pytest.raises(Unreadable):
        codes.hs_code("84")


def test_dangerous_goods_parts() -> None:
    assert codes.un_number("UN 1263") == "UN1263"
    assert codes.un_number("1263") == "UN1263"
    assert codes.hazard_class("CLASS 3") == "3"
    assert codes.hazard_class("2.1") == "2.1"


@pytest.mark.parametrize(
    ("name", "placeholder"),
    [
        ("SAME AS CONSIGNEE", True),
        ("Same as cnee", True),
        ("IDEM", True),
        ("IDEM DESTINATAIRE", True),
        ("AS ABOVE", True),
        ("--", True),
        ("N/A", True),
        ("WIE EMPFÄNGER", True),
        ("IGUAL AL CONSIGNATARIO", True),
        ("TO ORDER", False),  # a party with that name, the contract says
        ("IDEMITSU KOSAN CO LTD", False),
        ("SAMEDAY LOGISTICS", False),
    ],
)
def test_party_placeholders(name: str, placeholder: bool) -> None:
    assert codes.is_placeholder(name) is placeholder
