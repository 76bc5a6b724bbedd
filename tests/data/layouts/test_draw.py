"""Grids: borders, per-row widths, alignment, and cells that are padded but never cut."""

from __future__ import annotations

from service.data.layouts.draw import BORDERS, fit, grid, widths_for


def test_an_ascii_table_has_rules_junctions_and_aligned_cells() -> None:
    lines = grid([[["No."], ["Weight"]], [["1"], ["8,420 KGS"]]], [[3, 9]] * 2, BORDERS["ascii"], {1})
    assert lines == [
        "+-----+-----------+",
        "| No. |    Weight |",
        "+-----+-----------+",
        "| 1   | 8,420 KGS |",
        "+-----+-----------+",
    ]


def test_rows_with_different_columns_meet_at_matching_junctions() -> None:
    lines = grid([[["a"], ["b"]], [["c"]]], [[3, 3], [9]], BORDERS["light"])
    assert lines[0] == "┌─────┬─────┐"
    assert lines[2] == "├─────┴─────┤"
    assert lines[-1] == "└───────────┘"


def test_a_word_longer_than_its_column_widens_it_instead_of_being_cut() -> None:
    lines = grid([[["MSCU1234565"], ["x"]]], [[4, 2]], BORDERS["double"])
    assert "║ MSCU1234565 ║ x  ║" in lines


def test_no_border_draws_only_padding() -> None:
    lines = grid(
        [[["Shipper"], ["Consignee"]], [["ACME"], ["B"]]], [[8, 9]] * 2, BORDERS["none"], rules=False
    )
    assert lines == [" Shipper   Consignee", " ACME      B"]


def test_fit_wraps_at_spaces_only_and_widths_fill_the_page() -> None:
    assert fit("CARTONS OF FROZEN FISH", 10) == ["CARTONS OF", "FROZEN", "FISH"]
    assert fit("MSCU1234565", 5) == ["MSCU1234565"]
    widths = widths_for(80, [1.0, 1.0], BORDERS["ascii"])
    assert len(grid([[["a"], ["b"]]], [widths], BORDERS["ascii"])[0]) == 80
