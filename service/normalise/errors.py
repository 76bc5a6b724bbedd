"""The one error of the normaliser: a printed span that no rule can read."""

from __future__ import annotations


class Unreadable(ValueError):
    """A span that does not read as the kind of value its field holds.

    Raised by the readers of single values; the manifest walk turns it into `null` (or a
    null parent, or a dropped list entry) and counts it by field, so it is never a guess.
    A span that reads as a value the contract labels null (a date without a year, a
    volume in cubic feet, a size without a type) is not unreadable: its reader returns None.
    """
