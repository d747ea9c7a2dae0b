"""Every date a person sees is in ROC form: the date fields too. Date pickers showed
2026/12/01 beside tables saying 115/12/01 (the typhoon closure day, the audit log's 從/到,
the attendance 日 tab, the hand-entry dialog)."""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDateEdit, QWidget

from frontdesk.ui.supervisor import SupervisorWindow
from frontdesk.ui.supervisor.arrange import ArrangeDialog
from frontdesk.ui.supervisor.attendance import TimesDialog
from frontdesk.ui.supervisor.volunteer_form import VolunteerDialog
from frontdesk.ui.widgets.dates import RocDateEdit
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)

ROC = re.compile(r"^1\d\d/\d\d/\d\d$")  # 115/12/01


def _date_edits(widget: QWidget) -> list[QDateEdit]:
    return widget.findChildren(QDateEdit)  # type: ignore[return-value]


def test_every_date_field_of_every_supervisor_page_shows_the_roc_year(qtbot, desk, boss) -> None:  # type: ignore[no-untyped-def]
    window = SupervisorWindow(desk, "boss", "王督導")
    qtbot.addWidget(window)
    dialogs: list[QWidget] = [
        TimesDialog(desk, "補登"),
        VolunteerDialog(desk),
        ArrangeDialog(desk),
    ]
    seen = []
    for widget in [window, *dialogs]:
        qtbot.addWidget(widget)
        for edit in _date_edits(widget):
            edit.setDate(QDate(2026, 12, 1))
            seen.append(edit.text())
            assert isinstance(edit, RocDateEdit), edit.objectName()
            assert edit.text() == "115/12/01", edit.text()
            assert ROC.match(edit.lineEdit().text())
    # The closure day, the audit log's from/to, the attendance day and the hand-entry day.
    assert len(seen) >= 5
    assert window.calendar.close_day.text() == "115/12/01"
    assert window.audit.first_day.text() == "115/12/01"
    assert window.attendance.day_edit.text() == "115/12/01"


def test_a_roc_date_field_takes_typed_roc_dates_and_steps_its_parts(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = RocDateEdit(QDate(2027, 1, 15))
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    edit.lineEdit().selectAll()
    QTest.keyClicks(edit, "114/3/5")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert edit.date() == QDate(2025, 3, 5)
    assert edit.text() == "114/03/05"
    for position, expected in ((1, "115/03/05"), (5, "115/04/05"), (8, "115/04/06")):
        edit.lineEdit().setCursorPosition(position)
        edit.stepBy(1)
        assert edit.text() == expected
