"""The new-volunteer form suggests the next free badge code (core.codes.next_code)."""

from __future__ import annotations

from frontdesk.services import volunteers
from frontdesk.ui.supervisor.volunteer_form import VolunteerDialog
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)


def test_the_new_volunteer_form_suggests_the_next_free_code(qtbot, desk, make_volunteer):  # type: ignore[no-untyped-def]
    for code in ("V001", "V002", "V007"):
        make_volunteer(code)
    volunteers.deactivate(desk, volunteers.find_by_code(desk, "V007").id)  # its badge is used
    dialog = VolunteerDialog(desk)
    qtbot.addWidget(dialog)
    assert dialog.code.text() == "V008"
    assert dialog.code.selectedText() == "V008"  # typing replaces it
    existing = VolunteerDialog(desk, volunteers.find_by_code(desk, "V001").id)
    qtbot.addWidget(existing)
    assert existing.code.text() == "V001"  # an edit shows the volunteer's own code
