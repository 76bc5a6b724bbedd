"""A run's resume point: its checkpoint made small enough to commit (weights and optimizer in bf16).

A training campaign runs over many sessions, and files outside git may be gone next time.
The run's `state.pt` (float32 weights and Adam moments: 80 MB for 6.7M parameters) is
stored with every floating tensor in bfloat16 (about 40 MB), taken in the schedule's stable
phase so a later run extends it at the same learning rate. Loading casts back to float32;
the rounding is far below what one training step changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch


def _cast(value: Any, dtype: torch.dtype) -> Any:
    if isinstance(value, torch.Tensor) and value.is_floating_point():
        return value.to(dtype)
    if isinstance(value, dict):
        return {key: _cast(child, dtype) for key, child in value.items()}
    if isinstance(value, list):
        return [_cast(child, dtype) for child in value]
    return value


def write_resume_point(state_file: Path, out: Path) -> int:
    """Write `state_file` compacted to `out`; returns the step it holds."""
    state = torch.load(state_file, map_location="cpu", weights_only=True)
    compact = {key: _cast(value, torch.bfloat16) for key, value in state.items() if key != "torch_rng"}
    compact["torch_rng"] = state["torch_rng"]
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(out.suffix + ".partial")
    torch.save(compact, partial)
    partial.replace(out)
    return int(state["step"])


def read_resume_point(path: Path, device: torch.device) -> dict[str, Any]:
    """A resume point as a trainer state (float32 again)."""
    state = torch.load(path, map_location=device, weights_only=True)
    return {key: value if key == "torch_rng" else _cast(value, torch.float32) for key, value in state.items()}
