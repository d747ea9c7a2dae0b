"""The clock guard: the PC's clock set back or forward between two scans is noticed."""

from __future__ import annotations

import pytest

from frontdesk.core.clock import ClockGuard, ClockMark, Reading, judge
from tests.support.clocks import FakeClocks


def test_guard_sees_the_clock_set_back_and_forward(guard: ClockGuard, clocks: FakeClocks) -> None:
    assert not guard.observe().suspect  # the first reading has nothing to compare
    clocks.tick(3600)
    assert not guard.observe().suspect
    clocks.tick(600)
    clocks.set_wall(-3600)  # set back one hour
    check = guard.observe()
    assert check.suspect and check.jump_seconds == pytest.approx(-3600)
    clocks.tick(60)
    assert guard.observe().suspect  # still off: suspect until corrected or accepted
    guard.accept()
    clocks.tick(60)
    assert not guard.observe().suspect
    clocks.set_wall(+600)
    assert guard.observe().jump_seconds == pytest.approx(600)
    clocks.tick(60)
    clocks.set_wall(-600)  # someone set it right again
    assert not guard.observe().suspect


def test_guard_tolerates_small_drift(guard: ClockGuard, clocks: FakeClocks) -> None:
    guard.observe()
    clocks.tick(86_400)
    clocks.set_wall(90)  # NTP nudging the clock by 90 s over a day
    assert not guard.observe().suspect
    clocks.set_wall(-121)
    assert guard.observe().suspect


def test_default_guard_uses_real_clocks() -> None:
    guard = ClockGuard()
    assert not guard.observe().suspect
    assert not guard.observe().suspect


def test_trusted_time_is_known_within_the_boot(guard: ClockGuard, clocks: FakeClocks) -> None:
    guard.observe()
    clocks.tick(600)
    clocks.set_wall(5 * 3600)
    check = guard.observe()
    assert check.suspect and check.trusted_wall == pytest.approx(clocks.wall - 5 * 3600)


def test_a_stored_mark_carries_the_reference_to_a_new_process(clocks: FakeClocks) -> None:
    """Each process starts a new guard; the mark (kept in the database) is the memory."""
    first = ClockGuard(monotonic=lambda: clocks.mono, wall=lambda: clocks.wall, boot=lambda: "b1")
    mark = first.observe().mark
    clocks.tick(3600)
    clocks.set_wall(-3600)  # set back an hour while the desk was closed
    second = ClockGuard(monotonic=lambda: clocks.mono, wall=lambda: clocks.wall, boot=lambda: "b1")
    assert not second.observe().suspect  # without the mark: nothing to compare with
    third = ClockGuard(monotonic=lambda: clocks.mono, wall=lambda: clocks.wall, boot=lambda: "b1")
    check = third.observe(mark)
    assert check.suspect and check.jump_seconds == pytest.approx(-3600)
    assert check.mark is not None and check.mark.wall == mark.wall  # the reference stays


def test_after_a_reboot_only_a_clock_set_back_is_noticed() -> None:
    trusted = ClockMark(wall=1_800_000_000.0, mono=50_000.0, boot="b1")
    ahead = judge(trusted, Reading(1_800_000_000.0 + 86_400 * 3, 30.0, "b2"), 120)
    assert not ahead.suspect  # three days off, or three days ahead: it cannot tell
    back = judge(trusted, Reading(1_800_000_000.0 - 3600, 30.0, "b2"), 120)
    assert back.suspect and back.jump_seconds == pytest.approx(-3600)
    assert back.mark is not None
    # within the new boot, measured from the floor: set right, trusted again
    later = judge(back.mark, Reading(1_800_000_000.0 + 600, 630.0, "b2"), 120)
    assert not later.suspect
    # suspect and then rebooted: stays suspect, the trusted time unknown
    again = judge(back.mark, Reading(1_800_000_000.0, 10.0, "b3"), 120)
    assert again.suspect and again.trusted_wall is None


def test_without_a_boot_name_a_smaller_monotonic_reading_means_a_reboot() -> None:
    trusted = ClockMark(wall=1_000_000.0, mono=5_000.0, boot="")
    assert not judge(trusted, Reading(1_000_000.0 + 99_999, 10.0, ""), 120).suspect
    assert judge(trusted, Reading(1_000_000.0 + 99_999, 5_010.0, ""), 120).suspect
