"""A count on standard error while a long command runs ("graded 12 of 40"), only when stderr is a terminal."""

from __future__ import annotations

import sys


class Progress:
    """``with Progress(total, "graded") as p: ... p.step()``: prints nothing unless stderr is a terminal."""

    def __init__(self, total: int, verb: str, stream=None, enabled: bool | None = None):
        self.total, self.verb, self.done = total, verb, 0
        self.stream = stream or sys.stderr
        self.enabled = (hasattr(self.stream, "isatty") and self.stream.isatty()) if enabled is None else enabled

    def __enter__(self) -> Progress:
        self._show()
        return self

    def step(self, n: int = 1) -> None:
        self.done += n
        self._show()

    def _show(self) -> None:
        if self.enabled:
            width = 30
            filled = int(width * self.done / self.total) if self.total else width
            bar = "#" * filled + "-" * (width - filled)
            self.stream.write(f"\r[{bar}] {self.verb} {self.done} of {self.total}")
            self.stream.flush()

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
