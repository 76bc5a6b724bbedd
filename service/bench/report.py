"""Summaries of runs and the comparison table, as text and as JSON."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from typing import Any

from service.bench.comparison import Comparison
from service.bench.scenarios import Run


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1) of a non-empty list."""
    ordered = sorted(values)
    rank = math.ceil(share * len(ordered))
    return ordered[max(0, min(len(ordered), rank) - 1)]


@dataclass(slots=True)
class Row:
    """One line of the table; `None` where a figure does not apply."""

    name: str
    documents: int
    tokens_per_doc: float
    steps_per_doc: float | None
    latency_p50_s: float
    latency_p99_s: float
    tokens_per_s: float
    docs_per_s: float
    ms_per_step: float | None
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


def engine_row(run: Run, note: str = "") -> Row:
    documents = len(run.results)
    steps = [result.steps for result in run.results]
    timings = run.timings
    step_seconds = timings.prepare + timings.forward + timings.mask + timings.update
    return Row(
        name=run.name,
        documents=documents,
        tokens_per_doc=run.output_tokens / documents,
        steps_per_doc=statistics.fmean(steps),
        latency_p50_s=percentile(run.latencies, 0.50),
        latency_p99_s=percentile(run.latencies, 0.99),
        tokens_per_s=run.output_tokens / run.wall_seconds,
        docs_per_s=documents / run.wall_seconds,
        ms_per_step=1000 * step_seconds / max(timings.steps, 1),
        note=note,
    )


def plain_row(name: str, latencies: list[float], tokens: int, wall: float, note: str = "") -> Row:
    """A baseline measured as whole-document latencies (naive loop, CTranslate2)."""
    return Row(
        name=name,
        documents=len(latencies),
        tokens_per_doc=tokens / len(latencies),
        steps_per_doc=None,
        latency_p50_s=percentile(latencies, 0.50),
        latency_p99_s=percentile(latencies, 0.99),
        tokens_per_s=tokens / wall,
        docs_per_s=len(latencies) / wall,
        ms_per_step=None,
        note=note,
    )


def table(rows: list[Row]) -> str:
    header = (
        f"{'scenario':<34}{'docs':>5}{'tok/doc':>9}{'steps/doc':>10}{'p50 s':>8}{'p99 s':>8}"
        f"{'tok/s':>9}{'doc/s':>7}{'ms/step':>9}  note"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        steps = f"{row.steps_per_doc:10.1f}" if row.steps_per_doc is not None else f"{'-':>10}"
        per_step = f"{row.ms_per_step:9.2f}" if row.ms_per_step is not None else f"{'-':>9}"
        lines.append(
            f"{row.name:<34}{row.documents:>5}{row.tokens_per_doc:9.1f}{steps}{row.latency_p50_s:8.3f}"
            f"{row.latency_p99_s:8.3f}{row.tokens_per_s:9.1f}{row.docs_per_s:7.2f}{per_step}  {row.note}"
        )
    return "\n".join(lines)


def comparison_table(name: str, comparison: Comparison) -> str:
    """The figures behind one engine-vs-CTranslate2 ratio, a column per round, each round's
    best CTranslate2 setting starred: which setting the ratio was taken against, and by how much
    the others trailed."""
    ratios = "  ".join(f"{ratio:.3f}" for ratio in comparison.ratios())
    lines = [
        f"{name}: median {comparison.median():.3f} (per round: {ratios}); {comparison.figure}",
        f"  {'engine':<34}" + "".join(f"{figure:10.3f} " for figure in comparison.engine),
    ]
    best = comparison.best()
    for setting, figures in comparison.reference.items():
        cells = (
            f"{figure:10.3f}{'*' if best[index] == setting else ' '}" for index, figure in enumerate(figures)
        )
        lines.append(f"  {setting:<34}" + "".join(cells))
    return "\n".join(lines)


def phase_breakdown(run: Run) -> dict[str, float]:
    """Milliseconds per step spent in each runner phase."""
    timings = run.timings
    steps = max(timings.steps, 1)
    return {
        "admit_ms": 1000 * timings.admit / steps,
        "prepare_ms": 1000 * timings.prepare / steps,
        "forward_ms": 1000 * timings.forward / steps,
        "mask_ms": 1000 * timings.mask / steps,
        "update_ms": 1000 * timings.update / steps,
        "feed_fill": timings.fed_tokens / max(timings.fed_positions, 1),
        "rows_per_step": timings.fed_positions / steps,
        "slots_per_step": timings.slots / steps,
        "slot_fill": timings.slot_fill,
        "masked_decisions": timings.masks / max(timings.decisions, 1),
    }
