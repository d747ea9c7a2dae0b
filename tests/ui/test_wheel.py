"""The mouse wheel changes a value only in the field the person is working in
(ui.widgets.wheel): scrolling over a form scrolls it and changes nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QScrollArea,
    QWidget,
)

from frontdesk.ui.supervisor import SupervisorWindow
from frontdesk.ui.supervisor.arrange import ArrangeDialog
from frontdesk.ui.supervisor.attendance import TimesDialog
from frontdesk.ui.supervisor.volunteer_form import VolunteerDialog
from frontdesk.ui.widgets import wheel
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)

NOTCH = 120  # one notch of a mouse wheel, in eighths of a degree


@pytest.fixture
def guarded(qapp: QApplication) -> Iterator[wheel.WheelGuard]:
    """The guard as the app's start puts it (removed again: other tests see plain Qt)."""
    guard = wheel.install(qapp)
    yield guard
    qapp.removeEventFilter(guard)
    guard.setParent(None)


def turn(widget: QWidget, notches: int) -> None:
    """One wheel turn over the middle of `widget`, given to it as Qt does once the child
    under the pointer (a spin box's text field) has passed it on."""
    centre = widget.rect().center()
    event = QWheelEvent(
        QPointF(centre),
        QPointF(widget.mapToGlobal(centre)),
        QPoint(0, 0),
        QPoint(0, notches * NOTCH),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def value(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    assert isinstance(widget, QAbstractSpinBox)
    return widget.text()


def fields(root: QWidget) -> list[QWidget]:
    return [*root.findChildren(QAbstractSpinBox), *root.findChildren(QComboBox)]


def movable(widget: QWidget) -> bool:
    """Whether plain Qt would step this field on a wheel turn (one way or the other)."""
    if not widget.isEnabled():
        return False
    if isinstance(widget, QComboBox):
        return widget.count() > 1
    return True


def assert_wheel_changes_nothing(root: QWidget) -> int:
    """Turn the wheel both ways over every field of `root`; returns how many could move."""
    could_move = 0
    for field in fields(root):
        assert not field.hasFocus()
        before = value(field)
        for notches in (-1, 1, 1, -1):
            turn(field, notches)
            assert value(field) == before, (root, field.objectName(), type(field).__name__)
        policy = field.focusPolicy()
        assert policy & Qt.FocusPolicy.WheelFocus != Qt.FocusPolicy.WheelFocus, field
        could_move += movable(field)
    return could_move


def test_the_wheel_changes_no_field_of_any_workspace_page(
    qtbot, guarded, desk, boss, make_volunteer
) -> None:  # type: ignore[no-untyped-def]
    for code in ("V001", "V002", "V003"):
        make_volunteer(code, f"志工{code}")
    window = SupervisorWindow(desk, boss, "王督導")
    qtbot.addWidget(window)
    window.show()
    window.nav.setFocus()
    could_move = 0
    for row, page in enumerate(window.pages):
        window.nav.setCurrentRow(row)  # the page is filled as a person opens it
        could_move += assert_wheel_changes_nothing(page)
    assert could_move >= 20  # the settings form alone has 17 such fields
    settings_page = window.calendar
    assert_wheel_changes_nothing(settings_page)
    assert settings_page.slot_rows[0][3].value() == 1  # 上午班 至少
    assert settings_page.language.currentData() == "zh_TW"


def test_the_wheel_changes_no_field_of_the_workspace_dialogs(
    qtbot, guarded, desk, boss, make_volunteer
) -> None:  # type: ignore[no-untyped-def]
    vid = make_volunteer("V001", "王小明")
    make_volunteer("V002", "李美華")
    dialogs: list[QDialog] = [
        VolunteerDialog(desk, vid),
        VolunteerDialog(desk),
        ArrangeDialog(desk),
        TimesDialog(desk, "補登"),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert assert_wheel_changes_nothing(dialog) >= 2, dialog


def test_the_wheel_over_a_settings_field_scrolls_the_page(qtbot, guarded, desk, boss) -> None:  # type: ignore[no-untyped-def]
    window = SupervisorWindow(desk, boss, "王督導")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.nav.setCurrentRow(window.pages.index(window.calendar))
    page = window.calendar
    scroll = page.findChild(QScrollArea)
    assert scroll is not None
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the form is taller than the screen
    minimum = page.slot_rows[0][3]
    turn(minimum, -3)
    assert bar.value() > 0
    assert minimum.value() == 1


def test_a_focused_field_still_takes_the_wheel(qtbot, guarded, desk) -> None:  # type: ignore[no-untyped-def]
    """The person clicked into the field: the wheel is theirs to use there."""
    dialog = TimesDialog(desk, "補登")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.in_time.setFocus()
    qtbot.waitUntil(dialog.in_time.hasFocus)
    before = dialog.in_time.time()
    turn(dialog.in_time, 1)
    assert dialog.in_time.time() != before


def test_the_app_puts_the_guard_on_at_start(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from frontdesk import app, i18n
    from frontdesk.ui import style

    monkeypatch.setattr(style, "apply", lambda _app: None)
    monkeypatch.setattr(i18n, "install", lambda _language=None: True)
    guard = wheel.installed(qapp)
    if guard is not None:
        qapp.removeEventFilter(guard)
        guard.setParent(None)
    try:
        assert app._application([]) is qapp
        first = wheel.installed(qapp)
        assert first is not None
        assert wheel.install(qapp) is first  # once per application
    finally:
        installed = wheel.installed(qapp)
        if installed is not None:
            qapp.removeEventFilter(installed)
            installed.setParent(None)
