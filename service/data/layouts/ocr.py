"""OCR noise of a scanned stochastic document, at the strength its style drew (`styles.NOISE`).

Inside values the noise comes first, before anything is placed, so every span and label
follows the print by the contract's rule:

- a copied string (party name and address, carrier, place name, goods phrase, marks)
  keeps the misread, since its label is what is printed;
- a container or UN number takes only misreads its normaliser undoes by position (a
  serial's `0` read as `O`, `1` as `l`, `5` as `S`), so the span is the noisy print and the
  label the number the sender meant;
- other numbers, dates and codes stay clean: no reader turns a misread in them back into
  the intended value.

Outside values the rendered lines get misread, dropped and doubled characters in every word
no value contains, and broken line wraps (a line split at a space, two lines run together),
which change only whitespace, so each span still occurs where the record says.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import replace

from service.data import noise
from service.data.corpus import protected_words
from service.data.shipment import Container, DangerousGoods, Item, Party, Place, Shipment
from service.normalise import codes
from service.normalise.errors import Unreadable

# Misreads per character at each strength.
RATES: dict[str, float] = {"none": 0.0, "light": 0.01, "medium": 0.03, "heavy": 0.06}
_GAP = re.compile(r"(?<=\S) +(?=\S)")  # spaces between two words of a line


def misread_values(shipment: Shipment, rng: random.Random, rate: float) -> None:
    """Misreads inside the shipment's values, by the rules in the module docstring."""
    s = shipment
    if s.carrier:
        s.carrier = noise.confuse(s.carrier, rng, rate)
    for key in ("shipper", "consignee", "notify_party"):
        party = getattr(s, key)
        if party is not None and party.placeholder is None and party.address_lines:  # not TO ORDER
            setattr(s, key, _party(party, rng, rate))
    for key in ("port_of_loading", "port_of_discharge", "place_of_delivery"):
        place: Place | None = getattr(s, key)
        if place is not None:
            setattr(s, key, replace(place, name=noise.confuse(place.name, rng, rate)))
    s.items = [_item(item, rng, rate) for item in s.items]
    s.containers = [_container(container, rng, rate) for container in s.containers]


def _party(party: Party, rng: random.Random, rate: float) -> Party:
    """Name and address misread; the country keeps its print, as its span is read to a code."""
    country = set(noise.WORD.findall(party.country_printed or ""))
    return replace(
        party,
        name=noise.confuse(party.name, rng, rate),
        address_lines=[
            _words(line, country, lambda w: noise.confuse(w, rng, rate)) for line in party.address_lines
        ],
    )


def _item(item: Item, rng: random.Random, rate: float) -> Item:
    return replace(
        item,
        description=noise.confuse(item.description, rng, rate),
        marks=noise.confuse(item.marks, rng, rate) if item.marks else item.marks,
        dangerous=_dangerous(item.dangerous, rng, rate) if item.dangerous else None,
    )


def _container(container: Container, rng: random.Random, rate: float) -> Container:
    printed = _code(container.number_printed, container.number, codes.container_number, rng, rate)
    return replace(container, number_printed=printed)


def _dangerous(note: DangerousGoods, rng: random.Random, rate: float) -> DangerousGoods:
    """A complete note's UN digits misread where `codes.un_number` reads them back (a decoy note
    is labelled null and keeps its print)."""
    if not note.complete:
        return note
    digits = note.un_number[2:]
    misread = _code(digits, note.un_number, codes.un_number, rng, rate)
    if misread == digits:
        return note
    return replace(note, printed=note.printed.replace(digits, misread, 1), un_printed=misread)


def _code(printed: str, intended: str, read: Callable[[str], str], rng: random.Random, rate: float) -> str:
    """`printed` misread, if `read` still gives the `intended` value back; else as printed."""
    misread = noise.confuse(printed, rng, rate)
    try:
        return misread if read(misread) == intended else printed
    except Unreadable:
        return printed


def _words(text: str, keep: set[str], change: Callable[[str], str]) -> str:
    """`text` with every word (`noise.WORD`) not in `keep` changed; what lies between words stays."""
    return noise.WORD.sub(lambda m: m[0] if m[0] in keep else change(m[0]), text)


def _smudge(word: str, rng: random.Random, rate: float) -> str:
    """A word outside every value: misread, and now and then a character dropped or doubled."""
    out = []
    for ch in noise.confuse(word, rng, rate):
        roll = rng.random()
        if roll >= rate:
            out.append(ch)
        elif roll >= rate / 2:
            out.append(ch * 2)
    return "".join(out)


def _broken_wraps(lines: list[str], rng: random.Random, rate: float) -> list[str]:
    """A scan's line breaks: a line split at a gap between words (about twice the character
    rate per line), or run on into the line before (about the rate)."""
    out: list[str] = []
    for line in lines:
        roll = rng.random()
        gaps = list(_GAP.finditer(line)) if roll < 2 * rate else []
        if gaps:
            gap = rng.choice(gaps)
            out += [line[: gap.start()], " " * rng.choice((0, 0, 1, 4)) + line[gap.end() :]]
        elif roll < 3 * rate and out and out[-1].strip() and line.strip():
            out[-1] = f"{out[-1].rstrip()} {line.lstrip()}"
        else:
            out.append(line)
    return out


def scanned(lines: list[str], shipment: Shipment, rng: random.Random, rate: float) -> list[str]:
    """The rendered lines as a scan reads them: noisy words outside values, broken wraps."""
    keep = protected_words(shipment)
    smudged = [_words(line, keep, lambda w: _smudge(w, rng, rate)) for line in lines]
    return _broken_wraps(smudged, rng, rate)
