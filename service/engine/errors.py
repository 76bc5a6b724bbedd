"""Typed engine errors; the API maps each to one HTTP status in its error table."""

from __future__ import annotations


class EngineError(Exception):
    """Base of everything the engine raises on purpose."""


class Overloaded(EngineError):
    """The waiting queue is full (HTTP 429 with Retry-After)."""

    def __init__(self, retry_after_s: float) -> None:
        super().__init__(f"waiting queue full; retry after {retry_after_s:.1f}s")
        self.retry_after_s = retry_after_s


class DeadlineExceeded(EngineError):
    """The request's timeout passed before it finished (HTTP 504)."""


class EngineUnavailable(EngineError):
    """Not started, draining, or crashed (HTTP 503 with Retry-After)."""

    def __init__(self, reason: str, retry_after_s: float) -> None:
        super().__init__(reason)
        self.retry_after_s = retry_after_s


class InputTooLong(EngineError):
    """More source tokens than the model reads (HTTP 413; the API checks first)."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(f"input has {length} tokens; the limit is {limit}")
        self.length = length
        self.limit = limit


class GenerationFailed(EngineError):
    """This request alone failed inside the engine (a grammar bug): HTTP 500, others continue."""
