"""Qt's own file dialog (where the system has none) is readable: it came up 626x484 with its
columns squeezed to "F…r", and its file list called a folder "Folder"."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QTreeView
from pytestqt.qtbot import QtBot

from frontdesk.ui.supervisor import common
from frontdesk.ui.widgets import files


def _listed(dialog: files.QFileDialog, rows: int) -> QTreeView:
    tree = dialog.findChild(QTreeView, "treeView")
    assert tree is not None
    deadline = time.monotonic() + 5
    while tree.model().rowCount(tree.rootIndex()) < rows and time.monotonic() < deadline:
        QApplication.processEvents()
    return tree


def test_qt_s_file_dialog_is_readable_and_in_chinese(
    qtbot: QtBot, zh: None, tmp_path: Path
) -> None:
    (tmp_path / "備份").mkdir()
    (tmp_path / "志工名冊.xlsx").write_bytes(b"")
    dialog = files.file_dialog(None, "匯入志工名冊", "Excel (*.xlsx)", save=False)
    dialog.setDirectory(str(tmp_path))
    try:
        dialog.show()
        tree = _listed(dialog, 2)
        qtbot.wait(100)
        free = QGuiApplication.primaryScreen().availableGeometry()
        assert dialog.width() >= min(900, int(free.width() * 0.9)) - 1
        assert dialog.height() >= min(560, int(free.height() * 0.9)) - 1
        model, root = tree.model(), tree.rootIndex()
        kinds = {model.index(r, 2, root).data() for r in range(model.rowCount(root))}
        assert "資料夾" in kinds and "Folder" not in kinds, kinds
        header = tree.header()
        used = sum(header.sectionSize(c) for c in range(header.count()))
        wide = free.width() >= 1366 - 1  # a desk PC's screen: every column whole
        if wide:  # the test platform's 800x600 screen is narrower than any desk's
            assert used <= tree.viewport().width() + 1  # no sideways scrolling
        for column in range(1, header.count()):  # size and date whole; kind too when wide
            if column != files.KIND_COLUMN or wide:
                assert header.sectionSize(column) >= tree.sizeHintForColumn(column), column
        if wide:
            assert header.sectionSize(0) >= 200  # the name has the room
    finally:
        dialog.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_workspace_asks_through_the_readable_dialog(monkeypatch, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    shown: list[files.QFileDialog] = []

    def exec_(self: files.QFileDialog) -> int:
        shown.append(self)
        self.selectFile("/tmp/x.xlsx")
        return 1

    monkeypatch.setattr(files, "native_dialogs", lambda: False)
    monkeypatch.setattr(files.ReadableFileDialog, "exec", exec_)
    assert common.choose_save_file(None, "匯出", "志工名冊.xlsx", "Excel (*.xlsx)").endswith(
        "x.xlsx"
    )
    assert common.choose_open_file(None, "匯入", "Excel (*.xlsx)").endswith("x.xlsx")
    assert len(shown) == 2 and all(isinstance(d, files.ReadableFileDialog) for d in shown)
