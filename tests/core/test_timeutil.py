"""Time zone and ROC calendar helpers."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontdesk.core.timeutil import (
    TAIPEI,
    at,
    local,
    local_day,
    roc_year,
    utcnow,
)


def test_utcnow_is_aware_utc() -> None:
    now = utcnow()
    assert now.tzinfo is not None
    assert now.utcoffset() == timedelta(0)


def test_at_is_taipei_wall_clock_as_utc() -> None:
    instant = at(date(2026, 12, 1), time(8, 30))
    assert instant == datetime(2026, 12, 1, 0, 30, tzinfo=UTC)
    assert instant.tzinfo is UTC


def test_at_early_morning_is_previous_utc_day() -> None:
    assert at(date(2025, 1, 1), time(7, 59)) == datetime(2024, 12, 31, 23, 59, tzinfo=UTC)


def test_local_and_local_day() -> None:
    instant = datetime(2025, 3, 2, 16, 30, tzinfo=UTC)
    assert local(instant).hour == 0
    assert local(instant).utcoffset() == timedelta(hours=8)
    assert local_day(instant) == date(2025, 3, 3)
    assert local_day(datetime(2025, 3, 2, 15, 59, tzinfo=UTC)) == date(2025, 3, 2)


def test_local_refuses_naive() -> None:
    with pytest.raises(ValueError, match="naive"):
        local(datetime(2025, 3, 3, 8, 30))
    with pytest.raises(ValueError):
        local_day(datetime(2025, 3, 3, 8, 30))


def test_no_daylight_saving_in_taipei() -> None:
    for month in range(1, 13):
        assert datetime(2025, month, 15, tzinfo=TAIPEI).utcoffset() == timedelta(hours=8)


@settings(max_examples=100, deadline=None)
@given(
    d=st.dates(min_value=date(1980, 1, 1), max_value=date(2100, 12, 31)),
    clock=st.times(),
)
def test_at_round_trips(d: date, clock: time) -> None:
    instant = at(d, clock)
    assert local_day(instant) == d
    assert local(instant).time() == clock
    assert instant - datetime.combine(d, clock, UTC) == timedelta(hours=-8)


def test_roc_year() -> None:
    assert roc_year(date(2026, 1, 1)) == 115
    assert roc_year(date(2025, 12, 31)) == 114
    assert roc_year(date(1912, 1, 1)) == 1
    with pytest.raises(ValueError, match="before the ROC calendar"):
        roc_year(date(1911, 12, 31))
