"""A forwarder's house air waybill (HAWB) printed as a key/value sheet.

The forwarder's letterhead (a decoy company), the HAWB number as the document's number
with the master AWB it travels under as a decoy, then one field per line, the goods as
numbered lines and the shipment totals with a decoy chargeable weight. A house air
waybill lists no containers, so they are dropped.
"""

from __future__ import annotations

import random

from service.data.families import LayoutFamily
from service.data.families._fieldtext import fitting_caption, item_notes, packages_text
from service.data.families._header import Entry, aligned_lines, entries
from service.data.shipment import Item, Shipment

_FORWARDERS = (
    ("SKYBRIDGE FREIGHT SERVICES", "Cargo City Sued, Geb. 558, 60549 Frankfurt"),
    ("Aerolink Logistics Ltd", "Unit 4, Skyport Drive, Harmondsworth UB7 0LB"),
    ("Transvia Air Cargo S.A.", "Aeropuerto Barajas, Centro de Carga Nave 3, Madrid"),
    ("Nordair Forwarding A/S", "Copenhagen Airport Cargo Center, 2770 Kastrup"),
    ("Pacific Rim Air Express", "8 Changi South Lane, Singapore 486113"),
)


def _goods_line(number: str, item: Item, rng: random.Random) -> str:
    """ "1) BLUETOOTH SPEAKERS - 46 CTNS - 612.5 K - 3.12 M3 - HS ..." with what the item states."""
    parts = [item.description, packages_text(item)]
    parts += [v.printed for v in (item.gross_weight, item.volume) if v is not None]
    parts += item_notes(item, rng)
    if item.marks:
        parts.append(f"Marks: {item.marks}")
    return number + " - ".join(p for p in parts if p)


def _render(shipment: Shipment, rng: random.Random) -> str:
    shipment.drop("containers")
    name, address = rng.choice(_FORWARDERS)
    groups = entries(shipment, rng, skip=("document_number",))
    top = []
    if shipment.document_number:
        top.append(Entry(fitting_caption("hawb_number", shipment, rng), shipment.document_number))
    mawb = f"{rng.randint(100, 999)}-{rng.randint(1000000, 9999999)}{rng.randint(0, 6)}"
    top.insert(rng.randint(0, len(top)), Entry(rng.choice(("MAWB", "MAWB No.", "Master AWB")), mawb))
    totals = [
        Entry(fitting_caption(key, shipment, rng), value.printed)
        for key, value in (
            ("total_packages", shipment.total_packages),
            ("total_gross_weight", shipment.total_gross_weight),
            ("total_volume", shipment.total_volume),
        )
        if value is not None
    ]
    if shipment.total_gross_weight:
        chargeable = f"{shipment.total_gross_weight.value * rng.uniform(1.0, 1.4):.1f}"
        if shipment.style.decimal_comma:
            chargeable = chargeable.replace(".", ",")
        totals.append(Entry(fitting_caption("chargeable_weight", shipment, rng), chargeable))
    blocks = [top + groups.reference, groups.parties, groups.routing, groups.terms, totals]
    width = max(len(e.caption) + 1 for block in blocks for e in block)
    right = rng.random() < 0.3
    lines = [name, address, "", shipment.title, ""]
    for block in blocks:
        if block:
            lines += [*aligned_lines(block, rng, width, right), ""]
    if shipment.items:
        lines.append(fitting_caption("description", shipment, rng) + ":")
        numbering = rng.choice(("{}) ", "{}. ", "{}  "))
        lines += [_goods_line(numbering.format(n), item, rng) for n, item in enumerate(shipment.items, 1)]
    if shipment.remarks:
        lines += ["", f"{fitting_caption('remarks', shipment, rng)}:", *shipment.remarks]
    if rng.random() < 0.5:
        lines += ["", f"Printed {rng.choice(('by', 'from'))} {name.split()[0].title()} TMS"]
    return "\n".join(lines) + "\n"


FAMILY = LayoutFamily("awb_house_list", ("air_waybill",), _render)
