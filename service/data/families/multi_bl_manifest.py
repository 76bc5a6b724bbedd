"""A cargo manifest listing several bills of lading, each with its parties, containers and goods.

The voyage header (manifest number, carrier, vessel, ports, dates) is stated once for
all bills. Parties and freight terms are labelled only when the manifest states them
once at the top; when each bill carries its own, the shipment's parties go on the first
bill, other bills get parties of their own, and the label's parties and terms are null
(the contract: "parties and terms only when stated once for all").
"""

from __future__ import annotations

import random

from service.data import parties
from service.data.families import LayoutFamily
from service.data.families._bills import Bill, split_bills
from service.data.families._fieldtext import fitting_caption, party_inline
from service.data.families._grid import BLANKS, goods_rows, headers, render
from service.data.families._header import Groups, entries, kv_lines
from service.data.noise import page_footer, rule_line
from service.data.shipment import Party, Shipment
from service.data.terms import sample_freight_terms

_PARTY_KEYS = ("shipper", "consignee", "notify_party")
_TERMS = ("incoterm", "freight_terms")


def _bill_parties(shipment: Shipment, bills: list[Bill], rng: random.Random) -> list[list[Party | None]]:
    """Per bill: shipper, consignee, notify; the first bill has the shipment's own (where set)."""
    first = [getattr(shipment, key) for key in _PARTY_KEYS]
    countries = parties.countries_with_styles()
    origin = next((p.country for p in first[:1] if p and p.country), None) or rng.choice(countries)
    destination = next((p.country for p in first[1:] if p and p.country), None) or rng.choice(countries)
    found = []
    for number in range(len(bills)):
        own = list(first) if number == 0 else [None, None, None]
        own[0] = own[0] or parties.sample_party(origin, rng)
        own[1] = own[1] or parties.sample_party(destination, rng)
        if number and rng.random() < 0.5:
            own[2] = parties.sample_party(destination, rng)
        found.append(own)
    return found


def _bill_block(
    bill: Bill, own: list[Party | None], terms: list[str], shipment: Shipment, rng: random.Random, sep: str
) -> list[str]:
    key = "hawb_number" if shipment.transport_mode == "air" else "bl_number"
    lines = [f"{fitting_caption(key, shipment, rng)}{sep}{bill.number}"]
    for key, party in zip(_PARTY_KEYS, own, strict=True):
        if party is not None:
            lines.append(f"  {fitting_caption(key, shipment, rng)}{sep}{party_inline(party)}")
    lines += [f"  {term}" for term in terms]
    for container in bill.containers:
        size = container.size.printed if container.size else ""
        lines.append(f"  {container.number_printed}  {container.seal or ''}  {size}".rstrip())
    if bill.items:
        keys = ["marks", "packages", "description", "weight", "volume"]
        table = render(headers(keys, shipment, rng), goods_rows(bill.items, keys, rng), rng.choice(BLANKS))
        lines += [f"  {line}" for line in table]
    return lines


def _render(shipment: Shipment, rng: random.Random) -> str:
    sep = rng.choice((": ", " : ", ":\t"))
    bills = split_bills(shipment, rng)
    per_bill = len(bills) > 1 and rng.random() < 0.6
    own: list[list[Party | None]] = [[None] * 3 for _ in bills]
    if per_bill:
        own = _bill_parties(shipment, bills, rng)
    terms = [
        f"{fitting_caption(key, shipment, rng)}{sep}{value.printed}"
        for key, value in (("incoterm", shipment.incoterm), ("freight_terms", shipment.freight_terms))
        if value is not None
    ]
    if per_bill:
        shipment.drop(*_PARTY_KEYS, *_TERMS)
    groups: Groups = entries(shipment, rng)
    width = rng.randint(80, 100)
    lines = [shipment.title.center(width).rstrip(), ""]
    lines += kv_lines(groups.reference + groups.routing, rng, sep, pair_width=rng.choice((0, 46)))
    if groups.parties or groups.terms:
        lines += ["", *kv_lines(groups.parties + groups.terms, rng, sep)]
    for number, bill in enumerate(bills):
        lines += [rule_line(width, rng)]
        if per_bill and number:
            freight = sample_freight_terms(shipment.style.language, rng).printed
            terms = [f"{fitting_caption('freight_terms', shipment, rng)}{sep}{freight}"]
        lines += _bill_block(bill, own[number], terms if per_bill else [], shipment, rng, sep)
    lines.append(rule_line(width, rng))
    totals = [
        f"{fitting_caption(key, shipment, rng)}{sep}{value.printed}"
        for key, value in (
            ("total_packages", shipment.total_packages),
            ("total_gross_weight", shipment.total_gross_weight),
            ("total_volume", shipment.total_volume),
        )
        if value is not None
    ]
    if totals:
        kind = "HAWB" if shipment.transport_mode == "air" else "B/L"
        lines.append(f"{len(bills)} {kind}   " + "   ".join(totals))
    lines += shipment.remarks
    if rng.random() < 0.5:
        lines += ["", page_footer(shipment.style.language, 1, 1, rng)]
    return "\n".join(lines) + "\n"


FAMILY = LayoutFamily("multi_bl_manifest", ("cargo_manifest",), _render)
