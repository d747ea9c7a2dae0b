"""Words of Qt's own dialogs that Qt's Traditional Chinese catalogue misses.

Qt's file dialog asks for "&Look in:" and "Files of &type:", while qtbase_zh_TW translates
them only without their shortcut marks, so the dialog came up half in English. These
entries live in the app's own catalogue under Qt's context, where Qt finds them once its
own catalogue has no answer (frontdesk.i18n installs both).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
