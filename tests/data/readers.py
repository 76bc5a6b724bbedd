"""An independent reader of printed values, for the corpus tests.

The readers here follow the contract README's normalisation table directly (not the
generator's code), so a printed form and its label are checked against the rules a
human labeller applies.
"""

from __future__ import annotations

import datetime as dt
import re

MONTH_NAMES = {
    "jan": 1,
    "january": 1,
    "januar": 1,
    "janvier": 1,
    "janv": 1,
    "enero": 1,
    "januari": 1,
    "janeiro": 1,
    "gennaio": 1,
    "gen": 1,
    "ene": 1,
    "feb": 2,
    "february": 2,
    "februar": 2,
    "février": 2,
    "févr": 2,
    "fév": 2,
    "febrero": 2,
    "februari": 2,
    "fevereiro": 2,
    "fev": 2,
    "febbraio": 2,
    "mar": 3,
    "march": 3,
    "märz": 3,
    "mär": 3,
    "mars": 3,
    "marzo": 3,
    "maart": 3,
    "maa": 3,
    "março": 3,
    "apr": 4,
    "april": 4,
    "avril": 4,
    "avr": 4,
    "abril": 4,
    "abr": 4,
    "aprile": 4,
    "may": 5,
    "mai": 5,
    "mayo": 5,
    "mei": 5,
    "maio": 5,
    "maggio": 5,
    "mag": 5,
    "jun": 6,
    "june": 6,
    "juni": 6,
    "juin": 6,
    "junio": 6,
    "junho": 6,
    "giugno": 6,
    "giu": 6,
    "jul": 7,
    "july": 7,
    "juli": 7,
    "juillet": 7,
    "juil": 7,
    "julio": 7,
    "julho": 7,
    "luglio": 7,
    "lug": 7,
    "aug": 8,
    "august": 8,
    "août": 8,
    "aoû": 8,
    "agosto": 8,
    "ago": 8,
    "augustus": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "septembre": 9,
    "septiembre": 9,
    "setembro": 9,
    "set": 9,
    "settembre": 9,
    "oct": 10,
    "october": 10,
    "oktober": 10,
    "okt": 10,
    "octobre": 10,
    "octubre": 10,
    "outubro": 10,
    "out": 10,
    "ottobre": 10,
    "ott": 10,
    "nov": 11,
    "november": 11,
    "novembre": 11,
    "noviembre": 11,
    "novembro": 11,
    "dec": 12,
    "december": 12,
    "dezember": 12,
    "dez": 12,
    "décembre": 12,
    "déc": 12,
    "diciembre": 12,
    "dic": 12,
    "dezembro": 12,
    "dicembre": 12,
}


def read_date(printed: str, us_dates: bool) -> dt.date | None:
    """A date as a labeller reads it: None without a year; two-digit years are 20YY."""
    text = printed.strip().lower()
    words = re.findall(r"[^\W\d_]+", text)
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    month_words = [MONTH_NAMES[w] for w in words if w in MONTH_NAMES]
    if month_words:
        glued = re.fullmatch(r"(\d{1,2})([^\W\d_]+)(\d{2})", text)
        if glued:
            return dt.date(2000 + int(glued.group(3)), month_words[0], int(glued.group(1)))
        years = [n for n in numbers if n > 31 or len(str(n)) == 4]
        days = [n for n in numbers if n not in years]
        if len(numbers) == 1 or not days:
            return None
        year = years[0] if years else numbers[-1]
        return dt.date(year if year > 99 else 2000 + year, month_words[0], days[0])
    if re.fullmatch(r"\d{8}", text):
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    if len(numbers) < 3:
        return None
    if len(str(numbers[0])) == 4:
        return dt.date(numbers[0], numbers[1], numbers[2])
    first, second, year = numbers
    year = year if year > 99 else 2000 + year
    return dt.date(year, first, second) if us_dates else dt.date(year, second, first)


def read_number(printed: str, decimal_comma: bool) -> float:
    """Thousands separators removed, a decimal comma read as a point."""
    text = printed.strip()
    text = text.replace(".", "").replace(",", ".") if decimal_comma else text.replace(",", "")
    return float(text)


WEIGHT_WORDS = {
    "kgs": "kg",
    "kg": "kg",
    "kgm": "kg",
    "kilos": "kg",
    "lbs": "lb",
    "lb": "lb",
    "mt": "t",
    "t": "t",
    "tne": "t",
    "metric tons": "t",
}


def read_weight(printed: str, decimal_comma: bool) -> tuple[float, str]:
    """The first number and the first unit printed."""
    match = re.match(r"\s*(?:([A-Za-z ]+?)\s+)?([\d.,]+)\s*([A-Za-z ]+?)?(?:\s*[/(]|\s{2}|$)", printed)
    assert match, printed
    before, number, after = match.groups()
    unit = WEIGHT_WORDS[(before or after).strip().lower()]
    return read_number(number, decimal_comma), unit
