"""A decode that loops: the same short run of tokens written again and again.

A small model that loses its place in a layout can write `INGINGING...` or `IIIIIIII` until
its token budget runs out. A loop is a period of at most `MAX_PERIOD` tokens repeated at
least `MIN_REPEATS` times in a row, over at least `MIN_SPAN` tokens: long enough that no
label of the synthetic sets or the shared evaluation sets has one (a test checks this), so
legitimately repeated rows, which are far longer than eight tokens, are never cut.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

MAX_PERIOD = 8
MIN_REPEATS = 4
MIN_SPAN = 24


def loops(tokens: Sequence[int]) -> bool:
    """Whether the output ends in a loop."""
    for period in range(1, MAX_PERIOD + 1):
        span = period * max(MIN_REPEATS, math.ceil(MIN_SPAN / period))
        if len(tokens) < span:
            continue
        unit = list(tokens[-period:])
        if list(tokens[-span:]) == unit * (span // period):
            return True
    return False
