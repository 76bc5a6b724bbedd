"""The goods phrase of a free-text goods line, and a hazard class read through wrapped words."""

from __future__ import annotations

import pytest

from service.readers.goods import goods_phrase, hazard_class, tariff_number
from service.readers.spans import Span


def _lines(*parts: str) -> tuple[str, list[Span]]:
    """A document holding `parts` as elements, `*` between them, and their spans."""
    document, spans = "", []
    for part in parts:
        document += "N10**"
        spans.append(Span(part, ((len(document), len(document) + len(part)),)))
        document += part + "~\n"
    return document, spans


@pytest.mark.parametrize(
    ("parts", "phrase"),
    [
        (("MACHINE TOOL SPARE PARTS",), "MACHINE TOOL SPARE PARTS"),
        (
            ("1 CONTAINER 20 FT CONTAINING 40 CARTONS . 8466.93 MACHINE", "TOOLS . REF: PO 5521"),
            "MACHINE TOOLS",
        ),
        (("2 TANKS CONTAINING: 40,000 KGS OF GLYCEROL . FREIGHT PREPAID",), "GLYCEROL"),
        (("12 DRUMS OF 200 L . PAINT", "RELATED MATERIAL . REF: PO 5521"), "PAINT RELATED MATERIAL"),
        (("ETHANOL SOLUTION, CLASS 3, UN 1170, PG II",), "ETHANOL SOLUTION"),
        (("500 KGS NET OF DRIED FIGS NCM: 0804.20",), "DRIED FIGS"),
        (("-03-CONTAINERS WITH 900 BAGS OF ROASTED COFFEE BEANS. ORIGIN: KENYA",), "ROASTED COFFEE BEANS"),
        (("WOODEN TOY", "S."), "WOODEN TOY S"),  # a mid-word wrap stays split, as printed
        ((".",), "."),  # nothing but a dot: kept as written
        (("COTTON T-SHIRTS", "HS 6109.10"), "COTTON T-SHIRTS"),
        (("LITHIUM BATTERIES UN3480 CLASS 9",), "LITHIUM BATTERIES"),
        (("LEATHER SHOES ART. NO. 381447",), "LEATHER SHOES ART. NO. 381447"),
        (("Steel wire, dia. 2.50MM . FREIGHT PREPAID",), "Steel wire, dia. 2.50MM"),
    ],
)
def test_goods_phrase(parts: tuple[str, ...], phrase: str) -> None:
    document, spans = _lines(*parts)
    found = goods_phrase(document, spans)
    assert found is not None and found.value == phrase


def test_goods_phrase_pieces_stand_in_the_document() -> None:
    document, spans = _lines("40 CARTONS . MACHINE TOOL SPA", "RE PARTS . REF: 1")
    found = goods_phrase(document, spans)
    assert found is not None
    assert [document[start:end] for start, end in found.pieces] == ["MACHINE TOOL SPA", "RE PARTS"]


@pytest.mark.parametrize(
    ("parts", "hazard"),
    [
        (("PAINT, IMO CLA", "SS: 3 UN: 1263"), "3"),
        (("ETHANOL, Class 3, UN 1170",), "3"),
        (("CHLORINE IMO 2.3 UN 1017",), "2.3"),
        (("MACHINE PARTS",), None),
    ],
)
def test_hazard_class_from_free_text(parts: tuple[str, ...], hazard: str | None) -> None:
    document, spans = _lines(*parts)
    found = hazard_class(document, spans)
    assert (found.value if found else None) == hazard


def test_a_tariff_number_the_text_labels_is_read() -> None:
    document, spans = _lines("COTTON T-SHIRTS", "HS 6109.10 . PO 4471")
    found = tariff_number(document, spans)
    assert found is not None and found.value == "6109.10"
    assert (
        tariff_number(*_lines("COTTON T-SHIRTS 4471.2020")) is None
    )  # unlabelled digits are no tariff number
