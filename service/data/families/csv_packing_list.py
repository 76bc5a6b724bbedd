"""A packing list exported from an ERP system as CSV.

A header block (as `caption;value` rows, or as a free-text preamble), the containers,
then one row per goods line under a header row, and a totals row. European locales use
`;` and decimal commas; others `,` with quoted cells. A cell that holds a party address
joins its lines with spaces (a line per row would put separators inside the address).
An ERP packing list has no vessel, carrier, notify party or freight terms, so they are
dropped.
"""

from __future__ import annotations

import random

from service.data.families import LayoutFamily
from service.data.families._fieldtext import fitting_caption, issue_text, place_text
from service.data.families._grid import headers, item_cell, totals_row
from service.data.shipment import Party, Shipment

_GOODS_KEYS = ("marks", "description", "hs", "quantity", "package", "weight", "volume", "dg")


def _cell(value: str, sep: str) -> str:
    """CSV quoting where the separator occurs (quotes are outside the value, never inside)."""
    return f'"{value}"' if sep in value else value


def _row(cells: list[str], sep: str) -> str:
    return sep.join(_cell(cell, sep) for cell in cells)


def _party_rows(caption: str, party: Party, sep: str, rng: random.Random) -> list[list[str]]:
    if party.placeholder is not None:
        return [[caption, party.placeholder]]
    rows = [[caption, party.name]]
    if party.address_lines:
        rows.append(
            [rng.choice(("Address", "Adresse", "Addr.", "")) or caption, " ".join(party.address_lines)]
        )
    rows += [["", extra] for extra in party.extras]
    return rows


def _header_rows(shipment: Shipment, rng: random.Random, sep: str) -> list[list[str]]:
    def cap(key: str) -> str:
        return fitting_caption(key, shipment, rng)

    places = [
        ("port_of_loading", shipment.port_of_loading),
        ("port_of_discharge", shipment.port_of_discharge),
        ("place_of_delivery", shipment.place_of_delivery),
        ("place_of_receipt", shipment.place_of_receipt),
    ]
    singles = [
        ("packing_list_number", shipment.document_number),
        ("issue_date", issue_text(shipment, rng)),
        ("departure_date", shipment.departure_date.printed if shipment.departure_date else None),
        ("incoterm", shipment.incoterm.printed if shipment.incoterm else None),
        *[(key, place_text(place, rng) if place else None) for key, place in places],
    ]
    rows = [[cap(key), value] for key, value in singles if value is not None]
    parties = [
        row
        for key, party in (("shipper", shipment.shipper), ("consignee", shipment.consignee))
        if party is not None
        for row in _party_rows(cap(key), party, sep, rng)
    ]
    return parties + rows if rng.random() < 0.5 else rows + parties


def _goods_rows(shipment: Shipment, rng: random.Random) -> list[list[str]]:
    keys = list(_GOODS_KEYS)
    if rng.random() < 0.5:
        keys.remove("dg")
        keys.insert(2, "dg")
    if rng.random() < 0.4:
        at = keys.index("quantity")
        keys[at : at + 2] = ["package", "quantity"]
    numbered = rng.random() < 0.6
    rows = [([rng.choice(("Pos", "Line", "Item", "#"))] if numbered else []) + headers(keys, shipment, rng)]
    for number, item in enumerate(shipment.items, 1):
        rows.append(
            ([str(number * rng.choice((1, 10)))] if numbered else []) + [item_cell(item, k) for k in keys]
        )
    total, _ = totals_row(keys, shipment, rng.choice(("TOTAL", "Total", "Summe", "Gesamt")))
    if total:
        rows.append(([""] if numbered else []) + total.cells)
    return rows


def _render(shipment: Shipment, rng: random.Random) -> str:
    shipment.drop("vessel_or_flight", "voyage", "carrier", "notify_party", "freight_terms", "arrival_date")
    sep = ";" if shipment.style.decimal_comma or rng.random() < 0.2 else ","
    newline = "\r\n" if rng.random() < 0.4 else "\n"
    goods = _goods_rows(shipment, rng)
    width = len(goods[0])
    lines = [_row([shipment.title] + [""] * (width - 1), sep) if rng.random() < 0.5 else shipment.title]
    header = _header_rows(shipment, rng, sep)
    if rng.random() < 0.6:
        lines += [_row(row + [""] * (width - len(row)), sep) for row in header]
    else:
        lines += [f"{key}: {value}" if key else value for key, value in header]
    for container in shipment.containers:
        size = container.size.printed if container.size else ""
        cells = [
            fitting_caption("container", shipment, rng),
            container.number_printed,
            container.seal or "",
            size,
        ]
        lines.append(_row(cells + [""] * (width - len(cells)), sep))
    lines.append(sep * (width - 1) if rng.random() < 0.5 else "")
    lines += [_row(row, sep) for row in goods]
    return newline.join(lines) + newline


FAMILY = LayoutFamily("csv_packing_list", ("packing_list",), _render)
