"""The country an address line names at its end."""

from __future__ import annotations

import pytest

from service.readers.address import trailing_country
from service.readers.spans import Span


@pytest.mark.parametrize(
    ("line", "country"),
    [
        ("194 Park Road Bertram, TX 64358, USA", "USA"),
        ("338 Church Lane Steyning JT8 9AA NORTHERN IRELAND", "NORTHERN IRELAND"),
        ("105 MARKET DRIVE DEL RIO, TN 66188, US", "US"),
        ("1 DOCK STREET SPRINGFIELD, IL", None),  # a state code, not Israel
        ("INDUSTRIESTRASSE 12 HAMBURG", None),
    ],
)
def test_trailing_country(line: str, country: str | None) -> None:
    text = f"N3*{line}~"
    found = trailing_country(text, Span(line, ((3, 3 + len(line)),)))
    assert (found.value if found else None) == country
    if found is not None:
        ((start, end),) = found.pieces
        assert text[start:end] == country
