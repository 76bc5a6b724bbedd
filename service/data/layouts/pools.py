"""Caption pools of the stochastic layouts: every wording a field's caption may take.

The pools extend `captions.CAPTIONS` (the wordings the layout families share) with an
eighth language (Polish), more English wordings, the abbreviations real paperwork uses
(`CNEE`, `SHPR`, `POL`, `PKGS`) and a few habitual misspellings, so a field is named in
dozens of ways. `pool(key, language, air)` returns the wordings that suit the document's
transport mode (no "Airport of Departure" on an ocean bill, no "Port of Loading" on an
air waybill), cached because layouts ask for them on every document.
"""

from __future__ import annotations

import re
from functools import cache

from service.data.captions import CAPTIONS

LANGUAGES = ("en", "de", "fr", "es", "nl", "pt", "it", "pl")

# Wordings added to the shared table: key -> language -> wordings.
EXTRA: dict[str, dict[str, tuple[str, ...]]] = {
    "shipper": {
        "en": ("Shipper (Name & Address)", "Exporter / Shipper", "Sender", "Consigner", "Shpr.", "Shiper"),
        "pl": ("Nadawca", "Załadowca", "Eksporter"),
    },
    "consignee": {
        "en": ("Consigned to", "Consignee (Name & Address)", "Importer", "Cnee.", "Deliver to", "Consginee"),
        "pl": ("Odbiorca", "Adresat", "Importer"),
    },
    "notify_party": {
        "en": ("Notify Party (Name & Address)", "Notify Address", "1st Notify", "Notify party 1", "Notfy"),
        "pl": ("Strona do powiadomienia", "Powiadomić"),
    },
    "document_number": {
        "en": ("Doc. No.", "Document Number", "Our Ref.", "Reference No.", "Doc #"),
        "pl": ("Nr dokumentu", "Numer"),
    },
    "issue_date": {
        "en": ("Issued on", "Date of issue", "Doc. Date", "Issue Dt", "Issued"),
        "pl": ("Data wystawienia", "Data"),
    },
    "carrier": {
        "en": ("Carrier Name", "Operating Carrier", "Line", "Carrier (Name)", "Carrer"),
        "pl": ("Przewoźnik", "Armator"),
    },
    "vessel": {
        "en": ("Name of Vessel", "Ocean Vessel Name", "Mother Vessel", "VSL", "Vessle"),
        "pl": ("Statek", "Nazwa statku"),
    },
    "voyage": {
        "en": ("Voyage Number", "Voy No", "Voyage #", "Voy #", "Vyg"),
        "pl": ("Podróż", "Nr rejsu"),
    },
    "flight": {
        "en": ("Flight Number", "Flt", "Flight #", "Flight No", "Routing / Flight", "Flght"),
        "pl": ("Lot", "Nr lotu"),
    },
    "truck": {
        "en": ("Vehicle", "Truck No.", "Plate No.", "Truck / Trailer", "Vehicle No.", "Lorry"),
        "pl": ("Nr rejestracyjny", "Pojazd"),
    },
    "train": {
        "en": ("Train Number", "Train ID", "Block Train", "Rail Service", "Train #", "Trian No."),
        "pl": ("Pociąg", "Nr pociągu"),
    },
    "port_of_loading": {
        "en": ("Port of Shipment", "Loading Port", "From", "Place of Loading", "P.O.L.", "Port of Laoding"),
        "pl": ("Port załadunku", "Miejsce załadunku"),
    },
    "port_of_discharge": {
        "en": ("Unloading Port", "Discharge", "To", "Place of Discharge", "P.O.D.", "Port of Dischage"),
        "pl": ("Port wyładunku", "Port przeznaczenia"),
    },
    "place_of_delivery": {
        "en": (
            "Final Place of Delivery",
            "Delivery Place",
            "Place of Del.",
            "Final Dest.",
            "FND",
            "Final Destn",
        ),
        "pl": ("Miejsce dostawy", "Miejsce przeznaczenia"),
    },
    "place_of_receipt": {
        "en": ("Place of Rcpt", "Receipt", "Pick-up", "POR", "Origin Point", "Place of Reciept"),
        "pl": ("Miejsce przyjęcia",),
    },
    "departure_date": {
        "en": ("Departure", "Sailed", "Departure Date", "ETD Date", "On-board date", "Dep. Date"),
        "pl": ("Data wyjścia", "Data załadunku", "ETD"),
    },
    "arrival_date": {
        "en": ("ETA Date", "Arrival", "Expected Arrival", "Due", "Arr. Date", "Estimated Time of Arrival"),
        "pl": ("Data przybycia", "ETA"),
    },
    "incoterm": {
        "en": ("Incoterm", "Inco", "Trade Terms", "Terms of Sale", "Delivery Term", "Incoterm (2020)"),
        "pl": ("Warunki dostawy", "Incoterms"),
    },
    "freight_terms": {
        "en": (
            "Freight Payment",
            "Freight Charge Terms",
            "Frt Terms",
            "Freight Conditions",
            "Payment Terms",
            "Frieght",
        ),
        "pl": ("Fracht", "Płatność frachtu"),
    },
    "container": {
        "en": ("Container Number", "Cntr No.", "CTR", "Container #", "Equip. No.", "Conatiner No."),
        "pl": ("Kontener", "Nr kontenera"),
    },
    "seal": {
        "en": ("Seal Number", "Seal #", "Seals", "Shipper Seal", "Seal Nr", "Sael No."),
        "pl": ("Plomba", "Nr plomby"),
    },
    "size_type": {
        "en": ("Size", "Cntr Size", "Sz/Tp", "Equipment", "Size & Type", "Tpye"),
        "pl": ("Typ", "Rozmiar/Typ"),
    },
    "description": {
        "en": (
            "Goods & Packing Description",
            "Goods Description",
            "Cargo",
            "Contents",
            "Desc.",
            "Descripton",
        ),
        "pl": ("Opis towaru", "Opis"),
    },
    "hs_code": {
        "en": ("H.S. Code", "HS No.", "Tariff Heading", "Tariff Code", "HTS Code", "HS Cde"),
        "pl": ("Kod CN", "Kod taryfy celnej"),
    },
    "quantity": {
        "en": ("PKGS", "Packages (No.)", "Quantity", "Pieces", "Pcs", "Packges"),
        "pl": ("Ilość", "Liczba opakowań"),
    },
    "package_type": {
        "en": ("Package Type", "Kind of Pkgs", "Type of Packing", "Pkg", "Packing Type", "Packge Type"),
        "pl": ("Rodzaj opakowania", "Opakowanie"),
    },
    "gross_weight": {
        "en": ("Gross Weight (kg)", "GW", "Gr. Wt.", "Gross Wgt", "Weight Gross", "Gross Wieght"),
        "pl": ("Waga brutto", "Masa brutto"),
    },
    "volume": {
        "en": ("Measurement (CBM)", "Vol.", "Cubic", "Meas", "Cube (m3)", "Measurment"),
        "pl": ("Objętość", "Kubatura"),
    },
    "marks": {
        "en": (
            "Marks + Nos",
            "Marks/Nos",
            "Shipping Marks & Nos",
            "M&N",
            "Container/Marks",
            "Marks and Nos.",
        ),
        "pl": ("Znaki i numery", "Oznakowanie"),
    },
    "dangerous_goods": {
        "en": ("Dangerous Cargo", "Hazmat", "DG Class", "Haz", "IMO Class", "Dangerous Goods Declaration"),
        "pl": ("Towary niebezpieczne", "ADR"),
    },
    "total_packages": {
        "en": ("Total Pkgs", "Total Pieces", "Total Qty", "Packages Total", "TTL PKGS", "Total No. of Pkgs"),
        "pl": ("Razem opakowań", "Łączna liczba opakowań"),
    },
    "total_gross_weight": {
        "en": (
            "Total GW",
            "TTL G.W.",
            "Total Wt",
            "Gross Weight (Total)",
            "Total Gross Wt.",
            "Total Gross Wieght",
        ),
        "pl": ("Łączna waga brutto", "Razem brutto"),
    },
    "total_volume": {
        "en": ("Total Meas.", "TTL CBM", "Total Cube", "Volume Total", "Total Measurment", "Total Vol."),
        "pl": ("Łączna objętość", "Razem objętość"),
    },
    "remarks": {
        "en": ("Remark", "Comments", "Additional Information", "Other Information", "Note", "Remaks"),
        "pl": ("Uwagi", "Informacje dodatkowe"),
    },
    # Numbers of other papers and parties printed next to the document's own: never labelled.
    "booking_number": {
        "en": ("Booking No.", "Booking Ref.", "BKG No.", "Booking Number", "Carrier Booking", "Bkg Ref"),
        "de": ("Buchungsreferenz", "Buchungs-Nr."),
        "fr": ("Réf. réservation", "Booking"),
        "es": ("N° de reserva", "Booking"),
        "nl": ("Boekingsnummer",),
        "pt": ("N° da reserva", "Booking"),
        "it": ("N. prenotazione", "Booking"),
        "pl": ("Nr rezerwacji",),
    },
    "shipper_reference": {
        "en": ("Shipper Reference", "Exporter Ref.", "Customer Ref.", "Your Ref.", "PO No.", "Order No."),
        "de": ("Ihre Referenz", "Bestell-Nr.", "Auftrags-Nr."),
        "fr": ("Votre référence", "N° de commande"),
        "es": ("Su referencia", "N° de pedido"),
        "nl": ("Uw referentie", "Ordernummer"),
        "pt": ("Sua referência", "N° do pedido"),
        "it": ("Vs. riferimento", "N. ordine"),
        "pl": ("Państwa ref.", "Nr zamówienia"),
    },
    "customs_reference": {
        "en": ("Customs Ref.", "MRN", "Export Decl. No.", "Entry No.", "ITN", "Customs Entry"),
        "de": ("Zollreferenz", "MRN", "Ausfuhranmeldung"),
        "fr": ("Référence douane", "MRN"),
        "es": ("Referencia aduanera", "DUA"),
        "nl": ("Douanereferentie", "MRN"),
        "pt": ("Referência aduaneira", "DU-E"),
        "it": ("Riferimento doganale", "MRN"),
        "pl": ("Nr zgłoszenia celnego", "MRN"),
    },
    "other_date": {
        "en": (
            "Booking Date",
            "Invoice Date",
            "Cut-off",
            "Doc Cut-off",
            "Date of Order",
            "Printed",
            "VGM Cut-off",
        ),
        "de": ("Buchungsdatum", "Rechnungsdatum", "Ladeschluss"),
        "fr": ("Date de réservation", "Date de facture", "Date limite"),
        "es": ("Fecha de reserva", "Fecha de factura", "Cierre documental"),
        "nl": ("Boekingsdatum", "Factuurdatum", "Sluitingsdatum"),
        "pt": ("Data da reserva", "Data da fatura", "Deadline"),
        "it": ("Data prenotazione", "Data fattura", "Chiusura documenti"),
        "pl": ("Data rezerwacji", "Data faktury", "Termin zamknięcia"),
    },
    "agent": {
        "en": (
            "Forwarder",
            "Destination Agent",
            "Receiving Agent",
            "Freight Agent",
            "Customs Agent",
            "For delivery apply to",
        ),
        "de": ("Spediteur", "Empfangsspediteur", "Zollagent"),
        "fr": ("Transitaire", "Agent à destination"),
        "es": ("Agente de carga", "Agente en destino"),
        "nl": ("Expediteur", "Agent op bestemming"),
        "pt": ("Agente de carga", "Despachante"),
        "it": ("Spedizioniere", "Agente a destino"),
        "pl": ("Spedytor", "Agent celny"),
    },
    "net_weight": {
        "en": ("Net Weight", "Net Wt", "N.W.", "Net (kg)", "Nett Weight", "NW"),
        "de": ("Nettogewicht", "Netto", "Netto kg"),
        "fr": ("Poids net", "P. net"),
        "es": ("Peso neto", "P. neto"),
        "nl": ("Nettogewicht", "Netto"),
        "pt": ("Peso líquido", "P. líq."),
        "it": ("Peso netto", "P. netto"),
        "pl": ("Waga netto", "Masa netto"),
    },
    "part_number": {
        "en": ("Part No.", "Article", "Item Code", "SKU", "Material No.", "Style No."),
        "de": ("Artikel-Nr.", "Materialnummer", "Teilenummer"),
        "fr": ("Référence article", "Code article"),
        "es": ("Código de artículo", "Referencia"),
        "nl": ("Artikelnummer", "Artikelcode"),
        "pt": ("Código do artigo", "Referência"),
        "it": ("Codice articolo", "Cod. art."),
        "pl": ("Nr artykułu", "Kod towaru"),
    },
    "dimensions": {
        "en": ("Dimensions", "Dims (cm)", "L x W x H", "Measurements per pkg"),
        "de": ("Abmessungen", "Maße (cm)", "L x B x H"),
        "fr": ("Dimensions", "Dim. (cm)"),
        "es": ("Dimensiones", "Medidas"),
        "nl": ("Afmetingen", "Maten"),
        "pt": ("Dimensões", "Medidas"),
        "it": ("Dimensioni", "Misure"),
        "pl": ("Wymiary", "Dł. x szer. x wys."),
    },
    "unit_quantity": {
        "en": ("Qty (EA)", "Units", "Pcs per lot", "Quantity (units)", "Qty Shipped", "Inner Qty"),
        "de": ("Stückzahl", "Menge (Stk.)", "Einheiten"),
        "fr": ("Unités", "Qté (unités)"),
        "es": ("Unidades", "Cant. (uds.)"),
        "nl": ("Stuks", "Aantal eenheden"),
        "pt": ("Unidades", "Qtd. (un.)"),
        "it": ("Unità", "Q.tà (pz)"),
        "pl": ("Sztuki", "Ilość (szt.)"),
    },
    "goods_value": {
        "en": ("Value", "Invoice Value", "Unit Price", "Total Value", "FOB Value"),
        "de": ("Warenwert", "Betrag", "Einzelpreis"),
        "fr": ("Valeur", "Montant", "Prix unitaire"),
        "es": ("Valor", "Importe", "Precio unitario"),
        "nl": ("Waarde", "Bedrag"),
        "pt": ("Valor", "Preço unitário"),
        "it": ("Valore", "Importo", "Prezzo unitario"),
        "pl": ("Wartość", "Cena jednostkowa"),
    },
}

# Captioned fields of a shipment: the pools that must be large (tested).
FIELDS = tuple(key for key in EXTRA if key in CAPTIONS)

_AIR_WORDS = ("airport", "aéroport", "flughafen", "aeropuerto", "aeroporto", "luchthaven", "flight", "flt")
_SEA_WORDS = (
    "ocean", "vessel", "shipping line", "sailed", "sailing", "on board", "an bord", "seeschiff", "reederei",
    "maritime", "naviera", "rederij", "armador", "navigazione", "port", "hafen", "puerto", "porto", "haven",
    "statek", "mother", "vsl", "p.o.l.", "p.o.d.",
)  # fmt: skip
_BILL_WORDS = ("b/l", "bill of lading", "konnossement", "mbl")


def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(rf"(?<!\w){re.escape(word)}" for word in words), re.IGNORECASE)


_UNFIT = {True: _words(_SEA_WORDS + _BILL_WORDS), False: _words(_AIR_WORDS)}
_NOT_A_BILL = _words(_BILL_WORDS)


def _suits(text: str, air: bool, bill: bool) -> bool:
    if not bill and _NOT_A_BILL.search(text):
        return False
    return _UNFIT[air].search(text) is None


@cache
def pool(key: str, language: str, air: bool = False, bill: bool = True) -> tuple[str, ...]:
    """The wordings of `key` in `language` that suit the document: no airport on an ocean bill, no
    port or vessel on an air waybill, no B/L number on other papers (English where the language has none)."""
    found = own(key, language) or own(key, "en")
    return tuple(text for text in found if _suits(text, air, bill)) or found


@cache
def own(key: str, language: str) -> tuple[str, ...]:
    """Every wording of `key` in `language` itself, shared table first."""
    return tuple(
        dict.fromkeys((*CAPTIONS.get(key, {}).get(language, ()), *EXTRA.get(key, {}).get(language, ())))
    )
