"""A shipment's extraction: the printed span of every field, as the decoder learns to write it.

The spans are the `printed` forms the layout put on the page (for a weight, its number and
the unit word or code printed with it), so normalising the extraction by the contract's
rules gives the shipment's label; `corpus` checks both that and that every span is
printed in the text.
"""

from __future__ import annotations

import re
from typing import Any

from service.data.shipment import Container, DangerousGoods, Item, Party, Place, Shipment, Volume, Weight
from service.manifest import collapse_whitespace as collapse

# Digits with their marks; a space, thin space or apostrophe only where it groups thousands ("12 500").
_NUMBER = re.compile(r"\d(?:[\d.,]|[ \u00a0\u202f'](?=\d{3}(?!\d)))*\d|\d")


def _opt(text: str | None) -> str | None:
    return collapse(text) if text else None


def _party(party: Party | None) -> dict[str, Any] | None:
    if party is None or party.placeholder is not None:
        return None
    return {
        "name": collapse(party.name),
        "address": _opt(" ".join(party.address_lines)),
        "country": _opt(party.country_printed),
    }


def _place(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    code = place.code_printed.strip("()[]") if place.code_printed and place.code else None
    return {"name": collapse(place.name), "unlocode": code}


def _number_span(printed: str) -> str:
    """The first number of a print ("KGS 8,420 / 18,563 LBS" -> "8,420")."""
    match = _NUMBER.search(printed)
    if match is None:
        raise ValueError(f"no number in {printed!r}")
    return match[0].strip()


def _measure(measure: Weight | Volume | None) -> dict[str, Any] | None:
    if measure is None:
        return None
    return {"value": _number_span(measure.printed), "unit": _opt(measure.unit_printed)}


def _dangerous(note: DangerousGoods | None) -> dict[str, str] | None:
    if note is None or not note.complete:
        return None
    return {"un_number": note.un_printed or note.un_number[2:], "hazard_class": note.hazard_class}


_TARIFF_NUMBER = re.compile(r"\d(?:[\d. -]*\d)?")


def _hs(printed: str | None) -> str | None:
    """The tariff number of its print, without the name before it ("HS CODE 8422.40" -> "8422.40")."""
    if not printed:
        return None
    match = _TARIFF_NUMBER.search(printed)
    if match is None:
        raise ValueError(f"no tariff number in {printed!r}")
    return match[0]


def _container(container: Container) -> dict[str, Any]:
    return {
        "number": collapse(container.number_printed),
        "seal": _opt(container.seal),
        "size_type": _opt(container.size.printed) if container.size else None,
    }


def _item(item: Item) -> dict[str, Any]:
    return {
        "description": collapse(item.description),
        "hs_code": _hs(item.hs_printed),
        "quantity": item.quantity.printed if item.quantity else None,
        "package_type": _opt(item.package.printed) if item.package else None,
        "gross_weight": _measure(item.gross_weight),
        "volume": _measure(item.volume),
        "marks": _opt(item.marks),
        "dangerous_goods": _dangerous(item.dangerous),
    }


def extraction(shipment: Shipment) -> dict[str, Any]:
    """The extraction of a rendered shipment, keys in the extraction schema's order."""
    s = shipment
    return {
        "document_type": s.document_type,
        "transport_mode": s.transport_mode,
        "date_order": "month_first" if s.style.us_dates else "day_first",
        "decimal_mark": "comma" if s.style.decimal_comma else "point",
        "document_number": _opt(s.document_number),
        "issue_date": _opt(s.issue_date.printed) if s.issue_date else None,
        "carrier": _opt(s.carrier),
        "vessel_or_flight": _opt(s.vessel_or_flight),
        "voyage": _opt(s.voyage),
        "shipper": _party(s.shipper),
        "consignee": _party(s.consignee),
        "notify_party": _party(s.notify_party),
        "port_of_loading": _place(s.port_of_loading),
        "port_of_discharge": _place(s.port_of_discharge),
        "place_of_delivery": _place(s.place_of_delivery),
        "departure_date": _opt(s.departure_date.printed) if s.departure_date else None,
        "arrival_date": _opt(s.arrival_date.printed) if s.arrival_date else None,
        "incoterm": _opt(s.incoterm.printed) if s.incoterm else None,
        "freight_terms": _opt(s.freight_terms.printed) if s.freight_terms else None,
        "containers": [_container(c) for c in s.containers],
        "items": [_item(i) for i in s.items],
        "total_packages": s.total_packages.printed if s.total_packages else None,
        "total_gross_weight": _measure(s.total_gross_weight),
        "total_volume": _measure(s.total_volume),
    }
