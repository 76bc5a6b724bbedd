"""The regression gate: a candidate model replaces the committed one only when it is better.

Both models are scored the way users are served (`evaluate_records`) on the same sets. The
candidate passes when the held-out-styles F1 rises by at least 1 point or the realistic set's
by at least 2, no set drops by more than 1 point, EOS is reached on at least 99% of every set
and every output is schema-valid. The figures of both are printed side by side, and a pass
can promote the candidate into the store (the only way `model_store/` changes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

HELDOUT_RISE = 0.01
REALISTIC_RISE = 0.02
MAX_DROP = 0.01
MIN_EOS_SHARE = 0.99


@dataclass(slots=True)
class GateVerdict:
    passed: bool
    reasons: list[str] = field(default_factory=list)


def _eos_share(result: dict[str, Any]) -> float:
    decoded = result["documents"] - result["too_long"] - result["errors"]
    return 1.0 - result["eos_failures"] / max(1, decoded)


def judge(
    committed: list[dict[str, Any]], candidate: list[dict[str, Any]], heldout: str, realistic: str
) -> GateVerdict:
    """The gate's rule over both models' results on the same sets (matched by name)."""
    before = {result["name"]: result for result in committed}
    reasons: list[str] = []
    rises = False
    for result in candidate:
        name = result["name"]
        delta = result["f1"] - before[name]["f1"]
        if delta < -MAX_DROP:
            reasons.append(f"{name}: F1 drops {-delta:.3f} (more than {MAX_DROP})")
        if _eos_share(result) < MIN_EOS_SHARE:
            reasons.append(f"{name}: EOS reached on {_eos_share(result):.1%} (under {MIN_EOS_SHARE:.0%})")
        if result["schema_validity"] < 1.0:
            reasons.append(f"{name}: schema-valid {result['schema_validity']:.1%}")
        if (name == heldout and delta >= HELDOUT_RISE) or (name == realistic and delta >= REALISTIC_RISE):
            rises = True
    if not rises:
        reasons.append(f"neither {heldout} F1 rose by {HELDOUT_RISE} nor {realistic} F1 by {REALISTIC_RISE}")
    return GateVerdict(not reasons, reasons)


def side_by_side(
    committed: list[dict[str, Any]], candidate: list[dict[str, Any]], names: tuple[str, str]
) -> str:
    """A table of both models' headline figures per set."""
    before = {result["name"]: result for result in committed}
    lines = [
        f"{'set':<14} {'docs':>5} | {names[0] + ' F1':>10} {'EOS':>6} {'valid':>6} {'grounded':>8} | "
        f"{names[1] + ' F1':>10} {'EOS':>6} {'valid':>6} {'grounded':>8} | {'delta':>7}"
    ]
    for result in candidate:
        old = before[result["name"]]
        cells = []
        for figures in (old, result):
            cells.append(
                f"{figures['f1']:>10.4f} {_eos_share(figures):>6.1%} {figures['schema_validity']:>6.1%} "
                f"{figures['grounded_share']:>8.1%}"
            )
        lines.append(
            f"{result['name']:<14} {result['documents']:>5} | {cells[0]} | {cells[1]} | "
            f"{result['f1'] - old['f1']:>+7.4f}"
        )
    return "\n".join(lines)
