"""The engine against CTranslate2's best configuration, round by round.

CTranslate2 runs in several configurations (precision, threads in one instance or split into
replicas); which is fastest depends on the CPU and the load, so each round compares the engine
with the best configuration of that same round. On a noisy machine a ratio near 1.0 flips
between runs, so the median over rounds decides.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Comparison:
    """One figure of the engine and of every CTranslate2 configuration per round."""

    figure: str  # what is compared, e.g. "documents/s"
    higher_is_better: bool  # throughput: True; latency: False
    engine: list[float] = field(default_factory=list)
    reference: dict[str, list[float]] = field(default_factory=dict)  # configuration -> per round

    def add_round(self, engine: float, reference: dict[str, float]) -> None:
        self.engine.append(engine)
        for name, figure in reference.items():
            self.reference.setdefault(name, []).append(figure)

    def best(self) -> list[str]:
        """Per round, the configuration with the best figure."""
        pick = max if self.higher_is_better else min
        return [
            pick(self.reference, key=lambda name: self.reference[name][index])
            for index in range(len(self.engine))
        ]

    def ratios(self) -> list[float]:
        """Per round, the engine's advantage over that round's best (above 1.0: the engine wins)."""
        ratios = []
        for index, (engine, name) in enumerate(zip(self.engine, self.best(), strict=True)):
            best = self.reference[name][index]
            ratios.append(engine / best if self.higher_is_better else best / engine)
        return ratios

    def median(self) -> float:
        return statistics.median(self.ratios())

    def as_dict(self) -> dict[str, Any]:
        return {
            "figure": self.figure,
            "higher_is_better": self.higher_is_better,
            "engine": self.engine,
            "ctranslate2": self.reference,
            "best_per_round": self.best(),
            "ratio_per_round": self.ratios(),
            "median_ratio": self.median(),
        }
