"""The inference engine: admission, the step loop, the scheduler/runner seam.

`Engine.submit(token_ids, params)` queues a request and awaits its result. One background
task runs `schedule() -> execute() -> update()`: the scheduler (pure Python) decides which
requests hold which KV-cache slots, the runner (all torch) encodes newcomers and decodes one
constrained step for every running slot, and finished requests are resolved at once.
"""
