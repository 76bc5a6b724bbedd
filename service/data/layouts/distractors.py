"""Identifiers and dates of other papers that documents print next to their own: never labelled.

Booking numbers, shipper's references, customs declarations and invoice numbers look
like document numbers, and a booking or cut-off date like the issue date; a model must
learn which caption makes a number the document's or a date its issue or sailing date.
"""

from __future__ import annotations

import datetime as dt
import random
import string

from service.data.formats import sample_date
from service.data.shipment import Shipment

KINDS = ("booking_number", "shipper_reference", "customs_reference", "invoice_number", "other_date")


def _digits(k: int, rng: random.Random) -> str:
    return "".join(rng.choices(string.digits, k=k))


def _letters(k: int, rng: random.Random) -> str:
    return "".join(rng.choices(string.ascii_uppercase, k=k))


def identifier(kind: str, shipment: Shipment, rng: random.Random) -> str:
    """A plausible number of `kind` for this shipment's year."""
    issued = (
        shipment.issue_date.value
        if shipment.issue_date and shipment.issue_date.value
        else dt.date(2026, 3, 2)
    )
    year = issued.year
    yy = f"{year % 100:02d}"
    if kind == "other_date":  # written in the document's own date convention, like the labelled dates
        return sample_date(issued - dt.timedelta(days=rng.randint(1, 20)), shipment.style, rng).printed
    if kind == "booking_number":
        return rng.choice(
            (
                f"{_digits(3, rng)}{_letters(3, rng)}{_digits(7, rng)}",
                _digits(10, rng),
                f"BKG{_digits(8, rng)}",
            )
        )
    if kind == "shipper_reference":
        return rng.choice(
            (f"PO {_digits(10, rng)}", f"{_letters(3, rng)}-{yy}/{_digits(4, rng)}", f"ORD{_digits(6, rng)}")
        )
    if kind == "customs_reference":
        country = rng.choice(("DE", "NL", "FR", "IT", "ES", "PL", "BE"))
        return rng.choice(
            (
                f"{yy}{country}{_digits(12, rng)}{_letters(1, rng)}{_digits(1, rng)}",
                f"X{year}{_digits(10, rng)}",
            )
        )
    if kind == "invoice_number":
        return rng.choice(
            (f"INV-{year}-{_digits(5, rng)}", f"CI{_digits(7, rng)}", f"{yy}/{_digits(5, rng)}")
        )
    raise KeyError(kind)
