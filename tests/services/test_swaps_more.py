"""The swap views the screens use: the kiosk's per-volunteer news (shown once), the
supervisor's inbox and history, the kiosk's pre-check and exchange options."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from frontdesk.core.findings import Code
from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal, SwapState
from frontdesk.services import roster, swap_views, swaps
from frontdesk.services.context import Desk
from tests.services.conftest import Clock

DEC1 = date(2026, 12, 1)
DEC8 = date(2026, 12, 8)  # Tuesday
AM8 = ShiftKey(DEC8, "AM")
PM8 = ShiftKey(DEC8, "PM")
AM10 = ShiftKey(date(2026, 12, 10), "AM")


@dataclass
class Crew:
    a: int  # on AM8
    b: int  # on PM8 and AM10
    c: int  # free
    d: int  # free


@pytest.fixture
def crew(desk: Desk, make_volunteer: Callable[..., int]) -> Crew:
    crew = Crew(
        *(
            make_volunteer(code, name)
            for code, name in (("A01", "王"), ("B01", "李"), ("C01", "陳"), ("D01", "林"))
        )
    )
    roster.assign(desk, AM8, crew.a)
    roster.assign(desk, PM8, crew.b)
    roster.assign(desk, AM10, crew.b)
    return crew


def test_outcome_is_news_once_for_both_volunteers(desk: Desk, clock: Clock, crew: Crew) -> None:
    clock.set(DEC1, 8, 0)
    rid = swaps.request(desk, SwapProposal(SwapKind.COVER, crew.a, AM8, crew.c))
    news_c = swap_views.for_volunteer(desk, crew.c)
    assert [v.id for v in news_c.waiting] == [rid] and not news_c.outcomes
    assert news_c.waiting[0].requester == "王A01" and news_c.waiting[0].colleague == "陳C01"
    news_a = swap_views.for_volunteer(desk, crew.a)
    assert not news_a and [v.id for v in news_a.open] == [rid]

    swaps.agree(desk, rid, crew.c)
    assert not swap_views.for_volunteer(desk, crew.c)
    swaps.approve(desk, rid)
    for vid in (crew.a, crew.c):
        news = swap_views.for_volunteer(desk, vid)
        assert [(v.id, v.state) for v in news.outcomes] == [(rid, SwapState.APPROVED)]
    assert swaps.mark_seen(desk, crew.a, [rid]) == 1
    assert not swap_views.for_volunteer(desk, crew.a)
    assert [v.id for v in swap_views.for_volunteer(desk, crew.c).outcomes] == [rid]
    assert swaps.mark_seen(desk, crew.c, [rid]) == 1
    assert swaps.mark_seen(desk, crew.c, [rid]) == 0
    assert not swap_views.for_volunteer(desk, crew.c)
    assert not swap_views.for_volunteer(desk, crew.d)


def test_declined_and_withdrawn_are_not_news_to_who_did_it(
    desk: Desk, clock: Clock, crew: Crew
) -> None:
    clock.set(DEC1, 8, 0)
    rid = swaps.request(desk, SwapProposal(SwapKind.COVER, crew.a, AM8, crew.c))
    swaps.decline(desk, rid, crew.c)
    assert not swap_views.for_volunteer(desk, crew.c)
    [v] = swap_views.for_volunteer(desk, crew.a).outcomes
    assert v.declined and v.supervisor_reason == "" and v.state is SwapState.REJECTED
    assert v.outcome_reason == "" and v.superseded_by is None  # the fact is a column
    swaps.mark_seen(desk, crew.a, [rid])
    rid2 = swaps.request(desk, SwapProposal(SwapKind.COVER, crew.a, AM8, crew.d))
    swaps.withdraw(desk, rid2, crew.a)
    assert not swap_views.for_volunteer(desk, crew.a)
    assert not swap_views.for_volunteer(desk, crew.d)  # never agreed: nothing to tell


def test_invalid_and_expired_carry_their_why(desk: Desk, clock: Clock, crew: Crew) -> None:
    clock.set(DEC1, 8, 0)
    first = swaps.request(
        desk, SwapProposal(SwapKind.COVER, crew.a, AM8, crew.c), colleague_agrees_now=True
    )
    second = swaps.request(
        desk, SwapProposal(SwapKind.EXCHANGE, crew.b, PM8, crew.a, AM8), colleague_agrees_now=True
    )
    late = swaps.request(desk, SwapProposal(SwapKind.COVER, crew.b, AM10, crew.d))
    swaps.approve(desk, second, reason="OK")
    [invalid] = [v for v in swap_views.history(desk) if v.id == first]
    assert invalid.state is SwapState.INVALID and invalid.superseded_by == second
    assert invalid.supervisor_reason == "" and invalid.outcome_reason == ""
    assert not invalid.declined
    assert [v.id for v in swap_views.for_volunteer(desk, crew.c).outcomes] == [first]
    clock.set(AM10.day, 8, 30)
    assert swaps.expire_due(desk) == 1
    [expired] = swap_views.history(desk, states=[SwapState.EXPIRED])
    assert expired.id == late and expired.supervisor_reason == ""
    assert expired.outcome_reason == "" and not expired.declined
    # newest first; filtered by the day of the shift given away
    assert [v.id for v in swap_views.history(desk)] == [late, second, first]
    assert [v.id for v in swap_views.history(desk, first=AM10.day)] == [late]
    assert swap_views.history(desk, last=DEC1) == []


def test_pending_is_the_inbox_with_notice(desk: Desk, clock: Clock, crew: Crew) -> None:
    clock.set(date(2026, 12, 6), 14, 0)  # 1 day 18 h 30 min before AM8
    rid = swaps.ask_supervisor(desk, crew.a, AM8, "生病")
    swaps.arrange(desk, SwapProposal(SwapKind.COVER, crew.b, PM8, crew.d), "住院")
    [v] = swap_views.pending(desk)
    assert (v.id, v.kind, v.colleague_id, v.colleague) == (rid, SwapKind.ARRANGE, None, "")
    assert v.notice == (1, 18) and v.reason == "生病"


def test_preflight_says_short_notice_before_a_colleague_is_chosen(
    desk: Desk, clock: Clock, crew: Crew
) -> None:
    clock.set(DEC1, 8, 30)
    assert swaps.preflight(desk, crew.a, AM8) == []
    assert swap_views.notice_of(desk, AM8) == timedelta(days=7)
    clock.set(DEC1, 8, 31)
    [f] = swaps.preflight(desk, crew.a, AM8)
    assert f.code is Code.SHORT_NOTICE and f.facts["required_days"] == 7
    assert {f.code for f in swaps.preflight(desk, crew.c, AM8)} == {
        Code.NOT_ASSIGNED,
        Code.SHORT_NOTICE,
    }
    clock.set(DEC8, 9, 0)
    assert Code.SHIFT_STARTED in {f.code for f in swaps.preflight(desk, crew.a, AM8)}


def test_exchange_options_are_only_shifts_that_pass(
    desk: Desk, clock: Clock, crew: Crew, make_volunteer: Callable[..., int]
) -> None:
    clock.set(date(2026, 11, 20), 9, 0)
    assert swap_views.exchange_options(desk, crew.a, AM8, crew.b) == [PM8, AM10]
    e = make_volunteer("E01", "趙")
    roster.assign(desk, ShiftKey(date(2026, 12, 11), "PM"), e)
    partners = swap_views.exchange_partners(desk, crew.a, AM8)
    # fewest December shifts first: E has one, B two; C and D have nothing to give
    assert [(s.volunteer_id, s.name, opts) for s, opts in partners] == [
        (e, "趙E01", [ShiftKey(date(2026, 12, 11), "PM")]),
        (crew.b, "李B01", [PM8, AM10]),
    ]
    roster.assign(desk, AM10, crew.a)  # A is already on AM10: cannot take it too
    assert swap_views.exchange_options(desk, crew.a, AM8, crew.b) == [PM8]
    assert swap_views.exchange_options(desk, crew.a, AM8, crew.c) == []
    assert [s.volunteer_id for s in swap_views.on_shift(desk, AM10)] == [crew.a, crew.b]


def test_identify_by_card_code_records_nothing(desk: Desk, crew: Crew) -> None:
    found = swap_views.identify(desk, " b01 ")
    assert found is not None and (found.volunteer_id, found.name) == (crew.b, "李B01")
    assert swap_views.identify(desk, "ZZZ") is None and swap_views.identify(desk, "") is None


def test_suggest_counts_the_place_the_leaving_volunteer_frees(
    desk: Desk, clock: Clock, crew: Crew
) -> None:
    roster.assign(desk, AM8, crew.b)  # AM8 is now full (at most 2)
    assert swap_views.suggest(desk, AM8) == []
    offered = [s.volunteer_id for s in swap_views.suggest(desk, AM8, leaving=crew.a)]
    assert set(offered) == {crew.c, crew.d}  # not A, who leaves; not B, already on it
