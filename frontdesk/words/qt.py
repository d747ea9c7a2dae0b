"""Words of Qt's own dialogs that Qt's Traditional Chinese catalogue misses.

Qt's file dialog asks for "&Look in:" and "Files of &type:", while qtbase_zh_TW translates
them only without their shortcut marks, and its file list called a folder "Folder", so
the dialog came up half in English. These
entries live in the app's own catalogue under Qt's context, where Qt finds them once its
own catalogue has no answer (frontdesk.i18n installs both).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    # The file list's 型態 column: Qt 6 moved these to a context its catalogue lacks.
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
)
