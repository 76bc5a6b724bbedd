"""The country an address names at its end, for messages that state no country code.

The contract's country is the one the party's address states; X12 N404 and EDIFACT NAD
3207 carry it as a code, but a party written as free lines (`..., 64358, USA`) names it in
words, and the normaliser's country table reads those words.
"""

from __future__ import annotations

import re

from service.normalise import Unreadable, codes
from service.readers.spans import Joined, Span

_AFTER_POSTCODE = re.compile(r"\d\s*,\s*[A-Za-z]{2}$")


def trailing_country(text: str, line: Span) -> Span | None:
    """The country name an address line ends with (`..., 64358, USA`), when N404 states none.

    The longest run of up to four final words that reads as a country. A two-letter code is
    taken only after a postcode and a comma (`TN 66188, US`): US state and Canadian province
    codes end addresses too (`SPRINGFIELD, IL`).
    """
    joined = Joined(text, [line])
    words = list(re.finditer(r"[^\s,]+", joined.text))
    for count in range(min(4, len(words)), 0, -1):
        start, end = words[-count].start(), words[-1].end()
        candidate = joined.text[start:end]
        if len(candidate) < 3 and not _AFTER_POSTCODE.search(joined.text[:end]):
            continue
        try:
            codes.country(candidate)
        except Unreadable:
            continue
        return joined.span(start, end)
    return None
