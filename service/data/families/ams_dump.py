"""A U.S. customs AMS record dump: one fixed record type per line, padded fields, print forms.

Carrier systems list what they filed with AMS as typed records (`VSL`, `B/L`, `SHP`, `CNE`,
`NFY`, `CTR`, `DES`, `QTY`, `WGT`, `HAZ`...), a tag column then padded fields, sometimes
line-numbered, page headers from the print run. Each labelled value sits whole on one
record line (an address too), because the tag repeats on every line. A manifest dump may
list several bills; then parties and totals are per bill and none is the document's.
"""

from __future__ import annotations

import random

from service.data.families import LayoutFamily
from service.data.families._edi import bill_number, manifest_bills, partition, sender_code
from service.data.families._fieldtext import packages_text, place_text
from service.data.noise import page_footer, rule_line
from service.data.shipment import Container, Item, Party, Shipment, collapse

_TITLES = ("AMS BILL OF LADING DATA", "AUTOMATED MANIFEST SYSTEM - BILL LISTING", "AMS FILING DETAIL REPORT",
           "ACE/AMS OCEAN MANIFEST DUMP", "AMS RECORD PRINT")  # fmt: skip
_FILERS = ("SELF FILER", "NVOCC FILER", "AUTOMATED BROKER INTERFACE", "ISF/AMS GATEWAY")


class _Dump:
    """Record lines with one tag width, tag/field separator and field padding per document."""

    def __init__(self, rng: random.Random) -> None:
        self.width = rng.choice((4, 5, 6))
        self.sep = rng.choice(("", " ", "| ", ": "))
        self.pad = rng.choice((22, 28, 34))
        self.numbered = rng.random() < 0.35
        self.lines: list[str] = []

    def record(self, tag: str, *fields: str) -> None:
        present = [f for f in fields if f]
        if not present:
            return
        body = (
            "  ".join(f.ljust(self.pad) for f in present[:-1])
            + ("  " if len(present) > 1 else "")
            + present[-1]
        )
        line = f"{tag.ljust(self.width)}{self.sep}{body}".rstrip()
        if self.numbered:
            line = f"{len(self.lines) + 1:04d} {line}"
        self.lines.append(line)


def render(shipment: Shipment, rng: random.Random) -> str:
    bills = manifest_bills(shipment, rng)
    scac = sender_code(shipment, rng)
    dump = _Dump(rng)
    out = [_banner(shipment, scac, rng), rule_line(rng.choice((72, 80, 96)), rng)]
    if shipment.document_type == "cargo_manifest":
        dump.record(
            "MFT", shipment.document_number or "", shipment.issue_date.printed if shipment.issue_date else ""
        )
    _voyage(dump, shipment, rng)
    item_ranges = partition(len(shipment.items), bills, rng)
    container_ranges = partition(len(shipment.containers), bills, rng)
    for (i0, i1), (c0, c1) in zip(item_ranges, container_ranges, strict=True):
        own = shipment.document_type != "cargo_manifest"
        number = shipment.document_number if own and shipment.document_number else bill_number(scac, rng)
        issued = shipment.issue_date.printed if own and shipment.issue_date else ""
        place = (shipment.issue_place or "") if own else ""
        dump.record("B/L", number, f"ISSUED {issued}" if issued else "", place)
        if bills == 1:
            _parties(dump, shipment, rng)
        for container in shipment.containers[c0:c1]:
            _container(dump, container)
        for index, item in enumerate(shipment.items[i0:i1], start=i0 + 1):
            _item(dump, index, item)
    _totals(dump, shipment)
    for remark in shipment.remarks:
        dump.record("RMK", remark)
    out += dump.lines
    out.append(f"END OF DUMP  RECORDS {len(dump.lines)}")
    if rng.random() < 0.5:
        out.append(page_footer("en", 1, 1, rng))
    return "\n".join(out) + "\n"


def _banner(shipment: Shipment, scac: str, rng: random.Random) -> str:
    run = rng.choice(_TITLES)
    if rng.random() < 0.5:
        run = f"{run}   {rng.choice(_FILERS)}"
    return f"{run}   SCAC {scac}   RUN {rng.randrange(1, 9999):04d}"


def _voyage(dump: _Dump, shipment: Shipment, rng: random.Random) -> None:
    """Vessel, carrier, routing with its dates, terms: the bill-independent records."""
    dump.record("VSL", shipment.vessel_or_flight or "", f"VOY {shipment.voyage}" if shipment.voyage else "")
    dump.record(
        "CAR", shipment.carrier or "", f"SCAC {shipment.carrier_code}" if shipment.carrier_code else ""
    )
    places = (
        ("RCP", shipment.place_of_receipt, None),
        ("POL", shipment.port_of_loading, shipment.departure_date),
        ("POD", shipment.port_of_discharge, shipment.arrival_date),
        ("DEL", shipment.place_of_delivery, None),
    )
    for tag, place, date in places:
        label = "ETD" if tag == "POL" else "ETA"
        dump.record(tag, place_text(place, rng) if place else "", f"{label} {date.printed}" if date else "")
    terms = shipment.freight_terms.printed if shipment.freight_terms else ""
    dump.record("FRT", terms, f"TERMS {shipment.incoterm.printed}" if shipment.incoterm else "")


def _parties(dump: _Dump, shipment: Shipment, rng: random.Random) -> None:
    for tag, party in (
        ("SHP", shipment.shipper),
        ("CNE", shipment.consignee),
        ("NFY", shipment.notify_party),
    ):
        if party:
            _party(dump, tag, party, rng)


def _party(dump: _Dump, tag: str, party: Party, rng: random.Random) -> None:
    """Name, then the whole address on one record (the tag repeats, so lines cannot continue)."""
    if party.placeholder is not None:
        dump.record(tag, party.placeholder)
        return
    dump.record(tag, collapse(party.name))
    if party.address_lines:
        dump.record(tag, collapse(" ".join(party.address_lines)))
    if party.extras and rng.random() < 0.6:
        dump.record(tag, *party.extras)


def _container(dump: _Dump, container: Container) -> None:
    seal = f"SEAL {container.seal}" if container.seal else ""
    dump.record("CTR", container.number_printed, seal, container.size.printed if container.size else "")


def _item(dump: _Dump, index: int, item: Item) -> None:
    """The goods line's records, each led by its line number and kept on one line."""
    line = f"{index:03d}"
    texts = (
        ("DES", item.description),
        ("QTY", packages_text(item)),
        ("WGT", item.gross_weight.printed if item.gross_weight else ""),
        ("MEA", item.volume.printed if item.volume else ""),
        ("MRK", item.marks),
        ("HTS", item.hs_printed),
        ("HAZ", item.dangerous.printed if item.dangerous else ""),
    )
    for tag, text in texts:
        if text:
            dump.record(tag, f"{line} {collapse(text)}")


def _totals(dump: _Dump, shipment: Shipment) -> None:
    packages = f"PKGS {shipment.total_packages.printed}" if shipment.total_packages else ""
    weight = f"WGT {shipment.total_gross_weight.printed}" if shipment.total_gross_weight else ""
    volume = f"MEA {shipment.total_volume.printed}" if shipment.total_volume else ""
    dump.record("TOT", packages, weight, volume)


FAMILY = LayoutFamily("ams_dump", ("bill_of_lading", "cargo_manifest"), render)
