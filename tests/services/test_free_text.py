"""Every use case that stores typed text cleans it by the one rule (core.text) first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal
from frontdesk.core.text import SWAP_REASON
from frontdesk.core.timeutil import at
from frontdesk.services import (
    attendance_review,
    kiosk,
    roster,
    setup,
    supervisors,
    swaps,
    volunteers,
)
from frontdesk.services import calendar as cal
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput
from frontdesk.services.volunteer_io import export_volunteers
from frontdesk.store.models import (
    Assignment,
    Attendance,
    AttendanceCorrection,
    CalendarOverride,
    HandoverNote,
    Setting,
    Site,
    Supervisor,
    SwapRequest,
    Volunteer,
)
from frontdesk.words.errors import describe_error

DEC1 = date(2026, 12, 1)  # a Tuesday
DEC8 = date(2026, 12, 8)
# A NUL, a right-to-left override, a zero-width space and a bidi isolate around plain words.
HOSTILE = "\x00\u202e甲\u200b乙\u2067丙\u2069\x07"
CLEAN = "甲乙丙"


def _t(hh: int, mm: int = 0, day: date = DEC1) -> datetime:
    return at(day, time(hh, mm))


def _stored(desk: Desk, column: object) -> list[str]:
    with desk.db.read() as session:
        return list(session.scalars(select(column)))  # type: ignore[call-overload]


def test_a_volunteers_text_fields_are_cleaned(desk: Desk) -> None:
    vid = volunteers.add(
        desk,
        volunteers.VolunteerInput(
            code="A01",
            name=HOSTILE,
            languages=f"國語 {HOSTILE}",
            notes=f"第一行\x00\r\n{HOSTILE}",
            trainings=[("basic", HOSTILE, date(2026, 1, 10), 12.0)],
        ),
    )
    with desk.db.read() as session:
        v = volunteers.get(session, desk, vid)
        assert (v.name, v.languages, v.notes) == (CLEAN, f"國語 {CLEAN}", f"第一行\n{CLEAN}")
        assert [t.title for t in v.trainings] == [CLEAN]


def test_a_name_with_a_nul_no_longer_breaks_the_volunteer_export(
    desk: Desk, tmp_path: Path, make_volunteer: Callable[..., int]
) -> None:
    vid = volunteers.add(desk, volunteers.VolunteerInput(code="A01", name="王\x00小明"))
    old = make_volunteer("B01")
    # and one stored before input was cleaned (PostgreSQL takes no NUL): the workbook drops
    # what it cannot hold
    with desk.db.write() as session:
        session.execute(
            update(Volunteer).where(Volunteer.id == old).values(name="陳\x07\u202e淑芬")
        )
    export_volunteers(desk, tmp_path / "v.xlsx")
    ws = load_workbook(tmp_path / "v.xlsx").worksheets[0]
    assert [ws["B2"].value, ws["B3"].value] == ["王小明", "陳淑芬"]
    with desk.db.read() as session:
        assert volunteers.get(session, desk, vid).name == "王小明"


def test_a_name_of_nothing_visible_is_refused_naming_the_field(desk: Desk) -> None:
    with pytest.raises(InvalidInput) as exc:
        volunteers.add(desk, volunteers.VolunteerInput(code="A01", name="\u202e\x00\u200b"))
    assert exc.value.facts["field"] == "name"
    assert _stored(desk, Volunteer.id) == []


def test_a_handover_note_reaches_the_kiosk_without_a_bidi_override(
    desk: Desk, make_volunteer: Callable[..., int]
) -> None:
    vid = make_volunteer("A01")
    today = kiosk.board(desk).day
    kiosk.add_note(desk, today, "AM", vid, f"冷氣\u202e壞了{HOSTILE}\r\n請報修")
    [note] = kiosk.board(desk).notes  # what the public kiosk shows
    assert note.body == f"冷氣壞了{CLEAN}\n請報修"
    with pytest.raises(InvalidInput) as exc:
        kiosk.add_note(desk, today, "AM", vid, "\u202e\u200b")
    assert exc.value.facts["field"] == "body"
    assert describe_error(exc.value) == "The handover note cannot be empty."


def test_reasons_and_labels_are_cleaned(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    a, b = make_volunteer("A01"), make_volunteer("B01")
    cal.close(desk, date(2026, 12, 2), None, f"颱風{HOSTILE}")
    cal.set_manual(desk, date(2026, 12, 3), open_=False, label=f"所慶{HOSTILE}")
    roster.assign(desk, ShiftKey(DEC1, "AM"), a)
    roster.assign(desk, ShiftKey(DEC1, "PM"), b)
    roster.assign(desk, ShiftKey(DEC8, "AM"), a)
    roster.unassign(desk, ShiftKey(DEC1, "PM"), b, reason=f"請假{HOSTILE}", confirm_warnings=True)
    swaps.ask_supervisor(desk, a, ShiftKey(DEC8, "AM"), f"生病{HOSTILE}")
    desk.clock.set(DEC1, 17)  # type: ignore[attr-defined]
    row = attendance_review.record_manual(
        desk, a, DEC1, "AM", _t(8, 30), _t(11, 30), f"紙本{HOSTILE}"
    )
    attendance_review.correct(desk, row, _t(8, 40), _t(11, 30), f"更正{HOSTILE}")
    assert sorted(_stored(desk, CalendarOverride.label)) == [f"所慶{CLEAN}", f"颱風{CLEAN}"]
    assert sorted(_stored(desk, Assignment.removed_reason)) == ["", "", f"請假{CLEAN}"]
    assert _stored(desk, SwapRequest.reason) == [f"生病{CLEAN}"]
    assert sorted(_stored(desk, AttendanceCorrection.reason)) == [f"更正{CLEAN}", f"紙本{CLEAN}"]
    assert _stored(desk, Attendance.note) == [""]


def test_a_swap_decision_reason_is_cleaned(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    a = make_volunteer("A01")
    roster.assign(desk, ShiftKey(DEC8, "AM"), a)
    rid = swaps.ask_supervisor(desk, a, ShiftKey(DEC8, "AM"), "生病")
    swaps.reject(desk, rid, f"人手不足{HOSTILE}")
    assert _stored(desk, SwapRequest.outcome_reason) == [f"人手不足{CLEAN}"]


def test_a_too_long_reason_is_refused_in_words(
    desk: Desk, make_volunteer: Callable[..., int]
) -> None:
    a = make_volunteer("A01")
    roster.assign(desk, ShiftKey(DEC8, "AM"), a)
    with pytest.raises(InvalidInput) as exc:
        swaps.ask_supervisor(desk, a, ShiftKey(DEC8, "AM"), "因" * 1001)
    assert exc.value.facts["field"] == "reason"
    assert (
        describe_error(exc.value) == "The reason is longer than 500 characters; please shorten it."
    )
    assert _stored(desk, SwapRequest.id) == []


def test_a_swap_reason_one_past_the_limit_is_refused_not_cut(
    desk: Desk, make_volunteer: Callable[..., int]
) -> None:
    """The kiosk, the supervisor's form and the use cases share SWAP_REASON: a reason one
    character too long is refused by asking and by arranging, never stored cut short."""
    a, b = make_volunteer("A01"), make_volunteer("B01")
    roster.assign(desk, ShiftKey(DEC8, "AM"), a)
    too_long = "因" * (SWAP_REASON.max_length + 1)
    with pytest.raises(InvalidInput) as exc:
        swaps.ask_supervisor(desk, a, ShiftKey(DEC8, "AM"), too_long)
    assert exc.value.facts["max"] == SWAP_REASON.max_length == 500
    with pytest.raises(InvalidInput):
        swaps.arrange(desk, SwapProposal(SwapKind.COVER, a, ShiftKey(DEC8, "AM"), b), too_long)
    assert _stored(desk, SwapRequest.id) == []
    rid = swaps.ask_supervisor(desk, a, ShiftKey(DEC8, "AM"), too_long[:-1])
    assert _stored(desk, SwapRequest.reason) == [too_long[:-1]]
    assert rid


def test_supervisor_and_agency_names_are_cleaned(desk: Desk) -> None:
    supervisors.create(desk, f" chen{HOSTILE}", "password123", display_name=f"陳督導{HOSTILE}")
    assert _stored(desk, Supervisor.display_name) == [f"陳督導{CLEAN}"]
    assert supervisors.authenticate(desk, f"chen{CLEAN}", "password123").username == f"chen{CLEAN}"
    setup.init_site(desk.db, f"高雄市{HOSTILE}衛生所")
    assert _stored(desk, Site.name) == [f"高雄市{CLEAN}衛生所"]
    with desk.db.read() as session:
        name = session.get(Setting, (desk.site_id, "agency_name"))
        assert name is not None and name.value == f"高雄市{CLEAN}衛生所"


@pytest.mark.parametrize("key", ["agency_name", "desk_name", "national_service_category"])
def test_a_setting_with_an_invisible_character_is_refused(desk: Desk, key: str) -> None:
    before = _stored(desk, Setting.value)
    with pytest.raises(InvalidInput) as exc:
        setup.update_settings(desk, {key: "衛生所\u202e"})
    assert (exc.value.facts["field"], exc.value.facts["reason"]) == (key, "bad_value")
    assert "\u202e" not in describe_error(exc.value)
    assert _stored(desk, Setting.value) == before
    assert setup.update_settings(desk, {key: " 衛生所\u3000服務台 "}) is not None
    with desk.db.read() as session:
        row = session.get(Setting, (desk.site_id, key))
        assert row is not None and row.value == "衛生所 服務台"


def test_handover_note_rows_hold_no_invisible_character(
    desk: Desk, make_volunteer: Callable[..., int]
) -> None:
    kiosk.add_note(desk, DEC1, "PM", make_volunteer("A01"), "\ufeff交接\u2066事項\u2069")
    assert _stored(desk, HandoverNote.body) == ["交接事項"]
