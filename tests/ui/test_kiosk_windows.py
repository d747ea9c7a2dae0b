"""No loose windows at the kiosk: every flow leaves only the kiosk window (and the dialog it
opened on purpose) on screen. A parentless widget that is shown becomes a window of its
own, with a taskbar button on Windows that can take the focus away from the card reader.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from frontdesk.services import kiosk, pins, roster
from frontdesk.services.context import Desk
from frontdesk.services.setup import update_settings
from frontdesk.ui.kiosk.window import KioskWindow
from frontdesk.ui.widgets import BadgeButton, BigButton, Card, wrap_label
from tests.ui.test_kiosk import scan
from tests.ui.test_swaps_kiosk import NOV5, NOV16, ids, tap, tap_text


def loose_windows(window: KioskWindow, dialogs: tuple[QWidget, ...] = ()) -> list[str]:
    """Visible top-level widgets other than the kiosk window and the intended dialogs."""
    QApplication.processEvents()
    return [
        f"{type(w).__name__} {w.objectName()!r} {getattr(w, 'text', lambda: '')()!r}"
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w is not window and w not in dialogs
    ]


def idle_home(window: KioskWindow, qtbot: QtBot) -> None:
    window._idle.setInterval(30)
    window._idle.start()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == window.HOME, timeout=3000)


def test_every_kiosk_flow_leaves_no_loose_window(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV16, v["A001"])
    roster.assign(kiosk_desk, NOV5, v["A001"])
    steps: list[tuple[str, Callable[[], None]]] = [
        ("home", lambda: None),
        ("sign-in", lambda: scan(window, "A001")),
        ("my shifts", lambda: tap(qtbot, window, "myShiftsButton")),
        (
            "done",
            lambda: qtbot.mouseClick(window.shifts_page.done_button, Qt.MouseButton.LeftButton),
        ),
        (
            "sign-in again, my shifts",
            lambda: (scan(window, "A001"), tap(qtbot, window, "myShiftsButton")),
        ),
        ("idle return", lambda: idle_home(window, qtbot)),
        ("walk-in question", lambda: scan(window, "A003")),
        ("walk-in cancelled", lambda: tap(qtbot, window, "walkInNo")),
        (
            "swap: shift",
            lambda: (
                scan(window, "A001"),
                tap(qtbot, window, "myShiftsButton"),
                tap(qtbot, window, "swapButton"),
            ),
        ),
        ("swap: kind", lambda: tap_text(qtbot, window, "11月16日")),
        ("swap: colleague", lambda: tap(qtbot, window, "swapCover")),
        ("swap: agreement", lambda: tap(qtbot, window, f"swapColleague{v['A003']}")),
        ("swap: back", lambda: tap(qtbot, window, "swapBack")),
        ("swap: short notice", lambda: tap_text(qtbot, window, "11月5日")),
        ("swap: reason", lambda: tap(qtbot, window, "reasonIll")),
        ("swap: cancel", lambda: tap(qtbot, window, "swapCancel")),
        ("message page", lambda: window.show_message("…")),
        ("escape", lambda: qtbot.keyClick(window, Qt.Key.Key_Escape)),
    ]
    for what, step in steps:
        step()
        assert loose_windows(window) == [], what
        # the agency name stays uncovered: nothing else is drawn over the window
        assert QApplication.widgetAt(window.agency.mapToGlobal(window.agency.rect().center())) in (
            window.agency,
            None,
        ), what


def test_pin_pad_and_note_dialog_leave_only_intended_windows(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    update_settings(kiosk_desk, {"require_pin": "true"})
    vid = next(e.volunteer_id for e in kiosk.board(kiosk_desk).slots[0].entries if e.code == "A002")
    pins.set_pin(kiosk_desk, vid, "2468")
    window.refresh()
    scan(window, "A001")
    tap(qtbot, window, "doneButton")
    entry = next(e for e in kiosk.board(kiosk_desk).slots[0].entries if e.code == "A002")
    window.tap(entry)
    assert window.pages.currentIndex() == window.CONFIRM
    assert loose_windows(window) == []
    tap(qtbot, window, "confirmYes")
    assert window.pages.currentIndex() == window.PIN
    assert loose_windows(window) == []
    window.pin_page.cancelled.emit()
    assert loose_windows(window) == []
    window.write_note()
    assert loose_windows(window) == []
    scan(window, "A001")  # who writes the note
    dialog = window.findChild(QDialog, "noteDialog")
    assert dialog is not None and dialog.isVisible()
    assert loose_windows(window, (dialog,)) == []
    window.go_home()  # what the idle timer does
    assert not dialog.isVisible()
    assert loose_windows(window) == []


def test_my_shifts_has_its_heading_inside_the_page(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    scan(window, "A001")
    tap(qtbot, window, "doneButton")  # the first return home drew the page once already
    scan(window, "A001")
    tap(qtbot, window, "myShiftsButton")
    title = window.shifts_page.card.title
    assert title.isVisible() and title.window() is window
    assert "王小明" in title.text() and "4" in title.text()
    assert loose_windows(window) == []


def test_shared_widgets_never_show_as_windows_of_their_own(qtbot: QtBot) -> None:
    """A card's title is part of the card; a shared widget shown before it has a place is
    kept hidden rather than drawn as a window."""
    card = Card()
    qtbot.addWidget(card)
    card.set_title("標題")
    assert card.title.parent() is card and card.title.isVisibleTo(card)
    card.set_title("")
    assert not card.title.isVisibleTo(card)
    assert isinstance(Card("x").title.parent(), Card)
    for make in (lambda: BigButton("x"), lambda: BadgeButton("x"), lambda: wrap_label("x")):
        loose = make()
        loose.show()
        assert not loose.isVisible(), type(loose).__name__
        holder = QWidget()
        qtbot.addWidget(holder)
        loose.setParent(holder)
        holder.show()
        loose.show()
        assert loose.isVisible()
    assert isinstance(wrap_label("x"), QLabel)
