"""The one way the workspace asks for a file to open or a place to save one.

Where the system has its own file dialog (Windows, macOS) that one is used: it speaks the
system's language and knows the supervisor's folders. Elsewhere Qt draws its own, which
came up 626x484 with its columns squeezed to "F…r" and "1 1…:54" and a column saying
"Folder": it is given a readable size and columns, and its words come from Qt's
catalogue (frontdesk.i18n) with the gaps filled by frontdesk.words.qt.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import QFileDialog, QHeaderView, QSplitter, QTreeView, QWidget

DIALOG_SIZE = QSize(980, 620)  # px: the name, size, kind and date columns readable
SCREEN_SHARE = 0.9  # at most this much of the screen's free width and height
SIDEBAR_WIDTH = 220  # px: the places on the left (home, the computer …)


def native_dialogs() -> bool:
    """True where the system's own file dialog is used (Windows and macOS have one)."""
    return sys.platform in ("win32", "darwin")


class ReadableFileDialog(QFileDialog):
    """Qt's own file dialog whose columns are laid out when it shows (it restores its own
    column widths then): the name takes the room, size, kind and date their contents."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        tree = self.findChild(QTreeView, "treeView")
        if tree is not None:
            header = tree.header()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            for column in range(1, header.count()):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        splitter = self.findChild(QSplitter, "splitter")
        if splitter is not None:
            splitter.setSizes([SIDEBAR_WIDTH, max(1, self.width() - SIDEBAR_WIDTH)])


def file_dialog(
    parent: QWidget | None,
    title: str,
    pattern: str,
    *,
    save: bool,
    name: str = "",
) -> QFileDialog:
    """Qt's own file dialog, made readable: a size that fits the screen, the details
    view with the name column taking the room, the places beside it wide enough."""
    dialog = ReadableFileDialog(parent, title, name, pattern)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(
        QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
    )
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.resize(_fitting_size(parent))
    return dialog


def _fitting_size(parent: QWidget | None) -> QSize:
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    if screen is None:
        return DIALOG_SIZE
    free = screen.availableGeometry().size()
    return QSize(
        min(DIALOG_SIZE.width(), int(free.width() * SCREEN_SHARE)),
        min(DIALOG_SIZE.height(), int(free.height() * SCREEN_SHARE)),
    )


def choose_open_file(parent: QWidget | None, title: str, pattern: str) -> str:
    """The file the supervisor chose to open, "" when cancelled."""
    if native_dialogs():
        path, _ = QFileDialog.getOpenFileName(parent, title, "", pattern)
        return path
    return _run(file_dialog(parent, title, pattern, save=False))


def choose_save_file(parent: QWidget | None, title: str, name: str, pattern: str) -> str:
    """Where the supervisor chose to save `name`, "" when cancelled."""
    if native_dialogs():
        path, _ = QFileDialog.getSaveFileName(parent, title, name, pattern)
        return path
    return _run(file_dialog(parent, title, pattern, save=True, name=name))


def _run(dialog: QFileDialog) -> str:
    try:
        if dialog.exec() and dialog.selectedFiles():
            return dialog.selectedFiles()[0]
        return ""
    finally:
        dialog.deleteLater()
