"""An OCR'd scan of a printed B/L or sea waybill: two columns merged line by line.

OCR reads the form's left boxes (parties, vessel, ports) and right boxes (number, dates,
carrier, terms and the fine print) line by line, so the right column's lines land beside
the left's; a multi-line value (an address) keeps its lines together and fine print only
stands beside a group's last line (`_columns.side_by_side`). Spacing between the columns
is ragged, rule lines are broken, and OCR noise hits captions and fine print, never a
labelled value. Goods follow as a table with the containers in its first column.
"""

from __future__ import annotations

import random

from service.data.families import LayoutFamily, _grid
from service.data.families._columns import side_by_side
from service.data.families._fieldtext import (
    NUMBER_KEY,
    fitting_caption,
    issue_text,
    party_segments,
    place_text,
)
from service.data.families._grid import BLANKS, goods_rows, headers, totals_row, with_containers
from service.data.noise import ocr_noise, page_header, rule_line, terms_paragraph, wrap
from service.data.shipment import Shipment

_GOODS = ["marks", "packages", "description", "weight", "volume"]
_SIGNED = ("As Carrier", "SIGNED FOR THE CARRIER", "As agent for the Carrier", "For and on behalf of")


class _Scan:
    """OCR habits of one scan: noise rate on unlabelled text, ragged column gaps."""

    def __init__(self, shipment: Shipment, rng: random.Random) -> None:
        self.shipment = shipment
        self.rng = rng
        self.rate = rng.uniform(0.01, 0.06)

    def noisy(self, text: str) -> str:
        return ocr_noise(text, self.rng, self.rate)

    def caption(self, key: str) -> str:
        return self.noisy(fitting_caption(key, self.shipment, self.rng))

    def entry(self, key: str, value: str | None) -> list[str]:
        """A captioned one-line value; only the caption gets noise."""
        return [f"{self.caption(key)}{self.rng.choice((': ', ' ', ':  ', ' : '))}{value}"] if value else []

    def ragged(self, lines: list[str]) -> list[str]:
        """Vary the run of spaces between merged columns and at line starts (whitespace only)."""
        out = []
        for line in lines:
            left, sep, right = line.partition("  ")
            if sep and right.strip():
                line = f"{left}{' ' * self.rng.randint(2, 9)}{right.lstrip()}"
            out.append(" " * self.rng.choice((0, 0, 0, 1, 2)) + line)
        return out


def render(shipment: Shipment, rng: random.Random) -> str:
    scan = _Scan(shipment, rng)
    width = rng.choice((40, 46, 52))
    title = shipment.title if rng.random() < 0.7 else scan.noisy(shipment.title)
    out = [scan.noisy(page_header(rng))] if rng.random() < 0.5 else []
    out += [" " * rng.randint(10, 30) + title, rule_line(width * 2, rng, broken=True)]
    out += scan.ragged(side_by_side(_left(scan), _right(scan, width), width))
    out.append(rule_line(width * 2, rng, broken=True))
    out += _goods(scan)
    out.append(rule_line(width * 2, rng, broken=True))
    out += _bottom(scan)
    return "\n".join(out) + "\n"


def _left(scan: _Scan) -> list[list[str]]:
    shipment, rng = scan.shipment, scan.rng
    groups: list[list[str]] = []
    for key in ("shipper", "consignee", "notify_party"):
        party = getattr(shipment, key)
        if party:
            groups += [[scan.caption(key)], *party_segments(party, rng)]
    vessel, voyage = shipment.vessel_or_flight, shipment.voyage
    if vessel and voyage and rng.random() < 0.6:
        groups.append([f"{scan.caption('vessel')} / {scan.caption('voyage')}: {vessel} / {voyage}"])
    else:
        groups += [[line] for line in scan.entry("vessel", vessel) + scan.entry("voyage", voyage)]
    for name in ("place_of_receipt", "port_of_loading", "port_of_discharge", "place_of_delivery"):
        place = getattr(shipment, name)
        groups += [[line] for line in scan.entry(name, place_text(place, rng) if place else None)]
    return groups


def _right(scan: _Scan, width: int) -> list[str]:
    """Number, issue, carrier and terms, then the fine print, one line each."""
    shipment, rng = scan.shipment, scan.rng
    lines = [
        *scan.entry(NUMBER_KEY[shipment.document_type], shipment.document_number),
        *scan.entry("issue_date", issue_text(shipment, rng)),
        *scan.entry("carrier", shipment.carrier),
        *scan.entry("freight_terms", shipment.freight_terms.printed if shipment.freight_terms else None),
        *scan.entry("incoterm", shipment.incoterm.printed if shipment.incoterm else None),
    ]
    if shipment.carrier_code:
        lines.append(f"SCAC {shipment.carrier_code}")
    fine_print = terms_paragraph(shipment.style.language, rng)
    lines += [scan.noisy(line) for line in wrap(fine_print, width)]
    return lines


def _goods(scan: _Scan) -> list[str]:
    shipment, rng = scan.shipment, scan.rng
    keys = list(_GOODS)
    head = [scan.noisy(h) for h in headers(keys, shipment, rng)]
    rows = goods_rows(shipment.items, keys, rng)
    total, leftovers = totals_row(keys, shipment, scan.noisy("TOTAL"))
    if total:
        rows.append(total)
    if shipment.containers:
        rows = with_containers(rows, shipment.containers, len(keys))
        head.insert(0, scan.caption("container"))
    lines = _grid.render(head, rows, rng.choice(BLANKS), numeric={len(head) - 2})
    lines += [f"{scan.noisy(key.replace('_', ' ').upper())}: {printed}" for key, printed in leftovers]
    return scan.ragged(lines)


def _bottom(scan: _Scan) -> list[str]:
    shipment, rng = scan.shipment, scan.rng
    lines = scan.entry("departure_date", shipment.departure_date.printed if shipment.departure_date else None)
    lines += scan.entry("arrival_date", shipment.arrival_date.printed if shipment.arrival_date else None)
    lines += [scan.noisy(remark) if rng.random() < 0.3 else remark for remark in shipment.remarks]
    lines.append(f"{scan.noisy(rng.choice(_SIGNED))}  {shipment.carrier or ''}".rstrip())
    return lines


FAMILY = LayoutFamily("ocr_scan_bl", ("bill_of_lading", "sea_waybill"), render)
