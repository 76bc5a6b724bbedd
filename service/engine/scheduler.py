"""Which requests run and where: FIFO admission under slot and prefill budgets, packed slots.

Pure Python (no torch), so it is tested with a fake runner. Running requests always occupy
slots 0..n-1: when one leaves, the highest occupied slots move into the holes, so the runner
decodes contiguous cache views with no gathers. Admission is strictly FIFO (a request that
does not fit blocks those behind it, so a wide beam request cannot starve); the first
newcomer of a step is admitted even past the prefill token budget, so a long document never
waits forever. `request_level=True` turns this into request-level batching, the benchmark's
baseline on the very same runner: a batch of up to max_slots waiting requests is formed
only when none runs (no prefill budget: nothing runs for it to protect), and it runs to
completion as a whole, as a batched `generate()` call would: a finished request keeps its
slot (decoded as padding) and its result is delivered with the batch's last one.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from service.engine.request import Request, RequestStatus
from service.engine.step import Admission, FinishedSequence, RunnerOutput, SchedulerOutput


@dataclass(slots=True)
class StepReport:
    """What changed for the engine after a step: results to deliver, first tokens to report."""

    retired: list[tuple[Request, FinishedSequence]] = field(default_factory=list)
    first_tokens: list[Request] = field(default_factory=list)


class Scheduler:
    def __init__(
        self, max_slots: int, max_waiting: int, prefill_token_budget: int, request_level: bool = False
    ) -> None:
        self.max_slots = max_slots
        self.max_waiting = max_waiting
        self.prefill_token_budget = prefill_token_budget
        self.request_level = request_level  # benchmark baseline: admit only into an empty batch
        self.waiting: deque[Request] = deque()
        self.running: dict[int, Request] = {}
        self._owner: list[int | None] = [None] * max_slots  # slot -> request id
        self._held: dict[int, tuple[Request, FinishedSequence]] = {}  # request-level: done, batch is not

    @property
    def used_slots(self) -> int:
        return sum(owner is not None for owner in self._owner)

    def add(self, request: Request) -> bool:
        """Queue a request; False when the waiting queue is full."""
        if request.beam_width > self.max_slots:
            raise ValueError(f"beam width {request.beam_width} exceeds {self.max_slots} slots")
        if len(self.waiting) >= self.max_waiting:
            return False
        self.waiting.append(request)
        return True

    def schedule(self, now: float) -> SchedulerOutput:
        output = SchedulerOutput()
        self._drop_waiting(now, output)
        self._drop_running(now, output)
        output.moves = self._compact()
        occupied = self.used_slots
        output.admitted = self._admit(now, occupied)
        output.num_slots = self.used_slots
        return output

    def update(self, result: RunnerOutput, now: float) -> StepReport:
        """Count the step for every running request and retire what finished."""
        report = StepReport()
        for request in self.running.values():
            request.steps += 1
            if request.first_token_at is None:
                request.first_token_at = now
                report.first_tokens.append(request)
        for sequence in result.finished:
            request = self.running.pop(sequence.request_id)
            request.status = RequestStatus.FAILED if sequence.error is not None else RequestStatus.FINISHED
            if self.request_level:
                self._held[request.request_id] = (request, sequence)
            else:
                self._retire(request, sequence, now, report)
        if not self.running:
            for request, sequence in self._held.values():
                self._retire(request, sequence, now, report)
            self._held.clear()
        return report

    def _retire(self, request: Request, sequence: FinishedSequence, now: float, report: StepReport) -> None:
        request.finished_at = now
        self._free(request)
        report.retired.append((request, sequence))

    def fail_all(self) -> list[Request]:
        """Remove every waiting and running request (the runner crashed or the engine stops)."""
        everyone = [*self.waiting, *self.running.values(), *(request for request, _ in self._held.values())]
        self.waiting.clear()
        self.running.clear()
        self._held.clear()
        self._owner = [None] * self.max_slots
        for request in everyone:
            request.status = RequestStatus.FAILED
        return everyone

    # ---- steps of schedule() ----------------------------------------------------------------

    @staticmethod
    def _expired_status(request: Request, now: float) -> RequestStatus | None:
        if request.abort_requested:
            return RequestStatus.ABORTED
        if now >= request.deadline:
            return RequestStatus.EXPIRED
        return None

    def _drop_waiting(self, now: float, output: SchedulerOutput) -> None:
        kept: deque[Request] = deque()
        for request in self.waiting:
            status = self._expired_status(request, now)
            if status is None:
                kept.append(request)
            else:
                request.status = status
                output.dropped.append(request)
        self.waiting = kept

    def _drop_running(self, now: float, output: SchedulerOutput) -> None:
        for request_id, request in list(self.running.items()):
            status = self._expired_status(request, now)
            if status is not None:
                request.status = status
                del self.running[request_id]
                self._free(request)
                output.released.append(request_id)
                output.dropped.append(request)

    def _free(self, request: Request) -> None:
        for slot in request.slots:
            self._owner[slot] = None
        request.slots = []

    def _compact(self) -> list[tuple[int, int]]:
        """Move the highest occupied slots into the holes below the occupied count."""
        count = self.used_slots
        holes = [slot for slot in range(count) if self._owner[slot] is None]
        movers = [slot for slot in range(self.max_slots - 1, count - 1, -1) if self._owner[slot] is not None]
        moves = list(zip(movers, holes, strict=True))
        for source, target in moves:
            request_id = self._owner[source]
            assert request_id is not None
            request = self.running[request_id] if request_id in self.running else self._held[request_id][0]
            request.slots[request.slots.index(source)] = target
            self._owner[target], self._owner[source] = request_id, None
        return moves

    def _admit(self, now: float, occupied: int) -> list[Admission]:
        admitted: list[Admission] = []
        if self.request_level and (self.running or self._held):
            return admitted
        budget_used = 0
        while self.waiting:
            request = self.waiting[0]
            width = request.beam_width
            if occupied + width > self.max_slots:
                break
            length = len(request.token_ids)
            # the budget keeps a long prefill from stalling running decodes; a request-level
            # batch has none running and encodes its whole batch at once, as generate() would
            if admitted and not self.request_level and budget_used + length > self.prefill_token_budget:
                break
            self.waiting.popleft()
            request.slots = list(range(occupied, occupied + width))
            for slot in request.slots:
                self._owner[slot] = request.request_id
            occupied += width
            budget_used += length
            request.status = RequestStatus.RUNNING
            request.admitted_at = now
            self.running[request.request_id] = request
            admitted.append(
                Admission(request.request_id, request.token_ids, list(request.slots), request.max_new_tokens)
            )
        return admitted
