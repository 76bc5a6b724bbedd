"""The scheduler against a fake runner: FIFO admission, budgets, packed slots, aborts, deadlines."""

from __future__ import annotations

from service.engine.request import Request, RequestStatus
from service.engine.scheduler import Scheduler
from service.engine.step import FinishedSequence, RunnerOutput, SchedulerOutput


class FakeRunner:
    """Holds request ids in slots exactly as told; a request finishes after its step count.
    Like the real runner, it forgets a finished request at once; under request-level batching
    its slot stays in the batch, decoded as padding (`idle_rows`)."""

    def __init__(self, slots: int, steps_needed: dict[int, int], idle_rows: bool = False) -> None:
        self.slots: list[int | None] = [None] * slots
        self.idle_rows = idle_rows
        self.steps_needed = dict(steps_needed)
        self.batches: list[list[int | None]] = []

    def execute(self, output: SchedulerOutput) -> RunnerOutput:
        for request_id in output.released:
            self.slots = [None if owner == request_id else owner for owner in self.slots]
        for source, target in output.moves:
            assert self.slots[target] is None and (self.idle_rows or self.slots[source] is not None)
            self.slots[target], self.slots[source] = self.slots[source], None
        for admission in output.admitted:
            for slot in admission.slots:
                assert self.slots[slot] is None
                self.slots[slot] = admission.request_id
        batch = self.slots[: output.num_slots]
        assert self.idle_rows or None not in batch, "slots in use must be packed"
        assert all(owner is None for owner in self.slots[output.num_slots :])
        self.batches.append(list(batch))
        result = RunnerOutput()
        for request_id in dict.fromkeys(owner for owner in batch if owner is not None):
            self.steps_needed[request_id] -= 1
            if self.steps_needed[request_id] == 0:
                result.finished.append(FinishedSequence(request_id=request_id, tokens=[7]))
                self.slots = [None if owner == request_id else owner for owner in self.slots]
        return result


def request(request_id: int, length: int = 4, width: int = 1, deadline: float = 100.0) -> Request:
    return Request(
        request_id, [5] * length, max_new_tokens=8, beam_width=width, arrival=0.0, deadline=deadline
    )


def step(scheduler: Scheduler, runner: FakeRunner, now: float = 1.0) -> tuple[SchedulerOutput, list[int]]:
    """One schedule -> execute -> update round; returns the output and the retired request ids."""
    output = scheduler.schedule(now)
    report = scheduler.update(runner.execute(output), now)
    return output, [retired.request_id for retired, _ in report.retired]


def test_admits_in_arrival_order_up_to_the_free_slots() -> None:
    scheduler = Scheduler(max_slots=3, max_waiting=10, prefill_token_budget=1000)
    runner = FakeRunner(3, {0: 1, 1: 5, 2: 5, 3: 5, 4: 5})
    for request_id in range(5):
        assert scheduler.add(request(request_id))
    output, retired = step(scheduler, runner)
    assert [(a.request_id, a.slots) for a in output.admitted] == [(0, [0]), (1, [1]), (2, [2])]
    assert retired == [0]
    output, _ = step(scheduler, runner)
    assert output.moves == [(2, 0)]  # the last slot fills the hole; the newcomer goes on top
    assert [(a.request_id, a.slots) for a in output.admitted] == [(3, [2])]
    assert runner.batches[-1] == [2, 1, 3]
    assert [r.request_id for r in scheduler.waiting] == [4]


def test_prefill_budget_is_fifo_and_never_starves_a_long_document() -> None:
    scheduler = Scheduler(max_slots=8, max_waiting=10, prefill_token_budget=10)
    runner = FakeRunner(8, {0: 9, 1: 9, 2: 9, 3: 9})
    for request_id, length in enumerate((25, 6, 6, 3)):
        scheduler.add(request(request_id, length=length))
    first, _ = step(scheduler, runner)
    assert [a.request_id for a in first.admitted] == [0]  # alone, although over the budget
    second, _ = step(scheduler, runner)
    assert [a.request_id for a in second.admitted] == [1]  # 6 + 6 > 10, and 3 may not jump ahead
    third, _ = step(scheduler, runner)
    assert [a.request_id for a in third.admitted] == [2, 3]


def test_beam_request_holds_one_slot_per_beam_and_blocks_the_queue() -> None:
    scheduler = Scheduler(max_slots=4, max_waiting=10, prefill_token_budget=1000)
    runner = FakeRunner(4, {0: 2, 1: 3, 2: 1})
    scheduler.add(request(0, width=2))
    scheduler.add(request(1, width=3))
    scheduler.add(request(2))
    output, _ = step(scheduler, runner)
    assert [(a.request_id, a.slots) for a in output.admitted] == [(0, [0, 1])]
    assert runner.batches[-1] == [0, 0]
    _, retired = step(scheduler, runner)
    assert retired == [0]
    output, _ = step(scheduler, runner)
    assert [(a.request_id, a.slots) for a in output.admitted] == [(1, [0, 1, 2]), (2, [3])]


def test_aborted_running_request_frees_its_slot_for_the_next_in_the_same_step() -> None:
    scheduler = Scheduler(max_slots=2, max_waiting=10, prefill_token_budget=1000)
    runner = FakeRunner(2, {0: 50, 1: 50, 2: 50})
    for request_id in range(3):
        scheduler.add(request(request_id))
    step(scheduler, runner)
    running = scheduler.running[0]
    running.abort_requested = True
    output, _ = step(scheduler, runner)
    assert output.released == [0]
    assert [r.request_id for r in output.dropped] == [0]
    assert running.status is RequestStatus.ABORTED and running.slots == []
    assert output.moves == [(1, 0)]
    assert [(a.request_id, a.slots) for a in output.admitted] == [(2, [1])]


def test_deadlines_drop_waiting_and_running_requests() -> None:
    scheduler = Scheduler(max_slots=1, max_waiting=10, prefill_token_budget=1000)
    runner = FakeRunner(1, {0: 50, 1: 50, 2: 50})
    scheduler.add(request(0, deadline=5.0))
    scheduler.add(request(1, deadline=3.0))
    scheduler.add(request(2, deadline=50.0))
    step(scheduler, runner, now=1.0)
    output, _ = step(scheduler, runner, now=6.0)
    assert sorted((r.request_id, r.status) for r in output.dropped) == [
        (0, RequestStatus.EXPIRED),
        (1, RequestStatus.EXPIRED),
    ]
    assert output.released == [0]
    assert [a.request_id for a in output.admitted] == [2]


def test_waiting_queue_is_bounded() -> None:
    scheduler = Scheduler(max_slots=1, max_waiting=2, prefill_token_budget=1000)
    assert scheduler.add(request(0)) and scheduler.add(request(1))
    assert not scheduler.add(request(2))
    assert len(scheduler.waiting) == 2


def test_update_counts_steps_first_tokens_and_retires() -> None:
    scheduler = Scheduler(max_slots=2, max_waiting=10, prefill_token_budget=1000)
    runner = FakeRunner(2, {0: 3, 1: 1})
    scheduler.add(request(0))
    scheduler.add(request(1))
    output = scheduler.schedule(now=1.0)
    report = scheduler.update(runner.execute(output), now=2.0)
    assert sorted(r.request_id for r in report.first_tokens) == [0, 1]
    assert [(r.request_id, r.status, r.steps, r.finished_at) for r, _ in report.retired] == [
        (1, RequestStatus.FINISHED, 1, 2.0)
    ]
    for now in (3.0, 4.0):
        report = scheduler.update(runner.execute(scheduler.schedule(now)), now)
    assert [(r.request_id, r.steps, r.first_token_at, r.admitted_at) for r, _ in report.retired] == [
        (0, 3, 2.0, 1.0)
    ]
    assert scheduler.used_slots == 0 and not scheduler.running


def test_failed_sequence_marks_its_request_failed() -> None:
    scheduler = Scheduler(max_slots=1, max_waiting=10, prefill_token_budget=1000)
    scheduler.add(request(0))
    output = scheduler.schedule(now=1.0)
    report = scheduler.update(RunnerOutput([FinishedSequence(request_id=0, error="refused")]), now=1.0)
    assert output.admitted[0].request_id == 0
    assert [(r.status, s.error) for r, s in report.retired] == [(RequestStatus.FAILED, "refused")]


def test_request_level_batching_runs_each_batch_to_completion() -> None:
    scheduler = Scheduler(max_slots=4, max_waiting=10, prefill_token_budget=1000, request_level=True)
    runner = FakeRunner(4, {0: 1, 1: 3, 2: 1}, idle_rows=True)
    scheduler.add(request(0))
    scheduler.add(request(1))
    _, retired = step(scheduler, runner)
    assert retired == []  # request 0 is done, but its result waits for the batch
    scheduler.add(request(2))
    rounds = [step(scheduler, runner) for _ in range(3)]
    assert [[a.request_id for a in output.admitted] for output, _ in rounds] == [[], [], [2]]
    assert [retired for _, retired in rounds] == [[], [0, 1], [2]]
    assert [output.num_slots for output, _ in rounds] == [2, 2, 1]  # the finished row is still decoded


def test_request_level_batch_takes_every_waiting_request_up_to_the_slots() -> None:
    """Like a batched generate() call, a request-level batch is not cut by the prefill budget."""
    scheduler = Scheduler(max_slots=3, max_waiting=10, prefill_token_budget=10, request_level=True)
    runner = FakeRunner(3, {0: 1, 1: 1, 2: 1, 3: 1}, idle_rows=True)
    for request_id in range(4):
        scheduler.add(request(request_id, length=8))
    output, retired = step(scheduler, runner)
    assert [a.request_id for a in output.admitted] == [0, 1, 2]
    assert retired == [0, 1, 2]
