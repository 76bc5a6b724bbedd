"""A road carrier's transport order printout that carries the CMR data as key: value lines.

Haulage systems print the consignment as an order sheet: the carrier's letterhead, order
and CMR numbers, vehicle and driver, loading and unloading places with their dates,
sender and consignee blocks, goods lines and payment terms, in the document's language.
Keys are padded to one column or not, sections come in either order. Driver, order number
and phone lines are decoys. Road notes name no port of discharge and no voyage.
"""

from __future__ import annotations

import random

from service.data.captions import caption
from service.data.families import LayoutFamily
from service.data.families._fieldtext import SEPARATORS, packages_text, party_lines, place_text
from service.data.families._forms import convention
from service.data.noise import page_footer, rule_line
from service.data.shipment import Item, Shipment

_ORDER = {
    "en": "TRANSPORT ORDER", "de": "TRANSPORTAUFTRAG", "fr": "ORDRE DE TRANSPORT",
    "es": "ORDEN DE TRANSPORTE", "nl": "TRANSPORTOPDRACHT", "pt": "ORDEM DE TRANSPORTE",
    "it": "ORDINE DI TRASPORTO",
}  # fmt: skip
_DRIVER = {
    "de": "Fahrer",
    "fr": "Chauffeur",
    "es": "Conductor",
    "nl": "Chauffeur",
    "pt": "Motorista",
    "it": "Autista",
}
_DRIVERS = (
    "Jan Kowalski",
    "Marek Nowak",
    "Ivan Petrov",
    "Hans Becker",
    "Luca Bianchi",
    "Tomas Novak",
    "Ion Popescu",
)


def render(shipment: Shipment, rng: random.Random) -> str:
    shipment.drop("port_of_discharge", "voyage", "place_of_receipt")
    style = shipment.style
    sep = rng.choice(SEPARATORS)
    pad = rng.choice((0, 22, 28))

    def kv(key: str, value: str | None) -> list[str]:
        return [f"{caption(key, style, rng).ljust(pad)}{sep}{value}"] if value else []

    out = [f"{shipment.carrier or ''}".ljust(50) + _ORDER[style.language], shipment.title]
    head = [
        f"{_ORDER[style.language].title()} Nr{sep}{rng.randrange(10**5, 10**7)}",
        *kv("consignment_note_number", shipment.document_number),
        *kv("issue_date", shipment.issue_date.printed if shipment.issue_date else None),
        *kv("established_in", shipment.issue_place),
    ]
    out += [*head, rule_line(rng.choice((60, 72, 80)), rng)]
    loading, delivery = shipment.port_of_loading, shipment.place_of_delivery
    phone = f"+{rng.randrange(30, 49)} {rng.randrange(10**8, 10**9)}"
    trip = [
        *kv("truck", shipment.vessel_or_flight),
        f"{_DRIVER.get(style.language, 'Driver')}{sep}{rng.choice(_DRIVERS)}, {phone}",
        *kv("place_of_taking_over", place_text(loading, rng) if loading else None),
        *kv("taking_over_date", shipment.departure_date.printed if shipment.departure_date else None),
        *kv("place_of_delivery", place_text(delivery, rng) if delivery else None),
        *kv("delivery_date", shipment.arrival_date.printed if shipment.arrival_date else None),
    ]
    parties = []
    for key, party in (("shipper", shipment.shipper), ("consignee", shipment.consignee),
                       ("notify_party", shipment.notify_party)):  # fmt: skip
        if party:
            parties.append(f"{caption(key, style, rng)}{sep.rstrip()}")
            parties += ["  " + line for line in party_lines(party, rng)]
    sections = [trip, parties] if rng.random() < 0.5 else [parties, trip]
    for section in sections:
        out += [*section, ""]
    out.append(f"{caption('description', style, rng)}{sep.rstrip()}")
    out += [_item_line(index, item) for index, item in enumerate(shipment.items, start=1)]
    for container in shipment.containers:
        seal = f" {caption('seal', style, rng)} {container.seal}" if container.seal else ""
        size = f" {container.size.printed}" if container.size else ""
        out.append(f"{caption('container', style, rng)}{sep}{container.number_printed}{size}{seal}")
    out += kv("total_packages", shipment.total_packages.printed if shipment.total_packages else None)
    out += kv(
        "total_gross_weight", shipment.total_gross_weight.printed if shipment.total_gross_weight else None
    )
    out += kv("total_volume", shipment.total_volume.printed if shipment.total_volume else None)
    out += kv("freight_terms", shipment.freight_terms.printed if shipment.freight_terms else None)
    out += kv("incoterm", shipment.incoterm.printed if shipment.incoterm else None)
    out += kv("remarks", "; ".join(shipment.remarks) if shipment.remarks else None)
    if rng.random() < 0.6:
        out += ["", convention(shipment, rng, rng.choice((72, 90)))]
    if rng.random() < 0.4:
        out.append(page_footer(style.language, 1, 1, rng))
    return "\n".join(out) + "\n"


def _item_line(index: int, item: Item) -> str:
    """ "1. 18 Bunde  STAHLPROFILE WARMGEWALZT  21.400 kg  14,2 m³  RP-MI 1-18  7216 33"."""
    parts = [packages_text(item), item.description]
    parts += [v.printed for v in (item.gross_weight, item.volume, item.dangerous) if v]
    parts += [v for v in (item.marks, item.hs_printed) if v]
    return f"{index}. " + "  ".join(p for p in parts if p)


FAMILY = LayoutFamily("cmr_kv", ("road_consignment_note",), render)
