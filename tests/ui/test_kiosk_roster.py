"""The roster panel holds a busy slot: eight people (walk-ins too) at 1366x768 and
1920x1080 neither overlap nor leave the panel; what does not fit is scrolled to, and a
line under the panel says more names are below."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from frontdesk.core.roster import ShiftKey
from frontdesk.services import roster
from frontdesk.services.context import Desk
from frontdesk.services.setup import update_settings
from frontdesk.ui.kiosk.window import KioskWindow
from frontdesk.ui.widgets import Card
from tests.support.desks import add_volunteer
from tests.ui.conftest import MONDAY

NAMES = ["林志明", "張淑芬", "黃建國", "吳美玲", "蔡宗翰", "許雅婷", "鄭文雄", "謝佩君"]


def rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def people(card: QWidget) -> list[QPushButton]:
    return [b for b in card.findChildren(QPushButton) if b.property("role") == "person"]


@pytest.mark.parametrize("slot", ["AM", "PM"])
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_eight_people_in_a_slot_fit_the_panel(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot, size: tuple[int, int], slot: str
) -> None:
    """Three in the afternoon (two walk-ins) overlapped the morning and the third was cut."""
    update_settings(kiosk_desk, {"slots": "AM=08:30-11:30/1-8;PM=13:30-16:30/1-8"})
    have = 2 if slot == "AM" else 0
    for i, name in enumerate(NAMES[: 8 - have]):
        vid = add_volunteer(kiosk_desk, f"B{i:03d}", name)
        roster.assign(kiosk_desk, ShiftKey(MONDAY, slot), vid)
    window.refresh()
    window.resize(*size)
    qtbot.waitUntil(lambda: window.height() == size[1])
    QApplication.processEvents()
    home = window.home
    window.grab().save(f"/tmp/kfix2/roster_{slot}_{size[0]}.png")
    box, scroll = home.roster_box, home.roster_scroll
    layout = home.roster_layout
    cards = [layout.itemAt(i).widget() for i in range(layout.count())]
    assert len(cards) == 2 and all(isinstance(c, Card) for c in cards)
    busy = cards[0] if slot == "AM" else cards[1]
    assert len(people(busy)) == 8
    a, b = (rect_in(c, box) for c in cards)
    assert not a.intersects(b), (a, b)
    for card in cards:
        assert box.rect().contains(rect_in(card, box))
        body = card.layout()
        rows = [body.itemAt(i).widget() for i in range(body.count())]
        shown = [rect_in(w, card) for w in rows if w is not None and w.isVisible()]
        assert len(shown) >= len(people(card)) + 1  # the title, a warning, the people
        for i, r in enumerate(shown):  # never squeezed over one another nor cut off
            assert card.rect().contains(r), (card.rect(), r)
            assert not any(r.intersects(o) for o in shown[i + 1 :]), (r, shown)
        for p in people(card):
            assert p.height() >= 56 and p.height() >= p.minimumSizeHint().height()
    # the panel itself stays inside the roster column, above the footer
    assert home.rect().contains(rect_in(scroll, home))
    bar = scroll.verticalScrollBar()
    assert home.more_hint.isVisible() == (bar.maximum() > 0)
    last = people(busy)[-1]
    scroll.ensureWidgetVisible(last)  # every name can be scrolled to
    QApplication.processEvents()
    assert scroll.viewport().rect().contains(rect_in(last, scroll.viewport()))
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    assert not home.more_hint.isVisible()  # at the bottom: nothing more below
