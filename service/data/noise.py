"""Scan and export artefacts, and the boilerplate that surrounds the facts on real documents.

`ocr_noise` is for text a family knows carries no label (captions, boilerplate, headers),
and `degrade` is applied by the corpus to whole lines that share no word with any printed
value. `confuse` is the look-alike misread a value itself may take: the stochastic
generator (`layouts.ocr`) prints it and labels it by the contract's rule. Helpers here
give families page headers/footers, terms-and-conditions paragraphs in the label
languages, rule lines, and wrapping at spaces only (a wrapped value still collapses to
its label).
"""

from __future__ import annotations

import random
import re
import textwrap

WORD = re.compile(r"\w+")

# Look-alike swaps an OCR engine makes; keys are what was printed.
_SWAPS: dict[str, tuple[str, ...]] = {
    "l": ("1", "|", "I"),
    "I": ("l", "1", "|"),
    "O": ("0", "Q"),
    "0": ("O",),
    "o": ("0",),
    "S": ("5",),
    "B": ("8",),
    "e": ("c",),
    "a": ("o",),
    "i": ("l", "1"),
    "t": ("f",),
    "E": ("F",),
    "G": ("6",),
    "Z": ("2",),
}
_PAIRS = (("rn", "m"), ("m", "rn"), ("cl", "d"), ("vv", "w"), ("li", "h"))


def _both_ways(swaps: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Every swap in both directions: a printed `1` is misread as `l` as readily as `l` as `1`."""
    table: dict[str, list[str]] = {}
    for printed, misreads in swaps.items():
        for misread in misreads:
            for seen, read in ((printed, misread), (misread, printed)):
                if read not in table.setdefault(seen, []):
                    table[seen].append(read)
    return {seen: tuple(reads) for seen, reads in table.items()}


_LOOKALIKES = _both_ways(_SWAPS)


def ocr_noise(text: str, rng: random.Random, rate: float = 0.03) -> str:
    """Character swaps (l/1, O/0, rn/m), stray `|` and `~`, doubled spaces, at about `rate` per character."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if rng.random() >= rate:
            out.append(ch)
            i += 1
            continue
        pair = next((p for p in _PAIRS if text.startswith(p[0], i)), None)
        if pair is not None:
            out.append(pair[1])
            i += len(pair[0])
            continue
        roll = rng.random()
        if ch in _SWAPS and roll < 0.6:
            out.append(rng.choice(_SWAPS[ch]))
        elif ch == " " and roll < 0.8:
            out.append("  ")
        elif roll < 0.85:
            out.append(ch + rng.choice(("|", "~", "'", ".", "`")))
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def confuse(text: str, rng: random.Random, rate: float) -> str:
    """Look-alike misreads only (l/1, O/0, S/5, rn/m, either way), at about `rate` per character:
    the noise a printed value may take, as unlike `ocr_noise` it adds no stray mark or space."""
    out: list[str] = []
    i = 0
    while i < len(text):
        if rng.random() < rate:
            pair = next((p for p in _PAIRS if text.startswith(p[0], i)), None)
            if pair is not None:
                out.append(pair[1])
                i += len(pair[0])
                continue
            if text[i] in _LOOKALIKES:
                out.append(rng.choice(_LOOKALIKES[text[i]]))
                i += 1
                continue
        out.append(text[i])
        i += 1
    return "".join(out)


def rule_line(width: int, rng: random.Random, broken: bool = False) -> str:
    """A horizontal rule ("-----", "=====", "_____"), with gaps when a scan broke it."""
    char = rng.choice("-=_-~*")
    line = char * width
    if broken:
        cells = list(line)
        for _ in range(rng.randint(1, max(1, width // 12))):
            start = rng.randrange(width)
            for j in range(start, min(width, start + rng.randint(1, 4))):
                cells[j] = " "
        line = "".join(cells).rstrip()
    return line


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters, broken at spaces only (never inside a word)."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


_PAGE: dict[str, tuple[str, ...]] = {
    "en": ("Page {p} of {n}", "Page {p}/{n}", "PAGE {p} OF {n}", "- {p} -", "Sheet {p}"),
    "de": ("Seite {p} von {n}", "Seite {p}/{n}", "Blatt {p}"),
    "fr": ("Page {p} sur {n}", "Page {p}/{n}"),
    "es": ("Página {p} de {n}", "Pág. {p}/{n}"),
    "nl": ("Pagina {p} van {n}", "Blad {p}"),
    "pt": ("Página {p} de {n}", "Folha {p}"),
    "it": ("Pagina {p} di {n}", "Pag. {p}/{n}"),
}
_HEADERS = (
    "ORIGINAL",
    "COPY NON NEGOTIABLE",
    "DUPLICATE",
    "COPY",
    "FIRST ORIGINAL",
    "PRINTED FROM SYSTEM",
    "CONFIDENTIAL",
    "DRAFT",
    "SECOND ORIGINAL",
    "THIRD ORIGINAL",
    "FOR CUSTOMS PURPOSES ONLY",
)


def page_footer(language: str, page: int, pages: int, rng: random.Random) -> str:
    """ "Page 1 of 2" in the document's language, sometimes with a form code."""
    text = rng.choice(_PAGE.get(language, _PAGE["en"]) if rng.random() < 0.8 else _PAGE["en"]).format(
        p=page, n=pages
    )
    if rng.random() < 0.3:
        form = rng.choice(("BL", "SWB", "AWB", "PL", "CM"))
        text = f"Form {form}-{rng.randint(1, 99):02d} rev.{rng.randint(1, 9)}    {text}"
    return text


def page_header(rng: random.Random) -> str:
    """A copy marking the top of a page carries ("ORIGINAL", "COPY NON NEGOTIABLE")."""
    return rng.choice(_HEADERS)


TERMS: dict[str, tuple[str, ...]] = {
    "en": (
        "RECEIVED by the Carrier from the Shipper in apparent good order and condition unless "
        "otherwise noted herein "
        "the total number or quantity of Containers or other packages or units indicated, for "
        "Carriage subject to all "
        "the terms and conditions hereof.",
        "The Merchant's attention is drawn to the fact that according to Clauses 10 to 12 of this "
        "Bill of Lading the "
        "liability of the Carrier is, in most cases, limited in respect of loss of or damage to the Goods.",
        "It is agreed that the goods described herein are accepted in apparent good order and "
        "condition for carriage "
        "subject to the conditions of contract on the reverse hereof. Insurance is not included "
        "unless requested.",
        "In witness whereof the number of original Bills of Lading stated above have been signed, "
        "one of which being "
        "accomplished, the other(s) to be void.",
        "Weight, measure, marks, numbers, quality, contents and value as declared by the Shipper, "
        "unknown to the Carrier.",
        "All business is transacted subject to the Standard Trading Conditions of the company, "
        "copies of which are "
        "available on request.",
    ),
    "de": (
        "Die Beförderung erfolgt auf der Grundlage der Allgemeinen Deutschen Spediteurbedingungen "
        "(ADSp) in der "
        "jeweils neuesten Fassung.",
        "Empfangen in äußerlich guter Beschaffenheit und Verfassung, soweit nicht anders angegeben. "
        "Gewicht, Maß, "
        "Inhalt und Wert laut Angabe des Absenders, dem Frachtführer unbekannt.",
    ),
    "fr": (
        "Reçu en apparence en bon état et conditionnement, sauf indication contraire, pour être "
        "transporté aux "
        "conditions figurant au verso du présent document.",
        "Poids, mesures, marques, nombre, qualité, contenu et valeur déclarés par le chargeur, "
        "inconnus du transporteur.",
    ),
    "es": (
        "Recibido en aparente buen estado y condición, salvo indicación en contrario, para ser "
        "transportado según "
        "los términos y condiciones al dorso.",
        "Peso, medida, marcas, números, calidad, contenido y valor según declaración del cargador, "
        "desconocidos por "
        "el porteador.",
    ),
    "nl": (
        "Alle werkzaamheden worden verricht op grond van de Nederlandse Expeditievoorwaarden "
        "(FENEX), laatste versie.",
        "Ontvangen in ogenschijnlijk goede staat, tenzij anders vermeld, om te worden vervoerd onder "
        "de voorwaarden "
        "op de keerzijde.",
    ),
    "pt": (
        "Recebido em aparente bom estado e condição, salvo indicação em contrário, para transporte "
        "nos termos e "
        "condições constantes do verso.",
        "Peso, medida, marcas, quantidade e valor conforme declarado pelo embarcador, desconhecidos "
        "do transportador.",
    ),
    "it": (
        "Ricevuto in apparente buon ordine e condizione, salvo quanto diversamente indicato, per il "
        "trasporto alle "
        "condizioni riportate sul retro.",
        "Peso, misure, marche, numeri, qualità, contenuto e valore come dichiarati dal caricatore, "
        "ignoti al vettore.",
    ),
}
_CONVENTIONS = (
    "This carriage is subject, notwithstanding any clause to the contrary, to the Convention on the "
    "Contract for "
    "the International Carriage of Goods by Road (CMR).",
    "Diese Beförderung unterliegt trotz einer gegenteiligen Abmachung den Bestimmungen des "
    "Übereinkommens über den "
    "Beförderungsvertrag im internationalen Straßengüterverkehr (CMR).",
    "Ce transport est soumis, nonobstant toute clause contraire, à la Convention relative au contrat "
    "de transport "
    "international de marchandises par route (CMR).",
    "The goods are carried subject to the Uniform Rules concerning the Contract of International "
    "Carriage of Goods "
    "by Rail (CIM).",
)


def terms_paragraph(
    language: str, rng: random.Random, width: int | None = None, convention: bool = False
) -> str:
    """One terms-and-conditions paragraph, in the document's language most of the time, wrapped if asked."""
    table = TERMS.get(language, TERMS["en"]) if rng.random() < 0.75 else TERMS["en"]
    text = rng.choice(_CONVENTIONS) if convention else rng.choice(table)
    if rng.random() < 0.3:
        text = text.upper()
    return "\n".join(wrap(text, width)) if width else text


def degrade(text: str, protected: set[str], rng: random.Random, rate: float = 0.03) -> str:
    """OCR noise on the lines that share no word (`WORD` token) with a printed value and hold no digit."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        words = WORD.findall(line)
        if words and protected.isdisjoint(words) and not any(ch.isdigit() for ch in line):
            lines[index] = ocr_noise(line, rng, rate)
    return "\n".join(lines)
