"""Supervisor account rules: how long a password must be and when wrong ones lock it.

Every sentence that states a rule (the login and first-start forms, the accounts page,
the error words, the command line) formats these constants in, so the words cannot say
8 while the check says something else.
"""

from __future__ import annotations

from datetime import timedelta

MIN_PASSWORD = 8  # characters
MAX_ATTEMPTS = 5  # wrong passwords in a row that lock the account
BASE_LOCK = timedelta(minutes=1)  # the first lock; each further lock doubles it
MAX_LOCK = timedelta(hours=4)


def password_long_enough(password: str) -> bool:
    """At least MIN_PASSWORD characters."""
    return len(password) >= MIN_PASSWORD


def lock_period(lockouts: int) -> timedelta:
    """How long the `lockouts`-th lock (1, 2, ...) lasts: BASE_LOCK doubled each time,
    at most MAX_LOCK."""
    period: timedelta = BASE_LOCK * 2 ** (max(1, lockouts) - 1)
    return min(period, MAX_LOCK)
