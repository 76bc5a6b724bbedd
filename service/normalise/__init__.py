"""Printed spans -> contract values: the deterministic half of extraction (no model, no torch).

`normalise(extraction)` is the one entry point; the readers of single values live in
`dates`, `numbers` and `codes`, table-driven from the contract's rules and the code lists
in `codelists/`.
"""

from service.normalise.errors import Unreadable
from service.normalise.manifest import Normalised, normalise

__all__ = ["Normalised", "Unreadable", "normalise"]
