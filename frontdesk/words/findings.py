"""Rule findings in words: one translatable sentence per finding code.

A rule check in core returns findings (a code, the facts, a severity); here they become
sentences for the kiosk, the workspace and the command line. Source strings are English,
the translation context is "messages"; placeholders are ``{name}`` fields filled with
str.format after translation, so translators may move them. Dates go through
words.dates.day_text (ROC form, never ISO).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from frontdesk.core.findings import Code, Finding
from frontdesk.words.dates import day_text, duration_text
from frontdesk.words.labels import slot_name
from frontdesk.words.sentences import sentences

Names = Mapping[int, str]


def who(facts: Mapping[str, Any], names: Names | None, key: str = "volunteer_id") -> str:
    """The volunteer a finding is about: their name when known, else their number."""
    vid = facts.get(key)
    if names is not None and isinstance(vid, int) and vid in names:
        return names[vid]
    if vid is None:
        return QCoreApplication.translate("messages", "the volunteer")
    return QCoreApplication.translate("messages", "volunteer #{id}").format(id=vid)


def fill(text: str, **values: object) -> str:
    """str.format on a translated template, with None written as nothing."""
    return text.format(**{k: "" if v is None else v for k, v in values.items()})


# --- findings ------------------------------------------------------------------------

_FINDINGS: dict[Code, Callable[[], str]] = {
    Code.NOT_DUTY_DAY: lambda: QCoreApplication.translate(
        "messages", "{day} is not a duty day{label}."
    ),
    Code.SLOT_CLOSED: lambda: QCoreApplication.translate(
        "messages", "The {slot} duty on {day} is closed{label}."
    ),
    Code.UNKNOWN_SLOT: lambda: QCoreApplication.translate(
        "messages", "There is no duty slot called {slot}."
    ),
    Code.ALREADY_ASSIGNED: lambda: QCoreApplication.translate(
        "messages", "{who} is already on the {slot} duty of {day}."
    ),
    Code.OVER_MAXIMUM: lambda: QCoreApplication.translate(
        "messages", "The {slot} duty of {day} already has {count} volunteers (at most {maximum})."
    ),
    Code.UNDER_MINIMUM: lambda: QCoreApplication.translate(
        "messages", "The {slot} duty of {day} would have {count} volunteers (at least {minimum})."
    ),
    Code.VOLUNTEER_INACTIVE: lambda: QCoreApplication.translate(
        "messages", "{who} is no longer active and cannot be put on duty."
    ),
    Code.TRAINING_MISSING: lambda: QCoreApplication.translate(
        "messages", "{who} has no basic training (基礎訓練) recorded yet."
    ),
    Code.OVER_WEEKLY_MAXIMUM: lambda: QCoreApplication.translate(
        "messages",
        "{who} already has {weekly_count} duties that week; the weekly maximum is {weekly_max}.",
    ),
    Code.NOT_ASSIGNED: lambda: QCoreApplication.translate(
        "messages", "{who} is not on the {slot} duty of {day}."
    ),
    Code.SHORT_NOTICE: lambda: QCoreApplication.translate(
        "messages",
        "A swap must be asked at least {required_days} days before the duty; "
        "the {slot} duty of {day} starts in {notice}, so please ask the supervisor.",
    ),
    Code.SHIFT_STARTED: lambda: QCoreApplication.translate(
        "messages", "The {slot} duty of {day} has already started."
    ),
    Code.SAME_VOLUNTEER: lambda: QCoreApplication.translate(
        "messages", "A volunteer cannot swap with themselves."
    ),
    Code.SAME_SHIFT: lambda: QCoreApplication.translate(
        "messages",
        "Both duties are the {slot} duty of {day}: exchanging them would change nothing.",
    ),
    Code.SHORT_NOTICE_NEEDS_REASON: lambda: QCoreApplication.translate(
        "messages",
        "The {slot} duty of {day} is less than {required_days} days away; "
        "please give a reason for this short-notice change.",
    ),
}


def describe_finding(finding: Finding, names: Names | None = None) -> str:
    """One sentence for a rule finding; `names` maps volunteer ids to display names."""
    facts = finding.facts
    template = _FINDINGS.get(finding.code)
    if template is None:  # a code added to core without a sentence here yet
        return QCoreApplication.translate("messages", "Rule check: {code}.").format(
            code=finding.code.value
        )
    label = str(facts.get("label") or "")
    return fill(
        template(),
        day=day_text(facts.get("day")),
        slot=slot_name(facts.get("slot")),
        label=f" ({label})" if label else "",
        who=who(facts, names),
        count=facts.get("count"),
        maximum=facts.get("maximum"),
        minimum=facts.get("minimum"),
        weekly_count=facts.get("weekly_count"),
        weekly_max=facts.get("weekly_max"),
        required_days=facts.get("required_days"),
        notice=_notice(facts),
    )


def _notice(facts: Mapping[str, object]) -> str:
    """The notice left, as every duration is said (words.dates.duration_text): from
    notice_minutes, or the whole hours of a finding that gives only notice_hours."""
    minutes = facts.get("notice_minutes")
    if not isinstance(minutes, int):
        hours = facts.get("notice_hours")
        minutes = hours * 60 if isinstance(hours, int) else 0
    return duration_text(minutes)


def describe_findings(findings: Sequence[Finding], names: Names | None = None) -> str:
    """The sentences of several findings, one after the other."""
    return sentences(*(describe_finding(f, names) for f in findings))
