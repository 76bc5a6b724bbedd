"""JSON parsed with the place of every string and number in the text.

The standard library's decoder drops positions; this one keeps them by parsing values
itself and leaving strings to `json.decoder.scanstring`. A string's span is its content
between the quotes (escapes as printed), a number's its literal. Empty strings read as
None: the extraction never holds an empty span.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from service.readers.reading import NotReadable
from service.readers.spans import Span

# The decoder's own string scanner (escapes, surrogates), which typeshed does not declare.
_scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_LITERALS = {"true": True, "false": False, "null": None}


def _skip(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def parse(text: str, start: int) -> tuple[Any, int]:
    """The JSON value at `start` (dicts, lists, `Span`s, booleans, None) and where it ends."""
    position = _skip(text, start)
    char = text[position : position + 1]
    if char == "{":
        return _object(text, position + 1)
    if char == "[":
        return _array(text, position + 1)
    if char == '"':
        value, end = _scanstring(text, position + 1)
        stripped = value.strip()
        if not stripped:
            return None, end
        return Span(re.sub(r"\s+", " ", stripped), ((position + 1, end - 1),)), end
    number = _NUMBER.match(text, position)
    if number is not None:
        return Span(number[0], ((position, number.end()),)), number.end()
    for literal, constant in _LITERALS.items():
        if text.startswith(literal, position):
            return constant, position + len(literal)
    raise NotReadable(f"DCSA: not JSON at character {position}")


def _expect(text: str, position: int, chars: str) -> tuple[str, int]:
    position = _skip(text, position)
    char = text[position : position + 1]
    if not char or char not in chars:
        raise NotReadable(f"DCSA: expected one of {chars!r} at character {position}")
    return char, position + 1


def _object(text: str, position: int) -> tuple[dict[str, Any], int]:
    found: dict[str, Any] = {}
    position = _skip(text, position)
    if text.startswith("}", position):
        return found, position + 1
    while True:
        _, position = _expect(text, position, '"')
        key, position = _scanstring(text, position)
        _, position = _expect(text, position, ":")
        found[key], position = parse(text, position)
        char, position = _expect(text, position, ",}")
        if char == "}":
            return found, position


def _array(text: str, position: int) -> tuple[list[Any], int]:
    found: list[Any] = []
    position = _skip(text, position)
    if text.startswith("]", position):
        return found, position + 1
    while True:
        value, position = parse(text, position)
        found.append(value)
        char, position = _expect(text, position, ",]")
        if char == "]":
            return found, position
