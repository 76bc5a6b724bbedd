"""The packing list form: seller and buyer, carton marks, net weights as decoys beside gross."""

from __future__ import annotations

import re

from service.data.captions import CAPTIONS
from service.data.families import all_families
from tests.data.families.shipments_a import FACTORIES as OCEAN
from tests.data.families.shipments_b import FACTORIES, render_checked, sampled

FAMILY = all_families()["packing_list_form"]
BUYER_CAPTIONS = {c for language in ("es", "en") for c in CAPTIONS["buyer"][language]}


def test_fixtures_print_every_label_value() -> None:
    for seed in range(30):
        render_checked(FAMILY, FACTORIES["packing_list"](), seed)
        render_checked(FAMILY, OCEAN["packing_list"](), seed)


def test_sampled_shipments_print_every_label_value() -> None:
    for shipment, seed in sampled(FAMILY):
        render_checked(FAMILY, shipment, seed)


def test_net_weight_is_printed_below_gross_and_only_gross_is_labelled() -> None:
    for seed in range(20):
        shipment = FACTORIES["packing_list"]()
        lines = render_checked(FAMILY, shipment, seed).splitlines()
        row = next(line for line in lines if "AZULEJOS DE CERAMICA ESMALTADA 30X60" in line)
        weights = re.findall(r"\d\.\d{3},\d\d", row)  # thousands dot, decimal comma: the weights
        net, gross = (float(w.replace(".", "").replace(",", ".")) for w in weights[:2])
        assert gross == 2880 and 0.85 * gross < net < gross
        assert shipment.to_label()["items"][0]["gross_weight"] == {"value": 2880, "unit": "kg"}


def test_seller_and_buyer_map_to_shipper_and_consignee() -> None:
    for seed in range(10):
        shipment = FACTORIES["packing_list"]()
        text = render_checked(FAMILY, shipment, seed)
        label = shipment.to_label()
        assert label["shipper"]["name"] == "Cerámicas del Turia S.L."
        assert label["consignee"]["name"] == "Casa & Baño Importaciones S.A. de C.V."
        lines = text.splitlines()
        buyer = next(i for i, line in enumerate(lines) if line.startswith("Casa & Baño Importaciones")) - 1
        assert lines[buyer].split("  ")[0] in BUYER_CAPTIONS and "INV-" in text
