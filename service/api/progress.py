"""A one-line progress bar for `manifest-parser parse` over many files.

It writes to stderr, so the JSON Lines on stdout stay clean for a pipe, and it redraws one
line with a carriage return: only a terminal shows that well, so by default it is on only
when stderr is a TTY (`--progress` forces it, for a log that a person tails).
"""

from __future__ import annotations

from typing import TextIO

BAR_WIDTH = 30


class ProgressBar:
    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self._total = total
        self._stream = stream
        self._enabled = enabled
        self._done = 0
        self._failed = 0

    def advance(self, failed: bool) -> None:
        """One more file finished (parsed or failed): redraw the line."""
        self._done += 1
        self._failed += int(failed)
        if self._enabled:
            self._stream.write("\r" + self.line())
            self._stream.flush()

    def line(self) -> str:
        filled = BAR_WIDTH * self._done // max(self._total, 1)
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        return f"[{bar}] {self._done}/{self._total} files, {self._failed} failed"

    def close(self) -> None:
        """End the bar's line, so whatever is written next starts on a fresh one."""
        if self._enabled and self._done:
            self._stream.write("\n")
            self._stream.flush()
