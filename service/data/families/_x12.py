"""ANSI X12 pieces shared by the 309 and 310 layouts: envelope, parties, ports, package units.

An interchange is ISA/GS/ST, the transaction's body, SE/GE/IEA. ISA is fixed width and
declares the component separator in ISA16; the element separator is its fourth character,
so choosing separators per interchange (see `_edi.choose_syntax`) stays self-describing.
"""

from __future__ import annotations

import random
from collections import Counter

from service.data.families._edi import X12_PACKAGES, Segment, choose_syntax, envelope_time
from service.data.shipment import Item, Party, Place, Shipment

_RECEIVERS = ("USCSAMS", "CBPACE", "EDIGATEWAY", "INTTRA", "CARGOSMART", "ACEMANIFEST")


def interchange(
    shipment: Shipment, rng: random.Random, ids: tuple[str, str, str], body: list[Segment]
) -> str:
    """The body wrapped in its envelope and serialized with separators free of every value.

    `ids` are the transaction set ("309"), its functional group ("AQ") and the sender's code.
    """
    set_id, functional_id, sender = ids
    sent = envelope_time(shipment, rng)
    receiver = rng.choice(_RECEIVERS)
    control = f"{rng.randrange(1, 10**9):09d}"
    group = str(int(control) % 100_000 or 1)
    segments: list[Segment] = [
        ["ISA", "00", " " * 10, "00", " " * 10, "ZZ", sender.ljust(15), "ZZ", receiver.ljust(15),
         sent.strftime("%y%m%d"), sent.strftime("%H%M"), "U", "00401", control, "0", "P", ""],
        ["GS", functional_id, sender, receiver, sent.strftime("%Y%m%d"), sent.strftime("%H%M"), group, "X",
         "004010"],
        ["ST", set_id, "0001"],
        *body,
        ["SE", str(len(body) + 2), "0001"],
        ["GE", "1", group],
        ["IEA", "1", control],
    ]  # fmt: skip
    syntax = choose_syntax(segments, rng, "*|^", ">:^\\", "~'!")
    segments[0][16] = syntax.component
    return syntax.serialize(segments)


def parties(shipment: Shipment, rng: random.Random) -> list[Segment]:
    """N1 loops of shipper (SH), consignee (CN) and notify party (N1), where present."""
    loops: list[Segment] = []
    for code, party in (("SH", shipment.shipper), ("CN", shipment.consignee), ("N1", shipment.notify_party)):
        if party:
            loops.extend(party_loop(code, party, rng))
    return loops


def party_loop(code: str, party: Party, rng: random.Random) -> list[Segment]:
    """N1 name (or the placeholder), N3 with the whole address, country and contact now and then."""
    if party.placeholder is not None:
        return [["N1", code, party.placeholder]]
    loop: list[Segment] = [["N1", code, party.name]]
    if party.address_lines:
        loop.append(["N3", " ".join(party.address_lines)])
    if party.country and rng.random() < 0.5:
        loop.append(["N4", "", "", "", party.country])
    if party.extras and rng.random() < 0.5:
        loop.append(["PER", "IC", party.extras[0]])
    return loop


def place_segment(function: str, place: Place) -> Segment:
    """R4 port: function, qualifier and code (UN/LOCODE, else a Schedule K/D code), name, country."""
    if place.code:
        return ["R4", function, "UN", place.code, place.name, place.code[:2]]
    if place.extra and place.extra.isdigit():
        return ["R4", function, "K" if len(place.extra) == 5 else "D", place.extra, place.name]
    return ["R4", function, "", "", place.name]


def unit_code(items: list[Item]) -> str:
    """The most common X12 packaging code of the goods lines, "PKG" when none is known."""
    codes = Counter(X12_PACKAGES[i.package.value] for i in items if i.package and i.package.value)
    return codes.most_common(1)[0][0] if codes else "PKG"
