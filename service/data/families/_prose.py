"""E-mail prose in the corpus languages: greetings, pre-alert and arrival sentences, sign-offs.

Sentences carry `{placeholders}` that the e-mail layouts fill with printed values; a
placeholder always stands between spaces or before punctuation, never inside a word, so
a value stays whole in the text. `phrase` picks a variant in the document's language
(English for a language without one).
"""

from __future__ import annotations

import random

Phrases = dict[str, tuple[str, ...]]

GREETING: Phrases = {
    "en": ("Dear colleagues,", "Dear Sirs,", "Hello team,", "Dear all,", "Dear Customer,"),
    "de": ("Liebe Kollegen,", "Sehr geehrte Damen und Herren,", "Hallo zusammen,"),
    "fr": ("Chers collègues,", "Madame, Monsieur,", "Bonjour,"),
    "es": ("Estimados colegas,", "Estimados señores,", "Hola,"),
    "nl": ("Beste collega's,", "Geachte heer/mevrouw,", "Hallo,"),
    "pt": ("Prezados colegas,", "Prezados senhores,", "Olá,"),
    "it": ("Cari colleghi,", "Spettabile ditta,", "Buongiorno,"),
}

PREALERT_INTRO: Phrases = {
    "en": (
        "please find below the pre-alert for {kind} {number}.",
        "herewith our pre-alert for {kind} {number}:",
        "we are pleased to pre-advise the following shipment under {kind} {number}.",
    ),
    "de": (
        "anbei die Voravis für {kind} {number}.",
        "hiermit avisieren wir folgende Sendung unter {kind} {number}:",
    ),
    "fr": (
        "veuillez trouver ci-dessous le pré-avis pour {kind} {number}.",
        "voici notre pré-alerte {kind} {number}:",
    ),
    "es": ("les enviamos el pre-aviso del {kind} {number}.", "adjunto el prealerta para {kind} {number}:"),
    "nl": (
        "hierbij de pre-alert voor {kind} {number}.",
        "hieronder de vooraankondiging voor {kind} {number}:",
    ),
    "pt": ("segue abaixo o pré-alerta do {kind} {number}.", "informamos o pré-alerta para {kind} {number}:"),
    "it": ("di seguito il preavviso per {kind} {number}.", "vi inviamo il pre-alert per {kind} {number}:"),
}

PREALERT_PLAIN: Phrases = {
    "en": (
        "please find below the pre-alert for the following shipment:",
        "please note the shipment details below.",
    ),
    "de": ("anbei die Voravis für folgende Sendung:",),
    "fr": ("veuillez trouver ci-dessous le pré-avis de l'expédition suivante :",),
    "es": ("les enviamos el pre-aviso del siguiente embarque:",),
    "nl": ("hierbij de pre-alert voor de volgende zending:",),
    "pt": ("segue o pré-alerta do seguinte embarque:",),
    "it": ("di seguito il preavviso della seguente spedizione:",),
}

DEPARTED: Phrases = {
    "en": (
        "The cargo left {origin} on {date} on board {vehicle}.",
        "Shipment departed {origin} on {date} with {vehicle}.",
    ),
    "de": ("Die Ware hat {origin} am {date} mit {vehicle} verlassen.",),
    "fr": ("La marchandise a quitté {origin} le {date} à bord de {vehicle}.",),
    "es": ("La carga salió de {origin} el {date} a bordo de {vehicle}.",),
    "nl": ("De lading is op {date} vanuit {origin} vertrokken met {vehicle}.",),
    "pt": ("A carga saiu de {origin} em {date} a bordo de {vehicle}.",),
    "it": ("La merce è partita da {origin} il {date} a bordo di {vehicle}.",),
}

ARRIVING: Phrases = {
    "en": (
        "We are pleased to advise that the shipment below is expected to arrive at {place} on {date}.",
        "Please be informed that the following cargo will arrive at {place} on {date}.",
    ),
    "de": ("Wir teilen Ihnen mit, dass folgende Sendung voraussichtlich am {date} in {place} eintrifft.",),
    "fr": ("Nous vous informons que l'expédition ci-dessous arrivera à {place} le {date}.",),
    "es": ("Le informamos que el siguiente embarque llegará a {place} el {date}.",),
    "nl": ("Wij delen u mee dat onderstaande zending op {date} in {place} aankomt.",),
    "pt": ("Informamos que o embarque abaixo chegará a {place} em {date}.",),
    "it": ("Vi informiamo che la spedizione seguente arriverà a {place} il {date}.",),
}

ARRIVING_PLAIN: Phrases = {
    "en": (
        "Please find below the arrival notice for your shipment.",
        "Your cargo is arriving; details below.",
    ),
    "de": ("Nachfolgend die Ankunftsmeldung für Ihre Sendung.",),
    "fr": ("Veuillez trouver ci-dessous l'avis d'arrivée de votre expédition.",),
    "es": ("A continuación el aviso de llegada de su embarque.",),
    "nl": ("Hieronder het aankomstbericht voor uw zending.",),
    "pt": ("Segue abaixo o aviso de chegada do seu embarque.",),
    "it": ("Di seguito l'avviso di arrivo della vostra spedizione.",),
}

FREE_TIME: Phrases = {
    "en": (
        "Free time: {days} days demurrage and detention combined from discharge.",
        "Please note that storage charges apply after {days} free days.",
        "Containers must be returned empty within {days} days to avoid detention.",
    ),
    "de": ("Freizeit: {days} Tage ab Entladung, danach fallen Lagergeld und Demurrage an.",),
    "fr": ("Franchise : {days} jours à compter du déchargement, surestaries ensuite.",),
    "es": ("Días libres: {days} días desde la descarga; después se aplican cargos de demora.",),
    "nl": ("Vrije dagen: {days} dagen na lossing, daarna worden demurrage kosten berekend.",),
    "pt": ("Free time: {days} dias a partir da descarga; após isso incide demurrage.",),
    "it": ("Franchigia: {days} giorni dallo sbarco, poi si applicano controstallie.",),
}

CLOSING: Phrases = {
    "en": (
        "Please arrange customs clearance and delivery accordingly.",
        "Original documents will follow by courier.",
        "Kindly confirm receipt of this message.",
        "Please present the original B/L or arrange telex release before collection.",
    ),
    "de": (
        "Bitte veranlassen Sie die Verzollung und Zustellung.",
        "Die Originaldokumente folgen per Kurier.",
    ),
    "fr": (
        "Merci de prévoir le dédouanement et la livraison.",
        "Les documents originaux suivent par coursier.",
    ),
    "es": (
        "Por favor gestionen el despacho de aduana y la entrega.",
        "Los documentos originales siguen por courier.",
    ),
    "nl": ("Graag de inklaring en aflevering regelen.", "De originele documenten volgen per koerier."),
    "pt": ("Favor providenciar o desembaraço e a entrega.", "Os documentos originais seguem por courier."),
    "it": (
        "Vi preghiamo di organizzare sdoganamento e consegna.",
        "I documenti originali seguono via corriere.",
    ),
}

SIGN_OFF: Phrases = {
    "en": ("Best regards,", "Kind regards,", "Thanks and regards,", "BR"),
    "de": ("Mit freundlichen Grüßen", "Viele Grüße", "MfG"),
    "fr": ("Cordialement,", "Bien à vous,"),
    "es": ("Saludos cordiales,", "Atentamente,"),
    "nl": ("Met vriendelijke groet,", "Groeten,"),
    "pt": ("Atenciosamente,", "Cumprimentos,"),
    "it": ("Cordiali saluti,", "Distinti saluti,"),
}

SUBJECT_WORD: Phrases = {
    "en": ("PRE-ALERT", "Pre-alert", "PREALERT", "Shipment advice"),
    "de": ("Voravis", "VORAVIS", "Pre-Alert"),
    "fr": ("Pré-alerte", "PRE-AVIS"),
    "es": ("Prealerta", "PRE-AVISO"),
    "nl": ("Pre-alert", "Vooraankondiging"),
    "pt": ("Pré-alerta", "PRE-ALERT"),
    "it": ("Preavviso", "PRE-ALERT"),
}

ARRIVAL_SUBJECT: Phrases = {
    "en": ("ARRIVAL NOTICE", "Arrival Notice", "Cargo arrival"),
    "de": ("Ankunftsmeldung", "ANKUNFTSAVIS"),
    "fr": ("Avis d'arrivée", "AVIS D'ARRIVEE"),
    "es": ("Aviso de llegada", "AVISO DE LLEGADA"),
    "nl": ("Aankomstbericht", "AANKOMSTBERICHT"),
    "pt": ("Aviso de chegada", "AVISO DE CHEGADA"),
    "it": ("Avviso di arrivo", "AVVISO DI ARRIVO"),
}

SENDERS = ("Anna Keller", "Marco Rossi", "Sophie Martin", "Jan de Vries", "Carlos Pérez", "Li Wei",
           "Ana Costa", "John Miller", "Priya Nair", "Tomasz Nowak")  # fmt: skip


def phrase(table: Phrases, language: str, rng: random.Random) -> str:
    """One variant of a phrase in `language` (English where the table has none)."""
    return rng.choice(table.get(language) or table["en"])
