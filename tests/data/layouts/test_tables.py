"""Goods lists: in some documents the count leads the goods phrase ("5 cartons cotton towels")."""

from __future__ import annotations

import random

from service.data.families._fieldtext import packages_text
from service.data.layouts.captioner import Captioner
from service.data.layouts.styles import LayoutStyle
from service.data.layouts.tables import cargo_list
from service.data.world import sample_shipment


def test_some_lists_lead_with_the_count_and_all_print_every_description() -> None:
    leading = trailing = 0
    for seed in range(40):
        rng = random.Random(seed)
        shipment = sample_shipment("arrival_notice", rng)
        cap = Captioner.for_document(LayoutStyle("en", "kv", "none"), shipment, rng)
        text = "\n".join(cargo_list(shipment.items, cap, rng, dg_apart=False))
        for item in shipment.items:
            assert item.description in text
            count = packages_text(item)
            if count:
                led = any(f"{count}{sep}{item.description}" in text for sep in (" ", " x ", " of "))
                leading += led
                trailing += not led and count in text
    assert leading > 10 and trailing > 10
