"""Printed forms of dates, numbers, weights, volumes and counts.

Each sampler rounds the value to what it prints first, so the label (computed from the
value) always equals what a reader normalises from the print by the contract's rules:
thousands separators dropped, a decimal comma read as a point, a two-digit year read
as 20YY, numeric day/month order per the document's convention (`Style.us_dates`).
"""

from __future__ import annotations

import datetime as dt
import random

from service.data.shipment import Count, DateValue, Style, Volume, Weight

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "de": (
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "pt": (
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ),
    "it": (
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ),
}
# Three-letter abbreviations as printed in upper-case carrier forms ("14 MÄR 2026").
_SHORT: dict[str, tuple[str, ...]] = {
    language: tuple(name[:3].upper().rstrip(".") for name in names) for language, names in MONTHS.items()
}
_SHORT["de"] = ("JAN", "FEB", "MÄR", "APR", "MAI", "JUN", "JUL", "AUG", "SEP", "OKT", "NOV", "DEZ")
_SHORT["fr"] = ("JANV", "FÉVR", "MARS", "AVR", "MAI", "JUIN", "JUIL", "AOÛT", "SEPT", "OCT", "NOV", "DÉC")


def format_number(value: float, decimals: int, style: Style, grouped: bool = True) -> str:
    """`value` with `decimals` places, thousands grouped, separators per the style."""
    text = f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"
    if style.decimal_comma:
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def _fraction_digits(raw: float, rng: random.Random, whole: bool) -> int:
    if whole:
        return 0
    if raw < 10:
        return rng.choice((1, 2, 2, 3))
    return rng.choice((0, 1, 2, 2, 3))


def sample_number(raw: float, style: Style, rng: random.Random, whole: bool = False) -> tuple[float, str]:
    """Round `raw` to a printable precision; returns (value, printed number)."""
    decimals = _fraction_digits(raw, rng, whole)
    value = round(raw, decimals)
    grouped = value >= 1000 and rng.random() < 0.8
    return value, format_number(value, decimals, style, grouped)


def sample_count(value: int, style: Style, rng: random.Random) -> Count:
    grouped = value >= 1000 and rng.random() < 0.6
    return Count(value, format_number(value, 0, style, grouped))


WEIGHT_UNITS: dict[str, tuple[str, ...]] = {
    "kg": ("KGS", "KGS", "KG", "kg", "Kgs", "kgs", "KGM", "KILOS"),
    "lb": ("LBS", "LBS", "LB", "lbs", "lb"),
    "t": ("MT", "MT", "t", "TNE", "metric tons"),
}
_CONVERT = {("kg", "lb"): 2.20462, ("lb", "kg"): 1 / 2.20462, ("t", "kg"): 1000.0, ("kg", "t"): 0.001}


def sample_weight(
    raw: float, unit: str, style: Style, rng: random.Random, second_unit: bool = False
) -> Weight:
    """A weight printed as "8.420,000 KGS", "KGS 8,420" or with a second unit after it."""
    value, number = sample_number(raw, style, rng)
    word = rng.choice(WEIGHT_UNITS[unit])
    printed = f"{word} {number}" if rng.random() < 0.08 else f"{number} {word}"
    if second_unit:
        other = "lb" if unit in ("kg", "t") else "kg"
        factor = _CONVERT.get((unit, other)) or _CONVERT[(unit, "kg")] * _CONVERT[("kg", other)]
        _, converted = sample_number(value * factor, style, rng)
        printed += rng.choice((" / ", " (", "  ")) + f"{converted} {rng.choice(WEIGHT_UNITS[other])}"
        if "(" in printed:
            printed += ")"
    return Weight(value, unit, printed, unit_printed=word)


VOLUME_UNITS = ("CBM", "CBM", "M3", "m3", "m³", "cbm", "CU.M.")
CUBIC_FEET_UNITS = ("CFT", "CU FT", "cu. ft.", "CUFT", "ft³")


def sample_volume(cbm: float, style: Style, rng: random.Random, cubic_feet_only: bool = False) -> Volume:
    """A volume in cubic metres, or the hard case: stated only in cubic feet (label null)."""
    if cubic_feet_only:
        _, number = sample_number(cbm * 35.3147, style, rng)
        word = rng.choice(CUBIC_FEET_UNITS)
        return Volume(None, f"{number} {word}", unit_printed=word)
    decimals = rng.choice((2, 3, 3, 1)) if cbm < 100 else rng.choice((0, 1, 2))
    value = round(cbm, decimals)
    if value == 0:
        value, decimals = 0.01, 2
    word = rng.choice(VOLUME_UNITS)
    return Volume(value, f"{format_number(value, decimals, style)} {word}", unit_printed=word)


def _two_digit(day: int) -> str:
    return f"{day:02d}"


def sample_date(date: dt.date, style: Style, rng: random.Random, without_year: bool = False) -> DateValue:
    """One of the many ways documents print a date; `without_year` is the null decoy."""
    language = style.language if rng.random() < 0.7 else "en"
    d, m, y = date.day, date.month, date.year
    dd, mm, yy = _two_digit(d), _two_digit(m), _two_digit(y % 100)
    short = _SHORT[language][m - 1]
    month = MONTHS[language][m - 1]
    if without_year:
        forms = [f"{dd}.{mm}.", f"{d} {short}", f"{short} {d}", f"{dd}/{mm}", f"{d}. {month}", f"{dd}{short}"]
        if style.us_dates:
            forms = [f"{mm}/{dd}", f"{short} {d}", f"{month.capitalize()} {d}"]
        return DateValue(None, rng.choice(forms))
    if style.us_dates:
        forms = [
            f"{mm}/{dd}/{y}",
            f"{mm}/{dd}/{yy}",
            f"{m}/{d}/{y}",
            f"{month.capitalize()} {d}, {y}",
            f"{short} {d}, {y}",
            f"{y}-{mm}-{dd}",
            f"{dd}-{short}-{yy}",
            f"{dd}{short}{yy}",
        ]
    else:
        forms = [
            f"{dd}.{mm}.{y}",
            f"{dd}/{mm}/{y}",
            f"{dd}-{mm}-{y}",
            f"{dd}.{mm}.{yy}",
            f"{y}-{mm}-{dd}",
            f"{y}/{mm}/{dd}",
            f"{dd} {short} {y}",
            f"{d} {month} {y}",
            f"{dd}{short}{yy}",
            f"{dd}-{short}-{yy}",
            f"{dd}-{short}-{y}",
            f"{y}{mm}{dd}",
        ]
        if language == "en":
            forms += [f"{month} {d}, {y}", f"{d} {month} {y}", f"{short} {dd}, {y}"]
        elif language in ("es", "pt"):
            forms.append(f"{d} de {month} de {y}")
        elif language == "de":
            forms.append(f"{d}. {month} {y}")
    printed = rng.choice(forms)
    if style.upper and rng.random() < 0.5:
        printed = printed.upper()
    return DateValue(date, printed)
