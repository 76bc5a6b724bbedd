"""The CMR note: numbered bilingual boxes, taking over as loading place, no port of discharge."""

from __future__ import annotations

import re

from service.data.families import all_families
from tests.data.families.shipments_b import FACTORIES, render_checked, sampled

FAMILY = all_families()["cmr_boxes"]
BOX = re.compile(r"(?:^|(?<=\s\s))(\d{1,2}) (?=\w)", re.MULTILINE)


def test_fixtures_print_every_label_value() -> None:
    for seed in range(30):
        render_checked(FAMILY, FACTORIES["road_consignment_note"](), seed)


def test_sampled_shipments_print_every_label_value() -> None:
    for shipment, seed in sampled(FAMILY):
        render_checked(FAMILY, shipment, seed)


def test_road_note_has_no_port_of_discharge_or_notify_party() -> None:
    shipment = FACTORIES["road_consignment_note"]()
    text = render_checked(FAMILY, shipment, 0)
    label = shipment.to_label()
    assert label["port_of_discharge"] is None and label["notify_party"] is None
    assert "Milano" not in text and "IT MIL" not in text
    assert label["port_of_loading"] == {"name": "Duisburg", "unlocode": "DEDUI"}


def test_boxes_are_numbered_in_form_order_with_two_languages() -> None:
    for seed in range(10):
        text = render_checked(FAMILY, FACTORIES["road_consignment_note"](), seed)
        found = [(int(m.group(1)), m.start()) for m in BOX.finditer(text)]
        numbers = [n for n, _ in found]
        assert set(numbers) >= {*range(1, 20), *range(21, 25)}
        assert [n for n in numbers if n <= 5] == [1, 2, 3, 4, 5]
        assert [n for n in numbers if 16 <= n <= 19] == [16, 17, 18, 19]
        first = text[dict(found)[1] :].split("\n")[0]
        assert " / " in first and "16 " in first  # carrier box beside the sender box


def test_taking_over_box_holds_place_and_date() -> None:
    for seed in range(10):
        lines = render_checked(FAMILY, FACTORIES["road_consignment_note"](), seed).splitlines()
        index = next(i for i, line in enumerate(lines) if line.startswith("4 "))
        box = " ".join(lines[index : index + 2])
        assert "Duisburg" in box and "06.05.2026" in box
