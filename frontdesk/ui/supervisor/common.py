"""Small shared pieces of the supervisor screens: messages, questions, month picking, fonts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from frontdesk.services.errors import person_errors
from frontdesk.ui.widgets import files

# The message line and its colours are at home with the form dialog; named here as well.
from frontdesk.ui.widgets.form import ERROR_STYLE as ERROR_STYLE
from frontdesk.ui.widgets.form import INFO_STYLE as INFO_STYLE
from frontdesk.ui.widgets.form import OK_STYLE as OK_STYLE
from frontdesk.ui.widgets.form import Banner as Banner
from frontdesk.words.dates import format_roc_month
from frontdesk.words.errors import describe_error

T = TypeVar("T")


# Questions are module functions so that tests can answer them (monkeypatch).
def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(
        QCoreApplication.translate("common", "Yes, go ahead"), QMessageBox.ButtonRole.YesRole
    )
    box.addButton(QCoreApplication.translate("common", "Cancel"), QMessageBox.ButtonRole.NoRole)
    box.exec()
    return box.clickedButton() is yes


def ask_text(parent: QWidget | None, title: str, prompt: str, text: str = "") -> str | None:
    """A short required text (a reason); None when cancelled."""
    value, ok = QInputDialog.getText(parent, title, prompt, QLineEdit.EchoMode.Normal, text)
    return value.strip() if ok else None


def choose_open_file(parent: QWidget | None, title: str, pattern: str) -> str:
    """The file to open (ui.widgets.files: the system's dialog, or Qt's made readable)."""
    return files.choose_open_file(parent, title, pattern)


def choose_save_file(parent: QWidget | None, title: str, name: str, pattern: str) -> str:
    """Where to save `name` (ui.widgets.files)."""
    return files.choose_save_file(parent, title, name, pattern)


class DataChanges(QObject):
    """The one path by which every count on screen learns that the data may have changed.

    Every page action runs its use case through attempt(), which announces `changed` when
    the use case went through; the workspace answers by recounting what waits
    (services.waiting), so its sidebar and header never lag a page's own list. (Before,
    accepting records on the attendance page left the sidebar at 37 while the page said 32
    until another page was opened.)
    """

    changed = Signal()


_changes: DataChanges | None = None


def data_changes() -> DataChanges:
    """The application's one DataChanges announcer (made on first use)."""
    global _changes
    if _changes is None:
        _changes = DataChanges()
    return _changes


def announce_change() -> None:
    """Say that the data may have changed (for an action that does not run through attempt)."""
    data_changes().changed.emit()


def attempt(
    banner: Banner, fn: Callable[..., T], *args: Any, **kwargs: Any
) -> tuple[bool, T | None]:
    """Run a use case; a person's error (services.errors.person_errors: ours, a file's, the
    database's, e.g. busy beyond its timeout) is shown in the banner in words, never only
    in the log. A use case that went through is announced (data_changes), so every count
    on screen follows it."""
    try:
        result = fn(*args, **kwargs)
    except person_errors() as exc:
        banner.error(describe_error(exc))
        return False, None
    announce_change()
    return True, result


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class MonthPicker(QWidget):
    """◀ 民國115年12月 ▶"""

    changed = Signal(int, int)

    def __init__(self, year: int, month: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year, self.month = year, month
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.prev = QPushButton(QCoreApplication.translate("MonthPicker", "◀ Previous month"))
        self.next = QPushButton(QCoreApplication.translate("MonthPicker", "Next month ▶"))
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        workspace_role(self.label, "month")
        self.label.setMinimumWidth(180)
        layout.addWidget(self.prev)
        layout.addWidget(self.label)
        layout.addWidget(self.next)
        self.prev.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self._paint()

    def step(self, delta: int) -> None:
        index = self.year * 12 + (self.month - 1) + delta
        self.set_month(index // 12, index % 12 + 1)

    def set_month(self, year: int, month: int) -> None:
        if (year, month) != (self.year, self.month):
            self.year, self.month = year, month
            self._paint()
            self.changed.emit(year, month)

    def _paint(self) -> None:
        self.label.setText(format_roc_month(self.year, self.month))


# The workspace's text size. The app's font is the kiosk's 20 pt (elderly volunteers, at a
# distance); the supervisor sits at the PC with tables, forms and a month grid that must fit
# 1366x768. A style sheet on the workspace window sets the size for it and everything it
# opens (fonts set with setFont do not reach children once the app has a style sheet), and
# a few labels take a larger size by their `ws` property.
WORKSPACE_PT = 14
WORKSPACE_QSS = f"""
QWidget {{ font-size: {WORKSPACE_PT}pt; }}
QLabel[ws="title"] {{ font-size: {round(WORKSPACE_PT * 1.45)}pt; font-weight: bold; }}
QLabel[ws="month"] {{ font-size: {round(WORKSPACE_PT * 1.3)}pt; font-weight: bold; }}
QLabel[ws="agency"] {{ font-size: {round(WORKSPACE_PT * 1.2)}pt; font-weight: bold; }}
QLabel[ws="cell"] {{ font-size: {round(WORKSPACE_PT * 1.15)}pt; font-weight: bold; }}
QListWidget[ws="nav"] {{ font-size: {round(WORKSPACE_PT * 1.3)}pt; }}
"""


def workspace_role(widget: QWidget, role: str) -> None:
    """Give `widget` one of the workspace's text sizes (title, month, agency, cell, nav)."""
    widget.setProperty("ws", role)


def title_label(text: str) -> QLabel:
    label = QLabel(text)
    workspace_role(label, "title")
    return label
