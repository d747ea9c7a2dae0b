"""Enter does one thing in every form of the app: move to the next field, or submit once.

A QDialog presses its default button on an Enter that the focused widget did not use, and a
QLineEdit passes Enter on after emitting `returnPressed`. Connecting `returnPressed` to the
same action as the default button therefore made one key press two actions (the login
counted two wrong passwords per Enter). The rule here: a form's submit is its default
button and nothing else; a field that should lead to the next one consumes its Enter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QWidget

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _EnterFilter(QObject):
    """Consumes Enter on the watched line edits and runs what each one was given instead."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.actions: dict[QObject, Callable[[], object]] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # While its form is being torn down Qt may still call in through a fresh wrapper
        # that never ran __init__: there is nothing to do then.
        actions = getattr(self, "actions", None)
        action = actions.get(watched) if actions is not None else None
        if (
            action is not None
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
        ):
            action()
            return True  # used here: neither returnPressed nor the default button sees it
        return False


def _filter(owner: QWidget) -> _EnterFilter:
    found = owner.findChild(_EnterFilter, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return found if found is not None else _EnterFilter(owner)


def enter_moves_on(owner: QWidget, fields: Sequence[QLineEdit]) -> None:
    """Enter in each of `fields` but the last moves the focus to the next one, and does
    nothing else; Enter in the last is left to the form (its submit)."""
    watcher = _filter(owner)
    for here, there in pairwise(fields):
        watcher.actions[here] = there.setFocus
        here.installEventFilter(watcher)


def enter_submits(dialog: QDialog, button: QPushButton, chain: Sequence[QLineEdit] = ()) -> None:
    """Make `button` the one thing Enter presses in `dialog` (once per key press).

    `chain` lists line edits whose Enter moves to the next of them first (user name, then
    password). The button is the dialog's default even when it takes no focus (the kiosk's
    big buttons), so Enter in a one-line field submits instead of doing nothing.
    """
    for other in dialog.findChildren(QPushButton):
        if other is not button:
            other.setDefault(False)
    button.setDefault(True)
    if chain:
        enter_moves_on(dialog, chain)


def enter_runs(owner: QWidget, fields: Sequence[QLineEdit], action: Callable[[], object]) -> None:
    """A form that is no dialog (a group on a page, with no default button): Enter in each
    of `fields` moves to the next, and Enter in the last runs `action` once."""
    if not fields:
        return
    enter_moves_on(owner, fields)
    watcher = _filter(owner)
    watcher.actions[fields[-1]] = action
    fields[-1].installEventFilter(watcher)
