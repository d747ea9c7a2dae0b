"""Qt's own file dialog speaks Traditional Chinese: it said "Look in:" and "Files of type:"
because Qt's catalogue misses those two (frontdesk.words.qt fills the gap)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QComboBox, QFileDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot


def words(dialog: QFileDialog) -> set[str]:
    """Every text the dialog shows: labels, buttons, tool tips, actions, column headers."""
    found = {dialog.windowTitle()}
    for w in dialog.findChildren(QWidget):
        found |= {w.toolTip(), w.accessibleName(), w.statusTip()}
        if isinstance(w, (QLabel, QAbstractButton)):
            found.add(w.text())
        if isinstance(w, QComboBox):
            found |= {w.itemText(i) for i in range(w.count())}
    found |= {a.text() for a in dialog.findChildren(QAction)}
    return {t for t in found if t}


@pytest.mark.parametrize(
    "mode", [QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave]
)
def test_the_file_dialog_has_no_english_left(
    qtbot: QtBot, zh: None, tmp_path: object, mode: QFileDialog.AcceptMode
) -> None:
    dialog = QFileDialog(None, "匯入志工名冊", str(tmp_path), "Excel (*.xlsx)")
    try:
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(mode)
        shown = words(dialog)
    finally:
        # Gone before the test ends: its file system model's threads must not outlive it.
        dialog.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert "尋找於(&L)：" in shown and "檔案類型(&T)：" in shown
    english = {
        t
        for t in shown
        if re.search(r"[A-Za-z]{3}", t) and t not in (str(tmp_path), "Excel (*.xlsx)")
    }
    assert english == set()
