"""Span offsets index the submitted text exactly, in one run or in pieces."""

from __future__ import annotations

from service.extraction.locate import locate

TEXT = (
    "SHIPPER: Müller & Söhne GmbH      CONSIGNEE: 東京 TRADING\n"
    "Hauptstraße 5                     1-2 Chiyoda\n"
    "20095 Hamburg                     TOKYO\n"
    "UN 1263 CLASS 3\n"
)


def _texts(span: str) -> list[str]:
    pieces = locate(span, TEXT)
    assert pieces is not None
    return [TEXT[p.start : p.end] for p in pieces]


def test_a_span_printed_in_one_run_is_one_piece_with_exact_offsets_in_non_ascii_text() -> None:
    assert _texts("Müller & Söhne GmbH") == ["Müller & Söhne GmbH"]
    assert _texts("東京 TRADING") == ["東京 TRADING"]


def test_a_value_spread_over_a_boxed_form_is_several_pieces_in_order() -> None:
    assert _texts("Hauptstraße 5 20095 Hamburg") == ["Hauptstraße 5", "20095 Hamburg"]


def test_a_short_span_prefers_a_whole_word_over_part_of_another() -> None:
    pieces = locate("3", TEXT)
    assert pieces is not None and TEXT[pieces[0].start - 6 : pieces[0].end] == "CLASS 3"


def test_a_span_the_text_does_not_print_is_not_located() -> None:
    assert locate("Hamburg Hauptstraße Berlin", TEXT) is None


def test_pieces_out_of_order_are_located_only_when_no_order_prints_the_span() -> None:
    pieces = locate("Hamburg Hauptstraße", TEXT)
    assert pieces is not None and [TEXT[p.start : p.end] for p in pieces] == ["Hamburg", "Hauptstraße"]
    assert pieces[0].start > pieces[1].start
    assert locate("MAERSK", TEXT) is None


def test_a_wrong_first_choice_is_undone_when_the_rest_is_not_printed_after_it() -> None:
    text = "| MARKS A | x |\n| B | y |\n| C/NO. 1-7 |\nother line: MARKS A B\n"
    pieces = locate("MARKS A B C/NO. 1-7", text)
    assert pieces is not None
    assert [text[p.start : p.end] for p in pieces] == ["MARKS A", "B", "C/NO. 1-7"]
    boxed = "| Socialist Republic | x |\n| of Vietnam | y |\n| Hanoi, Socialist Republic of Viet Nam |"
    pieces = locate("Socialist Republic of Vietnam", boxed)
    assert pieces is not None
    assert [boxed[p.start : p.end] for p in pieces] == ["Socialist Republic", "of Vietnam"]
