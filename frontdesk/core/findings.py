"""Structured findings returned by rule checks; the UI turns them into sentences."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How a finding weighs: an error blocks, a warning asks."""

    ERROR = "error"
    WARNING = "warning"


class Code(StrEnum):
    """Every rule outcome the app can report."""

    # roster
    NOT_DUTY_DAY = "not_duty_day"
    SLOT_CLOSED = "slot_closed"
    UNKNOWN_SLOT = "unknown_slot"
    ALREADY_ASSIGNED = "already_assigned"
    OVER_MAXIMUM = "over_maximum"
    UNDER_MINIMUM = "under_minimum"
    VOLUNTEER_INACTIVE = "volunteer_inactive"
    TRAINING_MISSING = "training_missing"
    OVER_WEEKLY_MAXIMUM = "over_weekly_maximum"
    NOT_ASSIGNED = "not_assigned"
    # swaps
    SHORT_NOTICE = "short_notice"
    SHIFT_STARTED = "shift_started"
    SAME_VOLUNTEER = "same_volunteer"
    SAME_SHIFT = "same_shift"
    SHORT_NOTICE_NEEDS_REASON = "short_notice_needs_reason"


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule outcome: what (code), how bad (severity), and the facts behind it."""

    code: Code
    severity: Severity
    facts: Mapping[str, Any] = field(default_factory=dict)

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.ERROR


def error(code: Code, **facts: Any) -> Finding:
    return Finding(code, Severity.ERROR, facts)


def warning(code: Code, **facts: Any) -> Finding:
    return Finding(code, Severity.WARNING, facts)
