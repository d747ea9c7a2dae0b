"""No empty band above every page: the desks' state line kept two lines of room while it had
nothing to say (60–90 px between the window's top row and each page's title)."""

from __future__ import annotations

from frontdesk.ui.supervisor import SupervisorWindow
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)


def test_the_desks_line_keeps_no_room_while_silent(qtbot, desk, boss) -> None:  # type: ignore[no-untyped-def]
    window = SupervisorWindow(desk, "boss", "王督導")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    states = window.desk_states
    assert states.isHidden()
    assert states.sizePolicy().retainSizeWhenHidden() is False
    # the page's title starts right under the window's top row
    page = window.stack.currentWidget()
    gap = page.mapTo(window, page.rect().topLeft()).y() - window.lock_button.geometry().bottom()
    assert gap < 40, gap
