"""Volunteers: validation, duplicates, updates, deactivation and weekly patterns."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from frontdesk.core.roster import ShiftKey
from frontdesk.services import attendance, roster, swap_views, volunteers, workspace
from frontdesk.services.context import Desk
from frontdesk.services.errors import Conflict, InvalidInput, NotFound
from frontdesk.services.volunteers import VolunteerInput
from frontdesk.store.models import Volunteer, WeeklyPattern
from tests.support.clocks import Clock

DEC1 = date(2026, 12, 1)  # a Tuesday


def _count(desk: Desk) -> int:
    with desk.db.read() as session:
        return int(session.scalar(select(func.count(Volunteer.id))) or 0)


def test_add_normalises(desk: Desk, clock: Clock) -> None:
    clock.set(date(2026, 11, 3), 7, 0)  # still 2 November in UTC
    vid = volunteers.add(
        desk, VolunteerInput(code=" v-01 ", name="  王   小明 ", phone=" 0912-345-678 ")
    )
    with desk.db.read() as session:
        v = volunteers.get(session, desk, vid)
        assert (v.code, v.name, v.phone, v.status) == ("V-01", "王 小明", "0912-345-678", "active")
        assert volunteers.by_code(session, desk, "v-01") is not None
        assert v.joined_on == date(2026, 11, 3)  # the desk's day (Taipei), not the machine's


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (VolunteerInput(code="V 01", name="王小明"), "code"),
        (VolunteerInput(code="", name="王小明"), "code"),
        (VolunteerInput(code="王01", name="王小明"), "code"),
        (VolunteerInput(code="V01", name="   "), "name"),
        (VolunteerInput(code="V01", name="王" * 61), "name"),
        (VolunteerInput(code="V01", name="王小明", phone="call me"), "phone"),
        (VolunteerInput(code="V01", name="王小明", phone="12"), "phone"),
        (VolunteerInput(code="V01", name="王小明", status="retired"), "status"),
        (VolunteerInput(code="V01", name="王小明", weekly_max=0), "weekly_max"),
        (
            VolunteerInput(
                code="V01", name="王小明", trainings=[("advanced", "", date(2026, 1, 1), 3)]
            ),
            "trainings",
        ),
    ],
)
def test_add_refuses_bad_input_naming_the_field(
    desk: Desk, data: VolunteerInput, field: str
) -> None:
    with pytest.raises(InvalidInput) as exc:
        volunteers.add(desk, data)
    assert exc.value.facts["field"] == field
    assert _count(desk) == 0


def test_duplicate_code_is_a_conflict(desk: Desk) -> None:
    volunteers.add(desk, VolunteerInput(code="V01", name="王小明"))
    with pytest.raises(Conflict) as exc:
        volunteers.add(desk, VolunteerInput(code="v01", name="李大華"))
    assert exc.value.facts["field"] == "code"
    assert _count(desk) == 1


def test_update_and_code_clash(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    a = make_volunteer("A01")
    make_volunteer("B01")
    volunteers.update(
        desk,
        a,
        VolunteerInput(
            code="A02",
            name="陳美玲",
            phone="02-2345-6789",
            weekly_max=3,
            trainings=[("basic", "基礎", date(2026, 1, 10), 12)],
        ),
    )
    with desk.db.read() as session:
        v = volunteers.get(session, desk, a)
        assert (v.code, v.name, v.weekly_max) == ("A02", "陳美玲", 3)
        assert [t.kind for t in v.trainings] == ["basic"]
    with pytest.raises(Conflict):
        volunteers.update(desk, a, VolunteerInput(code="B01", name="陳美玲"))
    with pytest.raises(InvalidInput):
        volunteers.update(desk, a, VolunteerInput(code="A02", name=""))
    with desk.db.read() as session:
        assert volunteers.get(session, desk, a).name == "陳美玲"
    with pytest.raises(NotFound):
        volunteers.update(desk, 9999, VolunteerInput(code="Z", name="x"))


def test_deactivate_keeps_history(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    vid = make_volunteer("A01")
    roster.assign(desk, ShiftKey(DEC1, "AM"), vid)
    volunteers.deactivate(desk, vid)
    with desk.db.read() as session:
        v = volunteers.get(session, desk, vid)
        assert v.status == "inactive" and v.deactivated_at is not None
        assert [t.kind for t in v.trainings] == ["basic"]
    # still listed (with history) unless asked for active ones only
    assert [v.id for v in workspace.volunteer_choices(desk, include_inactive=True)] == [vid]
    assert workspace.volunteer_choices(desk) == []
    assert roster.month_view(desk, 2026, 12).cells[ShiftKey(DEC1, "AM")][0].volunteer_id == vid


def test_add_training(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    vid = make_volunteer("A01", trained=False)
    volunteers.add_training(desk, vid, "basic", "基礎訓練", date(2026, 3, 1), 12)
    with pytest.raises(InvalidInput):
        volunteers.add_training(desk, vid, "basic", "x", date(2026, 3, 1), -1)
    with desk.db.read() as session:
        assert volunteers.facts_of(volunteers.get(session, desk, vid)).has_basic_training


def test_patterns(desk: Desk, make_volunteer: Callable[..., int]) -> None:
    vid = make_volunteer("A01")
    pid = volunteers.add_pattern(desk, vid, 1, "AM", date(2026, 12, 1))
    volunteers.add_pattern(desk, vid, 3, "PM", date(2026, 12, 1), date(2026, 12, 31))
    patterns = workspace.volunteer_detail(desk, vid).patterns
    assert [(p.weekday, p.slot) for p in patterns] == [(1, "AM"), (3, "PM")]
    for args, field in [
        ((vid, 7, "AM", DEC1), "weekday"),
        ((vid, 1, "XX", DEC1), "slot"),
        ((vid, 1, "AM", DEC1, date(2026, 11, 1)), "valid_to"),
    ]:
        with pytest.raises(InvalidInput) as exc:
            volunteers.add_pattern(desk, *args)  # type: ignore[arg-type]
        assert exc.value.facts["field"] == field
    with pytest.raises(NotFound):
        volunteers.add_pattern(desk, 9999, 1, "AM", DEC1)
    volunteers.end_pattern(desk, pid, date(2026, 12, 15))
    with pytest.raises(InvalidInput):
        volunteers.end_pattern(desk, pid, date(2026, 1, 1))
    with desk.db.read() as session:
        p = session.get(WeeklyPattern, pid)
        assert p is not None and p.valid_to == date(2026, 12, 15)
    assert [(p.id, p.valid_to) for p in workspace.volunteer_detail(desk, vid).patterns] == [
        (pid, date(2026, 12, 15)),
        (pid + 1, date(2026, 12, 31)),
    ]


def test_a_code_typed_full_width_is_the_same_volunteer_everywhere(
    desk: Desk, make_volunteer: Callable[..., int]
) -> None:
    """A Zhuyin input method types ｖ００１: the form, the lookups, the kiosk scan and the
    swap identification all read V001 (before, the scan said 'unknown card')."""
    vid = make_volunteer("V001")
    with desk.db.read() as session:
        found = volunteers.by_code(session, desk, "\u3000ｖ００１ ")
        assert found is not None and found.id == vid
    assert attendance.scan(desk, "ｖ００１").volunteer_id == vid
    who = swap_views.identify(desk, "Ｖ００１")
    assert who is not None and who.volunteer_id == vid
    other = volunteers.add(desk, VolunteerInput(code="ａ－０２", name="林志明"))
    with desk.db.read() as session:
        assert volunteers.get(session, desk, other).code == "A-02"
    with pytest.raises(Conflict):
        volunteers.add(desk, VolunteerInput(code="Ａ-02", name="林志明"))


def test_deactivation_moment_is_when_the_volunteer_became_inactive(
    desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    """Deactivating again, or saving the form of an inactive volunteer, keeps the moment
    they left (the retention period counts from it); coming back clears it. Before,
    deactivate() moved it to the second call and postponed the personal-data purge."""
    vid = make_volunteer("A01")
    left = clock.set(date(2026, 11, 3), 9)

    def state() -> tuple[str, object]:
        with desk.db.read() as session:
            v = volunteers.get(session, desk, vid)
            return v.status, v.deactivated_at

    volunteers.deactivate(desk, vid)
    assert state() == ("inactive", left)
    clock.set(date(2026, 12, 1), 9)
    volunteers.deactivate(desk, vid)
    assert state() == ("inactive", left)
    data = VolunteerInput(code="A01", name="志工A01", status="inactive")
    volunteers.update(desk, vid, data)
    assert state() == ("inactive", left)
    volunteers.update(desk, vid, VolunteerInput(code="A01", name="志工A01", status="trainee"))
    assert state() == ("trainee", None)
    back = clock.set(date(2026, 12, 2), 9)
    volunteers.update(desk, vid, data)
    assert state() == ("inactive", back)


def _audit(desk: Desk) -> list[str]:
    from frontdesk.store.models import AuditEntry

    with desk.db.read() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_an_update_that_changes_nothing_is_no_update(
    desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    vid = make_volunteer("A01", "王小明")
    edited = VolunteerInput(
        code="A01",
        name="王小明",
        phone="0912-345-678",
        weekly_max=3,
        notes="行動不便",
        trainings=[("basic", "基礎訓練", date(2026, 1, 10), 12)],
    )
    assert volunteers.update(desk, vid, edited) is True
    trail = _audit(desk)
    clock.now += timedelta(minutes=5)
    assert volunteers.update(desk, vid, edited) is False  # saved again as it is
    assert _audit(desk) == trail
    with desk.db.read() as session:
        assert [t.hours for t in volunteers.get(session, desk, vid).trainings] == [12.0]
    assert volunteers.deactivate(desk, vid) is True
    with desk.db.read() as session:
        left = volunteers.get(session, desk, vid).deactivated_at
    trail = _audit(desk)
    clock.now += timedelta(minutes=5)
    assert volunteers.deactivate(desk, vid) is False  # inactive already
    inactive = dataclasses.replace(edited, status="inactive")
    assert volunteers.update(desk, vid, inactive) is False
    assert _audit(desk) == trail
    with desk.db.read() as session:
        assert volunteers.get(session, desk, vid).deactivated_at == left
