"""The dotted-leaders report: captions run out to a value column, parties continue under it."""

from __future__ import annotations

import pytest

from service.data.families import all_families
from tests.data.families.shipments_b import FACTORIES, render_checked, sampled

FAMILY = all_families()["dotted_leaders_export"]


@pytest.mark.parametrize("document_type", sorted(FACTORIES))
def test_fixtures_print_every_label_value(document_type: str) -> None:
    for seed in range(20):
        render_checked(FAMILY, FACTORIES[document_type](), seed)


def test_sampled_shipments_print_every_label_value() -> None:
    for shipment, seed in sampled(FAMILY):
        render_checked(FAMILY, shipment, seed)


def test_party_lines_continue_under_the_value_column() -> None:
    for seed in range(20):
        lines = render_checked(FAMILY, FACTORIES["bill_of_lading"](), seed).splitlines()
        first = next(i for i, line in enumerate(lines) if line.endswith(" Tri-State Packaging Supply LLC"))
        column = len(lines[first]) - len("Tri-State Packaging Supply LLC")
        following = lines[first + 1]
        assert following.strip() in ("4100 Harbor Blvd", "4100 Harbor Blvd Newark, NJ 07114, USA")
        assert len(following) - len(following.lstrip()) == column


def test_every_field_line_has_a_leader_run() -> None:
    for seed in range(20):
        text = render_checked(FAMILY, FACTORIES["road_consignment_note"](), seed)
        line = next(line for line in text.splitlines() if line.rstrip().endswith("CMR 0417755"))
        assert any(run in line for run in ("...", "___", "---", " . . ."))
        assert "Milano" not in text
