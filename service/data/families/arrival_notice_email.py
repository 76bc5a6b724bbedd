"""A carrier's or agent's arrival notice sent as an e-mail.

The notice's own reference is the document number; the B/L or AWB it refers to is
printed too, as a decoy. Prose announces the arrival (port and ETA), fields follow as a
list, then containers, cargo lines, free-time and charges notes (amounts are no field)
and a signature.
"""

from __future__ import annotations

import random

from service.data.families import LayoutFamily
from service.data.families._fieldtext import fitting_caption, packages_text, place_text
from service.data.families._grid import BLANKS, container_rows, render
from service.data.families._header import entries, kv_lines
from service.data.families._prose import (
    ARRIVAL_SUBJECT,
    ARRIVING,
    ARRIVING_PLAIN,
    CLOSING,
    FREE_TIME,
    GREETING,
    SENDERS,
    SIGN_OFF,
    phrase,
)
from service.data.shipment import Item, Shipment

_LINES = ("MEDU", "MAEU", "HLCU", "CMDU", "ONEY", "COSU", "EGLV", "ZIMU")
_CHARGES = ("THC", "DOC FEE", "D/O FEE", "ISPS", "CLEANING", "LOLO", "CAF")


def _reference(shipment: Shipment, rng: random.Random) -> tuple[str, str]:
    """The transport document the notice refers to: caption and a number that is not the label's."""
    if shipment.transport_mode == "air":
        return "AWB", f"{rng.randint(100, 999)}-{rng.randint(1000000, 9999999)}{rng.randint(0, 6)}"
    prefix = shipment.carrier_code or rng.choice(_LINES)
    return fitting_caption("bl_number", shipment, rng), f"{prefix}{rng.randint(10**8, 10**10)}"


def _cargo_line(item: Item, rng: random.Random) -> str:
    parts = [packages_text(item), item.description]
    parts += [v.printed for v in (item.gross_weight, item.volume) if v is not None]
    parts += [n for n in (item.hs_printed, item.dangerous.printed if item.dangerous else None) if n]
    if item.marks:
        parts.append(item.marks)
    return rng.choice((" - ", " / ", ", ")).join(p for p in parts if p)


def _charges(rng: random.Random, comma: bool) -> list[str]:
    currency = rng.choice(("USD", "EUR"))
    lines = []
    for name in rng.sample(_CHARGES, rng.randint(1, 4)):
        amount = f"{rng.randint(25, 950)}{',' if comma else '.'}{rng.choice(('00', '50'))}"
        lines.append(f"  {name:<10} {currency} {amount}")
    return lines


def _render(shipment: Shipment, rng: random.Random) -> str:
    language = shipment.style.language
    sep = rng.choice((": ", ":\t", " : "))
    sender = rng.choice(SENDERS)
    subject = [phrase(ARRIVAL_SUBJECT, language, rng)]
    if shipment.document_number:
        subject.append(shipment.document_number)
    if shipment.vessel_or_flight:
        subject.append(shipment.vessel_or_flight)
    lines = [
        f"From: {sender} <import.desk@{sender.split()[-1].lower()}-agency.com>",
        f"Subject: {' - '.join(subject)}",
        "",
        phrase(GREETING, language, rng),
        "",
    ]
    pod, eta = shipment.port_of_discharge, shipment.arrival_date
    skip: tuple[str, ...] = ()
    if pod and eta and rng.random() < 0.7:
        lines.append(phrase(ARRIVING, language, rng).format(place=place_text(pod, rng), date=eta.printed))
        skip = ("port_of_discharge", "arrival_date")
    else:
        lines.append(phrase(ARRIVING_PLAIN, language, rng))
    lines.append("")
    groups = entries(shipment, rng, skip)
    reference = kv_lines(groups.reference, rng, sep)
    caption, number = _reference(shipment, rng)
    reference.insert(rng.randint(0, len(reference)), f"{caption}{sep}{number}")
    for group in (reference, kv_lines(groups.routing, rng, sep), kv_lines(groups.parties, rng, sep)):
        lines += [*group, ""]
    lines += kv_lines(groups.terms, rng, sep)
    if shipment.containers:
        caps = [fitting_caption(key, shipment, rng) for key in ("container", "seal", "size_type")]
        lines += ["", *render(caps, container_rows(shipment.containers), rng.choice(BLANKS))]
    if shipment.items:
        lines += ["", f"{fitting_caption('description', shipment, rng)}{sep}".rstrip()]
        lines += [_cargo_line(item, rng) for item in shipment.items]
    for key, value in (
        ("total_packages", shipment.total_packages),
        ("total_gross_weight", shipment.total_gross_weight),
        ("total_volume", shipment.total_volume),
    ):
        if value is not None:
            lines.append(f"{fitting_caption(key, shipment, rng)}{sep}{value.printed}")
    lines += ["", *shipment.remarks]
    lines.append(phrase(FREE_TIME, language, rng).format(days=rng.choice((3, 4, 5, 7, 10, 14))))
    if rng.random() < 0.6:
        lines += ["", rng.choice(("Charges:", "Local charges:", "CHARGES DUE AT DESTINATION:"))]
        lines += _charges(rng, shipment.style.decimal_comma)
    lines += ["", phrase(CLOSING, language, rng), "", phrase(SIGN_OFF, language, rng), sender]
    return "\n".join(lines) + "\n"


FAMILY = LayoutFamily("arrival_notice_email", ("arrival_notice",), _render)
