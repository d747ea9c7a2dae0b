"""Clocks the tests move: a settable 'now' for a Desk, and a wall/monotonic pair."""

from __future__ import annotations

from datetime import date, datetime, time

from frontdesk.core.timeutil import at

# 2026-11-02 is a Monday: most tests run "now" in early November and plan December 2026.
START = at(date(2026, 11, 2), time(9, 0))


class Clock:
    """A mutable 'now' for a Desk; set it with a Taipei wall-clock day and time."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, day: date, hh: int, mm: int = 0, ss: int = 0) -> datetime:
        self.now = at(day, time(hh, mm, ss))
        return self.now


class FakeClocks:
    """A monotonic and a wall clock the test moves apart."""

    def __init__(self) -> None:
        self.mono = 1000.0
        self.wall = 1_800_000_000.0

    def tick(self, seconds: float) -> None:
        self.mono += seconds
        self.wall += seconds

    def set_wall(self, seconds: float) -> None:
        """Someone changes the PC's clock: only the wall clock moves."""
        self.wall += seconds
