"""The stochastic layout generator: one document composed from sampled groups and placements.

`render(shipment, style, rng)` draws the document's habits once (captioner, placer, page
width), then composes: letterhead (a forwarder's, or the carrier's on its own papers) and
copy mark, the title, the header groups placed by the style's placement, the cargo lines
as a table or a list with the containers and any dangerous goods, the totals and remarks,
then what papers print below their goods (`afterword`: charges, declarations, signatures,
clauses, and now and then the dates, terms or date of issue), and the footer; now and then
the sailing and arrival are told in a sentence instead of boxes or lines. The e-mail
placement writes the same groups as an e-mail: headers,
prose sentences that carry some values, the rest as caption/value lines, a signature and
a quoted earlier message. The export placement writes them as a system's delimited flat
file (`export`). A style with OCR noise reads the whole document through a scan, values
included (`ocr`).
"""

from __future__ import annotations

import random

from service.data.families._prose import (
    ARRIVING,
    CLOSING,
    DEPARTED,
    GREETING,
    PREALERT_INTRO,
    SUBJECT_WORD,
    phrase,
)
from service.data.layouts import ocr, surroundings
from service.data.layouts.afterword import afterword
from service.data.layouts.captioner import Captioner
from service.data.layouts.draw import BORDERS, Border, fit
from service.data.layouts.export import export_lines
from service.data.layouts.groups import Field, Group, build_groups
from service.data.layouts.placements import Placer
from service.data.layouts.styles import LayoutStyle
from service.data.layouts.tables import (
    cargo_list,
    cargo_table,
    container_lines,
    container_table,
    dangerous_lines,
)
from service.data.shipment import Shipment

MAX_CHARS = 12_000
# Papers a carrier issues itself, on its own letterhead
CARRIER_ISSUED = frozenset(
    ("bill_of_lading", "sea_waybill", "air_waybill", "arrival_notice", "cargo_manifest")
)
_SECTION = {
    "references": "section_reference",
    "parties": "section_parties",
    "routing": "section_routing",
    "dates": "section_routing",
    "terms": "section_terms",
}


def _cargo(
    shipment: Shipment,
    cap: Captioner,
    border: Border,
    width: int,
    table: bool,
    rng: random.Random,
    totals: Group | None,
) -> list[str]:
    """Section heading, goods lines, containers (before or after) and a dangerous-goods note;
    half the tables print the `totals` that have a column in a last row (taken from the group)."""
    lines: list[str] = []
    if rng.random() < 0.4:
        lines += [cap("section_cargo"), ""]
    dg_apart = any(item.dangerous for item in shipment.items) and rng.random() < 0.4
    summed = totals if rng.random() < 0.5 else None
    goods = (
        cargo_table(shipment.items, cap, border, width, rng, dg_apart, summed)
        if table
        else cargo_list(shipment.items, cap, rng, dg_apart)
    )
    equipment: list[str] = []
    if shipment.containers:
        equipment = (
            container_table(shipment.containers, cap, border, rng)
            if table and rng.random() < 0.6
            else container_lines(shipment.containers, cap, rng)
        )
    blocks = [goods, equipment] if rng.random() < 0.6 else [equipment, goods]
    for block in blocks:
        if block:
            lines += [*block, ""]
    if dg_apart:
        lines += [*dangerous_lines(shipment.items, cap, rng), ""]
    return lines


def _title(shipment: Shipment, width: int, rng: random.Random) -> str:
    title = shipment.title
    how = rng.random()
    return title.center(width).rstrip() if how < 0.4 else title.rjust(width) if how < 0.5 else title


def _form(shipment: Shipment, style: LayoutStyle, cap: Captioner, rng: random.Random) -> list[str]:
    border = BORDERS[style.border]
    width = rng.choice((78, 88, 96, 110, 124))
    placer = Placer.for_document(style.placement, border, width, rng)
    groups = build_groups(shipment, cap, rng)
    lines: list[str] = []
    if shipment.carrier and shipment.document_type in CARRIER_ISSUED and rng.random() < 0.35:
        # the carrier's own paper: its name heads the page, often with no "Carrier" caption below
        lines += [*surroundings.letterhead(shipment, rng, name=shipment.carrier), ""]
        if rng.random() < 0.7:
            _take(groups.get("references"), "carrier")
    elif rng.random() < 0.5:
        lines += [*surroundings.letterhead(shipment, rng), ""]
    if rng.random() < 0.3:
        lines.append(surroundings.copy_mark(rng))
    lines += [_title(shipment, width, rng), ""]
    prose = _sentences(groups, style.languages[0], rng) if rng.random() < 0.2 else []
    paired = style.placement in ("boxes", "numbered") and {"parties", "references"} <= set(groups)
    if paired and rng.random() < 0.4:
        left, right = groups.pop("parties"), groups.pop("references")
        numbered = style.placement == "numbered"
        lines += [*placer.panels(left.fields, right.fields, rng, numbered), ""]
    # Papers that state their dates, terms or date of issue at the foot, below the goods
    late = [name for name in ("dates", "terms") if name in groups and rng.random() < 0.25]
    issued_late = _take(groups.get("references"), "issue_date") if rng.random() < 0.2 else None
    for name, group in groups.items():
        if name in ("totals", "remarks", *late):
            continue
        if rng.random() < 0.25:
            lines.append(cap(_SECTION[name]))
        lines += [*placer.place(group.fields, rng), ""]
    if prose:
        lines += [*(line for sentence in prose for line in fit(sentence, width)), ""]
    pages = 2 if len("\n".join(lines)) > 2500 and rng.random() < 0.5 else 1
    if pages == 2:
        lines += [surroundings.footer(shipment, 1, 2, rng), "", shipment.title, ""]
    table = style.placement in ("boxes", "numbered") or rng.random() < 0.6
    lines += _cargo(shipment, cap, border, width, table, rng, groups.get("totals"))
    for name in ("totals", "remarks"):
        if name in groups and groups[name].fields:
            lines += [*placer.place(groups[name].fields, rng), ""]
    foot = afterword(shipment, border, width, rng) if rng.random() < 0.8 else []
    foot += [placer.place(groups[name].fields, rng) for name in late if groups[name].fields]
    if issued_late:
        foot.append(placer.place([issued_late], rng))
    if rng.random() < 0.5:
        foot.append(surroundings.clauses(shipment, width, rng))
    rng.shuffle(foot)
    for block in foot:
        lines += [*block, ""]
    if rng.random() < 0.5 or pages == 2:
        lines.append(surroundings.footer(shipment, pages, pages, rng))
    return lines


def _take(group: Group | None, key: str) -> Field | None:
    """Remove and return the field `key` of `group` (for a prose sentence to print it instead)."""
    if group is None:
        return None
    for index, item in enumerate(group.fields):
        if item.key == key:
            return group.fields.pop(index)
    return None


def _sentences(groups: dict[str, Group], language: str, rng: random.Random) -> list[str]:
    """Sentences that print the sailing and arrival in prose, taking those fields out of their
    groups; a sentence whose fields are not all there is not written (the fields stay put)."""
    routing, dates = groups.get("routing"), groups.get("dates")
    sentences = []
    vehicle = _take(routing, "vessel_or_flight")
    origin = _take(routing, "port_of_loading")
    departure = _take(dates, "departure_date")
    if vehicle and origin and departure:
        values = {"origin": origin.lines[0], "date": departure.lines[0], "vehicle": vehicle.lines[0]}
        sentences.append(phrase(DEPARTED, language, rng).format(**values))
    else:
        for taken, group in ((vehicle, routing), (origin, routing), (departure, dates)):
            if taken and group is not None:
                group.fields.insert(0, taken)
    place = _take(routing, "port_of_discharge")
    arrival = _take(dates, "arrival_date")
    if place and arrival:
        sentences.append(phrase(ARRIVING, language, rng).format(place=place.lines[0], date=arrival.lines[0]))
    else:
        for taken, group in ((place, routing), (arrival, dates)):
            if taken and group is not None:
                group.fields.append(taken)
    return sentences


def _email(shipment: Shipment, style: LayoutStyle, cap: Captioner, rng: random.Random) -> list[str]:
    border = BORDERS[style.border]
    width = rng.choice((72, 80, 96))
    placer = Placer.for_document("kv", border, width, rng)
    groups = build_groups(shipment, cap, rng)
    language = style.languages[0]
    number = _take(groups.get("references"), "document_number")
    subject = f"{phrase(SUBJECT_WORD, language, rng)} {shipment.title}"
    if number and rng.random() < 0.5:
        subject += f" {number.lines[0]}"
    headers, sender, company = surroundings.mail_headers(shipment, subject, rng)
    body = [phrase(GREETING, language, rng), ""]
    if number:
        body.append(phrase(PREALERT_INTRO, language, rng).format(kind=shipment.title, number=number.lines[0]))
    body += _sentences(groups, language, rng)
    body.append("")
    for name, group in groups.items():
        if group.fields and name not in ("totals", "remarks"):
            body += [*placer.place(group.fields, rng), ""]
    body += _cargo(shipment, cap, border, width, rng.random() < 0.5, rng, groups.get("totals"))
    for name in ("totals", "remarks"):
        if name in groups and groups[name].fields:
            body += [*placer.place(groups[name].fields, rng), ""]
    body += [phrase(CLOSING, language, rng), ""]
    body += surroundings.signature(sender, company, language, rng)
    lines = [*headers, "", *body]
    if rng.random() < 0.5:
        reference = number.lines[0] if number and rng.random() < 0.3 else "our ref."
        lines += ["", *surroundings.quoted_message(shipment, reference, rng)]
    return lines


def render(shipment: Shipment, style: LayoutStyle, rng: random.Random) -> str:
    """The document text of `shipment` in `style`; fields it has no place for are dropped first,
    and a scanned style's misreads enter the values before they are placed (`ocr`)."""
    cap = Captioner.for_document(style, shipment, rng)
    if shipment.containers and rng.random() < 0.05:
        shipment.drop("containers")
    # The scan draws from its own stream, so a strength changes the noise and nothing else.
    scan, rate = random.Random(rng.getrandbits(32)), ocr.RATES[style.noise]
    if rate:
        ocr.misread_values(shipment, scan, rate)
    if style.placement == "email":
        lines = _email(shipment, style, cap, rng)
    elif style.placement == "export":
        lines = export_lines(shipment, build_groups(shipment, cap, rng), cap, rng)
    else:
        lines = _form(shipment, style, cap, rng)
    if rate:
        lines = ocr.scanned(lines, shipment, scan, rate)
    shipment.style.layout = style.name()
    return "\n".join(line.rstrip() for line in lines).strip("\n")
