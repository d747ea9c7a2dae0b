"""An update that changes nothing is not an update: saving what is stored already writes
nothing and leaves no audit entry, for settings, the calendar and the roster (volunteers:
tests/services/test_volunteers.py and test_volunteer_io.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import select

from frontdesk.core.roster import ShiftKey
from frontdesk.services import calendar, roster, setup
from frontdesk.services.context import Desk, settings
from frontdesk.services.errors import RuleViolation
from frontdesk.store.models import AuditEntry
from tests.services.test_calendar import _dgpa

DEC1 = date(2026, 12, 1)  # Tuesday


def trail(desk: Desk) -> list[str]:
    with desk.db.read() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_settings_saved_as_they_are_change_nothing(desk: Desk) -> None:
    before = trail(desk)
    stored = settings(desk)
    assert setup.update_settings(desk, {"swap_notice_days": "7", "agency_name": " 測試衛生所 "})
    assert trail(desk) == before  # equal after cleaning: nothing written
    assert settings(desk) == stored
    setup.update_settings(desk, {"swap_notice_days": "7", "late_grace_minutes": "10"})
    with desk.db.read() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry is not None and entry.action == "settings.update"
    assert (entry.before, entry.after) == (
        {"late_grace_minutes": "5"},
        {"late_grace_minutes": "10"},
    )


def test_the_calendar_marked_again_changes_nothing(desk: Desk) -> None:
    calendar.close(desk, DEC1, "PM", "颱風停止上班")
    calendar.set_manual(desk, date(2026, 12, 3), open_=False, label="所慶")
    report = calendar.import_dgpa(desk, _dgpa(2026, set()))
    assert report.changed
    before = trail(desk)
    calendar.close(desk, DEC1, "PM", "颱風停止上班")
    calendar.set_manual(desk, date(2026, 12, 3), open_=False, label="所慶")
    again = calendar.import_dgpa(desk, _dgpa(2026, set()))
    assert (again.changed, again.replaced, again.days) == (False, 0, 365)
    assert calendar.reopen(desk, DEC1, "AM") == 0  # the morning was not closed
    assert trail(desk) == before
    calendar.close(desk, DEC1, "PM", "颱風（更新）")  # a new reason is a change
    assert trail(desk) == [*before, "calendar.close"]
    assert calendar.import_dgpa(desk, _dgpa(2026, {date(2026, 12, 2)})).changed


def test_a_roster_assignment_made_again_is_refused_not_repeated(
    desk: Desk, make_volunteer: Callable[..., int]
) -> None:
    vid = make_volunteer()
    roster.assign(desk, ShiftKey(DEC1, "AM"), vid)
    before = trail(desk)
    with pytest.raises(RuleViolation):
        roster.assign(desk, ShiftKey(DEC1, "AM"), vid)
    assert trail(desk) == before
