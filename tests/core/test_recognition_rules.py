"""Honor-card windows, award thresholds with prior hours, the 0.5 h step and the forecast."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from frontdesk.core.recognition import (
    AWARDS,
    BASIC,
    CERTIFICATE,
    HONOR_CARD,
    RECORD_BOOK,
    Card,
    Facts,
    Served,
    add_years,
    assess,
    awards_reached,
    card_expiring,
    card_expiry,
    card_windows,
    forecast_day,
    minutes_between,
    next_award,
    next_honor_card,
    next_window_start,
    step_minutes,
)

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


@st.composite
def card_history(draw: st.DrawFn) -> tuple[date, list[Card]]:
    """A start of service and cards approved one after another, each after the last."""
    since = draw(days)
    cards: list[Card] = []
    approved = since
    for _ in range(draw(st.integers(0, 4))):
        approved = approved + timedelta(days=draw(st.integers(1, 2000)))
        expires = (
            card_expiry(approved)
            if draw(st.booleans())
            else approved + timedelta(days=draw(st.integers(0, 1500)))
        )
        cards.append(Card(approved, expires))
    return since, cards


@given(card_history(), st.lists(st.tuples(st.integers(0, 8000), st.integers(1, 600)), max_size=60))
def test_no_hour_counts_for_two_cards(
    history: tuple[date, list[Card]], offsets: list[tuple[int, int]]
) -> None:
    since, cards = history
    served = [Served(since + timedelta(days=d), m) for d, m in offsets]
    windows = card_windows(since, cards)
    windows.append((next_window_start(since, cards), date.max))  # the open one
    for s in served:
        holding = [w for w in windows if w[0] is not None and w[0] <= s.day < w[1]]
        assert len(holding) <= 1
    used = sum(minutes_between(served, a, b - timedelta(days=1)) for a, b in windows[:-1])
    assert used + minutes_between(served, windows[-1][0], date(9999, 12, 30)) <= sum(
        s.minutes for s in served
    )


@given(card_history())
def test_next_window_starts_at_the_later_of_approval_and_previous_expiry(
    history: tuple[date, list[Card]],
) -> None:
    since, cards = history
    start = next_window_start(since, cards)
    if not cards:
        assert start == since
    elif len(cards) == 1:
        assert start == cards[0].approved_on
    else:
        assert start == max(cards[-1].approved_on, cards[-2].expires_on)
        assert start >= cards[-1].approved_on  # never before the last approval


def test_next_window_worked_example() -> None:
    first = Card(date(2020, 3, 1), date(2023, 2, 28))
    early = Card(date(2022, 12, 1), date(2025, 11, 30))  # renewed before the first expired
    assert next_window_start(date(2017, 1, 5), [first]) == date(2020, 3, 1)
    assert next_window_start(date(2017, 1, 5), [first, early]) == date(2023, 2, 28)
    late = Card(date(2023, 6, 1), date(2026, 5, 31))
    assert next_window_start(date(2017, 1, 5), [first, late]) == date(2023, 6, 1)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_card_is_valid_three_years_less_a_day(approved: date) -> None:
    last = card_expiry(approved)
    assert 3 * 365 - 1 <= (last - approved).days <= 3 * 366
    assert add_years(approved, 3) == last + timedelta(days=1)


def test_leap_day_windows() -> None:
    assert card_expiry(date(2024, 2, 29)) == date(2027, 2, 27)
    since = date(2024, 2, 29)
    served = [Served(since, 300 * 60)]
    assert not next_honor_card(since, date(2027, 2, 26), served, []).met
    assert next_honor_card(since, date(2027, 2, 27), served, []).met  # the anniversary's eve
    assert next_honor_card(since, date(2027, 2, 27), served, []).eligible_from == date(2027, 2, 28)


def test_hours_before_a_card_do_not_count_for_the_next() -> None:
    since = date(2015, 1, 1)
    card = Card(date(2019, 1, 1), card_expiry(date(2019, 1, 1)))
    served = [Served(date(2018, 12, 31), 900 * 60), Served(date(2019, 1, 1), 100 * 60)]
    nxt = next_honor_card(since, date(2023, 1, 1), served, [card])
    assert nxt.hours == 100 and not nxt.met and nxt.years_met
    served.append(Served(date(2021, 5, 5), 200 * 60))
    assert next_honor_card(since, date(2023, 1, 1), served, [card]).met


@given(st.integers(0, 10_000 * 60), st.booleans())
def test_award_thresholds(total: int, cert: bool) -> None:
    reached = awards_reached(total, cert)
    for a in AWARDS:
        expected = total >= a.hours * 60 and (cert or not a.needs_certificate)
        assert (a in reached) is expected
    nxt = next_award(total, cert)
    assert nxt is None or nxt not in reached


def test_awards_count_prior_hours_and_need_a_certificate() -> None:
    desk, prior = 1200 * 60, 300 * 60
    assert [a.code for a in awards_reached(desk, True)] == []
    assert [a.code for a in awards_reached(desk + prior, False)] == ["hw_bronze"]
    assert [a.code for a in awards_reached(desk + prior - 1, False)] == []
    big = 3000 * 60
    assert "vs_bronze" not in [a.code for a in awards_reached(big, False)]
    assert "vs_bronze" in [a.code for a in awards_reached(big, True)]
    assert next_award(big, False) is not None and next_award(big, False).code == "vs_bronze"


def test_step_cuts_down_to_half_hours() -> None:
    assert step_minutes(179) == 150
    assert step_minutes(180) == 180
    assert step_minutes(29) == 0
    assert step_minutes(179, 15) == 165
    assert step_minutes(179, 0) == 179


def test_forecast_day_ends_short_months() -> None:
    assert forecast_day(date(2026, 11, 30)) == date(2027, 2, 28)
    assert forecast_day(date(2027, 11, 30)) == date(2028, 2, 29)
    assert forecast_day(date(2026, 1, 15)) == date(2026, 4, 15)


def test_card_expiry_warning_sixty_days() -> None:
    card = Card(date(2023, 3, 1), date(2026, 2, 28))
    assert card_expiring([card], date(2025, 12, 30)) == card
    assert card_expiring([card], date(2025, 12, 29)) is None
    assert card_expiring([card], date(2026, 3, 1)) is None  # expired: nothing to warn of
    renewed = Card(date(2026, 1, 10), date(2029, 1, 9))
    assert card_expiring([card, renewed], date(2026, 1, 20)) is None


def test_assess_now_soon_and_missing() -> None:
    as_of = date(2026, 12, 1)
    ready = Facts(date(2020, 1, 1), 400 * 60, 400 * 60, 30 * 60, has_basic=True)
    s = assess(ready, as_of)
    assert CERTIFICATE in s.due_now and HONOR_CARD in s.due_now
    assert s.missing == ("special", RECORD_BOOK)
    assert s.card_window_start == date(2020, 1, 1)
    soon = Facts(date(2023, 1, 1), 290 * 60, 290 * 60, 40 * 60, has_certificate=True)
    s = assess(soon, as_of)
    assert HONOR_CARD not in s.due_now and HONOR_CARD in s.due_soon
    assert BASIC in s.missing
    slow = Facts(date(2023, 1, 1), 290 * 60, 290 * 60, 0, has_certificate=True)
    assert HONOR_CARD not in assess(slow, as_of).due_soon


leap_days = st.integers(2000, 2096).filter(lambda y: y % 4 == 0).map(lambda y: date(y, 2, 29))


@given(st.one_of(leap_days, days))
def test_card_years_complete_on_the_anniversary_eve(start: date) -> None:
    """Leap days included: a window opened on 29 February completes on 28 February three
    years on (add_years), its eve being the first day the years count as met."""
    served = [Served(start, 300 * 60)]
    card = Card(start, card_expiry(start))
    cards = [Card(start - timedelta(days=3000), start - timedelta(days=1)), card]
    anniversary = add_years(start, 3)
    assert anniversary.month == start.month and anniversary.year == start.year + 3
    before = next_honor_card(
        start - timedelta(days=9999), anniversary - timedelta(days=2), served, cards
    )
    on_eve = next_honor_card(
        start - timedelta(days=9999), anniversary - timedelta(days=1), served, cards
    )
    assert next_window_start(None, cards) == start
    assert not before.years_met and on_eve.years_met and on_eve.hours == 300
