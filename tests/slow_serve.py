"""`python -m tests.slow_serve SECONDS serve ...`: the real service with every decode step slowed.

The random test model ends its outputs within a fraction of a second (the repetition stop closes
its loops), too soon to hang up on a request, or to send SIGTERM, while it runs. Sleeping before
each runner step (which runs in the engine's worker thread, so the event loop is untouched) keeps
a request in flight for seconds and changes nothing else.
"""

from __future__ import annotations

import sys
import time

from service.cli import main
from service.engine.runner import ModelRunner
from service.engine.step import RunnerOutput, SchedulerOutput


def slow_down_steps(seconds: float) -> None:
    execute = ModelRunner.execute

    def slow_execute(self: ModelRunner, output: SchedulerOutput) -> RunnerOutput:
        time.sleep(seconds)
        return execute(self, output)

    ModelRunner.execute = slow_execute  # type: ignore[method-assign]


if __name__ == "__main__":
    slow_down_steps(float(sys.argv[1]))
    sys.exit(main(sys.argv[2:]))
