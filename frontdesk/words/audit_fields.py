"""The fields of audit entries in people's words: a label for every field the use cases
record (volunteer, attendance, swap and settings snapshots, counts of an import …) and the
way its value is written: ROC dates, Taipei times, names instead of ids, yes/no.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from frontdesk.core.swaps import SwapState
from frontdesk.words.audit_names import Names, actor_text
from frontdesk.words.dates import clock, day_text, format_roc_month, format_roc_short, stamp
from frontdesk.words.dates import weekday_zh as _weekday_zh
from frontdesk.words.labels import attendance_status, slot_name, volunteer_status

# --- values ---------------------------------------------------------------------------


def _yes_no(value: object) -> str:
    if value in (True, "true", "1", 1):
        return QCoreApplication.translate("audit", "yes")
    if value in (False, "false", "0", 0):
        return QCoreApplication.translate("audit", "no")
    return str(value)


def _none() -> str:
    return QCoreApplication.translate("audit", "(none)")


def _day(value: object) -> str:
    """A stored ISO date (2026-11-13) as 115/11/13."""
    if isinstance(value, str):
        try:
            return format_roc_short(date.fromisoformat(value[:10]))
        except ValueError:
            return value
    return day_text(value)


def _instant(value: object) -> str:
    """A stored UTC instant as its Taipei time of day (the day is shown beside it)."""
    if isinstance(value, str):
        try:
            return clock(datetime.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def _full_instant(value: object) -> str:
    if isinstance(value, str):
        try:
            return stamp(datetime.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def _shift(value: object) -> str:
    """2026-11-13/PM as 115/11/13 下午班."""
    if not isinstance(value, str) or "/" not in value:
        return str(value)
    day, _, slot = value.partition("/")
    return f"{_day(day)} {slot_name(slot)}"


def _month(value: object) -> str:
    """2026-11 as 民國115年11月."""
    try:
        year, month = (int(p) for p in str(value).split("-")[:2])
        return format_roc_month(year, month)
    except ValueError:
        return str(value)


def _minutes_as_hours(value: object) -> str:
    if isinstance(value, int):
        return QCoreApplication.translate("audit", "{h:.2f} h").format(h=value / 60)
    return str(value)


def _notice(value: object) -> str:
    if not isinstance(value, int):
        return str(value)
    days, rest = divmod(max(value, 0), 1440)
    return QCoreApplication.translate("audit", "{d} days {h} h").format(d=days, h=rest // 60)


_SOURCES = {
    "pattern": lambda: QCoreApplication.translate("audit", "weekly duty"),
    "manual": lambda: QCoreApplication.translate("audit", "by hand"),
    "swap": lambda: QCoreApplication.translate("audit", "swap"),
    "import": lambda: QCoreApplication.translate("audit", "imported list"),
}
_SWAP_KINDS = {
    "exchange": lambda: QCoreApplication.translate("audit", "exchange"),
    "cover": lambda: QCoreApplication.translate("audit", "cover"),
    "arrange": lambda: QCoreApplication.translate("audit", "arranged"),
}
_TRAINING = {
    "basic": lambda: QCoreApplication.translate("audit", "basic training"),
    "special": lambda: QCoreApplication.translate("audit", "special training"),
}
_DAY_KINDS = {
    "manual_open": lambda: QCoreApplication.translate("audit", "extra duty day"),
    "manual_closed": lambda: QCoreApplication.translate("audit", "no duty"),
    "closed": lambda: QCoreApplication.translate("audit", "office closed"),
}
_LANGUAGES = {"zh_TW": "中文", "en": "English"}


def _word(table: Mapping[str, Callable[[], str]]) -> Callable[[object, Names], str]:
    return lambda v, _n: table[str(v)]() if str(v) in table else str(v)


Format = Callable[[object, Names], str]


_SWAP_NO = re.compile(r"swap #(\d+)")


def _text(value: object, _names: Names) -> str:
    if value is None or value == "":
        return _none()
    if isinstance(value, str) and (m := _SWAP_NO.fullmatch(value)):
        return QCoreApplication.translate("audit", "swap request {id}").format(id=m.group(1))
    if isinstance(value, list):
        return "、".join(str(v) for v in value) if value else _none()
    return str(value)


def _f(fn: Callable[[object], str]) -> Format:
    return lambda v, _n: _none() if v is None else fn(v)


def _volunteer(value: object, names: Names) -> str:
    return _none() if value is None else names.volunteer(value)


def _slot(value: object, _names: Names) -> str:
    return QCoreApplication.translate("audit", "whole day") if value is None else slot_name(value)


def _count(value: object, _names: Names) -> str:
    return str(len(value)) if isinstance(value, list) else str(value)


def _setting(value: object, _names: Names) -> str:
    """A setting's stored text: true/false as yes/no, a language by its name."""
    if value in ("true", "false"):
        return _yes_no(value)
    if isinstance(value, str) and value in _LANGUAGES:
        return _LANGUAGES[value]
    return _text(value, _names)


def _offline_reason(value: object) -> str:
    from frontdesk.words.offline import conflict_reason

    return conflict_reason(value)


def _action(value: object, _names: Names) -> str:
    from frontdesk.words.audit import action_name  # the one table of action names

    return action_name(str(value)) if value else _any()


def _swap_state(value: object, _names: Names) -> str:
    """A swap request's state in the one word the swap screens use (words.swaps)."""
    from frontdesk.words.swaps import state_text

    try:
        return state_text(SwapState(str(value)))
    except ValueError:
        return _text(value, _names)


def _account(value: object, names: Names) -> str:
    """A supervisor account as a person is named, with the login name it signs in with:
    王督導（boss）; the login name alone when the account has no other name."""
    if not value:
        return _none()
    login = str(value)
    shown = names.supervisor(login)
    return login if shown == login else f"{shown}（{login}）"


def _actor(value: object, names: Names) -> str:
    return actor_text(str(value), names) if value else _any()


def _any() -> str:
    return QCoreApplication.translate("audit", "(any)")


# field: (label, how its value is written). The label texts are literal for lupdate below.
def _weekday(value: object) -> str:
    return _weekday_zh(date(2024, 1, 1 + int(str(value)))) if str(value).isdigit() else str(value)


def _personal(value: object) -> str:
    items = value if isinstance(value, list) else [value]
    phone = QCoreApplication.translate("audit", "phone")
    return "、".join(phone if v == "phone" else str(v) for v in items)


def _roc_year(value: object) -> str:
    return format_roc_month(int(str(value)), 1)[:-2] if str(value).isdigit() else str(value)


# field: (label, how its value is written)
# The notices' settings (core.notices), kept as extra settings.
_NOTICE_SETTINGS: dict[str, tuple[Callable[[], str], Format]] = {
    "reminder_days_before": (
        lambda: QCoreApplication.translate("audit", "e-mail reminder before a duty (days)"),
        _setting,
    ),
    "desk_phone": (lambda: QCoreApplication.translate("audit", "desk phone"), _setting),
    "smtp_host": (lambda: QCoreApplication.translate("audit", "mail server"), _setting),
    "smtp_port": (lambda: QCoreApplication.translate("audit", "mail server port"), _setting),
    "smtp_security": (lambda: QCoreApplication.translate("audit", "mail encryption"), _setting),
    "smtp_user": (lambda: QCoreApplication.translate("audit", "mail account"), _setting),
    "smtp_from": (lambda: QCoreApplication.translate("audit", "mail sender"), _setting),
    "smtp_ca_file": (
        lambda: QCoreApplication.translate("audit", "mail server's certificate authority"),
        _setting,
    ),
    # A volunteer's e-mail consent (outbox.set_email): the address masked.
    "email": (lambda: QCoreApplication.translate("audit", "e-mail (masked)"), _text),
    "opted_in_at": (
        lambda: QCoreApplication.translate("audit", "agreed to e-mail on"),
        _f(_full_instant),
    ),
}
FIELDS: dict[str, tuple[Callable[[], str], Format]] = {
    "code": (lambda: QCoreApplication.translate("audit", "code"), _text),
    "name": (lambda: QCoreApplication.translate("audit", "name"), _text),
    "phone": (lambda: QCoreApplication.translate("audit", "phone"), _text),
    "offline_conflict": (
        lambda: QCoreApplication.translate("audit", "why it was flagged"),
        lambda v, _n: _offline_reason(v),
    ),
    "status": (
        lambda: QCoreApplication.translate("audit", "status"),
        _f(lambda v: attendance_status(str(v))),
    ),
    "weekly_max": (lambda: QCoreApplication.translate("audit", "most duties a week"), _text),
    "languages": (lambda: QCoreApplication.translate("audit", "languages"), _text),
    "volunteer_id": (lambda: QCoreApplication.translate("audit", "volunteer"), _volunteer),
    "volunteer": (lambda: QCoreApplication.translate("audit", "volunteer"), _volunteer),
    "requester": (lambda: QCoreApplication.translate("audit", "asked by"), _volunteer),
    "colleague": (lambda: QCoreApplication.translate("audit", "colleague"), _volunteer),
    "author_id": (lambda: QCoreApplication.translate("audit", "written by"), _volunteer),
    "day": (lambda: QCoreApplication.translate("audit", "date"), _f(_day)),
    "date": (lambda: QCoreApplication.translate("audit", "date"), _f(_day)),
    "from": (lambda: QCoreApplication.translate("audit", "from"), _f(_day)),
    "to": (lambda: QCoreApplication.translate("audit", "until"), _f(_day)),
    "slot": (lambda: QCoreApplication.translate("audit", "duty"), _slot),
    "weekday": (lambda: QCoreApplication.translate("audit", "weekday"), _f(_weekday)),
    "in": (lambda: QCoreApplication.translate("audit", "signed in"), _f(_instant)),
    "out": (lambda: QCoreApplication.translate("audit", "signed out"), _f(_instant)),
    "credited": (
        lambda: QCoreApplication.translate("audit", "hours credited"),
        _f(_minutes_as_hours),
    ),
    "review": (lambda: QCoreApplication.translate("audit", "to review"), _f(_yes_no)),
    "reason": (lambda: QCoreApplication.translate("audit", "reason"), _text),
    "kind": (lambda: QCoreApplication.translate("audit", "kind"), _word(_SWAP_KINDS)),
    "state": (lambda: QCoreApplication.translate("audit", "state"), _swap_state),
    "given": (lambda: QCoreApplication.translate("audit", "duty given"), _f(_shift)),
    "taken": (lambda: QCoreApplication.translate("audit", "duty taken"), _f(_shift)),
    "notice_minutes": (lambda: QCoreApplication.translate("audit", "notice"), _f(_notice)),
    "outcome_reason": (lambda: QCoreApplication.translate("audit", "decision"), _text),
    "declined": (lambda: QCoreApplication.translate("audit", "colleague declined"), _f(_yes_no)),
    "superseded_by": (
        lambda: QCoreApplication.translate("audit", "replaced by swap no."),
        _text,
    ),
    "username": (lambda: QCoreApplication.translate("audit", "user name"), _account),
    "locked_until": (
        lambda: QCoreApplication.translate("audit", "locked until"),
        _f(_full_instant),
    ),
    "failures_today": (
        lambda: QCoreApplication.translate("audit", "wrong PINs today"),
        _count,
    ),
    "failed_attempts": (
        lambda: QCoreApplication.translate("audit", "wrong passwords in a row"),
        _text,
    ),
    "active": (lambda: QCoreApplication.translate("audit", "enabled"), _f(_yes_no)),
    "rows": (lambda: QCoreApplication.translate("audit", "rows"), _text),
    "include_personal": (
        lambda: QCoreApplication.translate("audit", "with personal data"),
        _f(_yes_no),
    ),
    "file": (lambda: QCoreApplication.translate("audit", "file"), _text),
    "added": (lambda: QCoreApplication.translate("audit", "added"), _count),
    "updated": (lambda: QCoreApplication.translate("audit", "updated"), _count),
    "skipped": (lambda: QCoreApplication.translate("audit", "skipped"), _count),
    "month": (lambda: QCoreApplication.translate("audit", "month"), _f(_month)),
    "personal": (lambda: QCoreApplication.translate("audit", "personal data"), _f(_personal)),
    "auto_closed": (lambda: QCoreApplication.translate("audit", "sign-outs closed"), _count),
    "absences": (lambda: QCoreApplication.translate("audit", "absences"), _text),
    "year": (lambda: QCoreApplication.translate("audit", "year"), _f(_roc_year)),
    "days": (lambda: QCoreApplication.translate("audit", "days"), _text),
    "off_days": (lambda: QCoreApplication.translate("audit", "days off"), _text),
    "replaced": (
        lambda: QCoreApplication.translate("audit", "replaced the earlier one"),
        _f(_yes_no),
    ),
    "removed": (lambda: QCoreApplication.translate("audit", "closures lifted"), _text),
    "label": (lambda: QCoreApplication.translate("audit", "note"), _text),
    "body": (lambda: QCoreApplication.translate("audit", "note"), _text),
    "source": (lambda: QCoreApplication.translate("audit", "source"), _word(_SOURCES)),
    "warnings": (lambda: QCoreApplication.translate("audit", "warnings"), _count),
    "title": (lambda: QCoreApplication.translate("audit", "course"), _text),
    "item": (lambda: QCoreApplication.translate("audit", "service item"), _text),
    "origin": (lambda: QCoreApplication.translate("audit", "served at"), _text),
    "recognition": (lambda: QCoreApplication.translate("audit", "recognition"), _text),
    "expires": (lambda: QCoreApplication.translate("audit", "valid until"), _f(_day)),
    "number": (lambda: QCoreApplication.translate("audit", "number"), _text),
    "issuer": (lambda: QCoreApplication.translate("audit", "given by"), _text),
    "hours": (lambda: QCoreApplication.translate("audit", "hours"), _text),
    "purged": (
        lambda: QCoreApplication.translate("audit", "personal data removed"),
        _f(_yes_no),
    ),
    "backups_holding": (
        lambda: QCoreApplication.translate("audit", "daily backups still holding the data"),
        _text,
    ),
    "backups_until": (
        lambda: QCoreApplication.translate("audit", "the last of them deleted on"),
        _f(_day),
    ),
    "backups_without_retention": (
        lambda: QCoreApplication.translate("audit", "backups kept until deleted by hand"),
        _text,
    ),
    "desk": (lambda: QCoreApplication.translate("audit", "desk"), _text),
    "settled": (lambda: QCoreApplication.translate("audit", "duties judged again"), _count),
    "cause": (lambda: QCoreApplication.translate("audit", "because of"), _action),
    "jump_seconds": (
        lambda: QCoreApplication.translate("audit", "clock jump (seconds)"),
        _text,
    ),
    "clock_jump_seconds": (
        lambda: QCoreApplication.translate("audit", "clock jump (seconds)"),
        _text,
    ),
    # A phone courtesy test (phone_test.record, phone_test.follow_up).
    "staff": (lambda: QCoreApplication.translate("audit", "staff member tested"), _text),
    "tested_at": (lambda: QCoreApplication.translate("audit", "tested at"), _f(_full_instant)),
    "tester": (lambda: QCoreApplication.translate("audit", "tester"), _text),
    "total": (lambda: QCoreApplication.translate("audit", "total score"), _text),
    "follow_up": (lambda: QCoreApplication.translate("audit", "follow-up"), _text),
    "follow_up_on": (lambda: QCoreApplication.translate("audit", "follow-up date"), _f(_day)),
    # The filters of an exported audit log (audit.export).
    "actor": (lambda: QCoreApplication.translate("audit", "who"), _actor),
    "action": (lambda: QCoreApplication.translate("audit", "what"), _action),
    # Settings (settings.update), by their stored key.
    "agency_name": (lambda: QCoreApplication.translate("audit", "agency name"), _setting),
    "desk_name": (lambda: QCoreApplication.translate("audit", "desk name"), _setting),
    "slots": (lambda: QCoreApplication.translate("audit", "duty times and staffing"), _setting),
    "swap_notice_days": (
        lambda: QCoreApplication.translate("audit", "swap notice (days)"),
        _setting,
    ),
    "signin_window_minutes": (
        lambda: QCoreApplication.translate("audit", "sign-in opens before the duty (minutes)"),
        _setting,
    ),
    "late_grace_minutes": (
        lambda: QCoreApplication.translate("audit", "late after (minutes)"),
        _setting,
    ),
    "early_leave_grace_minutes": (
        lambda: QCoreApplication.translate("audit", "early leave before (minutes)"),
        _setting,
    ),
    "autoclose_margin_minutes": (
        lambda: QCoreApplication.translate("audit", "forgotten sign-out closed after (minutes)"),
        _setting,
    ),
    "weekly_max_shifts": (
        lambda: QCoreApplication.translate("audit", "default most duties a week"),
        _setting,
    ),
    "kiosk_idle_seconds": (
        lambda: QCoreApplication.translate("audit", "desk screen back to start (seconds)"),
        _setting,
    ),
    "answer_seconds": (
        lambda: QCoreApplication.translate("audit", "answer to a scan shown (seconds)"),
        _setting,
    ),
    "server_timeout_seconds": (
        lambda: QCoreApplication.translate("audit", "shared server out of reach after (seconds)"),
        _setting,
    ),
    "sound_volume": (lambda: QCoreApplication.translate("audit", "desk sound volume"), _setting),
    "supervisor_idle_minutes": (
        lambda: QCoreApplication.translate("audit", "supervisor screen locks after (minutes)"),
        _setting,
    ),
    "language": (lambda: QCoreApplication.translate("audit", "language"), _setting),
    "makeup_saturday_is_duty": (
        lambda: QCoreApplication.translate("audit", "make-up Saturdays are duty days"),
        _setting,
    ),
    "duty_points": (lambda: QCoreApplication.translate("audit", "duty points"), _setting),
    "phone_script": (lambda: QCoreApplication.translate("audit", "phone script"), _setting),
    "repeat_scan_seconds": (
        lambda: QCoreApplication.translate("audit", "repeated scan ignored (seconds)"),
        _setting,
    ),
    "require_pin": (lambda: QCoreApplication.translate("audit", "PIN required"), _setting),
    "retention_days": (lambda: QCoreApplication.translate("audit", "kept for (days)"), _setting),
    "phone_test_threshold": (
        lambda: QCoreApplication.translate("audit", "phone test follow-up under (points)"),
        _setting,
    ),
    "phone_test_show_score": (
        lambda: QCoreApplication.translate("audit", "phone test score on the desk screen"),
        _setting,
    ),
    "national_service_category": (
        lambda: QCoreApplication.translate("audit", "service category"),
        _setting,
    ),
    "national_service_item": (
        lambda: QCoreApplication.translate("audit", "service item of a desk duty"),
        _setting,
    ),
    "national_hours_step_minutes": (
        lambda: QCoreApplication.translate("audit", "service hours recorded in steps of (minutes)"),
        _setting,
    ),
    "national_template_mapping": (
        lambda: QCoreApplication.translate("audit", "national system template columns"),
        _setting,
    ),
    **_NOTICE_SETTINGS,
}
# A field whose meaning depends on what was changed: (entity, field)
OVERRIDES: dict[tuple[str, str], tuple[Callable[[], str], Format]] = {
    ("volunteer", "status"): (FIELDS["status"][0], _f(lambda v: volunteer_status(str(v)))),
    ("volunteer", "kind"): (FIELDS["kind"][0], _word(_TRAINING)),
    ("calendar", "kind"): (FIELDS["kind"][0], _word(_DAY_KINDS)),
    ("site", "name"): (lambda: QCoreApplication.translate("audit", "agency name"), _text),
    ("volunteer", "source"): (
        lambda: QCoreApplication.translate("audit", "details came from"),
        _word(_SOURCES),
    ),
}


def field_text(entity: str, key: str, value: object, names: Names) -> tuple[str, str]:
    """(label, value) of one field of an entry about `entity`; an unknown field by its key."""
    label, write = OVERRIDES.get((entity, key)) or FIELDS.get(key) or (lambda: key, _text)
    return label(), write(value, names)
