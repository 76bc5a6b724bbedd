"""Companies with postal addresses in the manner of their country, and the party decoys.

Each country has a way of writing streets, postcodes and the town line; towns come from
the UN/LOCODE list of that country so names are real. The country line is printed in
one of the many ways `countries.csv` knows, or left out (then the label's country is null).
"""

from __future__ import annotations

import random
import re
import string
from dataclasses import dataclass

from service.data import reference
from service.data.shipment import Party


@dataclass(frozen=True, slots=True)
class AddressStyle:
    streets: tuple[str, ...]  # templates with {s} (street stem) and {n} (house number)
    stems: str  # key into STEMS
    postcode: str  # '#' digit, 'A' letter, '' none
    town_line: str  # "{pc} {town}", "{town} {pc}", "{town}, {sub} {pc}"
    legal: tuple[str, ...]  # legal-form suffixes; "PT " style prefixes end with a space


STEMS: dict[str, tuple[str, ...]] = {
    "de": ("Industrie", "Haupt", "Bahnhof", "Hafen", "Linden", "Garten", "Mühlen", "Berg", "Kirch",
        "Schiller", "Goethe", "Wald", "Gewerbe", "Rhein", "Feld", "Markt", "Post", "Werk", "Ring",
        "Birken"),
    "en": ("Harbor", "Main", "Oak", "Maple", "Industrial", "Commerce", "Lake", "Park", "River",
        "Washington", "Mill", "Station", "Church", "Bridge", "King", "Queen", "Victoria", "Cedar", "Pine",
        "Market"),
    "fr": ("de la République", "Victor Hugo", "du Port", "des Lilas", "Jean Jaurès", "de Paris", "Pasteur",
        "de l'Industrie", "du Général Leclerc", "des Acacias", "Gambetta", "de la Gare"),
    "es": ("Mayor", "de la Industria", "del Puerto", "San Juan", "de la Constitución", "Real", "del Mar",
        "de Andalucía", "Colón", "de los Olivos", "Libertad", "Bolívar"),
    "it": ("Roma", "Garibaldi", "dell'Industria", "Mazzini", "del Porto", "Verdi", "Dante", "Cavour",
        "della Repubblica", "Marconi"),
    "nl": ("Haven", "Kerk", "Industrie", "Molen", "Dorps", "Stations", "Hoog", "Nieuwe", "Zee", "Linden"),
    "pt": ("das Flores", "da Indústria", "do Porto", "Augusta", "da Liberdade", "do Comércio",
        "Santos Dumont", "XV de Novembro", "Paulista", "dos Bandeirantes"),
    "zh": ("Keji", "Renmin", "Jianshe", "Zhongshan", "Huaihai", "Nanjing", "Binhai", "Xinhua", "Gongye",
        "Jiefang"),
    "ja": ("Minato", "Chuo", "Honcho", "Shinmachi", "Sakae", "Kita", "Higashi", "Nishi"),
    "ko": ("Teheran", "Jungang", "Haeun", "Sinseon", "Gangnam", "Jongno"),
    "nordic": ("Hamn", "Industri", "Kyrk", "Stor", "Lager", "Skog", "Sjö", "Fabriks"),
    "tr": ("Atatürk", "Cumhuriyet", "İstiklal", "Liman", "Sanayi", "Gazi"),
    "pl": ("Przemysłowa", "Portowa", "Główna", "Kwiatowa", "Polna", "Długa", "Lipowa"),
    "generic": ("Industrial", "Port", "Trade", "Harbour", "Commerce", "Airport", "Free Zone", "Corniche",
        "Nile", "Independence", "Republic"),
}  # fmt: skip

ADDRESS_STYLES: dict[str, AddressStyle] = {
    "DE": AddressStyle(("{s}straße {n}", "{s}str. {n}", "{s}weg {n}", "Am {s}hof {n}", "{s}allee {n}"),
        "de", "#####", "{pc} {town}", ("GmbH", "AG", "GmbH & Co. KG", "KG", "SE")),
    "AT": AddressStyle(("{s}straße {n}", "{s}gasse {n}"), "de", "####", "{pc} {town}", ("GmbH", "AG")),
    "CH": AddressStyle(("{s}strasse {n}", "{s}weg {n}"), "de", "####", "CH-{pc} {town}",
        ("AG", "GmbH", "SA")),
    "US": AddressStyle(("{n} {s} St", "{n} {s} Ave", "{n} {s} Blvd", "{n} {s} Road",
                        "{n} {s} Drive, Suite {m}", "{n} {s} Street"),
        "en", "#####", "{town}, {sub} {pc}", ("LLC", "Inc.", "Corp.", "Co.")),
    "CA": AddressStyle(("{n} {s} St", "{n} {s} Avenue", "{n} {s} Road"), "en", "A#A #A#",
        "{town}, {sub} {pc}", ("Inc.", "Ltd.", "Corp.")),
    "GB": AddressStyle(("{n} {s} Road", "{n} {s} Street", "Unit {m}, {s} Industrial Estate", "{n} {s} Lane"),
        "en", "AA# #AA", "{town} {pc}", ("Ltd", "Limited", "PLC", "Ltd.")),
    "IE": AddressStyle(("{n} {s} Road", "Unit {m}, {s} Business Park"), "en", "A## A#A#", "{town} {pc}",
        ("Ltd", "Limited", "DAC")),
    "AU": AddressStyle(("{n} {s} Street", "{n} {s} Road", "{n} {s} Drive"), "en", "####",
        "{town} {sub} {pc}", ("Pty Ltd", "Pty. Ltd.")),
    "NZ": AddressStyle(("{n} {s} Street", "{n} {s} Road"), "en", "####", "{town} {pc}", ("Ltd", "Limited")),
    "ZA": AddressStyle(("{n} {s} Street", "{n} {s} Road"), "en", "####", "{town} {pc}",
        ("(Pty) Ltd", "Ltd")),
    "IN": AddressStyle(("Plot No. {n}, {s} Road", "{n}, {s} Industrial Area", "Survey No. {m}, {s} Road"),
        "en", "######", "{town} - {pc}", ("Pvt. Ltd.", "Private Limited", "Ltd.", "Exports")),
    "SG": AddressStyle(("{n} {s} Road #0{d}-{m}", "{n} {s} Avenue"), "en", "######", "Singapore {pc}",
        ("Pte. Ltd.", "Pte Ltd")),
    "MY": AddressStyle(("No. {n}, Jalan {s}", "Lot {m}, Jalan {s}"), "generic", "#####", "{pc} {town}",
        ("Sdn. Bhd.", "Sdn Bhd")),
    "HK": AddressStyle(("Flat {d}, {n}/F, {s} Building", "Unit {m}, {n} {s} Road"), "en", "", "{town}",
        ("Limited", "Co., Ltd.", "Trading Ltd")),
    "CN": AddressStyle(("No. {n} {s} Road", "{n} {s} Lu", "Bldg {d}, {s} Road, {s2} District",
                        "Room {m}, No. {n} {s} Avenue"),
        "zh", "######", "{town} {pc}",
        ("Co., Ltd.", "Co., Ltd", "Industrial Co., Ltd.", "Trading Co., Ltd.")),
    "TW": AddressStyle(("No. {n}, {s} Rd.", "{d}F, No. {n}, {s} Rd."), "zh", "###", "{town} {pc}",
        ("Co., Ltd.", "Corp.")),
    "JP": AddressStyle(("{d}-{n}-{d} {s}", "{s} {d}-chome {n}-{d}"), "ja", "###-####", "{town} {pc}",
        ("Co., Ltd.", "K.K.", "Corporation")),
    "KR": AddressStyle(("{n} {s}-ro", "{n}, {s}-daero"), "ko", "#####", "{town} {pc}",
        ("Co., Ltd.", "Corp.")),
    "VN": AddressStyle(("No. {n}, {s} Street", "Lot {m}, {s} Industrial Zone"), "generic", "######",
        "{town}", ("Co., Ltd", "JSC", "Company Limited")),
    "TH": AddressStyle(("{n} Moo {d}, {s} Road",), "generic", "#####", "{town} {pc}",
        ("Co., Ltd.", "Public Co., Ltd.")),
    "ID": AddressStyle(("Jl. {s} No. {n}",), "generic", "#####", "{town} {pc}", ("PT ",)),
    "PH": AddressStyle(("{n} {s} Street",), "en", "####", "{town} {pc}", ("Inc.", "Corporation")),
    "FR": AddressStyle(("{n}, rue {s}", "{n} avenue {s}", "{n} boulevard {s}",
                        "ZI {s}, {n} rue des Artisans"),
        "fr", "#####", "{pc} {town}", ("SAS", "SARL", "S.A.", "SA")),
    "BE": AddressStyle(("{s}straat {n}", "Rue {s} {n}"), "nl", "####", "{pc} {town}",
        ("NV", "BV", "SA", "SRL")),
    "NL": AddressStyle(("{s}straat {n}", "{s}weg {n}", "{s}kade {n}", "{s}laan {n}"), "nl", "#### AA",
        "{pc} {town}", ("B.V.", "BV", "N.V.")),
    "ES": AddressStyle(("Calle {s}, {n}", "Avda. {s} {n}", "C/ {s} {n}", "Polígono Industrial {s}, nave {m}"),
        "es", "#####", "{pc} {town}", ("S.L.", "S.A.", "SL", "S.L.U.")),
    "PT": AddressStyle(("Rua {s}, {n}", "Avenida {s} {n}"), "pt", "####-###", "{pc} {town}",
        ("Lda.", "S.A.")),
    "IT": AddressStyle(("Via {s}, {n}", "Viale {s} {n}", "Corso {s} {n}"), "it", "#####", "{pc} {town}",
        ("S.r.l.", "S.p.A.", "Srl", "SpA")),
    "GR": AddressStyle(("{s} {n}",), "generic", "### ##", "{pc} {town}", ("S.A.", "Ltd")),
    "SE": AddressStyle(("{s}vägen {n}", "{s}gatan {n}"), "nordic", "### ##", "{pc} {town}", ("AB",)),
    "DK": AddressStyle(("{s}vej {n}", "{s}gade {n}"), "nordic", "####", "{pc} {town}", ("A/S", "ApS")),
    "NO": AddressStyle(("{s}veien {n}", "{s}gata {n}"), "nordic", "####", "{pc} {town}", ("AS", "ASA")),
    "FI": AddressStyle(("{s}tie {n}", "{s}katu {n}"), "nordic", "#####", "{pc} {town}", ("Oy", "Oyj")),
    "PL": AddressStyle(("ul. {s} {n}",), "pl", "##-###", "{pc} {town}", ("Sp. z o.o.", "S.A.")),
    "CZ": AddressStyle(("{s} {n}",), "generic", "### ##", "{pc} {town}", ("s.r.o.", "a.s.")),
    "HU": AddressStyle(("{s} utca {n}.",), "generic", "####", "{pc} {town}", ("Kft.", "Zrt.")),
    "RO": AddressStyle(("Str. {s} nr. {n}",), "generic", "######", "{town} {pc}", ("S.R.L.", "S.A.")),
    "TR": AddressStyle(("{s} Cad. No: {n}", "{s} Mah. {s2} Sok. No: {n}"), "tr", "#####", "{pc} {town}",
        ("A.Ş.", "Ltd. Şti.", "San. ve Tic. A.Ş.")),
    "AE": AddressStyle(("Warehouse {m}, {s} Area", "Plot {n}, {s} Zone", "Office {m}, {s} Tower"),
        "generic", "", "{town}", ("LLC", "FZE", "FZCO", "L.L.C.")),
    "SA": AddressStyle(("{s} Street, Building {n}",), "generic", "#####", "{town} {pc}", ("Co.", "Ltd.")),
    "EG": AddressStyle(("{n} {s} Street",), "generic", "#####", "{town} {pc}", ("S.A.E.", "Co.")),
    "MA": AddressStyle(("{n}, Rue {s}", "Zone Industrielle {s}, lot {m}"), "fr", "#####", "{pc} {town}",
        ("SARL", "S.A.")),
    "IL": AddressStyle(("{n} {s} St.",), "generic", "#######", "{town} {pc}", ("Ltd.",)),
    "BR": AddressStyle(("Rua {s}, {n}", "Av. {s}, {n}", "Rodovia {s}, km {m}"), "pt", "#####-###",
        "{town} - {sub}, {pc}", ("Ltda.", "S.A.", "LTDA")),
    "AR": AddressStyle(("Av. {s} {n}", "Calle {s} {n}"), "es", "A####AAA", "{pc} {town}",
        ("S.A.", "S.R.L.")),
    "CL": AddressStyle(("Av. {s} {n}", "Calle {s} {n}"), "es", "#######", "{town} {pc}",
        ("S.A.", "SpA", "Ltda.")),
    "CO": AddressStyle(("Calle {m} # {n}-{d}", "Carrera {m} # {n}-{d}"), "es", "######", "{town} {pc}",
        ("S.A.S.", "S.A.", "Ltda.")),
    "PE": AddressStyle(("Av. {s} {n}", "Jr. {s} {n}"), "es", "#####", "{town} {pc}", ("S.A.C.", "S.A.")),
    "MX": AddressStyle(("Av. {s} {n}", "Calle {s} {n}, Col. Centro"), "es", "#####", "{pc} {town}, {sub}",
        ("S.A. de C.V.", "S. de R.L. de C.V.")),
    "PA": AddressStyle(("Calle {s}, Edificio {m}",), "es", "", "{town}", ("S.A.", "Inc.")),
    "KE": AddressStyle(("{s} Road, P.O. Box {m}",), "generic", "#####", "{town} {pc}", ("Ltd", "Limited")),
    "NG": AddressStyle(("{n} {s} Road",), "generic", "######", "{town}", ("Ltd", "Limited", "Nig. Ltd")),
    "PK": AddressStyle(("Plot {n}, {s} Industrial Area",), "generic", "#####", "{town} {pc}",
        ("(Pvt.) Ltd.",)),
    "BD": AddressStyle(("House {n}, Road {d}, {s}",), "generic", "####", "{town}-{pc}", ("Ltd.",)),
    "LK": AddressStyle(("No. {n}, {s} Road",), "generic", "#####", "{town} {pc}", ("(Pvt) Ltd",)),
}  # fmt: skip

# Word stock for company names: a stem (a place or a family-like name) and a trade word.
_NAME_STEMS: dict[str, tuple[str, ...]] = {
    "de": ("Voss", "Keller", "Brandt", "Hoffmann", "Weber", "Schröder", "Krüger", "Lindner", "Nordhafen",
        "Alpen"),
    "en": ("Tri-State", "Pacific", "Atlantic", "Summit", "Keystone", "Evergreen", "Liberty", "Harbor",
        "Pioneer", "Northstar", "Blue Ridge", "Lakeside", "Sterling", "Crown", "Granite"),
    "fr": ("Dupont", "Lefèvre", "Martin", "Garonne", "Provence", "Atlantique", "Mercier", "Rousseau"),
    "es": ("Ibérica", "Levante", "Martínez", "Del Sur", "Andina", "Costa Azul", "Fernández", "Pampa"),
    "it": ("Rossi", "Bianchi", "Ferrari", "Adriatica", "Lombarda", "Esposito", "Tirrenia", "Colombo"),
    "nl": ("Van Dijk", "De Vries", "Jansen", "Noordzee", "Holland", "Bakker", "Delta", "Visser"),
    "pt": ("Silva", "Oliveira", "Atlântico", "Santos", "Paulista", "Ferreira", "Costa", "Tropical"),
    "zh": ("Shenzhen Brightwave", "Ningbo Haitian", "Guangzhou Jiahe", "Xiamen Golden", "Qingdao Ocean",
        "Zhejiang Hengli", "Jiangsu Sunrise", "Dongguan Everbright", "Foshan Meiya", "Tianjin Huaxin"),
    "ja": ("Nippon", "Tokai", "Sakura", "Kansai", "Fuji", "Yamato"),
    "ko": ("Hanil", "Daesung", "Samjin", "Korea Pacific", "Dongbang"),
    "nordic": ("Nordic", "Lindqvist", "Fjord", "Baltic", "Berg", "Skandia"),
    "tr": ("Anadolu", "Ege", "Marmara", "Yıldız", "Kaya"),
    "pl": ("Polmex", "Baltyk", "Wisła", "Nowak", "Mazur"),
    "generic": ("Al Noor", "Gulf", "Oriental", "Crescent", "Global", "United", "Royal", "Delta", "Star",
        "Falcon"),
}  # fmt: skip
_TRADES: dict[str, tuple[str, ...]] = {
    "de": ("Maschinenbau", "Logistik", "Handels", "Elektrotechnik", "Kunststofftechnik", "Metallwerke",
        "Chemie"),
    "fr": ("Industries", "Distribution", "Logistique", "Import Export", "Emballages", "Négoce"),
    "es": ("Importaciones", "Comercial", "Distribuciones", "Industrial", "Exportadora", "Logística"),
    "it": ("Meccanica", "Commerciale", "Industrie", "Import Export", "Trasporti", "Alimentari"),
    "nl": ("Handelmaatschappij", "Logistics", "Import", "Techniek", "Distributie"),
    "pt": ("Comercial", "Importadora", "Exportadora", "Indústria", "Alimentos", "Distribuidora"),
    "en": ("Packaging Supply", "Electronics", "Trading", "Industries", "Imports", "Distribution",
        "Manufacturing", "Foods", "Logistics", "Supply", "Textiles", "Machinery", "Chemicals",
        "Retail Distribution", "Steel"),
}  # fmt: skip


def _pattern(template: str, rng: random.Random) -> str:
    return "".join(
        rng.choice(string.digits) if ch == "#" else rng.choice(string.ascii_uppercase) if ch == "A" else ch
        for ch in template
    )


def _stems_language(country: str) -> str:
    style = ADDRESS_STYLES.get(country)
    return style.stems if style else "generic"


def company_name(country: str, rng: random.Random) -> str:
    style = ADDRESS_STYLES.get(country)
    stems_key = _stems_language(country)
    stem = rng.choice(_NAME_STEMS.get(stems_key, _NAME_STEMS["generic"]))
    trade = rng.choice(_TRADES.get(stems_key, _TRADES["en"]) if rng.random() < 0.7 else _TRADES["en"])
    legal = rng.choice(style.legal) if style else rng.choice(("Ltd.", "Co.", "LLC", "S.A.", "Trading Co."))
    name = f"{legal}{stem} {trade}" if legal.endswith(" ") else f"{stem} {trade} {legal}"
    if rng.random() < 0.35:
        name = name.upper()
    return name


def sample_country_print(alpha2: str, rng: random.Random) -> str:
    """The country as an address prints it: "GERMANY", "Deutschland", "DE", "U.S.A.", "P.R. China"."""
    country = reference.load().countries[alpha2]
    options = [country.short_name] * 2 + [n for n in country.alt_names if len(n) <= 30]
    if len(country.name) <= 30:
        options.append(country.name)
    printed = rng.choice(options)
    return printed.upper() if rng.random() < 0.4 else printed


def _town(country: str, rng: random.Random) -> reference.Location:
    towns = reference.load().towns_by_country.get(country)
    if not towns:
        towns = reference.load().towns_by_country["US"]
    return rng.choice(towns)


_PREMISES = (
    "Unit {n}", "Suite {n}", "Room {n}{m:02d}", "Building {a}", "Lot {a}{d}", "Plot No. {n}", "Hall {d}",
    "Floor {d}", "Block {a}", "{d}F, Tower {a}",
)  # fmt: skip
_ESTATES = ("{s} Business Park", "{s} Industrial Estate", "{s} Industrial Area", "{s} Logistics Centre",
            "{s} Free Zone", "P.O. Box {box}")  # fmt: skip
_LOCAL_ESTATES = {
    "de": ("Gewerbegebiet {s}", "Industriepark {s}", "Postfach {box}"),
    "fr": ("Parc d'activités {s}", "Zone industrielle {s}", "BP {box}"),
    "es": ("Polígono Industrial {s}", "Apartado {box}"),
    "it": ("Zona Industriale {s}", "Casella Postale {box}"),
    "nl": ("Bedrijventerrein {s}", "Postbus {box}"),
    "pt": ("Zona Industrial {s}", "Caixa Postal {box}"),
}


def _premises(rng: random.Random) -> list[str]:
    """A unit, suite or plot line that some addresses lead with."""
    if rng.random() >= 0.2:
        return []
    numbers = {"n": rng.randint(1, 60), "m": rng.randint(1, 40), "d": rng.randint(1, 9)}
    return [rng.choice(_PREMISES).format(a=rng.choice("ABCDEFGH"), **numbers)]


def _estate(stems: str, rng: random.Random) -> list[str]:
    """A business park, industrial estate or post box line between the street and the town."""
    if rng.random() >= 0.2:
        return []
    wordings = _LOCAL_ESTATES.get(stems, ()) if rng.random() < 0.5 else ()
    stem = rng.choice(STEMS[stems]).title()
    return [rng.choice(wordings or _ESTATES).format(s=stem, box=rng.randint(10, 99999))]


def sample_address(
    country: str, rng: random.Random, print_country: bool = True
) -> tuple[list[str], str | None, str | None]:
    """(address lines, printed country alpha-2 or None, the country as printed) for a company."""
    style = ADDRESS_STYLES.get(country) or AddressStyle(
        ("{n} {s} Street", "{s} Road {n}"), "generic", "#####", "{town} {pc}", ()
    )
    stems = STEMS[style.stems]
    street = rng.choice(style.streets).format(
        s=rng.choice(stems),
        s2=rng.choice(stems),
        n=rng.randint(1, 480),
        m=rng.randint(1, 99),
        d=rng.randint(1, 9),
    )
    town = _town(country, rng)
    town_name = town.name if rng.random() < 0.8 else town.plain_name
    subdivision = town.subdivision if re.fullmatch(r"[A-Z]{2}", town.subdivision or "") else ""
    town_line = style.town_line
    if "{sub}" in town_line and not subdivision:
        town_line = town_line.replace(", {sub}", "").replace(" {sub}", "").replace(" - {sub}", "")
    line = town_line.format(town=town_name, pc=_pattern(style.postcode, rng), sub=subdivision).strip(" ,-")
    if not style.postcode:
        line = line.replace("  ", " ")
    upper = rng.random() < 0.3
    lines = [*_premises(rng), street, *_estate(style.stems, rng), line]
    printed_country: str | None = None
    name: str | None = None
    if print_country:
        name = sample_country_print(country, rng)
        printed_country = country
        if rng.random() < 0.5:
            lines[-1] = f"{lines[-1]}, {name}"
        else:
            lines.append(name)
    if rng.random() < 0.15:
        lines = [", ".join(lines)]
    if upper:
        return [ln.upper() for ln in lines], printed_country, name.upper() if name else None
    return lines, printed_country, name


def _phone(rng: random.Random) -> str:
    return f"+{rng.randint(1, 99)} {rng.randint(10, 999)} {rng.randint(100000, 9999999)}"


def _tax_id(country: str, rng: random.Random) -> str:
    if country == "BR":
        block = f"{rng.randint(10, 99)}.{rng.randint(100, 999)}.{rng.randint(100, 999)}"
        return f"CNPJ: {block}/0001-{rng.randint(10, 99)}"
    if country == "CN":
        return f"USCI: 9144{rng.randint(10**13, 10**14 - 1)}"
    if country == "IN":
        return f"GSTIN: {rng.randint(10, 37)}AAACX{rng.randint(1000, 9999)}A1Z{rng.randint(1, 9)}"
    if country == "US":
        return f"EIN {rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}"
    if country in ("DE", "FR", "NL", "BE", "IT", "ES", "PL", "AT", "PT") and rng.random() < 0.5:
        return f"EORI: {country}{rng.randint(10**11, 10**12 - 1)}"
    return f"VAT: {country}{rng.randint(10**8, 10**9 - 1)}"


_EXTRA_KINDS = ("tel", "tel", "fax", "mail", "mail", "contact", "attn", "tax")


def _extras(name: str, country: str, rng: random.Random) -> list[str]:
    """Phone, e-mail, contact and tax ids: printed under the address, never labelled."""
    count = rng.choice((0, 0, 1, 1, 2, 3))
    if not count:
        return []
    extras: list[str] = []
    for kind in dict.fromkeys(rng.sample(_EXTRA_KINDS, k=count)):
        if kind == "tel":
            extras.append(rng.choice(("Tel: ", "TEL ", "Phone: ", "T: ")) + _phone(rng))
        elif kind == "fax":
            extras.append(rng.choice(("Fax: ", "FAX ")) + _phone(rng))
        elif kind == "mail":
            domain = re.sub(r"[^a-z]", "", name.lower().split()[0])[:12] or "mail"
            tld = {"US": "com", "GB": "co.uk"}.get(country, country.lower())
            user = rng.choice(("info", "export", "logistics", "import", "shipping"))
            extras.append(f"{rng.choice(('E-mail: ', 'Email: ', 'MAIL '))}{user}@{domain}.{tld}")
        elif kind == "contact":
            person = rng.choice(("J. Weber", "Li Wei", "Ana Costa", "P. Smith", "M. Rossi", "K. Tanaka"))
            extras.append(f"Contact: {person}")
        elif kind == "attn":
            extras.append(f"Attn: {rng.choice(('Import Dept.', 'Logistics', 'Purchasing'))}")
        else:
            extras.append(_tax_id(country, rng))
    return extras


def sample_party(country: str, rng: random.Random, country_share: float = 0.8) -> Party:
    name = company_name(country, rng)
    lines, printed_country, country_printed = sample_address(country, rng, rng.random() < country_share)
    return Party(
        name=name,
        address_lines=lines,
        country=printed_country,
        extras=_extras(name, country, rng),
        country_printed=country_printed,
    )


_BANKS = (
    "DEUTSCHE BANK AG",
    "HSBC BANK PLC",
    "BANCO SANTANDER S.A.",
    "BNP PARIBAS",
    "BANK OF CHINA",
    "STANDARD CHARTERED BANK",
    "CITIBANK N.A.",
    "ING BANK N.V.",
    "INTESA SANPAOLO S.P.A.",
    "BANCO DO BRASIL S.A.",
)


def to_order_party(rng: random.Random) -> Party:
    """A negotiable B/L consignee: "TO ORDER", "TO THE ORDER OF <bank>"; no address, no country."""
    name = rng.choice(
        (
            "TO ORDER",
            "TO ORDER",
            "TO ORDER OF SHIPPER",
            f"TO THE ORDER OF {rng.choice(_BANKS)}",
            f"TO ORDER OF {rng.choice(_BANKS)}",
        )
    )
    return Party(name=name, address_lines=[], country=None)


PLACEHOLDERS = (
    "SAME AS CONSIGNEE",
    "SAME AS CNEE",
    "IDEM",
    "AS ABOVE",
    "--",
    "SAME AS CONSIGNEE ABOVE",
    "Same as consignee",
    "N/A",
    "WIE EMPFÄNGER",
    "IDEM DESTINATAIRE",
    "IGUAL AL CONSIGNATARIO",
    "ZELFDE ALS GEADRESSEERDE",
    "IDEM CONSIGNATÁRIO",
    "COME DESTINATARIO",
)


def placeholder_party(rng: random.Random) -> Party:
    """A notify box that names no party: printed, labelled null."""
    return Party(name="", address_lines=[], country=None, placeholder=rng.choice(PLACEHOLDERS))


def countries_with_styles() -> tuple[str, ...]:
    return tuple(ADDRESS_STYLES)


_CARRIER_TRADES = (
    "Transport",
    "Spedition",
    "Logistics",
    "Trucking",
    "Transports",
    "Transportes",
    "Trasporti",
    "Freight",
    "Cargo",
    "Logistik",
)


def carrier_company(country: str, rng: random.Random) -> str:
    """A road haulier's name in the manner of its country."""
    style = ADDRESS_STYLES.get(country)
    stem = rng.choice(_NAME_STEMS.get(_stems_language(country), _NAME_STEMS["generic"]))
    legal = rng.choice(style.legal) if style else "Ltd."
    name = (
        f"{legal}{stem} {rng.choice(_CARRIER_TRADES)}"
        if legal.endswith(" ")
        else (f"{stem} {rng.choice(_CARRIER_TRADES)} {legal}")
    )
    return name.upper() if rng.random() < 0.4 else name
