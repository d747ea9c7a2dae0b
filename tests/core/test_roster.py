"""Roster: the immutable assignment map and the assignment / coverage checks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontdesk.core.calendar import DutyCalendar, Override, OverrideKind
from frontdesk.core.findings import Code, Finding, Severity
from frontdesk.core.roster import (
    Roster,
    ShiftKey,
    VolunteerStatus,
    check_assignment,
    check_unassignment,
    coverage_findings,
    slot_of,
)
from frontdesk.core.settings import DeskSettings, SlotDef, slot_end, slot_start
from tests.support.facts import has_errors, vol

MON = date(2025, 3, 3)  # a plain working Monday; the ISO week runs to Sunday 3/9
SAT = date(2025, 3, 8)
AM = ShiftKey(MON, "AM")
PM = ShiftKey(MON, "PM")
S = DeskSettings()
CAL = DutyCalendar()


def codes(findings: Sequence[Finding]) -> list[Code]:
    return [f.code for f in findings]


# --- Roster ---------------------------------------------------------------------------


def test_empty_roster() -> None:
    r = Roster()
    assert r.who(AM) == frozenset()
    assert r.shifts() == []
    assert r.shifts_of(1) == []
    assert len(r) == 0
    assert r == Roster({}) == Roster(None)


def test_constructor_and_from_pairs_agree() -> None:
    a = Roster({AM: [1, 2], PM: (2,), ShiftKey(SAT, "AM"): []})
    b = Roster.from_pairs([(AM, 1), (AM, 2), (PM, 2), (AM, 1)])
    assert a == b
    assert hash(a) == hash(b)
    assert a.who(AM) == frozenset({1, 2})
    assert a.shifts() == [AM, PM]  # the empty shift is not kept
    assert a.shifts_of(2) == [AM, PM]
    assert len(a) == 3
    assert a.pairs() == [(AM, 1), (AM, 2), (PM, 2)]
    assert {vid for _shift, vid in a.pairs()} == {1, 2}
    assert AM in a
    assert list(a) == [AM, PM]


def test_roster_is_immutable_copy_on_write() -> None:
    source = {AM: [1]}
    r = Roster(source)
    source[AM].append(9)
    assert r.who(AM) == frozenset({1})
    r2 = r.with_assigned(AM, 2)
    assert r.who(AM) == frozenset({1})
    assert r2.who(AM) == frozenset({1, 2})
    r3 = r2.without(AM, 1)
    assert r2.who(AM) == frozenset({1, 2})
    assert r3.who(AM) == frozenset({2})
    assert r3.shifts_of(1) == []
    assert r2.shifts_of(1) == [AM]
    assert isinstance(r.who(AM), frozenset)


def test_with_assigned_and_without_are_idempotent() -> None:
    r = Roster({AM: [1]})
    assert r.with_assigned(AM, 1) == r
    assert r.without(PM, 1) == r
    assert r.without(AM, 1).shifts() == []
    assert r.without(AM, 1).without(AM, 1) == Roster()


def test_shifts_are_sorted() -> None:
    later = ShiftKey(date(2025, 3, 4), "AM")
    r = Roster.from_pairs([(later, 1), (PM, 1), (AM, 1)])
    assert r.shifts_of(1) == [AM, PM, later]
    assert r.shifts() == [AM, PM, later]


def test_week_count_uses_iso_week() -> None:
    sun_before = date(2025, 3, 2)
    next_mon = date(2025, 3, 10)
    r = Roster.from_pairs(
        [
            (ShiftKey(sun_before, "AM"), 1),
            (AM, 1),
            (PM, 1),
            (ShiftKey(SAT, "AM"), 1),
            (ShiftKey(date(2025, 3, 9), "PM"), 1),
            (ShiftKey(next_mon, "AM"), 1),
            (AM, 2),
        ]
    )
    assert r.week_count(1, MON) == 4
    assert r.week_count(1, date(2025, 3, 9)) == 4
    assert r.week_count(1, sun_before) == 1
    assert r.week_count(1, next_mon) == 1
    assert r.week_count(2, SAT) == 1
    assert r.week_count(3, MON) == 0


def test_month_count() -> None:
    r = Roster.from_pairs(
        [
            (AM, 1),
            (PM, 1),
            (ShiftKey(date(2025, 4, 1), "AM"), 1),
            (ShiftKey(date(2024, 3, 4), "AM"), 1),
        ]
    )
    assert r.month_count(1, 2025, 3) == 2
    assert r.month_count(1, 2025, 4) == 1
    assert r.month_count(1, 2024, 3) == 1
    assert r.month_count(2, 2025, 3) == 0


def test_repr_is_readable() -> None:
    assert repr(Roster({AM: [2, 1]})) == "Roster({2025-03-03/AM: [1, 2]})"


def test_shift_key_orders_by_day_then_slot() -> None:
    assert sorted([ShiftKey(date(2025, 3, 4), "AM"), PM, AM]) == [
        AM,
        PM,
        ShiftKey(date(2025, 3, 4), "AM"),
    ]


shift_keys = st.builds(
    ShiftKey,
    st.dates(min_value=date(2025, 3, 1), max_value=date(2025, 3, 31)),
    st.sampled_from(["AM", "PM"]),
)
pair_lists = st.lists(st.tuples(shift_keys, st.integers(1, 6)), max_size=30)


@settings(max_examples=60, deadline=None)
@given(pairs=pair_lists, ops=st.lists(st.tuples(st.booleans(), shift_keys, st.integers(1, 6))))
def test_roster_behaves_like_a_set_of_pairs(
    pairs: list[tuple[ShiftKey, int]], ops: list[tuple[bool, ShiftKey, int]]
) -> None:
    model = set(pairs)
    r = Roster.from_pairs(pairs)
    for add, shift, vid in ops:
        before = r
        r = r.with_assigned(shift, vid) if add else r.without(shift, vid)
        if add:
            model.add((shift, vid))
        else:
            model.discard((shift, vid))
        assert before == Roster.from_pairs(before.pairs())  # old versions never change
    assert set(r.pairs()) == model
    assert len(r) == len(model)
    for vid in range(1, 7):
        mine = sorted(s for s, v in model if v == vid)
        assert r.shifts_of(vid) == mine
        assert r.month_count(vid, 2025, 3) == len(mine)
    assert r.shifts() == sorted({s for s, _ in model})


# --- check_assignment -----------------------------------------------------------------


def test_ok_assignment_has_no_findings() -> None:
    assert check_assignment(AM, vol(1), Roster(), CAL, S) == []
    assert check_assignment(AM, vol(1), Roster({AM: [2]}), CAL, S) == []


def test_unknown_slot() -> None:
    f = check_assignment(ShiftKey(MON, "EVE"), vol(1), Roster(), CAL, S)
    assert codes(f) == [Code.UNKNOWN_SLOT]
    assert f[0].facts == {"day": MON, "slot": "EVE", "volunteer_id": 1}
    assert f[0].blocking


def test_not_duty_day() -> None:
    f = check_assignment(ShiftKey(SAT, "AM"), vol(1), Roster(), CAL, S)
    assert codes(f) == [Code.NOT_DUTY_DAY]
    assert f[0].facts["kind"] == "weekend"
    holiday = check_assignment(ShiftKey(date(2025, 10, 10), "AM"), vol(1), Roster(), CAL, S)
    assert holiday[0].facts["label"] == "國慶日"


def test_makeup_saturday_is_duty_day() -> None:
    shift = ShiftKey(date(2025, 2, 8), "AM")
    assert check_assignment(shift, vol(1), Roster(), CAL, S) == []
    off = DutyCalendar(makeup_saturday_is_duty=False)
    assert codes(check_assignment(shift, vol(1), Roster(), off, S)) == [Code.NOT_DUTY_DAY]


def test_closed_day_and_closed_slot() -> None:
    cal = DutyCalendar(
        [
            Override(MON, OverrideKind.CLOSURE, slot="PM", label="颱風"),
            Override(date(2025, 3, 4), OverrideKind.CLOSURE),
        ]
    )
    assert check_assignment(AM, vol(1), Roster(), cal, S) == []
    f = check_assignment(PM, vol(1), Roster(), cal, S)
    assert codes(f) == [Code.SLOT_CLOSED]
    assert f[0].facts["slot"] == "PM"
    assert codes(check_assignment(ShiftKey(date(2025, 3, 4), "AM"), vol(1), Roster(), cal, S)) == [
        Code.NOT_DUTY_DAY
    ]


def test_inactive_volunteer_is_error_trainee_may_serve() -> None:
    f = check_assignment(AM, vol(1, VolunteerStatus.INACTIVE), Roster(), CAL, S)
    assert codes(f) == [Code.VOLUNTEER_INACTIVE]
    assert has_errors(f)
    assert check_assignment(AM, vol(1, VolunteerStatus.TRAINEE), Roster(), CAL, S) == []


def test_training_missing_is_a_warning() -> None:
    f = check_assignment(AM, vol(1, VolunteerStatus.TRAINEE, trained=False), Roster(), CAL, S)
    assert codes(f) == [Code.TRAINING_MISSING]
    assert f[0].severity is Severity.WARNING
    assert not has_errors(f)
    assert f[0].facts["volunteer_id"] == 1


def test_already_assigned() -> None:
    f = check_assignment(AM, vol(1), Roster({AM: [1]}), CAL, S)
    assert codes(f) == [Code.ALREADY_ASSIGNED]


def test_over_maximum() -> None:
    f = check_assignment(AM, vol(3), Roster({AM: [1, 2]}), CAL, S)
    assert codes(f) == [Code.OVER_MAXIMUM]
    assert f[0].facts == {"day": MON, "slot": "AM", "volunteer_id": 3, "count": 2, "maximum": 2}
    one = DeskSettings(slots=(SlotDef("AM", time(8, 30), time(11, 30), 1, 1),))
    assert codes(check_assignment(AM, vol(3), Roster({AM: [1]}), CAL, one)) == [Code.OVER_MAXIMUM]


def test_weekly_maximum_from_settings_and_from_volunteer() -> None:
    week = [ShiftKey(MON + timedelta(days=i), s) for i in range(2) for s in ("AM", "PM")]
    r = Roster.from_pairs((s, 1) for s in week)  # 4 shifts this week
    target = ShiftKey(date(2025, 3, 5), "AM")
    assert check_assignment(target, vol(1), r, CAL, S) == []  # 5th of 5
    r5 = r.with_assigned(target, 1)
    f = check_assignment(ShiftKey(date(2025, 3, 5), "PM"), vol(1), r5, CAL, S)
    assert codes(f) == [Code.OVER_WEEKLY_MAXIMUM]
    assert f[0].severity is Severity.WARNING
    assert f[0].facts["weekly_count"] == 5
    assert f[0].facts["weekly_max"] == 5
    own = check_assignment(target, vol(1, weekly_max=4), r, CAL, S)
    assert codes(own) == [Code.OVER_WEEKLY_MAXIMUM]
    assert own[0].facts["weekly_max"] == 4
    # next week starts afresh
    assert check_assignment(ShiftKey(date(2025, 3, 10), "AM"), vol(1), r5, CAL, S) == []
    assert codes(check_assignment(target, vol(1), r, CAL, DeskSettings(weekly_max_shifts=2))) == [
        Code.OVER_WEEKLY_MAXIMUM
    ]


def test_errors_come_before_warnings_and_accumulate() -> None:
    facts = vol(9, VolunteerStatus.INACTIVE, trained=False, weekly_max=1)
    r = Roster({AM: [1, 2], PM: [9]})
    f = check_assignment(AM, facts, r, CAL, S)
    assert codes(f) == [
        Code.VOLUNTEER_INACTIVE,
        Code.OVER_MAXIMUM,
        Code.TRAINING_MISSING,
        Code.OVER_WEEKLY_MAXIMUM,
    ]
    for finding in f:
        assert {"day", "slot", "volunteer_id"} <= set(finding.facts)


# --- check_unassignment and coverage ---------------------------------------------------


def test_unassignment() -> None:
    r = Roster({AM: [1, 2]})
    assert check_unassignment(AM, 1, r, S) == []
    f = check_unassignment(AM, 3, r, S)
    assert codes(f) == [Code.NOT_ASSIGNED]
    assert f[0].blocking
    alone = Roster({AM: [1]})
    f = check_unassignment(AM, 1, alone, S)
    assert codes(f) == [Code.UNDER_MINIMUM]
    assert f[0].severity is Severity.WARNING
    assert f[0].facts == {"day": MON, "slot": "AM", "volunteer_id": 1, "count": 0, "minimum": 1}


def test_unassignment_unknown_slot_has_no_minimum() -> None:
    odd = ShiftKey(MON, "EVE")
    assert check_unassignment(odd, 1, Roster({odd: [1]}), S) == []


def test_coverage_findings() -> None:
    tue = date(2025, 3, 4)
    cal = DutyCalendar([Override(tue, OverrideKind.CLOSURE, slot="PM")])
    r = Roster({AM: [1], PM: [1, 2, 3], ShiftKey(tue, "AM"): [4]})
    days = [MON, tue, SAT]
    f = coverage_findings(r, cal, S, days)
    assert [(x.code, x.facts["day"], x.facts["slot"]) for x in f] == [
        (Code.OVER_MAXIMUM, MON, "PM"),
    ]
    assert f[0].facts == {"day": MON, "slot": "PM", "count": 3, "maximum": 2}
    assert f[0].severity is Severity.WARNING
    empty = coverage_findings(Roster(), cal, S, days)
    assert [(x.code, x.facts["day"], x.facts["slot"], x.facts["count"]) for x in empty] == [
        (Code.UNDER_MINIMUM, MON, "AM", 0),
        (Code.UNDER_MINIMUM, MON, "PM", 0),
        (Code.UNDER_MINIMUM, tue, "AM", 0),
    ]
    assert empty[0].facts["minimum"] == 1


def test_coverage_whole_month_counts() -> None:
    f = coverage_findings(Roster(), CAL, S, [date(2025, 2, d) for d in range(1, 29)])
    assert len(f) == 2 * 20  # 19 weekdays + the make-up Saturday, two slots each


# --- shift times ----------------------------------------------------------------------


def test_shift_start_and_end_are_utc_instants() -> None:
    assert slot_start(AM.day, slot_of(AM, S)) == datetime(2025, 3, 3, 0, 30, tzinfo=UTC)
    assert slot_end(AM.day, slot_of(AM, S)) == datetime(2025, 3, 3, 3, 30, tzinfo=UTC)
    assert slot_start(PM.day, slot_of(PM, S)) == datetime(2025, 3, 3, 5, 30, tzinfo=UTC)
    assert slot_start(AM.day, slot_of(AM, S)).utcoffset() == timedelta(0)


def test_shift_start_unknown_slot() -> None:
    with pytest.raises(ValueError, match="EVE"):
        slot_of(ShiftKey(MON, "EVE"), S)
