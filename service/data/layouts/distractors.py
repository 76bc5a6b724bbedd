"""Identifiers, dates and goods figures that documents print next to their own: never labelled.

Booking numbers, shipper's references, customs declarations and invoice numbers look
like document numbers, and a booking or cut-off date like the issue date; a model must
learn which caption makes a number the document's or a date its issue or sailing date.
Goods tables carry columns of the same kind: a net weight printed like the gross one, part
numbers, dimensions, a count of units beside the count of packages, a value.
"""

from __future__ import annotations

import datetime as dt
import random
import string

from service.data.formats import sample_date
from service.data.shipment import Item, Shipment

KINDS = ("booking_number", "shipper_reference", "customs_reference", "invoice_number", "other_date")
GOODS_KINDS = ("net_weight", "part_number", "dimensions", "unit_quantity", "goods_value")


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


def _lighter(printed: str, rng: random.Random) -> str:
    """A figure printed like `printed` (same separators and unit) but smaller: a net weight."""
    first = printed.split(" / ")[0]
    out, leading = [], True
    for char in first:
        if char.isdigit():
            out.append(str(rng.randint(1, max(1, int(char) - 1)) if leading else rng.randint(0, 9)))
            leading = False
        else:
            out.append(char)
    return "".join(out)


def goods_figure(kind: str, item: Item, rng: random.Random) -> str:
    """A goods-table cell of `kind` for `item` (empty where it has nothing to say)."""
    if kind == "net_weight":
        return _lighter(item.gross_weight.printed, rng) if item.gross_weight else ""
    if kind == "part_number":
        return rng.choice(
            (
                f"{_letters(2, rng)}-{_digits(4, rng)}-{_letters(2, rng)}",
                _digits(6, rng),
                f"ART {_digits(5, rng)}",
                f"{_letters(3, rng)}{_digits(3, rng)}/{_digits(2, rng)}",
            )
        )
    if kind == "dimensions":
        sides = [str(rng.randint(10, 240)) for _ in range(3)]
        joiner = rng.choice(("x", " x ", "*", " X "))
        return joiner.join(sides) + rng.choice(("", " cm", " CM", " in", " mm"))
    if kind == "unit_quantity":
        packages = item.quantity.value if item.quantity else 1
        return f"{packages * rng.randint(2, 60)}{rng.choice(('', ' EA', ' PCS', ' SETS', ' pcs', ' units'))}"
    if kind == "goods_value":
        amount = f"{rng.uniform(50, 250_000):,.2f}"
        if rng.random() < 0.5:  # the decimal-comma convention
            amount = amount.replace(",", " ").replace(".", ",").replace(" ", ".")
        currency = rng.choice(("USD", "EUR", "GBP", "CNY", "JPY"))
        return f"{currency} {amount}" if rng.random() < 0.5 else f"{amount} {currency}"
    raise KeyError(kind)
