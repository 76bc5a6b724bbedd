"""Goods lines: commodity phrases with real HS codes, package types, tariff numbers,
dangerous-goods notes and shipping marks, each with its printed form.

Descriptions come from a curated commodity list (translated for the label languages,
since a German packing list says "Kartonverschließmaschinen") and, for variety, from
the HS reference wording shortened into a shipping-style phrase.
"""

from __future__ import annotations

import random
import re
import string
from dataclasses import dataclass

from service.data import reference
from service.data.shipment import Coded, DangerousGoods, Style


@dataclass(frozen=True, slots=True)
class Commodity:
    hs6: str
    packages: tuple[str, ...]  # contract package types it ships in
    names: dict[str, str]  # language -> phrase; "en" always present
    dangerous: tuple[str, str] | None = None  # (UN number digits, class)
    kg_per_package: tuple[float, float] = (0.0, 0.0)  # (0, 0): by package type


def _c(hs6: str, packages: str, en: str, other: str = "", dg: tuple[str, str] | None = None) -> Commodity:
    """Compact table row: `other` is "de=...|fr=..." translations."""
    names = {"en": en} | dict(pair.split("=", 1) for pair in other.split("|") if pair)
    return Commodity(hs6, tuple(packages.split()), names, dg)


COMMODITIES: tuple[Commodity, ...] = (
    _c("847130", "carton pallet", "PORTABLE COMPUTERS",
       "de=Tragbare Computer|fr=Ordinateurs portables|es=Computadoras portátiles|"
       "nl=Draagbare computers|pt=Computadores portáteis|it=Computer portatili"),
    _c("851762", "carton pallet", "NETWORK SWITCHES AND ROUTERS",
       "de=Netzwerk-Switches und Router|fr=Commutateurs et routeurs réseau|"
       "es=Conmutadores y routers de red"),
    _c("851822", "carton", "BLUETOOTH SPEAKERS",
       "de=Bluetooth-Lautsprecher|fr=Enceintes Bluetooth|es=Altavoces Bluetooth|"
       "it=Altoparlanti Bluetooth"),
    _c("851830", "carton", "HEADPHONES", "de=Kopfhörer|fr=Casques audio|es=Auriculares|pt=Fones de ouvido"),
    _c("850760", "carton pallet", "LITHIUM ION BATTERIES",
       "de=Lithium-Ionen-Batterien|fr=Batteries lithium-ion|es=Baterías de iones de litio", ('3480', '9')),
    _c("940360", "carton package crate", "WOODEN FURNITURE",
       "de=Holzmöbel|fr=Meubles en bois|es=Muebles de madera|nl=Houten meubelen|"
       "pt=Móveis de madeira|it=Mobili in legno"),
    _c("940161", "carton package", "UPHOLSTERED CHAIRS", "de=Polsterstühle|fr=Chaises rembourrées"),
    _c("950300", "carton", "PLASTIC TOYS",
       "de=Kunststoffspielzeug|fr=Jouets en plastique|es=Juguetes de plástico|nl=Plastic speelgoed|"
       "it=Giocattoli in plastica"),
    _c("610910", "carton bale", "COTTON T-SHIRTS",
       "de=Baumwoll-T-Shirts|fr=T-shirts en coton|es=Camisetas de algodón|pt=Camisetas de algodão|"
       "it=T-shirt di cotone"),
    _c("620342", "carton", "MEN'S COTTON TROUSERS",
       "de=Herrenhosen aus Baumwolle|fr=Pantalons homme en coton"),
    _c("640411", "carton", "SPORTS SHOES", "de=Sportschuhe|fr=Chaussures de sport|es=Calzado deportivo"),
    _c("640399", "carton", "LEATHER SHOES", "de=Lederschuhe|fr=Chaussures en cuir|it=Calzature in pelle"),
    _c("392690", "carton pallet", "PLASTIC HOUSEHOLD ARTICLES", "de=Haushaltsartikel aus Kunststoff"),
    _c("392321", "carton bale", "POLYETHYLENE BAGS", "es=Bolsas de polietileno|fr=Sacs en polyéthylène"),
    _c("731815", "pallet case drum carton", "STEEL BOLTS AND SCREWS",
       "de=Stahlschrauben und Bolzen|fr=Boulons et vis en acier|es=Pernos y tornillos de acero|"
       "nl=Stalen bouten en schroeven|it=Bulloni e viti in acciaio"),
    _c("720839", "coil", "HOT ROLLED STEEL COILS",
       "de=Warmgewalzte Stahlcoils|fr=Bobines d'acier laminées à chaud|"
       "es=Bobinas de acero laminado en caliente"),
    _c("721049", "coil", "GALVANIZED STEEL COILS", "de=Verzinkte Stahlcoils|it=Coils di acciaio zincato"),
    _c("870899", "pallet case carton crate", "AUTOMOTIVE SPARE PARTS",
       "de=Kfz-Ersatzteile|fr=Pièces détachées automobiles|es=Repuestos automotrices|"
       "nl=Auto-onderdelen|pt=Autopeças|it=Ricambi auto"),
    _c("401110", "piece pallet bundle", "PASSENGER CAR TYRES", "de=Pkw-Reifen|fr=Pneus de voitures"),
    _c("842240", "pallet case crate", "CARTON SEALING MACHINES",
       "de=Kartonverschließmaschinen|fr=Machines de fermeture de cartons|"
       "es=Máquinas cerradoras de cajas"),
    _c("842290", "case pallet", "SPARE PARTS FOR PACKAGING MACHINERY",
       "de=Ersatzteile für Verpackungsmaschinen|fr=Pièces de rechange pour machines d'emballage"),
    _c("841810", "piece carton", "REFRIGERATORS", "de=Kühlschränke|fr=Réfrigérateurs|es=Refrigeradores"),
    _c("845011", "piece carton", "WASHING MACHINES", "de=Waschmaschinen|fr=Machines à laver|es=Lavadoras"),
    _c("852872", "carton pallet", "LED TELEVISIONS",
       "de=LED-Fernseher|fr=Téléviseurs LED|es=Televisores LED"),
    _c("090111", "bag", "GREEN COFFEE BEANS",
       "de=Rohkaffee|fr=Café vert en grains|es=Café verde en grano|pt=Café verde em grão|"
       "nl=Groene koffiebonen|it=Caffè verde in grani"),
    _c("100630", "bag", "MILLED RICE", "es=Arroz blanqueado|pt=Arroz beneficiado|fr=Riz blanchi"),
    _c("220421", "carton case pallet", "RED WINE IN BOTTLES",
       "de=Rotwein in Flaschen|fr=Vin rouge en bouteilles|es=Vino tinto embotellado|"
       "pt=Vinho tinto em garrafas|it=Vino rosso in bottiglia"),
    _c("220300", "carton pallet", "BEER IN CANS", "de=Bier in Dosen|nl=Bier in blik|es=Cerveza en latas"),
    _c("080810", "carton pallet", "FRESH APPLES", "de=Frische Äpfel|fr=Pommes fraîches|es=Manzanas frescas"),
    _c("030617", "carton", "FROZEN SHRIMPS",
       "es=Camarones congelados|pt=Camarões congelados|fr=Crevettes congelées"),
    _c("020230", "carton", "FROZEN BONELESS BEEF",
       "es=Carne bovina deshuesada congelada|pt=Carne bovina desossada congelada"),
    _c("150920", "carton drum", "EXTRA VIRGIN OLIVE OIL",
       "es=Aceite de oliva virgen extra|it=Olio extravergine di oliva|pt=Azeite virgem extra"),
    _c("170199", "bag", "WHITE SUGAR", "pt=Açúcar branco|es=Azúcar blanco|fr=Sucre blanc"),
    _c("190219", "carton", "DRY PASTA", "it=Pasta secca|de=Teigwaren|fr=Pâtes alimentaires"),
    _c("320890", "drum pallet carton", "PAINTS AND VARNISHES",
       "de=Farben und Lacke|fr=Peintures et vernis|es=Pinturas y barnices|nl=Verven en vernissen|"
       "it=Pitture e vernici", ('1263', '3')),
    _c("281512", "drum ibc", "SODIUM HYDROXIDE SOLUTION",
       "de=Natronlauge|fr=Solution d'hydroxyde de sodium|es=Solución de hidróxido de sodio", ('1824', '8')),
    _c("290511", "drum ibc", "METHANOL", "de=Methanol|fr=Méthanol|es=Metanol", ('1230', '3')),
    _c("291411", "drum", "ACETONE", "de=Aceton|fr=Acétone|es=Acetona", ('1090', '3')),
    _c("390110", "bag pallet", "POLYETHYLENE GRANULES",
       "de=Polyethylen-Granulat|fr=Granulés de polyéthylène|es=Gránulos de polietileno|"
       "nl=Polyethyleen granulaat"),
    _c("390210", "bag pallet", "POLYPROPYLENE RESIN", "de=Polypropylen|es=Resina de polipropileno"),
    _c("480100", "roll reel", "NEWSPRINT IN ROLLS",
       "de=Zeitungsdruckpapier in Rollen|fr=Papier journal en rouleaux"),
    _c("481910", "bundle pallet", "CORRUGATED CARTONS", "de=Wellpappkartons|es=Cajas de cartón corrugado"),
    _c("440711", "bundle", "SAWN PINE TIMBER",
       "de=Kiefernschnittholz|fr=Bois de pin scié|pt=Madeira serrada de pinho"),
    _c("690721", "pallet crate", "CERAMIC FLOOR TILES",
       "es=Baldosas cerámicas|it=Piastrelle in ceramica|pt=Pisos cerâmicos|de=Keramikfliesen"),
    _c("700529", "crate case", "FLOAT GLASS SHEETS", "de=Floatglasscheiben|fr=Verre flotté en feuilles"),
    _c("730890", "bundle piece", "STEEL STRUCTURES", "de=Stahlkonstruktionen|fr=Charpentes métalliques"),
    _c("760421", "bundle crate", "ALUMINIUM PROFILES",
       "de=Aluminiumprofile|fr=Profilés en aluminium|es=Perfiles de aluminio|"
       "it=Profilati in alluminio"),
    _c("841391", "case pallet carton", "PUMP PARTS", "de=Pumpenteile|it=Parti di pompe"),
    _c("848180", "case pallet crate", "INDUSTRIAL VALVES",
       "de=Industriearmaturen|fr=Vannes industrielles|es=Válvulas industriales|"
       "it=Valvole industriali"),
    _c("850440", "carton", "POWER SUPPLIES", "de=Netzteile|fr=Alimentations électriques"),
    _c("854442", "reel carton pallet", "ELECTRIC CABLES",
       "de=Elektrokabel|fr=Câbles électriques|es=Cables eléctricos"),
    _c("854143", "pallet crate", "SOLAR PANELS",
       "de=Solarmodule|fr=Panneaux solaires|es=Paneles solares|nl=Zonnepanelen"),
    _c("871200", "carton", "BICYCLES", "de=Fahrräder|fr=Bicyclettes|nl=Fietsen|it=Biciclette"),
    _c("871160", "carton", "ELECTRIC BICYCLES",
       "de=E-Bikes|nl=Elektrische fietsen|fr=Vélos électriques", ('3171', '9')),
    _c("300490", "carton pallet", "PHARMACEUTICAL PRODUCTS",
       "de=Arzneimittel|fr=Produits pharmaceutiques|es=Productos farmacéuticos|"
       "pt=Produtos farmacêuticos"),
    _c("330499", "carton", "COSMETICS", "fr=Produits cosmétiques|it=Cosmetici|es=Cosméticos"),
    _c("520100", "bale", "RAW COTTON", "pt=Algodão em pluma|es=Algodón sin cardar|fr=Coton brut"),
    _c("310210", "bag", "UREA FERTILIZER", "es=Urea fertilizante|pt=Ureia fertilizante|de=Harnstoffdünger"),
    _c("271019", "drum ibc", "LUBRICATING OIL", "de=Schmieröl|fr=Huile lubrifiante|es=Aceite lubricante"),
    _c("691110", "carton pallet", "PORCELAIN TABLEWARE", "de=Porzellangeschirr|it=Stoviglie in porcellana"),
    _c("630260", "carton bale", "COTTON TOWELS",
       "pt=Toalhas de algodão|es=Toallas de algodón|de=Frottierhandtücher"),
    _c("420222", "carton", "HANDBAGS", "it=Borse|fr=Sacs à main|es=Bolsos de mano"),
    _c("392010", "roll pallet", "POLYETHYLENE FILM", "de=Polyethylenfolie|nl=Polyethyleenfolie"),
    _c("540247", "carton pallet bag", "POLYESTER FILAMENT YARN", "it=Filati di poliestere|de=Polyestergarn"),
    _c("740311", "bundle", "COPPER CATHODES", "es=Cátodos de cobre|de=Kupferkathoden|pt=Catodos de cobre"),
    _c("854449", "reel", "ELECTRIC CABLE ON REELS", "de=Kabel auf Trommeln|fr=Câble sur tourets"),
    _c("847160", "carton", "COMPUTER KEYBOARDS AND MICE", "de=Tastaturen und Mäuse"),
    _c("392390", "tote carton", "PLASTIC CONTAINERS", "de=Kunststoffbehälter"),
    _c("382499", "drum ibc pallet", "CHEMICAL PREPARATIONS",
       "de=Chemische Zubereitungen|fr=Préparations chimiques"),
    _c("071310", "bag", "DRIED PEAS", "fr=Pois secs|es=Arvejas secas"),
    _c("200290", "drum carton", "TOMATO PASTE",
       "it=Concentrato di pomodoro|es=Pasta de tomate|pt=Extrato de tomate"),
    _c("180690", "carton", "CHOCOLATE PRODUCTS",
       "de=Schokoladenwaren|nl=Chocoladeproducten|fr=Produits en chocolat"),
)  # fmt: skip

# Kilograms and cubic metres per package, by package type: (kg low, kg high, cbm low, cbm high).
PACKAGE_SIZES: dict[str, tuple[float, float, float, float]] = {
    "carton": (3, 28, 0.02, 0.12),
    "pallet": (180, 950, 0.9, 2.2),
    "case": (40, 450, 0.2, 1.8),
    "crate": (80, 900, 0.4, 3.0),
    "drum": (60, 260, 0.22, 0.3),
    "bag": (20, 50, 0.03, 0.07),
    "bale": (150, 230, 0.5, 0.9),
    "box": (2, 30, 0.01, 0.1),
    "bundle": (400, 3000, 0.3, 2.5),
    "coil": (5000, 24000, 1.5, 4.0),
    "piece": (5, 2500, 0.05, 3.0),
    "roll": (60, 900, 0.2, 1.6),
    "reel": (150, 2500, 0.5, 3.0),
    "tote": (250, 1000, 1.0, 1.5),
    "ibc": (900, 1350, 1.1, 1.3),
    "package": (5, 400, 0.05, 1.5),
}  # fmt: skip
# Package counts per line, by package type.
PACKAGE_COUNTS: dict[str, tuple[int, int]] = {
    "carton": (4, 1800),
    "pallet": (1, 40),
    "case": (1, 30),
    "crate": (1, 24),
    "drum": (4, 80),
    "bag": (20, 1100),
    "bale": (10, 120),
    "box": (5, 600),
    "bundle": (1, 30),
    "coil": (1, 12),
    "piece": (1, 200),
    "roll": (2, 60),
    "reel": (1, 20),
    "tote": (1, 20),
    "ibc": (1, 20),
    "package": (1, 300),
}  # fmt: skip

# Printed package words by contract type: (abbreviations/English, then per language).
PACKAGE_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "carton": {"en": ("CTNS", "CTN", "CARTONS", "cartons", "Cartons", "CTN(S)"),
        "de": ("Kartons", "Karton"), "fr": ("cartons",), "es": ("cartones", "cajas de cartón"),
        "nl": ("kartons", "dozen"), "pt": ("caixas de papelão",), "it": ("cartoni",)},
    "pallet": {"en": ("PLTS", "PLT", "PALLETS", "pallets", "skids", "SKIDS", "PALLET(S)"),
        "de": ("Paletten", "Palette"), "fr": ("palettes",), "es": ("pallets", "palés", "tarimas"),
        "nl": ("pallets",), "pt": ("paletes", "pallets"), "it": ("pallet", "bancali")},
    "case": {"en": ("CASES", "CS", "cases", "WOODEN CASES"), "de": ("Kisten",), "fr": ("caisses",),
        "es": ("cajones",), "nl": ("kisten",), "pt": ("caixotes",), "it": ("casse",)},
    "crate": {"en": ("CRATES", "CRT", "crates", "WOODEN CRATES"), "de": ("Verschläge", "Lattenkisten"),
        "fr": ("caisses à claire-voie",), "es": ("jaulas",), "nl": ("kratten",), "pt": ("engradados",),
        "it": ("gabbie",)},
    "drum": {"en": ("DRUMS", "DRS", "drums", "STEEL DRUMS"), "de": ("Fässer",), "fr": ("fûts",),
        "es": ("tambores", "bidones"), "nl": ("vaten",), "pt": ("tambores",), "it": ("fusti",)},
    "bag": {"en": ("BAGS", "BGS", "bags", "SACKS", "sacks"), "de": ("Säcke",), "fr": ("sacs",),
        "es": ("sacos",), "nl": ("zakken",), "pt": ("sacos", "sacas"), "it": ("sacchi",)},
    "bale": {"en": ("BALES", "BLS", "bales"), "de": ("Ballen",), "fr": ("balles",), "es": ("fardos",),
        "nl": ("balen",), "pt": ("fardos",), "it": ("balle",)},
    "box": {"en": ("BOXES", "BXS", "boxes"), "de": ("Schachteln",), "fr": ("boîtes",), "es": ("cajas",),
        "nl": ("doosjes",), "pt": ("caixas",), "it": ("scatole",)},
    "bundle": {"en": ("BUNDLES", "BDLS", "BDL", "bundles"), "de": ("Bunde", "Bündel"), "fr": ("fardeaux",),
        "es": ("atados",), "nl": ("bundels",), "pt": ("amarrados",), "it": ("fasci",)},
    "coil": {"en": ("COILS", "coils"), "de": ("Coils",), "fr": ("coils",), "es": ("bobinas",),
        "it": ("coils",)},
    "piece": {"en": ("PCS", "PIECES", "pcs", "pieces", "PCE"), "de": ("Stück", "Stk."), "fr": ("pièces",),
        "es": ("piezas",), "nl": ("stuks",), "pt": ("peças",), "it": ("pezzi",)},
    "roll": {"en": ("ROLLS", "RLS", "rolls"), "de": ("Rollen",), "fr": ("rouleaux",), "es": ("rollos",),
        "nl": ("rollen",), "pt": ("rolos",), "it": ("rotoli",)},
    "reel": {"en": ("REELS", "reels"), "de": ("Trommeln",), "fr": ("tourets",), "es": ("carretes",),
        "it": ("bobine",)},
    "tote": {"en": ("TOTES", "totes", "TOTE BINS")},
    "ibc": {"en": ("IBC", "IBCS", "IBCs", "IBC TANKS")},
    "package": {"en": ("PKGS", "PKG", "PACKAGES", "packages", "PACKAGE(S)"), "de": ("Packstücke", "Colli"),
        "fr": ("colis",), "es": ("bultos",), "nl": ("colli",), "pt": ("volumes",), "it": ("colli",)},
}  # fmt: skip  # fmt: skip
# The UN/ECE Rec 21 codes that text documents print (EDI uses the full list in the reference).
PACKAGE_CODES = {
    "carton": "CT",
    "pallet": "PX",
    "case": "CS",
    "crate": "CR",
    "drum": "DR",
    "bag": "BG",
    "bale": "BL",
    "box": "BX",
    "bundle": "BE",
    "coil": "CL",
    "piece": "PP",
    "roll": "RO",
    "reel": "RL",
    "package": "PK",
}
_SINGULAR: dict[str, tuple[str, ...]] = {
    'carton': ('CTN', 'CARTON'),
    'pallet': ('PLT', 'PALLET', 'SKID'),
    'case': ('CASE',),
    'crate': ('CRATE',),
    'drum': ('DRUM',),
    'bag': ('BAG',),
    'bale': ('BALE',),
    'box': ('BOX',),
    'bundle': ('BUNDLE', 'BDL'),
    'coil': ('COIL',),
    'piece': ('PC', 'PIECE'),
    'roll': ('ROLL',),
    'reel': ('REEL',),
    'tote': ('TOTE',),
    'ibc': ('IBC',),
    'package': ('PKG', 'PACKAGE'),
}  # fmt: skip


def sample_package(kind: str, quantity: int, style: Style, rng: random.Random) -> Coded:
    """How a line prints its package type: code, English word, or a local word."""
    if quantity == 1 and rng.random() < 0.7:
        word = rng.choice(_SINGULAR[kind])
    elif rng.random() < 0.08 and kind in PACKAGE_CODES:
        word = PACKAGE_CODES[kind]
    else:
        words = PACKAGE_WORDS[kind]
        language = style.language if style.language in words and rng.random() < 0.75 else "en"
        word = rng.choice(words[language])
    return Coded(kind, word.upper() if style.upper and word.islower() else word)


# Tariff-number names and how many digits each usually prints.
_TARIFF_NAMES: dict[str, tuple[tuple[str, int], ...]] = {
    "en": (
        ("HS CODE", 6),
        ("HS", 6),
        ("H.S.", 6),
        ("HTS", 10),
        ("Schedule B", 10),
        ("HS Code:", 6),
        ("Commodity code", 8),
        ("Tariff", 8),
    ),
    "de": (("Zolltarifnr.", 8), ("Warennummer", 8), ("KN", 8), ("HS", 6)),
    "fr": (("Code SH", 6), ("NC", 8), ("HS", 6)),
    "es": (("Partida", 6), ("NCM", 8), ("HS", 6), ("Código arancelario", 8)),
    "nl": (("GN-code", 8), ("HS", 6)),
    "pt": (("NCM", 8), ("HS", 6)),
    "it": (("Voce doganale", 8), ("HS", 6), ("Codice NC", 8)),
}


def sample_hs(hs6: str, style: Style, rng: random.Random) -> tuple[str, str]:
    """(digits label, printed form): "HS CODE 8422.40", "HTS 8471.30.0100", "NCM 8471.30.19"."""
    name, digits = rng.choice(
        _TARIFF_NAMES.get(style.language, _TARIFF_NAMES["en"]) + _TARIFF_NAMES["en"][:2]
    )
    if rng.random() < 0.3:
        digits = rng.choice((4, 6, 8, 10)) if rng.random() < 0.2 else 6
    code = hs6 if digits <= 6 else hs6 + "".join(rng.choices(string.digits, k=digits - 6))
    code = code[:digits]
    groups = [code[:4], code[4:6], code[6:]] if digits > 4 else [code]
    separator = rng.choice((".", ".", "", " "))
    number = separator.join(g for g in groups if g)
    if rng.random() < 0.15:
        return code, number
    return code, f"{name} {number}" if rng.random() < 0.85 else f"{name}: {number}"


def sample_dangerous(un: str, hazard: str, rng: random.Random, complete: bool = True) -> DangerousGoods:
    """A DG note; `complete=False` prints only one of UN number and class (labelled null)."""
    if not complete:
        printed = rng.choice(
            (
                f"UN {un}",
                f"UN{un}",
                f"IMO CLASS {hazard}",
                f"CLASS {hazard}",
                f"DG CLASS {hazard}",
                f"HAZARDOUS UN{un}",
            )
        )
        return DangerousGoods(f"UN{un}", hazard, printed, complete=False)
    printed = rng.choice(
        (
            f"UN {un}, CLASS {hazard}",
            f"UN{un} CL.{hazard}",
            f"IMO {hazard} UN {un}",
            f"UN{un} / {hazard}",
            f"IMDG CLASS {hazard}, UN NO. {un}",
            f"UN-Nr. {un}, Klasse {hazard}",
            f"ONU {un} classe {hazard}",
            f"UN {un} (Class {hazard})",
            f"UN{un} Class {hazard}",
            f"DG: UN {un} CL {hazard}",
        )
    )
    return DangerousGoods(f"UN{un}", hazard, printed)


_PARENTHESES = re.compile(r"\([^()]*\)")
_CUT = re.compile(r"n\.e\.c\.|\bother than\b|\bexcluding\b|\bwhether or not\b|\bnot elsewhere\b|\bn\.e\.s\.")
_DANGLING = {
    "and",
    "or",
    "of",
    "for",
    "with",
    "the",
    "in",
    "a",
    "an",
    "to",
    "on",
    "by",
    "other",
    "not",
    "but",
    "any",
    "all",
    "its",
    "their",
    "than",
    "less",
    "more",
    "whose",
    "which",
}


def hs_phrase(code: reference.HsCode) -> str:
    """The HS wording shortened to a shipping phrase: "Fish; live, trout" -> "FISH, LIVE, TROUT"."""
    text = _PARENTHESES.sub("", code.description)
    text = _CUT.split(text)[0]
    parts = [p.strip(" ,;:") for p in text.split(";")]
    head = parts[0]
    if len(parts) > 1 and parts[1]:
        head = f"{head}, {parts[1].split(',')[0].strip()}"
    words = head.split()[:8]
    while words and words[-1].strip(",;:").lower() in _DANGLING:
        words.pop()
    return " ".join(words).strip(" ,;:-") or code.heading


def sample_description(style: Style, rng: random.Random) -> tuple[str, str, Commodity | None]:
    """(phrase, hs6, commodity): a curated commodity most of the time, else an HS wording."""
    if rng.random() < 0.75:
        commodity = rng.choice(COMMODITIES)
        if style.language in commodity.names and rng.random() < 0.7:
            phrase = commodity.names[style.language]
        else:
            phrase = commodity.names["en"]
        if rng.random() < 0.25:
            phrase = phrase.upper() if phrase != phrase.upper() else phrase.capitalize()
        return phrase, commodity.hs6, commodity
    code = rng.choice(reference.load().hs_codes)
    phrase = hs_phrase(code)
    return (phrase.upper() if rng.random() < 0.6 else phrase), code.hs6, None


_SPEC_WORDS = (
    "GRADE 1", "GRADE A", "CLASS A", "TYPE 55", "S235JR", "S355MC", "AISI 304", "SUS316L", "100% COTTON",
    "PVC COATED", "GALVANIZED", "ASSORTED COLOURS", "KNOCK-DOWN", "RECTIFIED EDGE", "GLAZED", "BLACK",
    "FOOD GRADE", "WITH ACCESSORIES", "NEW", "UNASSEMBLED", "REFINED", "NON-WOVEN", "HOT ROLLED",
)  # fmt: skip


def _spec_part(decimal_comma: bool, rng: random.Random) -> str:
    def decimal(value: float) -> str:
        text = f"{value:.{rng.choice((1, 2))}f}"
        return text.replace(".", ",") if decimal_comma else text

    a, b, c = rng.randint(2, 300), rng.randint(2, 1500), rng.randint(2, 200)
    x = rng.choice(("X", "x", " X "))
    return rng.choice((
        f"{a}{x}{b} CM", f"{a}{x}{b}{x}{c} MM", f"{decimal(rng.uniform(0.5, 12))}{x}{b} MM",
        f"DIA. {decimal(rng.uniform(0.5, 40))}MM", f"{rng.choice((2, 14, 27, 32, 55))} INCH",
        f"{rng.choice((5, 12, 40, 120, 250))}W", f"{rng.choice((12, 24, 230, 400))}V", f"{c} GSM",
        f"MODEL {''.join(rng.choices(string.ascii_uppercase, k=2))}-{rng.randint(100, 9999)}",
        f"ART. NO. {rng.randint(10000, 999999)}", f"SIZE {c}-{c + rng.randint(2, 8)}",
        f"0-{rng.choice((10, 25, 40, 100))} BAR", f"DN {rng.choice((15, 25, 50))} - DN {b}",
        rng.choice(_SPEC_WORDS), rng.choice(_SPEC_WORDS),
    ))  # fmt: skip


def sample_spec(decimal_comma: bool, rng: random.Random) -> str:
    """A specification that ends a goods phrase (sizes, grade, model, material): one or two parts.
    Never a package word, a weight or a tariff or UN number, which the contract keeps apart."""
    parts = [_spec_part(decimal_comma, rng) for _ in range(rng.choice((1, 1, 2)))]
    return rng.choice((" ", ", ")).join(parts)


def sample_marks(consignee: str, city: str, quantity: int, rng: random.Random) -> str:
    """Shipping marks: "N/M", "ACME/HAMBURG/C/NO. 1-12", "PO 4500123456"."""
    stem = re.sub(r"[^A-Z0-9]", "", consignee.upper())[: rng.randint(3, 8)] or "CNEE"
    town = city.upper()
    return rng.choice(
        (
            "N/M",
            "NO MARKS",
            "AS ADDRESSED",
            f"{stem}/{town}/1-{quantity}",
            f"{stem}\n{town}\nC/NO. 1-{quantity}",
            f"PO {rng.randint(4500000000, 4599999999)}",
            f"{stem}-{town[:3]}-01/{quantity:02d}",
            f"{stem} {town}",
            f"ORDER NO. {rng.randint(10000, 99999)}",
            f"{stem}/MADE IN {rng.choice(('CHINA', 'GERMANY', 'ITALY', 'INDIA'))}",
            f"C/NO. 1-{quantity}",
            f"{stem}\nPO#{rng.randint(100000, 999999)}",
        )
    )
