"""The manifest walk: unreadable spans become null at the nearest nullable place, and are counted."""

from __future__ import annotations

from typing import Any

from service.manifest import Manifest
from service.normalise import normalise


def _extraction(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "document_type": "bill_of_lading",
        "transport_mode": "sea",
        "date_order": "day_first",
        "decimal_mark": "point",
        "document_number": None,
        "issue_date": None,
        "carrier": None,
        "vessel_or_flight": None,
        "voyage": None,
        "shipper": None,
        "consignee": None,
        "notify_party": None,
        "port_of_loading": None,
        "port_of_discharge": None,
        "place_of_delivery": None,
        "departure_date": None,
        "arrival_date": None,
        "incoterm": None,
        "freight_terms": None,
        "containers": [],
        "items": [],
        "total_packages": None,
        "total_gross_weight": None,
        "total_volume": None,
    }
    return base | fields


def test_a_readable_extraction_gives_a_contract_valid_manifest() -> None:
    result = normalise(
        _extraction(
            document_number="HLCU  HAM2603",
            issue_date="14 MAR 26",
            shipper={
                "name": "ACME GMBH",
                "address": "HAUPTSTR. 5 20095 HAMBURG Deutschland",
                "country": "Deutschland",
            },
            containers=[{"number": "MSCU 123456-5", "seal": "SL 778", "size_type": "40' HIGH CUBE"}],
            items=[
                {
                    "description": "MACHINE PARTS",
                    "hs_code": "8471.30",
                    "quantity": "12",
                    "package_type": "PLTS",
                    "gross_weight": {"value": "12.500,00", "unit": "KGS"},
                    "volume": {"value": "23,4", "unit": "CBM"},
                    "marks": "N/M",
                    "dangerous_goods": {"un_number": "UN 1263", "hazard_class": "3"},
                }
            ],
            decimal_mark="comma",
        )
    )
    manifest = result.manifest
    Manifest.model_validate(manifest)
    assert result.unreadable == []
    assert manifest["document_number"] == "HLCU HAM2603"
    assert manifest["issue_date"] == "2026-03-14"
    assert manifest["shipper"] == {
        "name": "ACME GMBH",
        "address": "HAUPTSTR. 5 20095 HAMBURG Deutschland",
        "country": "DE",
    }
    assert manifest["containers"] == [{"number": "MSCU1234565", "seal": "SL 778", "size_type": "40HC"}]
    assert manifest["items"][0] | {"description": "x"} == {
        "description": "x",
        "hs_code": "847130",
        "quantity": 12,
        "package_type": "pallet",
        "gross_weight": {"value": 12500, "unit": "kg"},
        "volume_cbm": 23.4,
        "marks": "N/M",
        "dangerous_goods": {"un_number": "UN1263", "hazard_class": "3"},
    }


def test_unreadable_spans_become_null_where_the_contract_allows_and_are_counted() -> None:
    result = normalise(_extraction(issue_date="SOON", incoterm="BEST PRICE", total_packages="many"))
    assert (
        result.manifest["issue_date"],
        result.manifest["incoterm"],
        result.manifest["total_packages"],
    ) == (
        None,
        None,
        None,
    )
    assert result.unreadable == ["issue_date", "incoterm", "total_packages"]


def test_an_unreadable_required_leaf_nulls_its_parent_or_drops_the_entry() -> None:
    result = normalise(
        _extraction(
            total_gross_weight={"value": "12,500", "unit": "BARRELS"},
            containers=[{"number": "NOT A BOX", "seal": None, "size_type": None}],
            items=[
                {
                    "description": "TOYS",
                    "hs_code": None,
                    "quantity": None,
                    "package_type": None,
                    "gross_weight": None,
                    "volume": None,
                    "marks": None,
                    "dangerous_goods": {"un_number": "UN 12", "hazard_class": "3"},
                }
            ],
        )
    )
    Manifest.model_validate(result.manifest)
    assert result.manifest["total_gross_weight"] is None
    assert result.manifest["containers"] == []
    assert result.manifest["items"][0]["dangerous_goods"] is None
    assert result.unreadable == ["containers.number", "items.dangerous_goods.un_number", "total_gross_weight"]


def test_a_copied_string_longer_than_the_contract_allows_is_null_not_cut() -> None:
    result = normalise(_extraction(voyage="V" * 31))
    assert result.manifest["voyage"] is None
    assert result.unreadable == ["voyage"]


def test_a_party_box_that_names_no_party_is_null_and_not_counted() -> None:
    notify = {"name": "SAME AS CONSIGNEE", "address": None, "country": None}
    result = normalise(_extraction(notify_party=notify))
    assert result.manifest["notify_party"] is None
    assert result.unreadable == []
