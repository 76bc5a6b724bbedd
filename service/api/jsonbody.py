"""Strict JSON decoding of request bodies: what RFC 8259 allows, nothing Python adds.

Python's `json` reads `NaN` and `Infinity`, turns `1e400` into `inf`, and fails with
`RecursionError` or a bare `ValueError` on deep nesting or huge integers. Non-finite numbers
cannot be written back into an error body, and the bare failures reach FastAPI as a generic
400 outside the documented error shape. Here every such body is a `RequestValidationError`
(422, `json_invalid`) whose message says what to fix. Nesting is bounded well below the
interpreter's recursion limit, because a validation error echoes the offending value and
encoding a value nested almost as deep as the decoder allowed could fail in turn.
"""

from __future__ import annotations

import json
import math
import sys
from typing import Any, NoReturn

from fastapi.exceptions import RequestValidationError

JSON_INVALID = "json_invalid"
MAX_DEPTH = 32  # this API's bodies nest 3 levels (batch -> documents -> document)


class _Refused(ValueError):
    """Raised from inside the decoder's hooks; carries the message for the client."""


def _refuse_constant(name: str) -> NoReturn:
    raise _Refused(f"{name} is not a JSON value; send numbers as finite decimals")


def _finite_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise _Refused(f"number {literal[:40]} is out of range (JSON numbers here must be finite doubles)")
    return value


def _bounded_int(literal: str) -> int:
    limit = sys.get_int_max_str_digits()
    if limit and len(literal.lstrip("-")) > limit:
        raise _Refused(f"a number of {len(literal.lstrip('-'))} digits is too long (at most {limit})")
    return int(literal)


def invalid_json(message: str, position: int | None = None) -> RequestValidationError:
    location: tuple[str | int, ...] = ("body",) if position is None else ("body", position)
    return RequestValidationError(
        [{"type": JSON_INVALID, "loc": location, "msg": message, "input": {}, "ctx": {"error": message}}]
    )


def _nests_deeper(value: Any, levels_left: int) -> bool:
    if not isinstance(value, dict | list):
        return False
    if levels_left == 0:
        return True
    children = value.values() if isinstance(value, dict) else value
    return any(_nests_deeper(child, levels_left - 1) for child in children)


def decode_json(text: str) -> Any:
    """The value of a JSON document, or `RequestValidationError` saying why it is refused."""
    value = _decode(text)
    if _nests_deeper(value, MAX_DEPTH):
        raise _too_deep()
    return value


def _too_deep() -> RequestValidationError:
    return invalid_json(f"JSON is nested more than {MAX_DEPTH} levels deep; this API's bodies nest 3")


def _decode(text: str) -> Any:
    try:
        return json.loads(
            text, parse_constant=_refuse_constant, parse_float=_finite_float, parse_int=_bounded_int
        )
    except json.JSONDecodeError as error:
        raise invalid_json(
            f"invalid JSON: {error.msg} (line {error.lineno}, column {error.colno})", error.pos
        ) from None
    except _Refused as error:
        raise invalid_json(str(error)) from None
    except RecursionError:
        raise _too_deep() from None
