"""Drawing one document's captions: its pool language(s), its casing, its habits.

A `Captioner` is made once per document from its `LayoutStyle` and shipment, so the
document stays consistent (one casing, one way of pairing languages) while each field's
wording is drawn from the pool. Bilingual styles print the local wording and the English
one together ("Empfänger / Consignee"); now and then a caption is misspelt by hand.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from service.data.layouts.pools import pool
from service.data.layouts.styles import LayoutStyle
from service.data.shipment import Shipment

_CASINGS = ("as_is", "as_is", "upper", "upper", "title", "lower")
_PAIRINGS = (" / ", " / ", "/", " - ", " | ", " (", "\n")


@dataclass(slots=True)
class Captioner:
    languages: tuple[str, ...]
    air: bool
    bill: bool
    casing: str
    pairing: str
    misspell: float
    rng: random.Random

    @classmethod
    def for_document(cls, style: LayoutStyle, shipment: Shipment, rng: random.Random) -> Captioner:
        return cls(
            languages=style.languages,
            air=shipment.transport_mode == "air",
            bill=shipment.document_type == "bill_of_lading",
            casing=rng.choice(_CASINGS),
            pairing=rng.choice(_PAIRINGS),
            misspell=rng.choice((0.0, 0.0, 0.03, 0.08)),
            rng=rng,
        )

    def word(self, key: str, language: str | None = None) -> str:
        """One wording of `key` in `language` (the document's first language by default), cased."""
        text = self.rng.choice(pool(key, language or self.languages[0], self.air, self.bill))
        if self.misspell and self.rng.random() < self.misspell:
            text = misspell(text, self.rng)
        return self._case(text)

    def __call__(self, key: str) -> str:
        """The caption of `key`: bilingual styles pair the local wording with the English one."""
        if len(self.languages) == 1:
            return self.word(key)
        local, english = self.word(key, self.languages[0]), self.word(key, self.languages[1])
        if self.pairing == " (":
            return f"{local} ({english})"
        return f"{local}{self.pairing}{english}"

    def _case(self, text: str) -> str:
        if self.casing == "upper":
            return text.upper()
        if self.casing == "lower":
            return text.lower()
        if self.casing == "title":
            return " ".join(word[:1].upper() + word[1:] for word in text.split(" "))
        return text


def misspell(text: str, rng: random.Random) -> str:
    """A typing slip inside one word of a caption: letters swapped, dropped or doubled."""
    positions = [i for i in range(1, len(text) - 1) if text[i].isalpha() and text[i + 1].isalpha()]
    if not positions:
        return text
    i = rng.choice(positions)
    slip = rng.randrange(3)
    if slip == 0 and text[i] != text[i + 1]:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if slip == 2:
        return text[:i] + text[i] + text[i:]
    return text[:i] + text[i + 1 :]
