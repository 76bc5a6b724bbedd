"""Is the decoder's confidence useful? Share of values correct per confidence bucket.

Each returned value with provenance has a confidence; it is correct when the label has the
same leaf (the contract's comparison). The table says how far a backend can trust a value
at a given confidence, and `threshold_for` the lowest confidence above which the values kept
reach a target precision (what to send to a person below it).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from service.scoring import flatten, values_equal

EDGES = (0.0, 0.5, 0.8, 0.9, 0.95, 0.99, 1.0)


@dataclass(slots=True)
class Reliability:
    observed: list[tuple[float, bool]] = field(default_factory=list)

    def add(self, manifest: dict[str, Any], provenance: list[dict[str, Any]], label: dict[str, Any]) -> None:
        predicted, truth = dict(flatten(manifest)), dict(flatten(label))
        for entry in provenance:
            value, expected = predicted.get(entry["path"]), truth.get(entry["path"])
            correct = value is not None and expected is not None and values_equal(value, expected)
            self.observed.append((float(entry["confidence"]), correct))

    def table(self) -> list[dict[str, Any]]:
        """Per bucket [low, high): values, share correct."""
        rows = []
        for low, high in itertools.pairwise(EDGES):
            inside = [ok for c, ok in self.observed if low <= c < high or (high == 1.0 and c == 1.0)]
            rows.append(
                {"bucket": f"[{low}, {high}{']' if high == 1.0 else ')'}", "values": len(inside),
                 "correct": sum(inside) / len(inside) if inside else None}
            )  # fmt: skip
        return rows

    def threshold_for(self, precision: float) -> dict[str, Any]:
        """The lowest confidence whose kept values (at or above it) reach `precision`, and the share kept."""
        ranked = sorted(self.observed, key=lambda pair: -pair[0])
        best: dict[str, Any] = {"precision": precision, "threshold": None, "kept": 0.0}
        correct = 0
        for kept, (confidence, ok) in enumerate(ranked, start=1):
            correct += ok
            next_confidence = ranked[kept][0] if kept < len(ranked) else -1.0
            if correct / kept >= precision and next_confidence < confidence:
                best = {"precision": precision, "threshold": confidence, "kept": kept / len(ranked)}
        return best
