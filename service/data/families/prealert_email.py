"""A forwarder's pre-alert e-mail relaying a bill of lading, sea waybill or air waybill.

The label is the relayed document's, with its number. The mail has headers, a greeting,
an introduction naming the document, often a sentence on the departure (vessel or
flight, origin, date), the remaining fields as a key/value list, the containers and a
short goods list, and a signature whose company, phone and address are decoys.
"""

from __future__ import annotations

import random

from service.data.families import LayoutFamily
from service.data.families._fieldtext import fitting_caption, item_notes, packages_text, place_text
from service.data.families._header import entries, kv_lines
from service.data.families._prose import (
    CLOSING,
    DEPARTED,
    GREETING,
    PREALERT_INTRO,
    PREALERT_PLAIN,
    SENDERS,
    SIGN_OFF,
    SUBJECT_WORD,
    phrase,
)
from service.data.shipment import Item, Shipment

_KINDS = {
    "bill_of_lading": ("B/L", "HBL", "MBL", "Bill of Lading", "BL"),
    "sea_waybill": ("SWB", "Sea Waybill", "waybill", "Seawaybill"),
    "air_waybill": ("MAWB", "AWB", "HAWB", "air waybill"),
}
_DOMAINS = (
    "globalfwd.com",
    "transmar-logistics.de",
    "bluewave-cargo.nl",
    "alfa-spedizioni.it",
    "cargolink.fr",
)
_FORWARDERS = ("Transmar Logistics GmbH", "Bluewave Cargo B.V.", "Alfa Spedizioni S.r.l.", "CargoLink SAS",
               "Global Forwarding Ltd", "Iberlog Transitarios S.L.")  # fmt: skip


def _goods_line(item: Item, rng: random.Random, bullet: str) -> str:
    """One goods line of the list: packages, the description, then weight, volume and notes."""
    parts = [packages_text(item), item.description]
    head = " x ".join(p for p in parts if p) if rng.random() < 0.3 else " ".join(p for p in parts if p)
    tail = [v.printed for v in (item.gross_weight, item.volume) if v is not None]
    tail += item_notes(item, rng)
    if item.marks:
        tail.append(f"marks {item.marks}" if rng.random() < 0.5 else f"M/N: {item.marks}")
    return f"{bullet}{head}" + "".join(f", {t}" for t in tail)


def _departure(shipment: Shipment, rng: random.Random) -> tuple[str | None, tuple[str, ...]]:
    """The departure sentence and the fields it printed, when vehicle, origin and date are set."""
    vehicle, origin, date = shipment.vessel_or_flight, shipment.port_of_loading, shipment.departure_date
    if not (vehicle and origin and date) or rng.random() < 0.35:
        return None, ()
    used: tuple[str, ...] = ("vessel_or_flight", "port_of_loading", "departure_date")
    if shipment.voyage:
        vehicle = f"{vehicle} voy. {shipment.voyage}"
        used += ("voyage",)
    sentence = phrase(DEPARTED, shipment.style.language, rng)
    return sentence.format(origin=place_text(origin, rng), date=date.printed, vehicle=vehicle), used


def _render(shipment: Shipment, rng: random.Random) -> str:
    language = shipment.style.language
    kind = rng.choice(_KINDS[shipment.document_type])
    number = shipment.document_number
    sender = rng.choice(SENDERS)
    domain = rng.choice(_DOMAINS)
    subject = [phrase(SUBJECT_WORD, language, rng), f"{kind} {number}" if number else kind]
    if shipment.vessel_or_flight and rng.random() < 0.5:
        subject.append(shipment.vessel_or_flight)
    lines = [
        f"From: {sender} <{sender.lower().replace(' ', '.')}@{domain}>",
        f"To: import@{rng.choice(_DOMAINS)}",
        f"Subject: {rng.choice((' / ', ' // ', ' - ')).join(subject)}",
        "",
        phrase(GREETING, language, rng),
        "",
    ]
    if number:
        lines.append(phrase(PREALERT_INTRO, language, rng).format(kind=kind, number=number))
    else:
        lines.append(phrase(PREALERT_PLAIN, language, rng))
    sentence, used = _departure(shipment, rng)
    if sentence:
        lines.append(sentence)
    lines.append("")
    groups = entries(shipment, rng, skip=("document_number", *used))
    sep = rng.choice((": ", ":\t", " : "))
    for group in (groups.parties, groups.routing, groups.reference, groups.terms):
        lines += kv_lines(group, rng, sep)
    if shipment.containers:
        lines += ["", f"{fitting_caption('container', shipment, rng)}{sep}".rstrip()]
        for container in shipment.containers:
            cells = [
                container.number_printed,
                container.seal,
                container.size.printed if container.size else None,
            ]
            lines.append(" / ".join(c for c in cells if c))
    if shipment.items:
        lines += ["", f"{fitting_caption('description', shipment, rng)}{sep}".rstrip()]
        bullet = rng.choice(("- ", "* ", "  ", "• "))
        lines += [_goods_line(item, rng, bullet) for item in shipment.items]
    totals = [
        f"{fitting_caption(key, shipment, rng)}{sep}{value.printed}"
        for key, value in (
            ("total_packages", shipment.total_packages),
            ("total_gross_weight", shipment.total_gross_weight),
            ("total_volume", shipment.total_volume),
        )
        if value
    ]
    if totals:
        lines.append(rng.choice((", ", " | ", "   ")).join(totals))
    if shipment.remarks:
        lines += ["", *shipment.remarks]
    lines += ["", phrase(CLOSING, language, rng), "", phrase(SIGN_OFF, language, rng), sender]
    lines += [
        rng.choice(_FORWARDERS),
        f"Tel. +{rng.randint(30, 49)} {rng.randint(100, 999)} {rng.randint(10000, 99999)}",
    ]
    return "\n".join(lines) + "\n"


FAMILY = LayoutFamily("prealert_email", ("bill_of_lading", "sea_waybill", "air_waybill"), _render)
