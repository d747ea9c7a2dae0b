"""Attendance: scan decisions and the classification of a duty."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontdesk.core.attendance import (
    AttendanceStatus,
    Classification,
    OpenRecord,
    ScanAction,
    ScanDecision,
    autoclose_due,
    classify,
    credited_minutes,
    decide_scan,
    early_leave_minutes,
    late_minutes,
    window_opens,
)
from frontdesk.core.calendar import DayInfo, DayKind, DutyCalendar, Override, OverrideKind
from frontdesk.core.settings import DeskSettings, SlotDef
from frontdesk.core.timeutil import at

DAY = date(2025, 3, 3)  # a working Monday
S = DeskSettings()
AM, PM = S.slots
WORKDAY = DayInfo(DAY, DayKind.WORKDAY, True)


def t(hh: int, mm: int = 0, ss: int = 0, day: date = DAY) -> datetime:
    """A Taipei wall-clock time as an aware UTC instant."""
    return at(day, time(hh, mm, ss))


# --- windows --------------------------------------------------------------------------


def test_window_opens() -> None:
    assert window_opens(DAY, AM, S) == t(8, 0)
    assert window_opens(DAY, PM, S) == t(13, 0)
    assert window_opens(DAY, AM, S) == datetime(2025, 3, 3, 0, 0, tzinfo=UTC)
    assert window_opens(DAY, AM, DeskSettings(signin_window_minutes=0)) == t(8, 30)


@pytest.mark.parametrize(
    ("clock", "expected"),
    [
        (t(7, 59, 59), None),
        (t(8, 0), "AM"),
        (t(11, 29, 59), "AM"),
        (t(11, 30), None),
        (t(12, 0), None),
        (t(13, 0), "PM"),
        (t(16, 29), "PM"),
        (t(16, 30), None),
    ],
)
def test_sign_in_slot(clock: datetime, expected: str | None) -> None:
    assert _signs_into(clock, WORKDAY) == (S.slot(expected) if expected else None)


def _signs_into(now: datetime, day: DayInfo) -> SlotDef | None:
    """The slot a first scan at `now` signs into, None when it signs into none."""
    decision = decide_scan(now, day, S, None)
    return decision.slot if decision.action is ScanAction.SIGN_IN else None


def test_sign_in_skips_closed_slots_and_off_days() -> None:
    half = DayInfo(DAY, DayKind.WORKDAY, True, closed_slots=frozenset({"AM"}))
    assert _signs_into(t(9), half) is None
    assert _signs_into(t(14), half) == PM
    off = DayInfo(DAY, DayKind.HOLIDAY, False)
    assert _signs_into(t(9), off) is None


# --- decide_scan ----------------------------------------------------------------------


def test_scan_sign_in_in_window() -> None:
    assert decide_scan(t(8, 10), WORKDAY, S, None) == ScanDecision(ScanAction.SIGN_IN, slot=AM)
    assert decide_scan(t(9, 0), WORKDAY, S, None).slot == AM
    assert decide_scan(t(14), WORKDAY, S, None) == ScanDecision(ScanAction.SIGN_IN, slot=PM)


def test_scan_before_first_window_is_too_early() -> None:
    d = decide_scan(t(7, 30), WORKDAY, S, None)
    assert d == ScanDecision(ScanAction.TOO_EARLY, slot=AM, opens_at=t(8, 0))


def test_scan_at_noon_is_too_early_for_pm() -> None:
    d = decide_scan(t(12, 0), WORKDAY, S, None)
    assert d.action is ScanAction.TOO_EARLY
    assert d.slot == PM
    assert d.opens_at == t(13, 0)
    assert d.opens_at == datetime(2025, 3, 3, 5, 0, tzinfo=UTC)


def test_scan_after_last_slot() -> None:
    assert decide_scan(t(16, 30), WORKDAY, S, None) == ScanDecision(ScanAction.NO_MORE_SLOTS)
    assert decide_scan(t(20), WORKDAY, S, None).action is ScanAction.NO_MORE_SLOTS


@pytest.mark.parametrize(
    "info",
    [
        DayInfo(DAY, DayKind.WEEKEND, False),
        DayInfo(DAY, DayKind.HOLIDAY, False, "國慶日"),
        DayInfo(DAY, DayKind.CLOSED, False, "颱風"),
        DayInfo(DAY, DayKind.WORKDAY, True, closed_slots=frozenset({"AM", "PM"})),
    ],
)
def test_scan_on_non_duty_day(info: DayInfo) -> None:
    assert decide_scan(t(9), info, S, None) == ScanDecision(ScanAction.NOT_DUTY_DAY)


def test_scan_with_closed_slot_skips_it() -> None:
    am_closed = DutyCalendar([Override(DAY, OverrideKind.CLOSURE, slot="AM")]).day(DAY)
    d = decide_scan(t(9), am_closed, S, None)
    assert d == ScanDecision(ScanAction.TOO_EARLY, slot=PM, opens_at=t(13))
    pm_closed = DayInfo(DAY, DayKind.WORKDAY, True, closed_slots=frozenset({"PM"}))
    assert decide_scan(t(12), pm_closed, S, None).action is ScanAction.NO_MORE_SLOTS
    assert decide_scan(t(14), pm_closed, S, None).action is ScanAction.NO_MORE_SLOTS
    assert decide_scan(t(9), pm_closed, S, None).slot == AM


def test_scan_with_open_record_signs_out() -> None:
    rec = OpenRecord(DAY, "AM", t(8, 25))
    assert decide_scan(t(11, 31), WORKDAY, S, rec) == ScanDecision(ScanAction.SIGN_OUT, slot=AM)
    # even outside any window (late sign-out, or evening)
    assert decide_scan(t(18), WORKDAY, S, rec).action is ScanAction.SIGN_OUT


def test_scan_repeat_of_sign_in() -> None:
    rec = OpenRecord(DAY, "AM", t(8, 40))
    d = decide_scan(t(8, 40, 30), WORKDAY, S, rec)
    assert d == ScanDecision(ScanAction.REPEAT, slot=AM, previous_at=t(8, 40))
    assert decide_scan(t(8, 41), WORKDAY, S, rec).action is ScanAction.CONFIRM_SIGN_OUT


def test_scan_repeat_of_sign_out() -> None:
    d = decide_scan(t(11, 30, 20), WORKDAY, S, None, last_event_at=t(11, 30))
    assert d == ScanDecision(ScanAction.REPEAT, previous_at=t(11, 30))
    later = decide_scan(t(11, 31), WORKDAY, S, None, last_event_at=t(11, 30))
    assert later == ScanDecision(ScanAction.TOO_EARLY, slot=PM, opens_at=t(13))
    assert decide_scan(t(13, 5), WORKDAY, S, None, last_event_at=t(11, 30)).slot == PM


def test_scan_repeat_disabled() -> None:
    s0 = DeskSettings(repeat_scan_seconds=0)
    rec = OpenRecord(DAY, "AM", t(11, 26))
    assert decide_scan(t(11, 26), WORKDAY, s0, rec).action is ScanAction.SIGN_OUT
    d = decide_scan(t(8, 25), WORKDAY, s0, None, last_event_at=t(8, 25))
    assert d.action is ScanAction.SIGN_IN


def test_scan_makeup_saturday() -> None:
    sat = DutyCalendar().day(date(2025, 2, 8))
    assert decide_scan(t(9, day=date(2025, 2, 8)), sat, S, None).action is ScanAction.SIGN_IN
    off = DutyCalendar(makeup_saturday_is_duty=False).day(date(2025, 2, 8))
    assert decide_scan(t(9, day=date(2025, 2, 8)), off, S, None).action is ScanAction.NOT_DUTY_DAY


# --- a second scan never ends a duty by accident (issue: double scan at 08:21) ---------


def test_second_scan_before_the_slot_starts_is_answered_not_recorded() -> None:
    rec = OpenRecord(DAY, "AM", t(8, 20))
    for when in (t(8, 20, 30), t(8, 21), t(8, 29, 59)):
        d = decide_scan(when, WORKDAY, S, rec)
        assert d == ScanDecision(ScanAction.ALREADY_IN, slot=AM, previous_at=t(8, 20))
    assert decide_scan(t(8, 21), WORKDAY, S, rec, sign_out_confirmed=True).action is (
        ScanAction.ALREADY_IN
    )


def test_scan_while_the_duty_runs_asks_before_signing_out() -> None:
    rec = OpenRecord(DAY, "AM", t(8, 20))
    for when in (t(8, 30), t(9), t(11, 24, 59)):
        d = decide_scan(when, WORKDAY, S, rec)
        assert d == ScanDecision(ScanAction.CONFIRM_SIGN_OUT, slot=AM, previous_at=t(8, 20))
        confirmed = decide_scan(when, WORKDAY, S, rec, sign_out_confirmed=True)
        assert confirmed == ScanDecision(ScanAction.SIGN_OUT, slot=AM)
    # within the early-leave grace, or after the end: no early leave, no question
    for when in (t(11, 25), t(11, 30), t(12, 10)):
        assert decide_scan(when, WORKDAY, S, rec).action is ScanAction.SIGN_OUT
    no_grace = DeskSettings(early_leave_grace_minutes=0)
    assert decide_scan(t(11, 29, 59), WORKDAY, no_grace, rec).action is (
        ScanAction.CONFIRM_SIGN_OUT
    )
    assert decide_scan(t(11, 30), WORKDAY, no_grace, rec).action is ScanAction.SIGN_OUT


@settings(max_examples=300, deadline=None)
@given(
    in_minute=st.integers(7 * 60, 17 * 60),
    scan_seconds=st.integers(0, 12 * 3600),
    repeat=st.integers(0, 120),
    grace=st.integers(0, 30),
)
def test_no_unconfirmed_scan_ends_a_duty_early(
    in_minute: int, scan_seconds: int, repeat: int, grace: int
) -> None:
    """Kind: an action that ends a duty early is never taken without asking."""
    cfg = DeskSettings(repeat_scan_seconds=repeat, early_leave_grace_minutes=grace)
    in_at = t(0) + timedelta(minutes=in_minute)
    now = t(6) + timedelta(seconds=scan_seconds)
    d = decide_scan(now, WORKDAY, cfg, OpenRecord(DAY, "AM", in_at))
    if d.action is ScanAction.SIGN_OUT:
        out = d.clock_behind or now
        assert early_leave_minutes(DAY, AM, out, cfg) == 0
    assert d.action not in (ScanAction.SIGN_IN, ScanAction.TOO_EARLY)


# --- every answer names the volunteer's own duty of the day ----------------------------


def test_a_pm_volunteer_in_the_morning_is_told_her_own_duty() -> None:
    for when in (t(2, 37), t(7, 30), t(8, 27), t(10), t(12)):
        d = decide_scan(when, WORKDAY, S, None, own_slots={"PM"})
        assert d == ScanDecision(ScanAction.TOO_EARLY, slot=PM, opens_at=t(13), own_slot=PM)
    d = decide_scan(t(13, 5), WORKDAY, S, None, own_slots={"PM"})
    assert d == ScanDecision(ScanAction.SIGN_IN, slot=PM, own_slot=PM)


def test_an_am_volunteer_is_told_the_am_duty_and_asked_about_pm_after_it() -> None:
    d = decide_scan(t(2, 37), WORKDAY, S, None, own_slots={"AM"})
    assert d == ScanDecision(ScanAction.TOO_EARLY, slot=AM, opens_at=t(8), own_slot=AM)
    assert decide_scan(t(8, 10), WORKDAY, S, None, own_slots={"AM"}) == ScanDecision(
        ScanAction.SIGN_IN, slot=AM, own_slot=AM
    )
    # after the morning: the walk-in question for PM names the morning duty
    noon = decide_scan(t(12), WORKDAY, S, None, own_slots={"AM"})
    assert noon == ScanDecision(ScanAction.TOO_EARLY, slot=PM, opens_at=t(13), own_slot=AM)
    pm = decide_scan(t(13, 10), WORKDAY, S, None, own_slots={"AM"})
    assert pm == ScanDecision(ScanAction.SIGN_IN, slot=PM, own_slot=AM)
    late = decide_scan(t(17), WORKDAY, S, None, own_slots={"AM"})
    assert late == ScanDecision(ScanAction.NO_MORE_SLOTS, own_slot=AM)


def test_both_slots_and_no_slot_and_overlapping_windows() -> None:
    both = {"AM", "PM"}
    assert decide_scan(t(12), WORKDAY, S, None, own_slots=both).own_slot == PM
    assert decide_scan(t(9), WORKDAY, S, None, own_slots=both).own_slot == AM
    # not on today's roster: the slot open now (the walk-in question), as before
    assert decide_scan(t(8, 10), WORKDAY, S, None, own_slots=()) == ScanDecision(
        ScanAction.SIGN_IN, slot=AM
    )
    # a PM window opening while AM runs: the PM volunteer signs into PM
    wide = DeskSettings(signin_window_minutes=180)
    d = decide_scan(t(10, 45), WORKDAY, wide, None, own_slots={"PM"})
    assert d == ScanDecision(ScanAction.SIGN_IN, slot=PM, own_slot=PM)
    assert decide_scan(t(10, 45), WORKDAY, wide, None).slot == AM


def test_own_duty_in_a_closed_slot_is_not_spoken_of() -> None:
    pm_closed = DayInfo(DAY, DayKind.WORKDAY, True, closed_slots=frozenset({"PM"}))
    d = decide_scan(t(8, 10), pm_closed, S, None, own_slots={"PM"})
    assert d == ScanDecision(ScanAction.SIGN_IN, slot=AM)


# --- time never runs backwards inside the data ------------------------------------------


def test_a_scan_before_the_open_sign_in_is_not_a_repeat() -> None:
    """Signed in at 09:10 by a fast clock, corrected, scanned at 08:50."""
    rec = OpenRecord(DAY, "AM", t(9, 10))
    for cfg in (S, DeskSettings(repeat_scan_seconds=0)):
        d = decide_scan(t(8, 50), WORKDAY, cfg, rec)
        assert d.action is ScanAction.CONFIRM_SIGN_OUT and d.clock_behind == t(9, 10)
        out = decide_scan(t(8, 50), WORKDAY, cfg, rec, sign_out_confirmed=True)
        assert out == ScanDecision(ScanAction.SIGN_OUT, slot=AM, clock_behind=t(9, 10))
    late = decide_scan(t(11, 0), WORKDAY, S, OpenRecord(DAY, "AM", t(11, 40)))
    assert late == ScanDecision(ScanAction.SIGN_OUT, slot=AM, clock_behind=t(11, 40))


def test_a_scan_before_the_last_sign_out_is_not_a_repeat() -> None:
    d = decide_scan(t(11, 0), WORKDAY, S, None, last_event_at=t(11, 31))
    assert d == ScanDecision(ScanAction.TOO_EARLY, slot=PM, opens_at=t(13), clock_behind=t(11, 31))


@settings(max_examples=300, deadline=None)
@given(
    now_s=st.integers(0, 86_399),
    in_s=st.one_of(st.none(), st.integers(0, 86_399)),
    last_s=st.one_of(st.none(), st.integers(0, 86_399)),
    repeat=st.integers(0, 120),
)
def test_a_scan_is_never_judged_before_the_data(
    now_s: int, in_s: int | None, last_s: int | None, repeat: int
) -> None:
    cfg = DeskSettings(repeat_scan_seconds=repeat)
    day0 = t(0)
    now = day0 + timedelta(seconds=now_s)
    rec = OpenRecord(DAY, "AM", day0 + timedelta(seconds=in_s)) if in_s is not None else None
    last = day0 + timedelta(seconds=last_s) if last_s is not None else None
    d = decide_scan(now, WORKDAY, cfg, rec, last_event_at=last)
    latest = max((x for x in (rec.in_at if rec else None, last) if x), default=None)
    behind = latest is not None and now < latest
    assert (d.clock_behind is not None) is behind
    if behind:
        assert d.clock_behind == latest and d.action is not ScanAction.REPEAT
        if d.action is ScanAction.SIGN_OUT and rec is not None:
            classify(
                DAY,
                AM,
                rec.in_at,
                d.clock_behind,
                assigned=True,
                slot_closed=False,
                now=d.clock_behind,
                settings=cfg,
            )  # never "a sign-out before the sign-in"


# --- minutes --------------------------------------------------------------------------


def test_credited_minutes() -> None:
    assert credited_minutes(DAY, AM, t(8, 25), t(11, 35)) == 180
    assert credited_minutes(DAY, AM, t(8, 30), t(11, 30)) == 180
    assert credited_minutes(DAY, AM, t(9, 0), t(11, 0)) == 120
    assert credited_minutes(DAY, AM, t(8, 40, 30), t(11, 30)) == 169  # floor
    assert credited_minutes(DAY, AM, t(8, 30), t(8, 30, 59)) == 0
    assert credited_minutes(DAY, AM, t(7, 0), t(8, 0)) == 0
    assert credited_minutes(DAY, AM, t(12, 0), t(13, 0)) == 0
    assert credited_minutes(DAY, AM, t(11, 0), t(10, 0)) == 0


def test_late_minutes() -> None:
    assert late_minutes(DAY, AM, t(8, 0), S) == 0
    assert late_minutes(DAY, AM, t(8, 35), S) == 0  # exactly the grace
    assert late_minutes(DAY, AM, t(8, 35, 1), S) == 6  # a started minute counts
    assert late_minutes(DAY, AM, t(8, 50), S) == 20
    assert late_minutes(DAY, AM, t(8, 31), DeskSettings(late_grace_minutes=0)) == 1


def test_early_leave_minutes() -> None:
    assert early_leave_minutes(DAY, AM, t(11, 40), S) == 0
    assert early_leave_minutes(DAY, AM, t(11, 25), S) == 0
    assert early_leave_minutes(DAY, AM, t(11, 24, 59), S) == 6
    assert early_leave_minutes(DAY, AM, t(11, 0), S) == 30


def test_autoclose_due() -> None:
    assert not autoclose_due(DAY, AM, t(11, 59, 59), S)
    assert autoclose_due(DAY, AM, t(12, 0), S)
    assert autoclose_due(DAY, AM, t(11, 30), DeskSettings(autoclose_margin_minutes=0))


# --- classify -------------------------------------------------------------------------


def cls(
    in_at: datetime | None,
    out_at: datetime | None,
    *,
    assigned: bool = True,
    closed: bool = False,
    now: datetime | None = None,
    slot: SlotDef = AM,
) -> Classification:
    return classify(
        DAY,
        slot,
        in_at,
        out_at,
        assigned=assigned,
        slot_closed=closed,
        now=now or t(18),
        settings=S,
    )


def test_on_time() -> None:
    c = cls(t(8, 20), t(11, 31))
    assert c == Classification(AttendanceStatus.ON_TIME, credited_minutes=180)
    assert cls(t(8, 35), t(11, 25)).status is AttendanceStatus.ON_TIME  # both graces


def test_late() -> None:
    c = cls(t(8, 40), t(11, 30))
    assert c.status is AttendanceStatus.LATE
    assert c.late_minutes == 10
    assert c.early_leave_minutes == 0
    assert c.credited_minutes == 170
    assert c.flags == frozenset({"late"})
    assert not c.needs_review


def test_early_leave() -> None:
    c = cls(t(8, 30), t(11, 0))
    assert c.status is AttendanceStatus.EARLY_LEAVE
    assert c.early_leave_minutes == 30
    assert c.credited_minutes == 150
    assert c.flags == frozenset({"early_leave"})


def test_late_and_early_leave() -> None:
    c = cls(t(9, 0), t(11, 0))
    assert c.status is AttendanceStatus.LATE_EARLY_LEAVE
    assert (c.late_minutes, c.early_leave_minutes, c.credited_minutes) == (30, 30, 120)


def test_absent_only_after_slot_end_and_only_if_assigned() -> None:
    assert cls(None, None, now=t(11, 30)).status is AttendanceStatus.ABSENT
    before = cls(None, None, now=t(9))
    assert before.status is AttendanceStatus.OPEN
    assert "not_signed_in" in before.flags
    nobody = cls(None, None, assigned=False, now=t(18))
    assert nobody.status is not AttendanceStatus.ABSENT
    assert nobody.credited_minutes == 0


def test_open_until_autoclose_then_no_sign_out() -> None:
    assert cls(t(8, 25), None, now=t(10)).status is AttendanceStatus.OPEN
    assert cls(t(8, 25), None, now=t(11, 59)).status is AttendanceStatus.OPEN
    c = cls(t(8, 25), None, now=t(12, 0))
    assert c.status is AttendanceStatus.NO_SIGN_OUT
    assert c.needs_review
    assert c.credited_minutes == 0  # no invented time
    assert "no_sign_out" in c.flags


def test_open_record_keeps_late_minutes() -> None:
    c = cls(t(8, 50), None, now=t(9))
    assert c.status is AttendanceStatus.OPEN
    assert c.late_minutes == 20
    c = cls(t(8, 50), None, now=t(13))
    assert c.status is AttendanceStatus.NO_SIGN_OUT
    assert c.late_minutes == 20


def test_walk_in() -> None:
    c = cls(t(8, 50), t(11, 0), assigned=False)
    assert c.status is AttendanceStatus.WALK_IN
    assert c.needs_review
    assert c.credited_minutes == 130
    assert c.late_minutes == 0
    assert "walk_in" in c.flags
    still_open = cls(t(8, 50), None, assigned=False, now=t(9))
    assert still_open.status is AttendanceStatus.OPEN
    assert "walk_in" in still_open.flags
    forgot = cls(t(8, 50), None, assigned=False, now=t(13))
    assert forgot.status is AttendanceStatus.NO_SIGN_OUT
    assert forgot.flags >= {"walk_in", "no_sign_out"}


def test_cancelled_slot_is_never_absent() -> None:
    assert cls(None, None, closed=True) == Classification(AttendanceStatus.CANCELLED)
    served = cls(t(8, 30), t(10, 30), closed=True)
    assert served.status is AttendanceStatus.CANCELLED
    assert served.credited_minutes == 120
    assert served.needs_review


def test_pm_slot() -> None:
    c = cls(t(13, 20), t(16, 40), slot=PM)
    assert c == Classification(AttendanceStatus.ON_TIME, credited_minutes=180)


def test_inconsistent_times_are_refused() -> None:
    with pytest.raises(ValueError):
        cls(None, t(11))
    with pytest.raises(ValueError):
        cls(t(11), t(10))


# --- properties -----------------------------------------------------------------------

slots = st.builds(
    lambda start, length: SlotDef(
        "X",
        time(start // 60, start % 60),
        time((start + length) // 60, (start + length) % 60),
    ),
    st.integers(6 * 60, 14 * 60),
    st.integers(1, 8 * 60),
)
offsets = st.integers(-10 * 3600, 24 * 3600)  # seconds from local midnight


def instant(seconds: int) -> datetime:
    return at(DAY, time(0)) + timedelta(seconds=seconds)


@settings(max_examples=300, deadline=None)
@given(slot=slots, a=offsets, b=offsets)
def test_credited_minutes_bounded(slot: SlotDef, a: int, b: int) -> None:
    got = credited_minutes(DAY, slot, instant(a), instant(b))
    assert 0 <= got <= slot.minutes
    if a > b:
        assert got == 0


@settings(max_examples=200, deadline=None)
@given(slot=slots, a=offsets, length=st.integers(0, 12 * 3600))
def test_credited_minutes_monotonic_in_sign_out(slot: SlotDef, a: int, length: int) -> None:
    shorter = credited_minutes(DAY, slot, instant(a), instant(a + length))
    longer = credited_minutes(DAY, slot, instant(a), instant(a + length + 60))
    assert shorter <= longer


@settings(max_examples=200, deadline=None)
@given(grace=st.integers(0, 120), within=st.integers(-3 * 3600, 0), extra=st.integers(0, 7200))
def test_late_minutes_zero_within_grace(grace: int, within: int, extra: int) -> None:
    s = DeskSettings(late_grace_minutes=grace)
    start = at(DAY, AM.start)
    inside = start + timedelta(minutes=grace, seconds=within)
    assert late_minutes(DAY, AM, inside, s) == 0
    beyond = start + timedelta(minutes=grace, seconds=extra + 1)
    assert late_minutes(DAY, AM, beyond, s) > grace


@settings(max_examples=200, deadline=None)
@given(
    a=st.integers(7 * 3600, 12 * 3600),
    length=st.integers(0, 6 * 3600),
    assigned=st.booleans(),
    closed=st.booleans(),
    signed_out=st.booleans(),
    now_s=st.integers(7 * 3600, 30 * 3600),
)
def test_classification_invariants(
    a: int, length: int, assigned: bool, closed: bool, signed_out: bool, now_s: int
) -> None:
    in_at = instant(a)
    out_at = instant(a + length) if signed_out else None
    c = classify(
        DAY,
        AM,
        in_at,
        out_at,
        assigned=assigned,
        slot_closed=closed,
        now=instant(now_s),
        settings=S,
    )
    assert 0 <= c.credited_minutes <= AM.minutes
    assert c.late_minutes >= 0
    assert c.early_leave_minutes >= 0
    assert c.status is not AttendanceStatus.ABSENT
    if c.status is AttendanceStatus.NO_SIGN_OUT:
        assert c.needs_review and c.credited_minutes == 0
    if signed_out and not closed:
        assert c.credited_minutes == credited_minutes(DAY, AM, in_at, instant(a + length))
        if not assigned:
            assert c.status is AttendanceStatus.WALK_IN and c.needs_review
        else:
            assert (c.late_minutes > 0) == (
                c.status in (AttendanceStatus.LATE, AttendanceStatus.LATE_EARLY_LEAVE)
            )
            assert (c.early_leave_minutes > 0) == (
                c.status in (AttendanceStatus.EARLY_LEAVE, AttendanceStatus.LATE_EARLY_LEAVE)
            )


def test_a_volunteer_of_a_later_slot_may_still_choose_to_help_now() -> None:
    d = decide_scan(t(8, 40), WORKDAY, S, None, own_slots={"PM"}, walk_in_confirmed=True)
    assert d == ScanDecision(ScanAction.SIGN_IN, slot=AM, own_slot=PM)
    # no slot open now: nothing to help in, her own duty is the answer
    d = decide_scan(t(12), WORKDAY, S, None, own_slots={"PM"}, walk_in_confirmed=True)
    assert d.action is ScanAction.TOO_EARLY and d.slot == PM


# --- after signing out of today's slot -------------------------------------------------


def test_a_scan_after_signing_out_of_am_says_so_not_the_pm_sign_in() -> None:
    """Signed out of the morning, no afternoon duty: 'you signed out at 11:28', never
    'sign-in for the afternoon opens at 13:00' nor a second sign-in into the morning."""
    out = {"AM": t(11, 28)}
    for when in (t(11, 29, 30), t(11, 40), t(12, 30)):
        d = decide_scan(when, WORKDAY, S, None, t(11, 28), own_slots={"AM"}, signed_out=out)
        assert d == ScanDecision(
            ScanAction.ALREADY_OUT, slot=AM, previous_at=t(11, 28), own_slot=AM
        ), when
    # a scan out of habit at the end of the morning: not a new sign-in for a minute
    d = decide_scan(t(11, 29, 30), WORKDAY, S, None, t(11, 28), own_slots={"AM"}, signed_out=out)
    assert d.action is ScanAction.ALREADY_OUT
    # back from an errand while the morning still runs: signed in again, as before
    early = {"AM": t(10)}
    d = decide_scan(t(10, 30), WORKDAY, S, None, t(10), own_slots={"AM"}, signed_out=early)
    assert d == ScanDecision(ScanAction.SIGN_IN, slot=AM, own_slot=AM)
    # without the input the old answer (the fault): too early for the afternoon
    assert decide_scan(t(11, 40), WORKDAY, S, None, t(11, 28), own_slots={"AM"}).action is (
        ScanAction.TOO_EARLY
    )
    # the afternoon's sign-in opens: the walk-in question for PM, naming the morning duty
    pm = decide_scan(t(13, 5), WORKDAY, S, None, t(11, 28), own_slots={"AM"}, signed_out=out)
    assert pm == ScanDecision(ScanAction.SIGN_IN, slot=PM, own_slot=AM)


def test_a_scan_after_signing_out_with_both_duties_names_the_afternoon() -> None:
    both = {"AM", "PM"}
    out = {"AM": t(11, 30)}
    d = decide_scan(t(12), WORKDAY, S, None, t(11, 30), own_slots=both, signed_out=out)
    assert d == ScanDecision(ScanAction.TOO_EARLY, slot=PM, opens_at=t(13), own_slot=PM)
    assert decide_scan(
        t(13, 10), WORKDAY, S, None, t(11, 30), own_slots=both, signed_out=out
    ) == ScanDecision(ScanAction.SIGN_IN, slot=PM, own_slot=PM)


@pytest.mark.parametrize("when", [(16, 28), (16, 40), (18, 0), (23, 0)])
def test_a_scan_after_signing_out_of_the_last_slot_says_so(when: tuple[int, int]) -> None:
    out = {"PM": t(16, 27)}
    for own in ({"PM"}, set()):  # rostered, or a walk-in who signed out
        d = decide_scan(t(*when), WORKDAY, S, None, t(16, 27), own_slots=own, signed_out=out)
        assert d.action is ScanAction.ALREADY_OUT
        assert (d.slot, d.previous_at) == (PM, t(16, 27))
    # both slots served: the last sign-out is told
    both = {"AM": t(11, 31), "PM": t(16, 27)}
    d = decide_scan(t(*when), WORKDAY, S, None, t(16, 27), own_slots={"AM", "PM"}, signed_out=both)
    assert (d.action, d.slot) == (ScanAction.ALREADY_OUT, PM)


def test_a_scan_within_the_repeat_window_of_the_sign_out_is_still_a_repeat() -> None:
    out = {"AM": t(11, 28)}
    d = decide_scan(t(11, 28, 20), WORKDAY, S, None, t(11, 28), own_slots={"AM"}, signed_out=out)
    assert d.action is ScanAction.REPEAT


def test_a_sign_out_is_not_taken_back_after_its_duty_ended() -> None:
    from frontdesk.core.attendance import sign_out_undoable, undo_offered

    am = DeskSettings().slots[0]  # 08:30-11:30
    day = date(2026, 12, 7)
    out = at(day, time(11, 29, 50))
    end = at(day, am.end)
    assert sign_out_undoable(out, out + timedelta(seconds=5), end)
    assert not sign_out_undoable(out, end, end)  # the duty is over: the sign-out stands
    assert sign_out_undoable(out, out + timedelta(seconds=40))  # no end given: time only
    assert undo_offered(out, day, am)
    assert not undo_offered(at(day, time(11, 31)), day, am)
