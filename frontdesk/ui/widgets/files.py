"""The one way the workspace asks for a file to open or a place to save one.

Where the system has its own file dialog (Windows, macOS) that one is used: it speaks the
system's language and knows the supervisor's folders. Elsewhere Qt draws its own, which
came up 626x484 with its columns squeezed to "F…r" and "1 1…:54" and a column saying
"Folder": it is given a readable size and columns, and its words come from Qt's
catalogue (frontdesk.i18n) with the gaps filled by frontdesk.words.qt.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths, QTimer
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
            QTimer.singleShot(0, lambda: _narrow_kind(tree))
            if not getattr(self, "_fits_rows", False):  # the folder is listed after showing
                self._fits_rows = True
                tree.model().rowsInserted.connect(
                    lambda *_: QTimer.singleShot(0, lambda: _narrow_kind(tree))
                )
        splitter = self.findChild(QSplitter, "splitter")
        if splitter is not None:
            splitter.setSizes([SIDEBAR_WIDTH, max(1, self.width() - SIDEBAR_WIDTH)])


KIND_COLUMN = 2  # the file's kind: the one column that may be cut on a narrow screen
NAME_ROOM = 200  # px the name keeps at least
FIT_SLACK = 12  # px for the header's own margins and rounding


def _narrow_kind(tree: QTreeView) -> None:
    """On a screen too narrow for every column whole (long translated kinds such as
    「Office Open XML 試算表」), the kind column gives way so nothing scrolls sideways;
    the name, size and date stay whole."""
    header = tree.header()
    if header.count() <= KIND_COLUMN:
        return
    others = sum(
        max(header.sectionSize(c), tree.sizeHintForColumn(c))
        for c in range(1, header.count())
        if c != KIND_COLUMN
    )
    room = tree.viewport().width() - NAME_ROOM - others - FIT_SLACK
    if room < header.sectionSize(KIND_COLUMN):
        header.setSectionResizeMode(KIND_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(KIND_COLUMN, max(40, room))


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


_last_folder: str = ""  # the folder of the last file chosen, while the app runs


def start_folder() -> str:
    """Where a file dialog opens: the folder of the last file chosen, else the person's
    documents folder (else their home). A bare name started in the program's own folder."""
    if _last_folder and Path(_last_folder).is_dir():
        return _last_folder
    for place in (
        QStandardPaths.StandardLocation.DocumentsLocation,
        QStandardPaths.StandardLocation.HomeLocation,
    ):
        folder = QStandardPaths.writableLocation(place)
        if folder and Path(folder).is_dir():
            return folder
    return str(Path.home())


def _remember(path: str) -> str:
    global _last_folder
    if path:
        _last_folder = str(Path(path).parent)
    return path


def choose_open_file(parent: QWidget | None, title: str, pattern: str) -> str:
    """The file the supervisor chose to open, "" when cancelled."""
    if native_dialogs():
        path, _ = QFileDialog.getOpenFileName(parent, title, start_folder(), pattern)
        return _remember(path)
    dialog = file_dialog(parent, title, pattern, save=False)
    dialog.setDirectory(start_folder())
    return _remember(_run(dialog))


def choose_save_file(parent: QWidget | None, title: str, name: str, pattern: str) -> str:
    """Where the supervisor chose to save `name` (proposed in start_folder()), "" when
    cancelled."""
    proposed = str(Path(start_folder()) / name) if name else start_folder()
    if native_dialogs():
        path, _ = QFileDialog.getSaveFileName(parent, title, proposed, pattern)
        return _remember(path)
    return _remember(_run(file_dialog(parent, title, pattern, save=True, name=proposed)))


def _run(dialog: QFileDialog) -> str:
    try:
        if dialog.exec() and dialog.selectedFiles():
            return dialog.selectedFiles()[0]
        return ""
    finally:
        dialog.deleteLater()
