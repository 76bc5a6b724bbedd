"""One request's life in the engine, as the scheduler tracks it (plain Python, no torch)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, auto


class RequestStatus(Enum):
    WAITING = auto()  # queued, no slot yet
    RUNNING = auto()  # owns KV-cache slots, decoded every step
    FINISHED = auto()  # result ready
    ABORTED = auto()  # the caller went away
    EXPIRED = auto()  # its deadline passed
    FAILED = auto()  # the runner could not produce a valid result for it


@dataclass(slots=True)
class Request:
    request_id: int
    token_ids: list[int]
    max_new_tokens: int
    beam_width: int  # 1: greedy; a beam request holds one slot per beam
    arrival: float
    deadline: float
    status: RequestStatus = RequestStatus.WAITING
    slots: list[int] = field(default_factory=list)
    abort_requested: bool = False
    admitted_at: float | None = None
    first_token_at: float | None = None
    finished_at: float | None = None
    steps: int = 0
