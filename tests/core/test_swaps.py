"""Shift swaps under the one-week rule."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontdesk.core.calendar import DutyCalendar, Override, OverrideKind
from frontdesk.core.findings import Code, Finding, Severity
from frontdesk.core.roster import (
    Roster,
    ShiftKey,
    VolunteerFacts,
    VolunteerStatus,
    coverage_findings,
)
from frontdesk.core.settings import DeskSettings, SlotDef
from frontdesk.core.swaps import (
    NoticeLeft,
    SwapKind,
    SwapProposal,
    apply_swap,
    candidates,
    check_swap,
    has_started,
    is_short_notice,
    notice,
    own_shift_findings,
)
from frontdesk.core.timeutil import at
from tests.support.facts import has_errors, vol

MON = date(2025, 3, 17)
TUE = date(2025, 3, 18)
GIVEN = ShiftKey(MON, "AM")
TAKEN = ShiftKey(TUE, "PM")
START = at(MON, time(8, 30))
S = DeskSettings()
CAL = DutyCalendar()

VOLS = {i: vol(i) for i in range(1, 7)}
BASE = Roster({GIVEN: [1, 3], TAKEN: [2]})


def codes(findings: Sequence[Finding]) -> list[Code]:
    return [f.code for f in findings]


def check(
    proposal: SwapProposal,
    *,
    roster: Roster = BASE,
    requested_at: datetime | None = None,
    now: datetime | None = None,
    volunteers: dict[int, VolunteerFacts] | None = None,
    calendar: DutyCalendar = CAL,
    desk: DeskSettings = S,
    by_supervisor: bool = False,
    reason: str | None = None,
) -> list[Finding]:
    requested = requested_at or START - timedelta(days=10)
    return check_swap(
        proposal,
        volunteers=volunteers or VOLS,
        roster=roster,
        calendar=calendar,
        settings=desk,
        requested_at=requested,
        now=now or requested,
        by_supervisor=by_supervisor,
        reason=reason,
    )


COVER = SwapProposal(SwapKind.COVER, 1, GIVEN, 4)
EXCHANGE = SwapProposal(SwapKind.EXCHANGE, 1, GIVEN, 2, TAKEN)


# --- notice ---------------------------------------------------------------------------


def test_notice() -> None:
    assert notice(START - timedelta(days=7), GIVEN, S) == timedelta(days=7)
    assert notice(START, GIVEN, S) == timedelta(0)
    assert notice(START + timedelta(hours=1), GIVEN, S) == timedelta(hours=-1)


def test_six_days_before_is_short_notice() -> None:
    f = check(COVER, requested_at=START - timedelta(days=6))
    assert codes(f) == [Code.SHORT_NOTICE]
    assert f[0].blocking
    assert f[0].facts["notice_hours"] == 144
    assert f[0].facts["required_days"] == 7


def test_exactly_seven_days_before_is_accepted() -> None:
    assert check(COVER, requested_at=START - timedelta(days=7)) == []
    f = check(COVER, requested_at=START - timedelta(days=7) + timedelta(seconds=1))
    assert codes(f) == [Code.SHORT_NOTICE]
    assert f[0].facts["notice_hours"] == 167


def test_supervisor_short_notice_needs_reason() -> None:
    late = START - timedelta(days=2)
    f = check(COVER, requested_at=late, by_supervisor=True)
    assert codes(f) == [Code.SHORT_NOTICE_NEEDS_REASON]
    assert f[0].blocking
    assert codes(check(COVER, requested_at=late, by_supervisor=True, reason="   ")) == [
        Code.SHORT_NOTICE_NEEDS_REASON
    ]
    assert check(COVER, requested_at=late, by_supervisor=True, reason="志工住院") == []


def test_supervisor_with_enough_notice_needs_no_reason() -> None:
    assert check(COVER, by_supervisor=True) == []


def test_notice_setting() -> None:
    three = DeskSettings(swap_notice_days=3)
    assert check(COVER, requested_at=START - timedelta(days=4), desk=three) == []
    zero = DeskSettings(swap_notice_days=0)
    assert check(COVER, requested_at=START - timedelta(minutes=1), desk=zero) == []


# --- the other rules ------------------------------------------------------------------


def test_cover_and_exchange_ok() -> None:
    assert check(COVER) == []
    assert check(EXCHANGE) == []
    arrange = SwapProposal(SwapKind.ARRANGE, 1, GIVEN, 5)
    assert check(arrange, by_supervisor=True) == []


def test_same_volunteer() -> None:
    f = check(SwapProposal(SwapKind.COVER, 1, GIVEN, 1))
    assert Code.SAME_VOLUNTEER in codes(f)
    assert has_errors(f)


def test_exchanging_a_shift_for_the_same_shift_is_refused() -> None:
    # Both volunteers on one shift: an exchange would move nothing (issue 14, item 13).
    f = check(
        SwapProposal(SwapKind.EXCHANGE, 1, GIVEN, 2, taken=GIVEN),
        roster=Roster({GIVEN: [1, 2]}),
    )
    assert Code.SAME_SHIFT in codes(f)
    assert has_errors(f)


def test_requester_not_assigned() -> None:
    f = check(SwapProposal(SwapKind.COVER, 4, GIVEN, 5), roster=Roster({GIVEN: [3]}))
    assert codes(f) == [Code.NOT_ASSIGNED]
    assert f[0].facts == {"day": MON, "slot": "AM", "volunteer_id": 4}


def test_colleague_not_on_taken() -> None:
    f = check(SwapProposal(SwapKind.EXCHANGE, 1, GIVEN, 4, TAKEN))
    assert codes(f) == [Code.NOT_ASSIGNED]
    assert f[0].facts["volunteer_id"] == 4
    assert f[0].facts["day"] == TUE


def test_shift_started() -> None:
    f = check(COVER, requested_at=START - timedelta(days=8), now=START)
    assert codes(f) == [Code.SHIFT_STARTED]
    assert f[0].facts["starts_at"] == START
    f = check(EXCHANGE, requested_at=START - timedelta(days=8), now=at(TUE, time(14)))
    assert codes(f) == [Code.SHIFT_STARTED, Code.SHIFT_STARTED]


def test_a_duty_under_way_is_refused_as_started_not_as_short_notice() -> None:
    """A request for a duty in progress was answered as short notice: 'starts in 0 hours …
    0 hours left', and offered to the supervisor as if it were still ahead."""
    during = START + timedelta(minutes=30)
    assert codes(check(COVER, requested_at=during, now=during)) == [Code.SHIFT_STARTED]
    assert codes(own(1, requested_at=during)) == [Code.SHIFT_STARTED]
    assert codes(own(1, requested_at=START)) == [Code.SHIFT_STARTED]


def test_supervisor_cannot_swap_a_started_shift_either() -> None:
    f = check(COVER, now=START + timedelta(minutes=5), by_supervisor=True, reason="x")
    assert Code.SHIFT_STARTED in codes(f)


def test_colleague_already_on_given() -> None:
    f = check(SwapProposal(SwapKind.COVER, 1, GIVEN, 3))
    assert codes(f) == [Code.ALREADY_ASSIGNED]


def test_requester_already_on_taken() -> None:
    roster = BASE.with_assigned(TAKEN, 1)
    f = check(EXCHANGE, roster=roster)
    assert Code.ALREADY_ASSIGNED in codes(f)
    assert has_errors(f)


def test_assignment_errors_of_the_new_shift() -> None:
    inactive = {**VOLS, 4: vol(4, VolunteerStatus.INACTIVE)}
    assert codes(check(COVER, volunteers=inactive)) == [Code.VOLUNTEER_INACTIVE]
    closed = DutyCalendar([Override(MON, OverrideKind.CLOSURE, slot="AM")])
    assert codes(check(COVER, calendar=closed)) == [Code.SLOT_CLOSED]


def test_taken_on_a_closed_day() -> None:
    closed = DutyCalendar([Override(TUE, OverrideKind.CLOSURE)])
    f = check(EXCHANGE, calendar=closed)
    assert codes(f) == [Code.NOT_DUTY_DAY]
    assert f[0].facts["volunteer_id"] == 1


def test_full_shift_counts_the_freed_place() -> None:
    # GIVEN is full (max 2): the colleague takes the requester's place, not a third one
    assert len(BASE.who(GIVEN)) == 2
    assert check(COVER) == []


def test_warnings_pass_through() -> None:
    untrained = {**VOLS, 4: vol(4, VolunteerStatus.TRAINEE, trained=False)}
    f = check(COVER, volunteers=untrained)
    assert codes(f) == [Code.TRAINING_MISSING]
    assert f[0].severity is Severity.WARNING
    assert not has_errors(f)


def test_weekly_maximum_counts_the_shift_given_away() -> None:
    # volunteer 2 has 5 shifts this week including TAKEN; the exchange keeps it at 5
    week = [ShiftKey(TUE + timedelta(days=i), s) for i in range(3) for s in ("AM", "PM")]
    roster = Roster.from_pairs([(GIVEN, 1), *[(s, 2) for s in week[:5]]])
    taken = week[0]
    f = check(SwapProposal(SwapKind.EXCHANGE, 1, GIVEN, 2, taken), roster=roster)
    assert f == []
    cover = check(SwapProposal(SwapKind.COVER, 1, GIVEN, 2), roster=roster)
    assert codes(cover) == [Code.OVER_WEEKLY_MAXIMUM]


def test_under_minimum_is_an_error_when_the_swap_causes_it() -> None:
    # only reachable when a volunteer would be merged away: colleague already on `given`
    two_min = DeskSettings(slots=(SlotDef("AM", time(8, 30), time(11, 30), 2, 3), S.slots[1]))
    roster = Roster({GIVEN: [1, 3]})
    f = check(SwapProposal(SwapKind.COVER, 1, GIVEN, 3), roster=roster, desk=two_min)
    assert codes(f) == [Code.ALREADY_ASSIGNED, Code.UNDER_MINIMUM]
    assert f[1].blocking
    assert f[1].facts == {"day": MON, "slot": "AM", "count": 1, "minimum": 2}


def test_short_slot_staying_as_short_is_not_blamed_on_the_swap() -> None:
    two_min = DeskSettings(slots=(SlotDef("AM", time(8, 30), time(11, 30), 2, 3), S.slots[1]))
    assert (
        check(SwapProposal(SwapKind.COVER, 1, GIVEN, 4), roster=Roster({GIVEN: [1]}), desk=two_min)
        == []
    )


def test_malformed_proposals() -> None:
    with pytest.raises(ValueError):
        check(SwapProposal(SwapKind.EXCHANGE, 1, GIVEN, 2))
    with pytest.raises(ValueError):
        apply_swap(SwapProposal(SwapKind.COVER, 1, GIVEN, 2, TAKEN), BASE)
    with pytest.raises(KeyError):
        check(SwapProposal(SwapKind.COVER, 1, GIVEN, 99))


# --- apply_swap -----------------------------------------------------------------------


def test_apply_cover() -> None:
    after = apply_swap(COVER, BASE)
    assert after.who(GIVEN) == frozenset({3, 4})
    assert after.who(TAKEN) == frozenset({2})
    assert BASE.who(GIVEN) == frozenset({1, 3})  # the original is untouched


def test_apply_exchange() -> None:
    after = apply_swap(EXCHANGE, BASE)
    assert after.who(GIVEN) == frozenset({2, 3})
    assert after.who(TAKEN) == frozenset({1})
    assert after.shifts_of(1) == [TAKEN]
    assert after.shifts_of(2) == [GIVEN]


def test_apply_arrange() -> None:
    after = apply_swap(SwapProposal(SwapKind.ARRANGE, 1, GIVEN, 6), BASE)
    assert after.who(GIVEN) == frozenset({3, 6})


# --- candidates -----------------------------------------------------------------------


def test_candidates_sorted_by_month_load_then_id() -> None:
    open_shift = ShiftKey(date(2025, 3, 19), "AM")
    roster = Roster.from_pairs(
        [
            (open_shift, 1),
            (ShiftKey(date(2025, 3, 3), "AM"), 5),
            (ShiftKey(date(2025, 3, 4), "AM"), 5),
            (ShiftKey(date(2025, 3, 5), "AM"), 6),
            (ShiftKey(date(2025, 4, 1), "AM"), 2),  # another month does not count
        ]
    )
    volunteers = {
        **VOLS,
        3: vol(3, VolunteerStatus.INACTIVE),
        4: vol(4, VolunteerStatus.TRAINEE, trained=False),  # a warning is a finding
        7: vol(7, VolunteerStatus.TRAINEE, trained=True),
    }
    got = candidates(open_shift, volunteers=volunteers, roster=roster, calendar=CAL, settings=S)
    assert got == [2, 7, 6, 5]
    assert candidates(
        open_shift,
        volunteers=volunteers,
        roster=roster,
        calendar=CAL,
        settings=S,
        exclude=frozenset({2, 6}),
    ) == [7, 5]


def test_candidates_skip_weekly_maximum_and_full_or_closed_shifts() -> None:
    target = ShiftKey(date(2025, 3, 19), "PM")
    busy = Roster.from_pairs([(ShiftKey(date(2025, 3, 17), s), 2) for s in ("AM", "PM")])
    volunteers = {2: vol(2, weekly_max=2), 3: vol(3)}
    assert candidates(target, volunteers=volunteers, roster=busy, calendar=CAL, settings=S) == [3]
    full = busy.with_assigned(target, 8).with_assigned(target, 9)
    assert candidates(target, volunteers=volunteers, roster=full, calendar=CAL, settings=S) == []
    weekend = ShiftKey(date(2025, 3, 22), "AM")
    assert candidates(weekend, volunteers=volunteers, roster=busy, calendar=CAL, settings=S) == []


# --- properties -----------------------------------------------------------------------

WEEK = [date(2025, 3, 17) + timedelta(days=i) for i in range(6)]  # Mon..Sat (Sat off)
SHIFTS = [ShiftKey(d, s) for d in WEEK for s in ("AM", "PM")]
IDS = list(range(1, 7))

volunteer_sets = st.fixed_dictionaries(
    {
        i: st.builds(
            VolunteerFacts,
            st.just(i),
            st.sampled_from([*VolunteerStatus, VolunteerStatus.ACTIVE, VolunteerStatus.ACTIVE]),
            st.booleans() | st.just(True),
            st.one_of(st.none(), st.integers(1, 6)),
        )
        for i in IDS
    }
)
rosters = st.lists(st.tuples(st.sampled_from(SHIFTS), st.sampled_from(IDS)), max_size=25).map(
    Roster.from_pairs
)


@st.composite
def proposals(draw: st.DrawFn, roster: Roster | None = None) -> SwapProposal:
    """Mostly plausible proposals (the requester holds `given`, the colleague `taken`)."""
    kind = draw(st.sampled_from(list(SwapKind)))
    given_shift = draw(st.sampled_from(SHIFTS))
    requester = draw(st.sampled_from(IDS))
    colleague = draw(st.sampled_from(IDS))
    taken = draw(st.sampled_from(SHIFTS)) if kind is SwapKind.EXCHANGE else None
    if roster is not None and roster.shifts() and draw(st.integers(0, 9)) < 8:
        given_shift = draw(st.sampled_from(roster.shifts()))
        requester = draw(st.sampled_from(sorted(roster.who(given_shift))))
        if kind is SwapKind.EXCHANGE:
            options = [pair for pair in roster.pairs() if pair[0] != given_shift]
            if options:
                taken, colleague = draw(st.sampled_from(options))
    return SwapProposal(kind, requester, given_shift, colleague, taken)


@st.composite
def swap_cases(draw: st.DrawFn) -> tuple[Roster, SwapProposal]:
    roster = draw(rosters)
    return roster, draw(proposals(roster))


desk_settings = st.builds(
    lambda lo_am, hi_am, lo_pm, hi_pm: DeskSettings(
        slots=(
            SlotDef("AM", time(8, 30), time(11, 30), lo_am, lo_am + hi_am),
            SlotDef("PM", time(13, 30), time(16, 30), lo_pm, lo_pm + hi_pm),
        )
    ),
    st.integers(0, 2),
    st.integers(1, 2),
    st.integers(0, 2),
    st.integers(1, 2),
)


@settings(max_examples=400, deadline=None)
@given(
    case=swap_cases(),
    volunteers=volunteer_sets,
    desk=desk_settings,
    supervisor=st.booleans(),
)
def test_accepted_swap_never_double_books_or_leaves_a_slot_short(
    case: tuple[Roster, SwapProposal],
    volunteers: dict[int, VolunteerFacts],
    desk: DeskSettings,
    supervisor: bool,
) -> None:
    roster, proposal = case
    requested = at(date(2025, 3, 1), time(9))
    findings = check_swap(
        proposal,
        volunteers=volunteers,
        roster=roster,
        calendar=CAL,
        settings=desk,
        requested_at=requested,
        now=requested,
        by_supervisor=supervisor,
        reason="r",
    )
    if has_errors(findings):
        return
    after = apply_swap(proposal, roster)
    # nobody merged away or invented: the same number of assignments, per volunteer too
    assert len(after) == len(roster)
    for vid in IDS:
        change = 0
        if proposal.kind is not SwapKind.EXCHANGE:
            change = (vid == proposal.colleague_id) - (vid == proposal.requester_id)
        assert len(after.shifts_of(vid)) == len(roster.shifts_of(vid)) + change
    assert not after.has(proposal.given, proposal.requester_id)
    assert after.has(proposal.given, proposal.colleague_id)
    if proposal.taken is not None:
        assert after.has(proposal.taken, proposal.requester_id)
        assert not after.has(proposal.taken, proposal.colleague_id)
    # the volunteers moved are active and every slot they land in is open and not over max
    moved = {proposal.colleague_id} | ({proposal.requester_id} if proposal.taken else set())
    for vid in moved:
        assert volunteers[vid].status is not VolunteerStatus.INACTIVE
    for shift in SHIFTS:
        slot = desk.slot(shift.slot)
        assert slot is not None
        before_n, after_n = len(roster.who(shift)), len(after.who(shift))
        assert after_n >= min(before_n, slot.min_staff)
        if after_n > before_n:
            assert after_n <= slot.max_staff

    # coverage: the swap adds no UNDER_MINIMUM finding
    def short(r: Roster) -> set[tuple[date, str]]:
        return {
            (f.facts["day"], f.facts["slot"])
            for f in coverage_findings(r, CAL, desk, WEEK)
            if f.code is Code.UNDER_MINIMUM
        }

    assert short(after) <= short(roster)


@settings(max_examples=150, deadline=None)
@given(volunteers=volunteer_sets, data=st.data())
def test_accepted_swap_on_a_fully_staffed_roster_keeps_it_staffed(
    volunteers: dict[int, VolunteerFacts], data: st.DataObject
) -> None:
    # every open slot of the week has at least its minimum (1) before the swap
    pairs = [(s, data.draw(st.sampled_from(IDS))) for s in SHIFTS if s.day.weekday() < 5]
    roster = Roster.from_pairs(
        pairs
        + data.draw(st.lists(st.tuples(st.sampled_from(SHIFTS), st.sampled_from(IDS)), max_size=8))
    )
    assert not any(f.code is Code.UNDER_MINIMUM for f in coverage_findings(roster, CAL, S, WEEK))
    proposal = data.draw(proposals(roster))
    requested = at(date(2025, 3, 1), time(9))
    findings = check_swap(
        proposal,
        volunteers=volunteers,
        roster=roster,
        calendar=CAL,
        settings=S,
        requested_at=requested,
        now=requested,
    )
    if not has_errors(findings):
        after = apply_swap(proposal, roster)
        assert not any(f.code is Code.UNDER_MINIMUM for f in coverage_findings(after, CAL, S, WEEK))


@settings(max_examples=300, deadline=None)
@given(
    seconds_before=st.integers(-3 * 86400, 15 * 86400),
    notice_days=st.integers(0, 14),
)
def test_enough_notice_iff_no_short_notice(seconds_before: int, notice_days: int) -> None:
    desk = DeskSettings(swap_notice_days=notice_days)
    requested = START - timedelta(seconds=seconds_before)
    f = check_swap(
        COVER,
        volunteers=VOLS,
        roster=BASE,
        calendar=CAL,
        settings=desk,
        requested_at=requested,
        now=requested,
    )
    enough = notice(requested, GIVEN, desk) >= timedelta(days=notice_days)
    # a duty under way is refused as started (SHIFT_STARTED), never as short notice
    started = has_started(GIVEN, desk, requested)
    assert started == (Code.SHIFT_STARTED in codes(f))
    assert (enough or started) == (Code.SHORT_NOTICE not in codes(f))
    # the supervisor is never refused for notice, only asked for a reason
    g = check_swap(
        COVER,
        volunteers=VOLS,
        roster=BASE,
        calendar=CAL,
        settings=desk,
        requested_at=requested,
        now=requested,
        by_supervisor=True,
    )
    assert Code.SHORT_NOTICE not in codes(g)
    assert (enough or started) == (Code.SHORT_NOTICE_NEEDS_REASON not in codes(g))


# --- the own-shift checks, the notice in days and hours -------------------------------


def own(
    vid: int,
    shift: ShiftKey = GIVEN,
    *,
    requested_at: datetime,
    now: datetime | None = None,
    notice_rule: bool = True,
) -> list[Finding]:
    return own_shift_findings(
        vid,
        shift,
        roster=BASE,
        settings=S,
        requested_at=requested_at,
        now=now or requested_at,
        notice_rule=notice_rule,
    )


@given(
    st.sampled_from([1, 3, 4]),
    st.integers(min_value=-3 * 24 * 60, max_value=14 * 24 * 60),
    st.booleans(),
)
def test_own_shift_findings_are_the_own_shift_errors_of_check_swap(
    vid: int, minutes_before: int, notice_rule: bool
) -> None:
    """preflight and 'please arrange' ask own_shift_findings; a whole swap asks check_swap:
    for the requester's own shift both give the same errors."""
    asked = START - timedelta(minutes=minutes_before)
    found = own(vid, requested_at=asked, notice_rule=notice_rule)
    whole = check(SwapProposal(SwapKind.COVER, vid, GIVEN, 5), requested_at=asked, now=asked)
    kinds = {Code.NOT_ASSIGNED, Code.SHIFT_STARTED} | (
        {Code.SHORT_NOTICE} if notice_rule else set()
    )
    assert found == [f for f in whole if f.code in kinds]
    assert (Code.NOT_ASSIGNED in codes(found)) == (vid == 4)
    assert (Code.SHIFT_STARTED in codes(found)) == has_started(GIVEN, S, asked)
    short = is_short_notice(notice(asked, GIVEN, S), S)
    started = has_started(GIVEN, S, asked)
    assert (Code.SHORT_NOTICE in codes(found)) == (notice_rule and short and not started)


def test_own_shift_of_an_unknown_slot_is_not_theirs() -> None:
    eve = ShiftKey(MON, "EVE")
    assert codes(own(1, eve, requested_at=START)) == [Code.NOT_ASSIGNED]


def test_short_notice_is_under_seven_times_24_hours() -> None:
    week = timedelta(days=7)
    assert is_short_notice(week - timedelta(seconds=1), S)
    assert not is_short_notice(week, S)
    assert not is_short_notice(timedelta(days=1), DeskSettings(swap_notice_days=0))


@given(st.integers(min_value=-10_000_000, max_value=10_000_000))
def test_notice_left_drops_started_hours_and_is_never_negative(seconds: int) -> None:
    left = timedelta(seconds=seconds)
    days, hours = NoticeLeft.of(left)
    assert days >= 0 and 0 <= hours < 24
    shown = timedelta(days=days, hours=hours)
    if left <= timedelta(0):
        assert shown == timedelta(0)
    else:
        assert shown <= left < shown + timedelta(hours=1)


def test_notice_left_examples() -> None:
    assert NoticeLeft.of(timedelta(days=9, hours=5, minutes=59)) == (9, 5)
    assert NoticeLeft.of(timedelta(minutes=59)) == NoticeLeft(0, 0)
    assert NoticeLeft.of(timedelta(hours=-2)) == (0, 0)
