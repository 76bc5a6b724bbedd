"""The plain data that crosses the scheduler/runner seam once per step.

The scheduler decides (`SchedulerOutput`): which requests were dropped, which slots move to
keep the running ones packed in slots 0..num_slots-1, and which newcomers enter which slots.
The runner computes and answers (`RunnerOutput`): what finished this step, with its tokens.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from service.engine.request import Request
from service.engine.types import FinishReason


@dataclass(slots=True)
class Admission:
    request_id: int
    token_ids: list[int]
    slots: list[int]  # one per beam; greedy requests hold one
    max_new_tokens: int


@dataclass(slots=True)
class SchedulerOutput:
    released: list[int] = field(default_factory=list)  # running request ids to forget (aborted, expired)
    moves: list[tuple[int, int]] = field(default_factory=list)  # (from_slot, to_slot), applied in order
    admitted: list[Admission] = field(default_factory=list)
    num_slots: int = 0  # slots 0..num_slots-1 are all occupied and decoded this step
    dropped: list[Request] = field(default_factory=list)  # for the engine: requests removed this step

    @property
    def has_work(self) -> bool:
        return self.num_slots > 0


@dataclass(slots=True)
class FinishedSequence:
    """A request's final output (for a beam request: its best hypothesis), or its failure."""

    request_id: int
    tokens: list[int] = field(default_factory=list)
    log_probs: list[float] = field(default_factory=list)  # per token; 0.0 where the grammar forced it
    text: str = ""
    finish_reason: FinishReason = FinishReason.EOS
    forced_tokens: int = 0
    drafted_tokens: int = 0
    entropy_sum: float = 0.0
    decided_tokens: int = 0
    error: str | None = None


@dataclass(slots=True)
class RunnerOutput:
    finished: list[FinishedSequence] = field(default_factory=list)
