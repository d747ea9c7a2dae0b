"""Supervisor account rules: password length and the growing lock."""

from __future__ import annotations

from datetime import timedelta

from frontdesk.core.accounts import (
    BASE_LOCK,
    MAX_LOCK,
    MIN_PASSWORD,
    lock_period,
    password_long_enough,
)


def test_password_length() -> None:
    assert password_long_enough("x" * MIN_PASSWORD)
    assert not password_long_enough("x" * (MIN_PASSWORD - 1))


def test_each_lock_doubles_up_to_the_most() -> None:
    assert [lock_period(n) for n in (1, 2, 3)] == [BASE_LOCK, BASE_LOCK * 2, BASE_LOCK * 4]
    assert lock_period(30) == MAX_LOCK == timedelta(hours=4)
