"""People are shown by their names: 更正者 showed 'supervisor:s…' and the demo recorded its
supervisor as a bare 'supervisor'. One lookup (services.people.actor_names) and one text
(words.labels.person_name) name whoever acted, on every screen."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from PySide6.QtCore import Qt
from sqlalchemy import select

from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal
from frontdesk.core.timeutil import at
from frontdesk.services import attendance_review, roster, swaps, workspace
from frontdesk.services.demo import build_demo
from frontdesk.services.swap_views import history
from frontdesk.store.db import Database
from frontdesk.store.migrate import upgrade
from frontdesk.store.models import AttendanceCorrection, AuditEntry, SwapRequest
from frontdesk.ui.models.attendance import CorrectionHistoryModel
from frontdesk.words.labels import person_name
from tests.support.desks import add_volunteer
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)

DAY = date(2026, 10, 30)


def _history_by(desk, record_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    model = CorrectionHistoryModel()
    model.set_rows(workspace.attendance_history(desk, record_id))
    return [
        model.data(model.index(r, CorrectionHistoryModel.BY), Qt.ItemDataRole.DisplayRole)
        for r in range(model.rowCount())
    ]


def test_the_correction_history_names_the_supervisor_not_the_login(desk, boss, zh) -> None:  # type: ignore[no-untyped-def]
    vid = add_volunteer(desk, "A01", "志工甲")
    rid = attendance_review.record_manual(
        desk, vid, DAY, "AM", at(DAY, time(8, 30)), at(DAY, time(11, 30)), "紙本簽到"
    )
    attendance_review.correct(desk, rid, at(DAY, time(8, 40)), at(DAY, time(11, 30)), "更正")
    # An entry of an older version that recorded the bare account name.
    old = replace(desk, actor="boss")
    attendance_review.correct(old, rid, at(DAY, time(8, 45)), at(DAY, time(11, 30)), "再更正")
    shown = _history_by(desk, rid)
    assert shown and set(shown) == {"王督導"}, shown
    assert not any("supervisor" in s or "boss" in s for s in shown)


def test_the_app_and_unknown_accounts_are_named_in_words(zh) -> None:  # type: ignore[no-untyped-def]
    assert person_name("kiosk", {}) == "服務台電腦"
    assert person_name("supervisor:ghost", {}) == "ghost"
    assert person_name("supervisor:boss", {"supervisor:boss": "王督導"}) == "王督導"


def test_a_swap_decision_names_the_supervisor(desk, boss, clock) -> None:  # type: ignore[no-untyped-def]
    a, b = add_volunteer(desk, "A01", "志工甲"), add_volunteer(desk, "A02", "志工乙")
    given = ShiftKey(date(2026, 11, 20), "AM")
    roster.assign(desk, given, a)
    sid = swaps.request(
        desk, SwapProposal(SwapKind.COVER, a, given, colleague_id=b), colleague_agrees_now=True
    )
    swaps.approve(desk, sid, confirm_warnings=True)
    (view,) = [v for v in history(desk) if v.id == sid]
    assert view.decider == "王督導"


def test_the_demo_records_its_supervisor_as_an_account(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = Database(f"sqlite+pysqlite:///{tmp_path / 'demo.sqlite3'}")
    upgrade(db, backup=False)
    build_demo(db, today=date(2026, 12, 1))
    with db.read() as session:
        actors = set(session.scalars(select(AuditEntry.actor)))
        deciders = set(session.scalars(select(SwapRequest.decided_by)))
        by = set(session.scalars(select(AttendanceCorrection.by)))
    assert "supervisor" not in actors | deciders | by
    assert "supervisor:supervisor" in actors
