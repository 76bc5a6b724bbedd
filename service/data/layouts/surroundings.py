"""The world around the fields: letterheads, copy marks, page footers, clauses, e-mail chrome.

None of this text is labelled. It is what real paperwork wraps its fields in (an issuer's
letterhead with phone and web address, "Page 1 of 2", terms and conditions, the headers,
signature and quoted earlier message of an e-mail), so the model learns to look past it.
Wordings here are written for the corpus; companies come from the party generator.
"""

from __future__ import annotations

import datetime as dt
import random

from service.data import noise, parties
from service.data.families._prose import SENDERS, SIGN_OFF, phrase
from service.data.shipment import Shipment

_WEB = ("www.{d}.com", "{d}.com", "www.{d}-logistics.com", "http://www.{d}.net")
_TITLES = (
    "Export Coordinator",
    "Client Services",
    "Operations",
    "Import Desk",
    "Documentation",
    "Key Account Manager",
)
_DISCLAIMERS = (
    "The content of this message is confidential; if you received it in error, please delete it.",
    "All business is undertaken subject to our standard trading conditions, available on request.",
    "Please consider the environment before printing this e-mail.",
    "Any views expressed in this message are those of the sender and do not bind the company.",
)
_CLAUSES = (
    "Shipper's load, stow, weight and count. Said to contain.",
    "Carrier not responsible for any loss or damage arising from insufficient packing or marking.",
    "Demurrage and detention charges apply as per the carrier's tariff in force.",
    "Goods remain at the risk of the merchant until delivered to the carrier's custody.",
    "Freight and charges are payable without deduction, vessel and/or cargo lost or not lost.",
    "Delivery will only be made against surrender of one original document duly endorsed.",
    "Number of originals issued: THREE (3).",
    "Cargo insured by the merchant; carrier's liability limited as per the conditions overleaf.",
)
_REQUESTS = (
    "could you please send us the draft for approval before cut-off?",
    "please confirm the booking and advise the closing time.",
    "kindly share the final weights and the VGM as soon as possible.",
    "we still miss the commercial invoice {ref}; please send a copy.",
    "please advise the status of the customs clearance under {ref}.",
)


def _domain(name: str) -> str:
    word = "".join(ch for ch in name.split()[0].lower() if ch.isalpha())
    return word or "cargo"


def letterhead(shipment: Shipment, rng: random.Random, name: str | None = None) -> list[str]:
    """The issuer's name and contact lines: a forwarder or agent, never a labelled party, unless
    `name` is given (the carrier issuing its own paper, printed as the label has it)."""
    country = rng.choice(parties.countries_with_styles())
    issuer = parties.sample_party(country, rng)
    lines = [name] if name else [issuer.name.upper() if rng.random() < 0.5 else issuer.name]
    if issuer.address_lines and rng.random() < 0.8:
        lines.append(rng.choice((" - ", ", ", "  ")).join(issuer.address_lines))
    contact = []
    if rng.random() < 0.7:
        number = f"+{rng.randint(1, 99)} {rng.randint(10, 99)} {rng.randint(100000, 999999)}"
        contact.append(f"{rng.choice(('Tel', 'Phone', 'T', 'TEL'))} {number}")
    if rng.random() < 0.6:
        contact.append(rng.choice(_WEB).format(d=_domain(issuer.name)))
    if contact:
        lines.append("   ".join(contact))
    return lines


def copy_mark(rng: random.Random) -> str:
    return noise.page_header(rng)


def footer(shipment: Shipment, page: int, pages: int, rng: random.Random) -> str:
    return noise.page_footer(shipment.style.language, page, pages, rng)


def clauses(shipment: Shipment, width: int, rng: random.Random) -> list[str]:
    """A terms paragraph, or a few short clauses, wrapped to the page."""
    if rng.random() < 0.5:
        return noise.terms_paragraph(shipment.style.language, rng, width=width).split("\n")
    picked = rng.sample(_CLAUSES, k=rng.randint(1, 3))
    return [line for clause in picked for line in noise.wrap(clause, width)]


def _stamp(date: dt.date, rng: random.Random) -> str:
    """An e-mail header date, in words (never labelled)."""
    hour, minute = rng.randint(6, 19), rng.randint(0, 59)
    when = dt.datetime(date.year, date.month, date.day, hour, minute)
    return when.strftime(rng.choice(("%a, %d %b %Y %H:%M", "%A, %B %d, %Y %I:%M %p", "%d %B %Y %H:%M")))


def _address(person: str, domain: str) -> str:
    first, _, last = person.partition(" ")
    return f"{first[0].lower()}.{last.lower().replace(' ', '')}@{domain}.com"


def mail_headers(shipment: Shipment, subject: str, rng: random.Random) -> tuple[list[str], str, str]:
    """From/To/Date/Subject lines, and (sender, sender's company) for the signature."""
    sender, receiver = rng.sample(SENDERS, 2)
    company = parties.company_name(rng.choice(parties.countries_with_styles()), rng)
    base = (
        shipment.issue_date.value
        if shipment.issue_date and shipment.issue_date.value
        else dt.date(2026, 3, 2)
    )
    sent = base + dt.timedelta(days=rng.randint(0, 6))
    lines = [
        f"From: {sender} <{_address(sender, _domain(company))}>",
        f"To: {receiver} <{_address(receiver, rng.choice(('import', 'ops', 'docs')) + 'desk')}>",
    ]
    if rng.random() < 0.4:
        lines.append(f"Cc: {rng.choice(('customs', 'operations', 'accounts'))}@{_domain(company)}.com")
    lines.append(f"{rng.choice(('Sent', 'Date'))}: {_stamp(sent, rng)}")
    lines.append(f"Subject: {subject}")
    return lines, sender, company


def signature(sender: str, company: str, language: str, rng: random.Random) -> list[str]:
    lines = [phrase(SIGN_OFF, language, rng), sender]
    if rng.random() < 0.7:
        lines.append(rng.choice(_TITLES))
    lines.append(company)
    if rng.random() < 0.6:
        lines.append(f"Mobile +{rng.randint(1, 99)} {rng.randint(100, 999)} {rng.randint(1000000, 9999999)}")
    if rng.random() < 0.4:
        lines += ["", rng.choice(_DISCLAIMERS)]
    return lines


def quoted_message(shipment: Shipment, reference: str, rng: random.Random) -> list[str]:
    """An earlier message of the thread, quoted under the reply: asks for something, states no field."""
    person = rng.choice(SENDERS)
    base = (
        shipment.issue_date.value
        if shipment.issue_date and shipment.issue_date.value
        else dt.date(2026, 3, 1)
    )
    when = _stamp(base - dt.timedelta(days=rng.randint(1, 9)), rng)
    body = [
        rng.choice(("Hi,", "Hello,", "Dear colleague,")),
        rng.choice(_REQUESTS).format(ref=reference),
        "Thanks,",
        person,
    ]
    if rng.random() < 0.5:
        head = [f"On {when}, {person} wrote:"]
        return head + ["> " + line for line in body]
    head = [
        "-------- Original Message --------",
        f"From: {person}",
        f"Sent: {when}",
        "Subject: booking query",
    ]
    return [*head, "", *body]
