"""Printed dates -> ISO `YYYY-MM-DD` by the contract's rules.

Six digits without separators are YYMMDD (machine messages). Numeric dates follow the
document's convention (`day_first` or `month_first`) unless a part over 12 settles the
order; a two-digit year is 20YY; a date that prints no year is null (the contract's rule),
never completed with a guessed year. Month names come from a table of the languages
freight documents are written in, full and abbreviated, with or without diacritics and
trailing dots.

Why not a date library: dateparser and dateutil fill a missing year from today's date and
guess the order from the locale of the machine, both of which the contract forbids, and
they take tens of microseconds to milliseconds a call against about two here.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from service.normalise.errors import Unreadable

_MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"),
    "de": ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "dezember"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
           "outubro", "novembro", "dezembro"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
           "ottobre", "novembre", "dicembre"),
    "pl": ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
           "października", "listopada", "grudnia"),
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
           "oktober", "november", "december"),
    "tr": ("ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim",
           "kasım", "aralık"),
}  # fmt: skip
# Abbreviations that are not the first three letters of a name above.
_EXTRA_ABBREVIATIONS = {
    "sept": 9, "janv": 1, "févr": 2, "fevr": 2, "avr": 4, "juil": 7, "déc": 12, "okt": 10, "dez": 12,
    "mrz": 3, "mär": 3, "mae": 3, "maer": 3, "ene": 1, "dic": 12, "ago": 8, "set": 9, "out": 10,
    "mei": 5, "mag": 5, "giu": 6, "lug": 7, "ott": 10, "sty": 1, "lut": 2, "kwi": 4, "cze": 6,
    "lip": 7, "sie": 8, "wrz": 9, "paz": 10, "lis": 11, "gru": 12, "abr": 4, "fev": 2, "dec": 12,
}  # fmt: skip


def _fold(word: str) -> str:
    """Lower case without diacritics or dots: `MÄR.` -> `mar`."""
    decomposed = unicodedata.normalize("NFKD", word.lower().strip("."))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for names in _MONTH_NAMES.values():
        for number, name in enumerate(names, start=1):
            for form in (name, name[:3], name[:4]):
                table.setdefault(_fold(form), number)
    for word, number in _EXTRA_ABBREVIATIONS.items():
        table[_fold(word)] = number
    return table


_MONTHS = _month_table()
_TOKEN = re.compile(r"\d+|[^\W\d_]+\.?", re.UNICODE)
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_COMPACT = re.compile(r"((?:19|20)\d{2})(\d{2})(\d{2})")
# Six digits: YYMMDD, the short date of machine messages (X12 DT, EDIFACT format 101,
# Cargo-IMP); free text prints six-digit dates with separators, so this form is theirs.
_SHORT = re.compile(r"(\d{2})(\d{2})(\d{2})")
_NUMERIC = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})")
_NUMERIC_NO_YEAR = re.compile(r"(\d{1,2})[-/.](\d{1,2})\.?")
_FILLER = {"de", "of", "del", "the", "le", "el", "du", "den", "der", "th", "st", "nd", "rd", "r", "er"}


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def _build(year: int, month: int, day: int, span: str) -> str:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise Unreadable(f"not a calendar date: {span!r}") from None


def _numeric(first: int, second: int, day_first: bool) -> tuple[int, int]:
    """(month, day) of a numeric date: a part over 12 is the day, else the convention decides."""
    if first > 12 >= second:
        return second, first
    if second > 12 >= first:
        return first, second
    return (second, first) if day_first else (first, second)


def parse_date(span: str, day_first: bool = True) -> str | None:
    """The ISO date a printed date stands for; None when it prints no year (the contract's null)."""
    text = span.strip()
    if match := _ISO.fullmatch(text):
        return _build(int(match[1]), int(match[2]), int(match[3]), span)
    if match := _COMPACT.fullmatch(text):
        return _build(int(match[1]), int(match[2]), int(match[3]), span)
    if match := _SHORT.fullmatch(text):
        return _build(_year(match[1]), int(match[2]), int(match[3]), span)
    if match := _NUMERIC.fullmatch(text):
        month, day = _numeric(int(match[1]), int(match[2]), day_first)
        return _build(_year(match[3]), month, day, span)
    if _NUMERIC_NO_YEAR.fullmatch(text):
        return None
    return _worded(text, span)


def _worded(text: str, span: str) -> str | None:
    """Dates with a month name: `14 MAR 2026`, `March 14, 2026`, `14MAR26`, `14. März 2026`."""
    month: int | None = None
    numbers: list[str] = []
    for token in _TOKEN.findall(text):
        if token.isdigit():
            numbers.append(token)
            continue
        folded = _fold(token)
        if folded in _MONTHS and month is None:
            month = _MONTHS[folded]
        elif folded not in _FILLER:
            raise Unreadable(f"not a date: {span!r}")
    if month is None or not numbers or len(numbers) > 2:
        raise Unreadable(f"not a date: {span!r}")
    if len(numbers) == 1:
        if len(numbers[0]) > 2:
            raise Unreadable(f"not a date: {span!r}")
        return None
    first, second = numbers
    if len(first) == 4:
        first, second = second, first
    if len(first) > 2 or len(second) not in (2, 4):
        raise Unreadable(f"not a date: {span!r}")
    return _build(_year(second), month, int(first), span)
