"""Printed codes and terms -> the contract's enums and code formats.

Each reader takes one printed span and returns the contract value, None where the
contract labels the print null (a container size without a type), or raises
`Unreadable`. Known OCR confusions (O/0, I/1, S/5, B/8, Z/2) are undone where the
position fixes the character class: in a container number the owner code is letters and
the serial digits, in a UN number everything is a digit.
"""

from __future__ import annotations

import re

from service.normalise.errors import Unreadable
from service.normalise.tables import country_names, fold, package_codes

INCOTERMS = ("EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP")
_TO_DIGIT = str.maketrans("OQDIlLSBZG", "0001115826")
_TO_LETTER = str.maketrans("0152864", "OISZBGA")
# A container number as it may be printed, so that `container_number` reads it: owner code and
# serial, with or without separators, characters misread as their look-alikes in either part.
_OWNER = "[A-Za-z0152864]"
_SERIAL = "[0-9OQDILSBZGoqdilsbzg]"
CONTAINER_PRINTED = (
    rf"(?<![A-Za-z0-9]){_OWNER}{{3}}[UJZujz2][ .-]?{_SERIAL}{{6}}(?: ?[-/.]? ?{_SERIAL})?(?![A-Za-z0-9])"
)


def country(span: str) -> str:
    """ISO 3166-1 alpha-2 of a printed country: `GERMANY`, `Deutschland`, `DE`, `U.S.A.` -> `DE`/`US`."""
    found = country_names().get(fold(span))
    if found is None:
        raise Unreadable(f"not a country: {span!r}")
    return found


# Party boxes that name no party ("SAME AS CONSIGNEE", "IDEM", a dash): the contract's null.
# Folded forms; a name is a placeholder when it is one of these or starts with a `... as` phrase.
_PLACEHOLDERS = frozenset(
    ("", "idem", "as above", "see above", "n a", "none", "same", "same as above", "wie oben", "dito", "ditto")
)
_PLACEHOLDER_OPENINGS = (
    "same as ", "idem ", "as per ", "wie empfanger", "wie absender", "igual al ", "igual que ",
    "zelfde als ", "come destinatario", "come mittente", "meme que ", "mesmo que ",
)  # fmt: skip


def is_placeholder(name: str) -> bool:
    """Whether a printed party name names no party: `SAME AS CONSIGNEE`, `IDEM DESTINATAIRE`, `--`."""
    folded = fold(name)
    return folded in _PLACEHOLDERS or folded.startswith(_PLACEHOLDER_OPENINGS)


def unlocode(span: str) -> str:
    """A printed UN/LOCODE with its spaces and brackets removed: `DE HAM` -> `DEHAM`."""
    code = re.sub(r"[^A-Za-z0-9]", "", span).upper()
    if not re.fullmatch(r"[A-Z]{2}[A-Z2-9]{3}", code):
        raise Unreadable(f"not a UN/LOCODE: {span!r}")
    return code


def incoterm(span: str) -> str:
    """The Incoterms 2020 code of a printed term; a named place after it is dropped."""
    for word in re.findall(r"[A-Za-z.]+", span):
        code = word.replace(".", "").upper()
        if code in INCOTERMS:
            return code
    raise Unreadable(f"no Incoterm in {span!r}")


_PREPAID = (
    "prepaid",
    "pre paid",
    "pp",
    "p p",
    "bezahlt",
    "frachtfrei",
    "vorausbezahlt",
    "paye",
    "payee",
    "pagado",
    "prepagado",
    "vooruitbetaald",
    "franco",
    "pago",
    "pre pago",
    "prepagato",
    "porto franco",
    "freight paid",
    "pre",  # DCSA paymentTermCode
)
_COLLECT = (
    "collect",
    "cc",
    "c c",
    "unfrei",
    "zahlbar",
    "du",
    "payable",
    "por cobrar",
    "a cobrar",
    "te betalen",
    "onfranco",
    "a pagar",
    "assegnato",
    "to collect",
    "col",  # DCSA paymentTermCode
)


def _has_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    return any(re.search(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", text) for phrase in phrases)


def freight_terms(span: str) -> str:
    """`prepaid` or `collect` of printed freight terms, in the languages the corpus speaks."""
    text = fold(span).replace("/", " ")
    collect, prepaid = _has_phrase(text, _COLLECT), _has_phrase(text, _PREPAID)
    if collect != prepaid:
        return "collect" if collect else "prepaid"
    raise Unreadable(f"not freight terms: {span!r}")


# ISO 6346 size/type codes: length (2 = 20 ft, 4 = 40 ft, L = 45 ft), height (5/9 = high cube),
# group (G general, V ventilated, R reefer, U open top, P flat rack, T tank).
_ISO_CODE = re.compile(r"([24L])([0-9])([GVRUPT])([0-9])")
_ISO_GROUP = {"G": "GP", "V": "GP", "R": "RF", "U": "OT", "P": "FR", "T": "TK"}
_TYPE_WORDS = (
    ("RF", ("reefer", "rf", "re", "rh", "reefer container", "refrigerated", "kuhl", "frigo")),
    ("OT", ("open top", "ot")),
    ("FR", ("flat rack", "fr", "flat", "flatrack")),
    ("TK", ("tank", "tk", "iso tank", "tank container")),
    ("HC", ("high cube", "hc", "hq", "hi cube", "highcube", "hi-cube")),
    ("GP", ("dv", "dc", "gp", "dry", "dry van", "standard", "general purpose", "st", "box", "dry box")),
)
SIZE_TYPES = frozenset(
    ("20GP", "40GP", "40HC", "45HC", "20RF", "40RF", "20OT", "40OT", "20FR", "40FR", "20TK")
)


def _from_iso(code: str) -> str:
    length, height, group = {"2": "20", "4": "40", "L": "45"}[code[0]], code[1], code[2]
    kind = _ISO_GROUP[group]
    if kind == "GP" and height in "59":
        kind = "HC"
    return f"{length}{kind}"


def size_type(span: str) -> str | None:
    """The contract size type of a printed size: `40' HIGH CUBE`, `40HQ`, `45G1` -> `40HC`.

    A size printed without a type (`40'`, `20 FT`) is the contract's null.
    """
    compact = re.sub(r"[^A-Za-z0-9]", "", span).upper()
    if _ISO_CODE.fullmatch(compact):
        found = _from_iso(compact)
    else:
        match = re.match(r"\s*(20|40|45)\s*(?:'|′|’|ft\b|feet\b|fuß\b|pies\b)?\s*(.*)$", span, re.IGNORECASE)
        if match is None:
            raise Unreadable(f"not a container size: {span!r}")
        words = " " + fold(match[2]).replace("-", " ") + " "
        kinds = [kind for kind, names in _TYPE_WORDS if any(f" {name} " in words for name in names)]
        if not kinds:
            if words.strip() in ("", "ft", "feet", "container", "cntr"):
                return None
            raise Unreadable(f"not a container type: {span!r}")
        kind = "RF" if "RF" in kinds else kinds[0]
        found = f"{match[1]}{kind}"
    if found == "45GP":
        found = "45HC"
    if found not in SIZE_TYPES:
        raise Unreadable(f"size type {found} is not in the contract: {span!r}")
    return found


_PACKAGE_WORDS: dict[str, tuple[str, ...]] = {
    "carton": (
        "ctn",
        "ctns",
        "carton",
        "cartons",
        "ctn s",
        "kartons",
        "karton",
        "cartones",
        "cajas de carton",
        "kartonnen",
        "dozen",
        "caixas de papelao",
        "cartoni",
        "cartone",
        "cartonnes",
    ),
    "pallet": (
        "plt",
        "plts",
        "pallet",
        "pallets",
        "skid",
        "skids",
        "pallet s",
        "paletten",
        "palette",
        "palettes",
        "pales",
        "tarimas",
        "paletes",
        "bancali",
        "pal",
        "pals",
        "palet",
        "palety",
    ),
    "case": (
        "cs",
        "cas",
        "case",
        "cases",
        "wooden cases",
        "kisten",
        "kiste",
        "caisses",
        "caisse",
        "cajones",
        "cajon",
        "caixotes",
        "casse",
        "cassa",
    ),
    "crate": (
        "crt",
        "crate",
        "crates",
        "wooden crates",
        "verschlage",
        "lattenkisten",
        "caisses a claire voie",
        "jaulas",
        "kratten",
        "engradados",
        "gabbie",
    ),
    "drum": (
        "dr",
        "drm",
        "drs",
        "drum",
        "drums",
        "steel drums",
        "fasser",
        "fass",
        "futs",
        "fut",
        "tambores",
        "bidones",
        "vaten",
        "fusti",
    ),
    "bag": (
        "bg",
        "bgs",
        "bag",
        "bags",
        "sack",
        "sacks",
        "sacke",
        "sacs",
        "sac",
        "sacos",
        "zakken",
        "sacas",
        "sacchi",
        "big bags",
    ),
    "bale": ("bl", "ble", "bls", "bale", "bales", "ballen", "balles", "fardos", "balen", "balle"),
    "box": ("bx", "bxs", "box", "boxes", "schachteln", "boites", "cajas", "doosjes", "caixas", "scatole"),
    "bundle": (
        "bdl",
        "bdls",
        "bundle",
        "bundles",
        "bunde",
        "bundel",
        "fardeaux",
        "atados",
        "bundels",
        "amarrados",
        "fasci",
    ),
    "coil": ("col", "coil", "coils", "bobinas"),
    "piece": (
        "pc",
        "pcs",
        "pce",
        "piece",
        "pieces",
        "stuck",
        "stk",
        "pieces",
        "piezas",
        "stuks",
        "pecas",
        "pezzi",
    ),
    "roll": ("rol", "rls", "roll", "rolls", "rollen", "rouleaux", "rollos", "rolos", "rotoli"),
    "reel": ("rl", "rel", "reel", "reels", "trommeln", "tourets", "carretes", "bobine"),
    "tote": ("tot", "tote", "totes", "tote bins"),
    "ibc": ("ibc", "ibcs", "ibc tanks"),
    "package": (
        "pk",
        "pkg",
        "pkgs",
        "package",
        "packages",
        "package s",
        "packstucke",
        "colli",
        "colis",
        "bultos",
        "volumes",
        "pack",
        "packs",
        "pieces packages",
    ),
}
_PACKAGES = {word: kind for kind, words in _PACKAGE_WORDS.items() for word in words}


def package_type(span: str) -> str:
    """The singular contract word of a package: `CTNS`, `cartons` -> `carton`; Rec 21 `PX` -> `pallet`."""
    key = fold(span)
    if key in _PACKAGES:
        return _PACKAGES[key]
    code = span.strip().upper()
    if code in package_codes():
        return package_codes()[code]
    raise Unreadable(f"not a package type: {span!r}")


def hs_code(span: str) -> str:
    """Digits only: `8471.30` -> `847130`; four to ten of them."""
    digits = re.sub(r"[\s.\-]", "", span)
    if not re.fullmatch(r"[0-9]{4,10}", digits):
        raise Unreadable(f"not a tariff number: {span!r}")
    return digits


def container_number(span: str) -> str:
    """ISO 6346 with spaces and dashes removed, upper case, OCR confusions undone by position."""
    compact = re.sub(r"[\s\-./]", "", span).upper()
    if len(compact) != 11:
        raise Unreadable(f"not a container number: {span!r}")
    number = compact[:4].translate(_TO_LETTER) + compact[4:].translate(_TO_DIGIT)
    if not re.fullmatch(r"[A-Z]{4}[0-9]{7}", number):
        raise Unreadable(f"not a container number: {span!r}")
    return number


def un_number(span: str) -> str:
    """`UN 1263`, `1263`, `UN-Nr. 1263` -> `UN1263`."""
    digits = re.sub(r"^\s*(UN|ONU)\W*(NO|NR|NUMBER)?\W*", "", span.upper())
    digits = re.sub(r"\s", "", digits).translate(_TO_DIGIT)
    if not re.fullmatch(r"[0-9]{4}", digits):
        raise Unreadable(f"not a UN number: {span!r}")
    return f"UN{digits}"


def hazard_class(span: str) -> str:
    """`3`, `CLASS 2.1`, `Kl. 8` -> the class and division as the contract writes them."""
    match = re.search(r"(?<!\d)(?<!\d\.)([1-9])(?:\.([1-6]))?(?![\d])", span)
    if match is None:
        raise Unreadable(f"not a hazard class: {span!r}")
    return f"{match[1]}.{match[2]}" if match[2] else match[1]
