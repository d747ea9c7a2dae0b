"""Noticing the PC's clock being changed while the desk runs (plain Python, no Qt).

Both time sources are injectable, so tests move them apart by hand.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)


def monotonic_source() -> Callable[[], float]:
    """A clock that never jumps and, where the OS offers it, keeps counting in sleep."""
    if sys.platform.startswith("linux") and hasattr(time, "CLOCK_BOOTTIME"):
        boottime = time.CLOCK_BOOTTIME
        return lambda: time.clock_gettime(boottime)
    return time.monotonic  # Windows: counts through sleep as well


@dataclass(frozen=True)
class ClockCheck:
    """The wall clock compared with the monotonic one since the previous scan."""

    suspect: bool
    jump_seconds: float = 0.0  # wall minus monotonic elapsed; > 0: the clock was set forward


class ClockGuard:
    """Notices the PC's clock being set back or forward between two scans in one process.

    Between two observations the wall clock and a monotonic clock should advance alike;
    when they differ by more than `tolerance_seconds` the wall clock was changed. The
    suspicion stays pending until a record is flagged (acknowledge), so a jump before a
    repeated scan that writes nothing still marks the next written record.
    """

    def __init__(
        self,
        *,
        tolerance_seconds: float = 120.0,
        monotonic: Callable[[], float] | None = None,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.tolerance = tolerance_seconds
        self._monotonic = monotonic or monotonic_source()
        self._wall = wall
        self._previous: tuple[float, float] | None = None
        self._pending: float | None = None

    def observe(self) -> ClockCheck:
        """Take a reading now; suspect when the wall clock moved unlike the monotonic one."""
        mono, wall = self._monotonic(), self._wall()
        if self._previous is not None:
            jump = (wall - self._previous[1]) - (mono - self._previous[0])
            if abs(jump) > self.tolerance:
                log.warning("the wall clock jumped by %+.0f s between two scans", jump)
                self._pending = jump if self._pending is None else self._pending + jump
        self._previous = (mono, wall)
        if self._pending is None:
            return ClockCheck(False)
        return ClockCheck(True, self._pending)

    def acknowledge(self) -> None:
        """A record was flagged for the pending jump; later scans start clean."""
        self._pending = None
