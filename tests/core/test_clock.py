"""The clock guard: the PC's clock set back or forward between two scans is noticed."""

from __future__ import annotations

import pytest

from frontdesk.core.clock import ClockGuard
from tests.support.clocks import FakeClocks


def test_guard_sees_the_clock_set_back_and_forward(guard: ClockGuard, clocks: FakeClocks) -> None:
    assert not guard.observe().suspect  # the first reading has nothing to compare
    clocks.tick(3600)
    assert not guard.observe().suspect
    clocks.tick(600)
    clocks.set_wall(-3600)  # set back one hour
    check = guard.observe()
    assert check.suspect and check.jump_seconds == pytest.approx(-3600)
    assert guard.observe().suspect  # pending until a record carries it
    guard.acknowledge()
    clocks.tick(60)
    assert not guard.observe().suspect
    clocks.set_wall(+600)
    assert guard.observe().jump_seconds == pytest.approx(600)


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
