"""Noticing the PC's clock being changed, within one run and across restarts (plain Python).

The guard compares the wall clock with a monotonic clock that counts from the machine's
boot. Its reference, the last instant it trusted (ClockMark), is meant to be kept in the
database by the caller, so a clock set back while the desk was closed is still noticed when
it opens again, and a separate process (the evening `frontdesk sweep`) sees the same jump.

After a jump the clock stays suspect, and the reference stays where it was, until the wall
clock agrees with it again (someone corrected the clock) or a supervisor confirms the clock
(accept). Within the same boot the guard also knows the trusted time (the reference plus
the monotonic time since). After a reboot only a clock set before the last trusted instant
can be noticed: a clock set ahead while the machine was off looks like time that passed.

All time sources are injectable, so tests move them apart by hand.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

log = logging.getLogger(__name__)

TOLERANCE_SECONDS = 120.0  # NTP nudges a clock by seconds a day; a person sets it by minutes

_LINUX_BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


def monotonic_source() -> Callable[[], float]:
    """A clock that never jumps and, where the OS offers it, keeps counting in sleep."""
    if sys.platform.startswith("linux") and hasattr(time, "CLOCK_BOOTTIME"):
        boottime = time.CLOCK_BOOTTIME
        return lambda: time.clock_gettime(boottime)
    return time.monotonic  # Windows: counts through sleep as well


def boot_identity() -> str:
    """Which boot of the machine this is ('' when the OS does not say).

    Two readings of the monotonic clock compare only within one boot. Linux names each
    boot (boot_id); Windows counts them (the BootId the memory manager keeps).
    """
    try:
        if sys.platform.startswith("linux"):
            return _LINUX_BOOT_ID.read_text(encoding="ascii").strip()
        if sys.platform == "win32":
            import winreg

            key = r"SYSTEM\CurrentControlSet\Control\Session Manager\Memory Management"
            with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key + r"\PrefetchParameters") as k:
                return "win-" + str(winreg.QueryValueEx(k, "BootId")[0])
    except OSError:
        pass
    return ""


@dataclass(frozen=True)
class Reading:
    """The clocks read at one moment: wall (POSIX seconds), monotonic (s), boot."""

    wall: float
    mono: float
    boot: str


@dataclass(frozen=True)
class ClockMark:
    """The last instant the desk trusted, kept between runs (store: clock_mark).

    `jump` is the wall clock's unexplained move since that instant, in seconds (> 0: set
    ahead), while the clock is suspect; None while it is trusted. `seen_at` is the wall
    clock (POSIX seconds) when the jump was first noticed.
    """

    wall: float
    mono: float
    boot: str
    jump: float | None = None
    seen_at: float | None = None

    @property
    def suspect(self) -> bool:
        return self.jump is not None


@dataclass(frozen=True)
class ClockCheck:
    """The wall clock judged against the last trusted instant.

    `jump_seconds` is the wall clock minus the trusted time (> 0: the clock is ahead).
    `trusted_wall` is the trusted time now (POSIX seconds) when the guard knows it: always
    when the clock is trusted; when suspect, only within the boot the reference was taken
    in. `mark` is what the caller keeps for the next check.
    """

    suspect: bool
    jump_seconds: float = 0.0
    trusted_wall: float | None = None
    mark: ClockMark | None = None


def judge(mark: ClockMark | None, now: Reading, tolerance: float) -> ClockCheck:
    """The clock at `now` against the reference `mark` (None: the first reading ever)."""
    if mark is None:
        return ClockCheck(False, 0.0, now.wall, _trusted(now))
    same_boot = mark.boot == now.boot if mark.boot or now.boot else now.mono >= mark.mono
    if same_boot:
        trusted = mark.wall + (now.mono - mark.mono)
        jump = now.wall - trusted
        if abs(jump) <= tolerance:
            return ClockCheck(False, 0.0, now.wall, _trusted(now))
        return ClockCheck(True, jump, trusted, _suspect(mark, jump, now))
    if mark.suspect:
        # Rebooted while suspect: nothing left to measure against; suspect until accepted.
        assert mark.jump is not None
        return ClockCheck(True, mark.jump, None, mark)
    if now.wall < mark.wall - tolerance:
        # Rebooted and set before the last trusted instant: that instant is a lower bound
        # of the true time, and this boot's monotonic clock measures from it on.
        jump = now.wall - mark.wall
        floor = ClockMark(mark.wall, now.mono, now.boot)
        return ClockCheck(True, jump, mark.wall, _suspect(floor, jump, now))
    return ClockCheck(False, 0.0, now.wall, _trusted(now))


def _trusted(now: Reading) -> ClockMark:
    return ClockMark(now.wall, now.mono, now.boot)


def _suspect(reference: ClockMark, jump: float, now: Reading) -> ClockMark:
    """The reference kept, with the jump and when it was first seen."""
    seen_at = reference.seen_at if reference.seen_at is not None else now.wall
    return replace(reference, jump=jump, seen_at=seen_at)


class ClockGuard:
    """Notices the PC's clock being set back or forward, against the last trusted instant.

    Between two observations the wall clock and a monotonic clock should advance alike;
    when they differ by more than `tolerance_seconds` the wall clock was changed. The clock
    stays suspect until it agrees with the trusted time again or is accepted, so every
    record written meanwhile is flagged and the sweep waits (services.clockguard).

    The reference lives in memory; callers that keep it (in the database) pass the stored
    mark to `observe` and store `ClockCheck.mark` afterwards.
    """

    def __init__(
        self,
        *,
        tolerance_seconds: float = TOLERANCE_SECONDS,
        monotonic: Callable[[], float] | None = None,
        wall: Callable[[], float] = time.time,
        boot: Callable[[], str] = boot_identity,
    ) -> None:
        self.tolerance = tolerance_seconds
        self._monotonic = monotonic or monotonic_source()
        self._wall = wall
        self._boot = boot
        self.mark: ClockMark | None = None

    def reading(self) -> Reading:
        return Reading(self._wall(), self._monotonic(), self._boot())

    def observe(self, stored: ClockMark | None = None) -> ClockCheck:
        """Judge the clock now against `stored` (or the last mark in memory)."""
        check = judge(stored or self.mark, self.reading(), self.tolerance)
        if check.suspect and not (self.mark and self.mark.suspect):
            log.warning("the wall clock is %+.0f s off the last trusted time", check.jump_seconds)
        self.mark = check.mark
        return check

    def accept(self) -> ClockMark:
        """A supervisor confirmed the clock shows the right time: trust it from now on."""
        self.mark = _trusted(self.reading())
        return self.mark
