"""Surface text of shipment fields, shared by the layout families.

Every helper here prints a field's `printed` form(s) without adding characters inside a
labelled value: party addresses are joined with spaces only (the label is the
whitespace-collapsed join), place codes and airport codes stand beside the name, never
glued into it. Layouts decide where the text goes; this module decides what it says.
"""

from __future__ import annotations

import random

from service.data.captions import CAPTIONS, caption
from service.data.shipment import Item, Party, Place, Shipment

# Caption key for the vehicle field per transport mode.
VEHICLE_KEY = {"sea": "vessel", "air": "flight", "road": "truck", "rail": "train"}

# Caption/value separators; one is drawn per document so a document stays consistent.
SEPARATORS = (": ", ":  ", " : ", ":\t", " - ", ". ")


# Caption words that belong to another transport mode or another kind of document.
_SEA_WORDS = (
    "ocean", "shipping line", "sailing", "on board", "an bord", "seeschiff", "reederei", "maritime",
    "naviera", "rederij", "armador", "navigazione", "port of", "load port", "discharge port", "hafen",
    "puerto", "porto", "haven", "port de",
)  # fmt: skip
_AIR_WORDS = ("airport", "aéroport", "flughafen", "aeropuerto", "aeroporto", "luchthaven")
_BL_WORDS = ("b/l", "bill of lading", "konnossement")


def _unfit(words: tuple[str, ...]) -> frozenset[str]:
    found = {
        text
        for table in CAPTIONS.values()
        for texts in table.values()
        for text in texts
        if any(word in text.lower() for word in words)
    }
    return frozenset(found | {text.upper() for text in found})


_UNFIT = {
    (air, bl): _unfit((_SEA_WORDS if air else _AIR_WORDS) + (() if bl else _BL_WORDS))
    for air in (False, True)
    for bl in (False, True)
}

# Caption key of the document's own number, by document type.
NUMBER_KEY = {
    "bill_of_lading": "bl_number",
    "sea_waybill": "sea_waybill_number",
    "air_waybill": "awb_number",
    "cargo_manifest": "manifest_number",
    "packing_list": "packing_list_number",
    "arrival_notice": "notice_number",
}


def fitting_caption(key: str, shipment: Shipment, rng: random.Random) -> str:
    """A caption that suits the document: no airport on a B/L, no ocean carrier on an AWB.

    The caption table mixes modes within a key ("Port of Loading", "Airport of Departure"),
    so unfit draws are redrawn; a key with no fit at all keeps its last draw.
    """
    unfit = _UNFIT[shipment.transport_mode == "air", shipment.document_type == "bill_of_lading"]
    text = caption(key, shipment.style, rng)
    for _ in range(12):
        if text not in unfit:
            break
        text = caption(key, shipment.style, rng)
    return text


def place_text(place: Place, rng: random.Random) -> str:
    """A port as forms print it: name with its UN/LOCODE and/or airport code beside it."""
    text = place.name
    code = place.code_printed
    if code:
        if code.startswith("("):
            text = f"{text} {code}"
        else:
            text = rng.choice((f"{text} ({code})", f"{text} {code}", f"{code} - {text}", f"{text}, {code}"))
    if place.extra:
        text = f"{text} ({place.extra})" if rng.random() < 0.7 else f"{text} / {place.extra}"
    return text


def party_segments(party: Party, rng: random.Random, one_line_share: float = 0.2) -> list[list[str]]:
    """A party box as groups of lines; lines of one group must stay together (one label value).

    The address is sometimes printed on one line (joined by a space, as the label joins it);
    extras (phone, e-mail, contact) follow the address, each its own group.
    """
    if party.placeholder is not None:
        return [[party.placeholder]]
    segments = [[party.name]]
    if party.address_lines:
        if len(party.address_lines) > 1 and rng.random() < one_line_share:
            segments.append([" ".join(party.address_lines)])
        else:
            segments.append(list(party.address_lines))
    segments.extend([extra] for extra in party.extras)
    return segments


def party_lines(party: Party, rng: random.Random, one_line_share: float = 0.2) -> list[str]:
    """A party's box text as plain lines, for layouts that print nothing beside it."""
    return [line for segment in party_segments(party, rng, one_line_share) for line in segment]


def party_inline(party: Party) -> str:
    """A party on one line: name, then address joined by spaces (as labelled), then extras."""
    if party.placeholder is not None:
        return party.placeholder
    parts = [party.name]
    if party.address_lines:
        parts.append(" ".join(party.address_lines))
    parts.extend(party.extras)
    return ", ".join(parts)


def packages_text(item: Item) -> str:
    """Quantity and package type as one cell ("12 PLTS"); either may be missing."""
    quantity = item.quantity.printed if item.quantity else ""
    package = item.package.printed if item.package else ""
    return f"{quantity} {package}".strip()


def item_notes(item: Item, rng: random.Random) -> list[str]:
    """HS code and dangerous-goods notes printed after the goods phrase, never inside it."""
    notes = []
    if item.hs_printed:
        notes.append(item.hs_printed)
    if item.dangerous:
        notes.append(item.dangerous.printed)
    rng.shuffle(notes)
    return notes


def issue_text(shipment: Shipment, rng: random.Random) -> str | None:
    """Issue date with the (unlabelled) issue place, in either order."""
    date = shipment.issue_date.printed if shipment.issue_date else None
    place = shipment.issue_place
    if date and place:
        return f"{place}, {date}" if rng.random() < 0.5 else f"{date} {place}"
    return date or place
