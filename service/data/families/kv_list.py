"""`kv_list`: a plain "Caption: value" export, the layout of system printouts and e-mail bodies.

Every field the shipment states gets one caption line (multi-line values indented under
it); goods lines are numbered with their details inline or as indented sub-keys. Field
order within blocks, separators, indentation and casing vary per document.
"""

from __future__ import annotations

import random

from service.data import noise
from service.data.captions import caption
from service.data.families import LayoutFamily
from service.data.shipment import Container, Item, Party, Place, Shipment, Style
from service.data.world import DOCUMENT_TYPES

_CONVEYANCE_CAPTION = {"sea": "vessel", "air": "flight", "road": "truck", "rail": "train"}


def _place(place: Place, rng: random.Random) -> str:
    text = place.name
    if place.code_printed:
        code = place.code_printed
        bracketed = code.startswith(("(", "["))
        text = rng.choice(
            (
                f"{text} {code}" if bracketed else f"{text} ({code})",
                f"{code} - {text}",
                f"{text}, {code}" if not bracketed else f"{text} {code}",
            )
        )
    if place.extra:
        text = f"{text} ({place.extra})"
    return text


def _party_lines(party: Party) -> list[str]:
    if party.placeholder is not None:
        return [party.placeholder]
    return [party.name, *party.address_lines, *party.extras]


def _item_lines(index: int, item: Item, style: Style, rng: random.Random, inline: bool) -> list[str]:
    quantity = item.quantity.printed if item.quantity else ""
    if item.package:
        quantity = f"{quantity} {item.package.printed}".strip()
    details = [
        (caption("hs_code", style, rng), item.hs_printed),
        (caption("gross_weight", style, rng), item.gross_weight.printed if item.gross_weight else None),
        (caption("volume", style, rng), item.volume.printed if item.volume else None),
        (caption("marks", style, rng), item.marks.replace("\n", " ") if item.marks else None),
        (caption("dangerous_goods", style, rng), item.dangerous.printed if item.dangerous else None),
    ]
    present = [(key, value) for key, value in details if value]
    if inline:
        parts = [f"{quantity} {item.description}".strip()] + [value for _, value in present]
        return [f"{index}. " + rng.choice((", ", " / ", " - ")).join(parts)]
    lines = [f"{index}. {item.description}"]
    if quantity:
        lines.append(f"   {caption('quantity', style, rng)}: {quantity}")
    lines += [f"   {key}: {value}" for key, value in present]
    return lines


def _container_line(container: Container, style: Style, rng: random.Random) -> str:
    parts = [container.number_printed]
    if container.size:
        parts.append(container.size.printed)
    if container.seal:
        parts.append(f"{caption('seal', style, rng)} {container.seal}")
    return rng.choice((" / ", "  ", ", ")).join(parts)


def render(shipment: Shipment, rng: random.Random) -> str:
    style = shipment.style
    sep = rng.choice((": ", ": ", " - ", " = ", ":\t", " : "))
    indent = " " * (rng.choice((2, 4, 10)))
    lines: list[str] = []

    def field(key: str, value: str | None, cap: str | None = None) -> None:
        if value:
            lines.append(f"{cap or caption(key, style, rng)}{sep}{value}")

    def block(key: str, values: list[str]) -> None:
        if not values:
            return
        if rng.random() < 0.5:
            lines.append(f"{caption(key, style, rng)}{sep}{values[0]}")
            lines.extend(indent + v for v in values[1:])
        else:
            lines.append(f"{caption(key, style, rng)}{sep.rstrip()}")
            lines.extend(indent + v for v in values)

    if rng.random() < 0.3:
        lines.append(noise.page_header(rng))
    lines.append(shipment.title)
    lines.append("")
    header = [
        ("document_number", shipment.document_number),
        ("issue_date", shipment.issue_date.printed if shipment.issue_date else None),
        ("carrier", shipment.carrier),
        (_CONVEYANCE_CAPTION[shipment.transport_mode], shipment.vessel_or_flight),
        ("voyage", shipment.voyage),
    ]
    if rng.random() < 0.5:
        rng.shuffle(header)
    for key, value in header:
        field(key, value)
    if shipment.issue_place and rng.random() < 0.7:
        lines.append(f"{shipment.issue_place}")
    if shipment.carrier_code:
        lines.append(f"SCAC/IATA{sep}{shipment.carrier_code}")
    lines.append("")
    for key, party in (
        ("shipper", shipment.shipper),
        ("consignee", shipment.consignee),
        ("notify_party", shipment.notify_party),
    ):
        if party is not None:
            block(key, _party_lines(party))
    lines.append("")
    loading_key = "place_of_taking_over" if shipment.transport_mode in ("road", "rail") else "port_of_loading"
    route = [
        ("place_of_receipt", shipment.place_of_receipt),
        (loading_key, shipment.port_of_loading),
        ("port_of_discharge", shipment.port_of_discharge),
        ("place_of_delivery", shipment.place_of_delivery),
    ]
    for key, place in route:
        if place is not None:
            field(key, _place(place, rng))
    field("departure_date", shipment.departure_date.printed if shipment.departure_date else None)
    field("arrival_date", shipment.arrival_date.printed if shipment.arrival_date else None)
    field("incoterm", shipment.incoterm.printed if shipment.incoterm else None)
    field("freight_terms", shipment.freight_terms.printed if shipment.freight_terms else None)
    if shipment.containers:
        lines.append("")
        block("container", [_container_line(c, style, rng) for c in shipment.containers])
    lines.append("")
    lines.append(f"{caption('description', style, rng)}{sep.rstrip()}")
    inline = rng.random() < 0.5
    for index, item in enumerate(shipment.items, start=1):
        lines.extend(_item_lines(index, item, style, rng, inline))
    lines.append("")
    field("total_packages", shipment.total_packages.printed if shipment.total_packages else None)
    field("total_gross_weight", shipment.total_gross_weight.printed if shipment.total_gross_weight else None)
    field("total_volume", shipment.total_volume.printed if shipment.total_volume else None)
    if shipment.remarks:
        block("remarks", list(shipment.remarks))
    if rng.random() < 0.4:
        lines.append("")
        lines.append(noise.terms_paragraph(style.language, rng, width=rng.choice((60, 78, 100))))
    if rng.random() < 0.4:
        lines.append(noise.page_footer(style.language, 1, 1, rng))
    return "\n".join(lines)


FAMILY = LayoutFamily(
    name="kv_list",
    doc_types=DOCUMENT_TYPES,
    render=render,
)
