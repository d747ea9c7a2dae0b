"""The workspace tells the supervisor of a suspect PC clock, and takes the confirmation."""

from __future__ import annotations

from dataclasses import replace

from frontdesk.core.clock import ClockGuard
from frontdesk.services import attendance, clockguard
from frontdesk.services.context import Desk
from frontdesk.ui.supervisor import SupervisorWindow
from tests.support.clocks import Clock, FakeClocks
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)


def test_a_clock_set_ahead_shows_a_sentence_and_the_supervisor_confirms_it(
    qtbot, desk: Desk, boss: str, clock: Clock, clocks: FakeClocks
) -> None:
    guarded = replace(
        desk, clock_guard=ClockGuard(monotonic=lambda: clocks.mono, wall=lambda: clocks.wall)
    )
    clocks.wall = clock.now.timestamp()
    attendance.sweep(guarded)
    window = SupervisorWindow(guarded, "boss", "王督導")
    qtbot.addWidget(window)
    window.show()
    assert window.clock_banner.isHidden() and window.clock_button.isHidden()
    clocks.tick(60)
    clocks.set_wall(6 * 3600)  # someone set the PC's clock six hours ahead
    assert attendance.sweep(guarded).clock_jump_seconds is not None
    window.show_page(1)
    assert "6.0 hours ahead" in window.clock_banner.text()
    assert window.clock_button.isVisible()
    window.clock_button.click()
    assert clockguard.clock_state(guarded) is None
    assert window.clock_banner.isHidden() and window.clock_button.isHidden()
    assert attendance.sweep(guarded).clock_jump_seconds is None
