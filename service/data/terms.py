"""Commercial terms as printed: Incoterms with their named place, and freight payment terms."""

from __future__ import annotations

import random

from service.data.shipment import Coded

INCOTERMS = ("EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP")
# Terms whose named place is at origin; the others name a place at destination.
_ORIGIN_TERMS = {"EXW", "FCA", "FAS", "FOB"}
# FAS, FOB, CFR and CIF are for sea and inland waterway only.
_SEA_ONLY = {"FAS", "FOB", "CFR", "CIF"}
_WEIGHTS = {"EXW": 6, "FCA": 12, "FAS": 1, "FOB": 30, "CFR": 10, "CIF": 18, "CPT": 4, "CIP": 2, "DAP": 10,
            "DPU": 1, "DDP": 7}  # fmt: skip


def sample_incoterm(origin: str, destination: str, mode: str, rng: random.Random) -> Coded:
    """ "CIF New York", "FOB SHANGHAI", "DAP Lyon, Incoterms 2020", "EXW"; the label is the code."""
    codes = [c for c in INCOTERMS if mode == "sea" or c not in _SEA_ONLY]
    code = rng.choices(codes, weights=[_WEIGHTS[c] for c in codes])[0]
    place = origin if code in _ORIGIN_TERMS else destination
    printed = rng.choice(
        (
            f"{code} {place}",
            f"{code} {place}",
            f"{code} {place.upper()}",
            code,
            f"{code} {place}, Incoterms 2020",
            f"{code} {place} (Incoterms® 2020)",
            f"{code} - {place}",
            f"{code} {place} PORT",
        )
    )
    return Coded(code, printed)


FREIGHT_TERMS: dict[str, dict[str, tuple[str, ...]]] = {
    "prepaid": {
        "en": ("FREIGHT PREPAID", "PREPAID", "PP", "Freight Prepaid", "FREIGHT PREPAID AS ARRANGED", "P/P"),
        "de": ("Fracht bezahlt", "frachtfrei", "FRACHT VORAUSBEZAHLT"),
        "fr": ("port payé", "fret payé d'avance", "FRET PAYÉ"),
        "es": ("flete pagado", "FLETE PREPAGADO"),
        "nl": ("vracht vooruitbetaald", "franco"),
        "pt": ("frete pago", "FRETE PRÉ-PAGO"),
        "it": ("porto franco", "nolo prepagato"),
    },
    "collect": {
        "en": (
            "FREIGHT COLLECT",
            "COLLECT",
            "CC",
            "Freight Collect",
            "C/C",
            "FREIGHT PAYABLE AT DESTINATION",
        ),
        "de": ("Fracht unfrei", "unfrei", "FRACHT ZAHLBAR AM BESTIMMUNGSORT"),
        "fr": ("port dû", "fret payable à destination"),
        "es": ("flete por cobrar", "FLETE A COBRAR"),
        "nl": ("vracht te betalen", "onfranco"),
        "pt": ("frete a pagar", "FRETE A COBRAR"),
        "it": ("porto assegnato", "nolo assegnato"),
    },
}


def sample_freight_terms(language: str, rng: random.Random) -> Coded:
    value = "prepaid" if rng.random() < 0.65 else "collect"
    table = FREIGHT_TERMS[value]
    words = table[language] if language in table and rng.random() < 0.6 else table["en"]
    return Coded(value, rng.choice(words))
