"""What papers print below their goods: charges, declarations, signature boxes, bank details.

Real paperwork goes on for up to a page after its last goods line, and a model that only ever
saw goods close to the end of the text learns that goods lines run to the end: it reads
signatures, charges and stamps as more cargo. None of this text is labelled. Charges are
amounts in a currency (never a weight or a count of packages), and name prepaid or collect only
as the document's freight terms say; declarations count containers in words; signatures name
agents, people and the issuer's town. Wordings here are written for the corpus.
"""

from __future__ import annotations

import random

from service.data import noise, parties
from service.data.families._prose import SENDERS
from service.data.formats import format_number
from service.data.layouts.draw import Border, fit, grid, widths_for
from service.data.shipment import Shipment

_CHARGES: dict[str, tuple[str, ...]] = {
    "en": (
        "Ocean Freight", "Basic Freight", "BAF", "CAF", "THC Origin", "THC Destination",
        "Documentation Fee", "B/L Fee", "Seal Fee", "ISPS Surcharge", "Fuel Surcharge",
        "Security Surcharge", "AWB Fee", "Handling", "Customs Clearance", "Delivery Order Fee",
        "Low Sulphur Surcharge", "Peak Season Surcharge", "Screening", "Pick-up",
    ),
    "de": ("Seefracht", "Hafengebühren", "Dokumentengebühr", "Treibstoffzuschlag", "Zollabfertigung", "Maut"),
    "fr": ("Fret maritime", "Frais de dossier", "Surcharge carburant", "Manutention", "Dédouanement"),
    "es": ("Flete marítimo", "Gastos de documentación", "Recargo combustible", "Manipulación", "Despacho"),
    "nl": ("Zeevracht", "Documentkosten", "Brandstoftoeslag", "Behandeling", "Inklaring"),
    "pt": ("Frete marítimo", "Taxa de documentação", "Sobretaxa de combustível", "Manuseio"),
    "it": ("Nolo marittimo", "Diritti documentali", "Supplemento carburante", "Movimentazione"),
}  # fmt: skip
_CODES = ("AWC", "FSC", "SCC", "MYC", "CGC", "RAC", "DOC", "THC", "BAF", "ISP")
_CURRENCIES = ("USD", "EUR", "GBP", "CNY", "JPY", "KRW", "INR", "BRL", "TRY", "PLN", "CHF", "AED")
_BASES = ("per B/L", "per cntr", "per 20'", "per 40'", "lump sum", "per kg", "W/M", "per shipment", "flat")
_PAID = {
    "prepaid": ("Prepaid", "PREPAID", "PP", "Prepaid at origin"),
    "collect": ("Collect", "COLLECT", "CC"),
}
_DECLARATIONS: dict[str, tuple[str, ...]] = {
    "en": (
        "RECEIVED by the Carrier from the Shipper in apparent good order and condition unless otherwise "
        "noted herein, the goods or the containers said to contain the goods described above.",
        "Shipper certifies that the particulars on the face hereof are correct and that insofar as any "
        "part of the consignment contains dangerous goods, such part is properly described by name.",
        "IN WITNESS whereof the number of original documents stated above have been signed, one of "
        "which being accomplished, the others to stand void.",
        "We hereby certify that the cargo listed above was loaded on board the vessel named herein.",
        "The merchant is responsible for the accuracy of the weights declared. Carrier's liability is "
        "limited as per the conditions of carriage.",
        "Weight, measure, marks, numbers, quality, contents and value as declared by the shipper, unknown "
        "to the carrier.",
    ),
    "de": (
        "Der Absender haftet für die Richtigkeit der Angaben. Es gelten die Allgemeinen Deutschen "
        "Spediteurbedingungen in der jeweils neuesten Fassung.",
        "Die Ware wurde in äußerlich guter Beschaffenheit übernommen, soweit nicht anders vermerkt.",
    ),
    "fr": (
        "Reçu en apparent bon état et conditionnement sauf indication contraire, les marchandises "
        "décrites ci-dessus.",
        "L'expéditeur certifie l'exactitude des indications portées sur le présent document.",
    ),
    "es": (
        "Recibido en aparente buen estado y condición, salvo indicación en contrario, las mercancías "
        "descritas arriba.",
        "El remitente certifica que los datos consignados en este documento son correctos.",
    ),
    "nl": ("Ontvangen in ogenschijnlijk goede staat, tenzij anders vermeld.",),
    "pt": ("Recebido em aparente bom estado e condição, salvo indicação em contrário.",),
    "it": ("Ricevuto in apparente buono stato e condizione, salvo diversa indicazione.",),
}
_SIGNED = (
    "Signature of Shipper or his Agent",
    "Signature of Carrier or its Agent",
    "Signature of Issuing Carrier or its Agent",
    "Authorised signature",
    "Stamp and signature",
    "For and on behalf of the Carrier",
    "Unterschrift und Stempel des Absenders",
    "Signature et timbre du transporteur",
    "Firma y sello del porteador",
    "Handtekening en stempel",
)
_WORDS = ("ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN")
_BANKS = ("Commerzbank AG", "HSBC", "BNP Paribas", "Banco Santander", "ING Bank N.V.", "Standard Chartered")


def _amount(shipment: Shipment, rng: random.Random) -> str:
    value = rng.choice((rng.uniform(10, 400), rng.uniform(100, 5000), rng.uniform(1000, 900000)))
    return format_number(value, rng.choice((0, 2, 2)), shipment.style)


def charges(shipment: Shipment, border: Border, width: int, rng: random.Random) -> list[str]:
    """A charges block: a table, dotted lines, or one line of coded charges (an AWB's "Other
    Charges"). A prepaid or collect column only where the document's freight terms say which."""
    language = shipment.style.language if rng.random() < 0.6 else "en"
    names = rng.sample(_CHARGES.get(language, _CHARGES["en"]), k=rng.randint(2, 4))
    currency = rng.choice(_CURRENCIES)
    terms = shipment.freight_terms.value if shipment.freight_terms else None
    paid = rng.choice(_PAID[terms]) if terms in _PAID and rng.random() < 0.6 else None
    how = rng.random()
    if how < 0.2:
        codes = rng.sample(_CODES, k=rng.randint(2, 5))
        return fit("Other Charges: " + "  ".join(f"{code} {_amount(shipment, rng)}" for code in codes), width)
    if how < 0.55:
        lines = [rng.choice(("CHARGES", "Freight & charges", "Charges:", "FREIGHT CHARGES"))]
        for name in names:
            lead = f"{name} {rng.choice(_BASES)}" if rng.random() < 0.4 else name
            amount = f"{currency} {_amount(shipment, rng)}"
            line = f"{lead} ".ljust(28, rng.choice(". ")) + f" {amount}"
            lines.append(f"{line}  {paid}" if paid else line)
        if rng.random() < 0.5:
            lines.append(f"TOTAL {paid.upper() + ' ' if paid else ''}{currency} {_amount(shipment, rng)}")
        return lines
    head = ["Charge", "Basis", "Rate", "Currency", paid or "Amount"]
    table = [[[text] for text in head]]
    for name in names:
        figures = [rng.choice(_BASES), _amount(shipment, rng), currency, _amount(shipment, rng)]
        table.append([[name], *([text] for text in figures)])
    widths = widths_for(width, [3, 2, 1.5, 1, 1.5], border)
    return grid(table, [widths] * len(table), border, right_aligned={2, 4}, rules=rng.random() < 0.3)


def declaration(shipment: Shipment, width: int, rng: random.Random) -> list[str]:
    """A certification or receipt clause, and now and then the containers counted in words."""
    language = shipment.style.language if rng.random() < 0.6 else "en"
    text = rng.choice(_DECLARATIONS.get(language, _DECLARATIONS["en"]))
    lines = noise.wrap(text.upper() if rng.random() < 0.3 else text, width)
    count = len(shipment.containers)
    if 0 < count < len(_WORDS) and rng.random() < 0.4:
        unit = "CONTAINER" if count == 1 else "CONTAINERS"
        words = _WORDS[count]
        said = f"SAY {words} ({count}) {unit}" if rng.random() < 0.7 else f"SAY: {words} {unit}"
        lines.append(f"{said} ONLY")
    return lines


def signatures(shipment: Shipment, width: int, rng: random.Random) -> list[str]:
    """One or two signature boxes: what signs, for whom, a blank line to sign on, a name."""
    country = rng.choice(parties.countries_with_styles())
    agent = parties.company_name(country, rng)
    town = parties.sample_party(country, rng).address_lines[-1:] or [""]
    boxes = []
    for _ in range(rng.choice((1, 1, 2))):
        box = [rng.choice(_SIGNED)]
        if rng.random() < 0.5:
            box.append(f"{agent.upper() if rng.random() < 0.5 else agent} AS AGENT FOR THE CARRIER")
        if rng.random() < 0.5:
            box.append(f"at {town[0]}" if rng.random() < 0.5 else town[0])
        box.append(rng.choice(("_" * 24, "." * 28, "(signed)", rng.choice(SENDERS), "")))
        boxes.append(box)
    if len(boxes) == 1:
        return [line for line in boxes[0] if line]
    half, (left, right) = width // 2, boxes
    depth = max(len(left), len(right))
    left, right = left + [""] * (depth - len(left)), right + [""] * (depth - len(right))
    return [(a.ljust(half) + b).rstrip() for a, b in zip(left, right, strict=True)]


def bank_details(rng: random.Random) -> list[str]:
    """The issuer's bank account for the charges."""
    digits = "".join(rng.choices("0123456789", k=20))
    iban = rng.choice(("DE", "NL", "FR", "ES", "GB", "IT")) + digits
    spaced = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    bic = "".join(rng.choices("ABCDEFGHIJKLMNOPRSTUVWXZ", k=6)) + rng.choice(("2L", "FF", "HH", "MM"))
    return [f"Bank: {rng.choice(_BANKS)}", f"IBAN {spaced}   BIC/SWIFT {bic}"]


def afterword(shipment: Shipment, border: Border, width: int, rng: random.Random) -> list[list[str]]:
    """One to four of the blocks above, in a sampled order."""
    blocks = [
        lambda: charges(shipment, border, width, rng),
        lambda: declaration(shipment, width, rng),
        lambda: signatures(shipment, width, rng),
        lambda: bank_details(rng),
        lambda: [noise.page_header(rng)],
    ]
    return [block() for block in rng.sample(blocks, k=rng.randint(1, 4))]
