"""The nature-of-goods phrase inside a free-text goods line (X12 N10/L5, EDIFACT FTX AAA).

Machine messages carry the goods description as free text that also holds the packing
statement, weights, tariff numbers, references and clauses (`01 CONTAINER 40 HC
CONTAINING 390 UNITS WITH : . 4011.20.00 TRUCK TIRES . DUE: ...`). The contract's
description is the goods phrase only. The text is cut into sentences (` . ` or a period
after a word); the phrase is the first sentence that is not a packing, weight or
`LABEL: value` statement, or the goods named by `<number> <unit> OF <goods>` in a packing
statement; tariff numbers before it and hazard, tariff and flash-point notes after it are
dropped. When no sentence qualifies, the text is kept as written. A tariff number the text
labels (`HS 6109.10`) is read for lines whose message has no tariff element of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from service.readers.spans import Joined, Span

# Abbreviations a goods phrase goes on after (`ART. NO. 381447`, `DIA. 2.00MM`): their dot ends no sentence
_ABBREVIATIONS = ("ART", "DIA", "REF", "INCL", "APPROX", "NOM")
_NOT_ABBREVIATED = "".join(
    rf"(?<!\b{form})" for word in _ABBREVIATIONS for form in (word, word.lower(), word.capitalize())
)
_SENTENCE_END = re.compile(rf"\s\.(?=\s|$)|(?<=[A-Za-z]{{3}}){_NOT_ABBREVIATED}\.(?=\s|$)")
_QUANTITY_OF = re.compile(r"\d[\d.,]*\s+[A-Z]+(?:\s+(?:NET|GROSS))?\s+OF\s+", re.IGNORECASE)
_PACKING = re.compile(
    r"\bCONTAINING\b|\bWEIGHT\b|\bMEASUREMENT\b"
    r"|\d\s*(?:X\s*)?(?:\d+'?\s*)?(?:CONTAINERS?|ISOTANKS?|TANKS?|UNITS?|PACKAGES?|PKGS?|PALLETS?|CARTONS?"
    r"|CTNS?|BAGS?|BOXES|CASES|DRUMS?|BALES?|PIECES|PCS|ROLLS?|BUNDLES?|CRATES?|KGS?|LBS?|MT|CBM|M3|MCUB)\b",
    re.IGNORECASE,
)
_LABELLED = re.compile(r"^[A-Z][A-Z .#/-]{0,30}:", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]{3}")
_LEADING_TARIFF = re.compile(r"\d{4}(?:\.\d{2}){1,3}\s+")
_TARIFF_LABEL = r"(?:HS|HTS|NCM|N\.\s?C\.\s?M\.|SCHEDULE\s+B|COMMODITY\s+CODE|TARIFF(?:\s+NO\.?)?)"
_TARIFF_NUMBER = r"(\d{4}(?:\.?\d{2}){1,3})(?![\d.]*\d)"
_NOTE = re.compile(
    r",\s*(?:CLASS|UN\b|IMO\b|IMDG|PG\b|FP\b|FLASH|HS\b|NCM\b)|\s(?:N\.?\s?C\.?\s?M\.?|HS\s?CODE|HTS)\s*[:.]"
    rf"|\s{_TARIFF_LABEL}\s*(?:CODE)?\s*:?\s*\d{{4}}|\sUN\s?-?\d{{4}}\b",
    re.IGNORECASE,
)
_TARIFF = re.compile(rf"\b{_TARIFF_LABEL}\s*(?:CODE)?\s*:?\s*{_TARIFF_NUMBER}", re.IGNORECASE)
_TRAILING = re.compile(r"[\s.,;:]+$")


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for end in _SENTENCE_END.finditer(text):
        yield start, end.start()
        start = end.end()
    yield start, len(text)


def _phrase(sentence: str) -> tuple[int, int] | None:
    """(start, end) of the goods phrase within one sentence, or None when it states none."""
    stated = list(_QUANTITY_OF.finditer(sentence))
    if stated:
        start = stated[-1].end()
    elif _PACKING.search(sentence) or _LABELLED.match(sentence.strip()) or not _WORD.search(sentence):
        return None
    else:
        start = len(sentence) - len(sentence.lstrip())
        tariff = _LEADING_TARIFF.match(sentence, start)
        start = tariff.end() if tariff else start
    note = _NOTE.search(sentence, start)
    end = note.start() if note else len(sentence)
    trailing = _TRAILING.search(sentence, start, end)
    end = trailing.start() if trailing else end
    return (start, end) if _WORD.search(sentence, start, end) else None


def goods_phrase(document: str, lines: list[Span]) -> Span | None:
    """The goods phrase of a description printed over `lines` (joined by one space)."""
    if not lines:
        return None
    joined = Joined(document, lines)
    for start, end in _sentences(joined.text):
        found = _phrase(joined.text[start:end])
        if found is not None:
            return joined.span(start + found[0], start + found[1])
    return joined.span(0, len(joined.text))


_HAZARD_CLASS = re.compile(
    r"\b(?:IMO\s*(?:CLASS)?|IMDG\s*CLASS|CLASS)\s*:?\s*([1-9](?:\.[1-6])?)(?![\d.])", re.I
)


def hazard_class(document: str, lines: list[Span]) -> Span | None:
    """The hazard class stated in a free-text goods line (`IMO CLASS: 3`, `Class 3`, `IMO 3`).

    The lines are read without the space that joins them elsewhere, so a word wrapped
    mid-way (`IMO CLA` / `SS: 3`) still reads.
    """
    joined = Joined(document, lines, separator="")
    match = _HAZARD_CLASS.search(joined.text)
    return joined.span(match.start(1), match.end(1)) if match else None


def tariff_number(document: str, lines: list[Span]) -> Span | None:
    """A tariff number the free text labels as one (`HS 6109.10`, `NCM: 0901.11.10`)."""
    joined = Joined(document, lines)
    match = _TARIFF.search(joined.text)
    return joined.span(match.start(1), match.end(1)) if match else None
