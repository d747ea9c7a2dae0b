"""Invalid input in words: by the field that was wrong, the file that could not be read,
or the spreadsheet rows that were refused (translation context "messages")."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import time
from typing import Any

from PySide6.QtCore import QCoreApplication

from frontdesk.core import accounts
from frontdesk.core.pins import PIN_DIGITS
from frontdesk.words.findings import fill
from frontdesk.words.labels import clock_span
from frontdesk.words.sentences import sentences

# --- invalid input, by the field that was wrong --------------------------------------

_FIELDS: dict[str, Callable[[], str]] = {
    "code": lambda: QCoreApplication.translate(
        "messages", "The volunteer code must be 1 to 32 letters, digits or dashes{value}."
    ),
    "name": lambda: QCoreApplication.translate("messages", "The name must be 1 to 60 characters."),
    "phone": lambda: QCoreApplication.translate(
        "messages", "The phone number may hold only digits, spaces, dashes and a leading +{value}."
    ),
    "status": lambda: QCoreApplication.translate(
        "messages", "The status must be trainee (見習), active (在職) or inactive (停用){value}."
    ),
    "weekly_max": lambda: QCoreApplication.translate(
        "messages", "The weekly maximum must be a whole number from 1 to 14{value}."
    ),
    "trainings": lambda: QCoreApplication.translate(
        "messages", "The training needs a date and 0 to 500 hours{value}."
    ),
    "training_date": lambda: QCoreApplication.translate(
        "messages", "The basic training date must be a date such as 114/03/01{value}."
    ),
    "training_hours": lambda: QCoreApplication.translate(
        "messages", "The basic training hours must be a number from 0 to 500{value}."
    ),
    "reason": lambda: QCoreApplication.translate("messages", "Please give a reason."),
    "in_at": lambda: QCoreApplication.translate(
        "messages", "The sign-in time is missing or not on that day."
    ),
    "out_at": lambda: QCoreApplication.translate(
        "messages", "The sign-out time must be after the sign-in time, on the same day."
    ),
    "username": lambda: QCoreApplication.translate(
        "messages", "The user name must be 1 to 60 characters."
    ),
    "password": lambda: QCoreApplication.translate(
        "messages", "The password needs at least {min_password} characters."
    ),
    "agency_name": lambda: QCoreApplication.translate(
        "messages", "The agency name must be 1 to 60 characters."
    ),
    "colleague": lambda: QCoreApplication.translate(
        "messages", "Please choose who covers the duty."
    ),
    "kind": lambda: QCoreApplication.translate(
        "messages", "That kind of swap cannot be asked this way."
    ),
    "slot": lambda: QCoreApplication.translate(
        "messages", "There is no duty slot called {raw}; use AM or PM."
    ),
    "weekday": lambda: QCoreApplication.translate(
        "messages", "The weekday must be 0 (Monday) to 6 (Sunday)."
    ),
    "valid_to": lambda: QCoreApplication.translate(
        "messages", "A weekly pattern cannot end before it starts."
    ),
    "month": lambda: QCoreApplication.translate(
        "messages", "{raw} is not a month; write it as YYYY-MM, e.g. 2025-02."
    ),
    "date": lambda: QCoreApplication.translate(
        "messages", "{raw} is not a date; write it as YYYY-MM-DD, e.g. 2025-02-08."
    ),
    "time": lambda: QCoreApplication.translate(
        "messages", "{raw} is not a time; write it as HH:MM, e.g. 08:30."
    ),
    "seed": lambda: QCoreApplication.translate("messages", "The seed must be a whole number."),
    "database": lambda: QCoreApplication.translate(
        "messages",
        "The database already holds data; build the demo into a new file (--db demo.sqlite3).",
    ),
    "out": lambda: QCoreApplication.translate(
        "messages", "{raw} already exists; choose another file name."
    ),
    "template": lambda: QCoreApplication.translate(
        "messages", "The template must be an Excel workbook with a header row at the top{value}."
    ),
    "template_header": lambda: QCoreApplication.translate(
        "messages", "The template's header has changed; please match its columns again."
    ),
    "service_hours": lambda: QCoreApplication.translate(
        "messages", "The hours must be more than 0 and at most 24 for one day{value}."
    ),
    "origin": lambda: QCoreApplication.translate(
        "messages", "Please say where the prior hours were served (at most 120 characters)."
    ),
    "recognition": lambda: QCoreApplication.translate(
        "messages", "Please choose the certificate, the honor card or an award{value}."
    ),
    "number": lambda: QCoreApplication.translate(
        "messages", "The number must be 1 to 40 characters."
    ),
    "issuer": lambda: QCoreApplication.translate(
        "messages", "Who gave the training may be at most 120 characters."
    ),
    "item": lambda: QCoreApplication.translate(
        "messages", "The service item may be at most 120 characters."
    ),
    "date_range": lambda: QCoreApplication.translate(
        "messages", "The last day is before the first day; choose the days again."
    ),
    "audit_action": lambda: QCoreApplication.translate(
        "messages",
        "{raw} is not an action of the audit log; write it as the log does, e.g. "
        "settings.update or attendance.correct.",
    ),
    "restore_target": lambda: QCoreApplication.translate(
        "messages",
        "Restore works on a SQLite file; a PostgreSQL database is restored by its server "
        "admin with pg_restore.",
    ),
    "pin": lambda: QCoreApplication.translate(
        "messages", "A PIN is exactly {digits} digits."
    ).format(digits=PIN_DIGITS),
    "email": lambda: QCoreApplication.translate(
        "messages", "Please give an e-mail address such as name@example.com."
    ),
    "smtp_host": lambda: QCoreApplication.translate(
        "messages", "Set the mail server (smtp_host) in the settings first."
    ),
    "reminder_days_before": lambda: QCoreApplication.translate(
        "messages",
        "Reminder, days before a duty: a whole number from 0 to 14 (2 when left empty).",
    ),
    "smtp_port": lambda: QCoreApplication.translate(
        "messages", "The mail server's port is a number from 1 to 65535."
    ),
    "smtp_security": lambda: QCoreApplication.translate(
        "messages",
        "The mail server's encryption is STARTTLS, SSL/TLS or no encryption.",
    ),
    "pin_missing": lambda: QCoreApplication.translate(
        "messages",
        "No PIN was given: with --pin-stdin put it on the first line of standard input, "
        "or run the command in a terminal to type it.",
    ),
    "pin_again": lambda: QCoreApplication.translate(
        "messages", "The two PINs are not the same; nothing was changed."
    ),
    "password_missing": lambda: QCoreApplication.translate(
        "messages",
        "No password was given: with --password-stdin put it on the first line of standard "
        "input, or run the command in a terminal to type it (at least {min_password} "
        "characters).",
    ),
    "times": lambda: QCoreApplication.translate(
        "messages",
        "Neither time was changed, so there is nothing to correct. Tick and set the time that "
        "is wrong, or accept the record as it is.",
    ),
    "hand_time_future": lambda: QCoreApplication.translate(
        "messages",
        "A time entered by hand cannot be later than now ({now}): only a sign-in or "
        "sign-out that happened is recorded. Check the times, or enter it after the duty.",
    ),
    "hand_time_outside": lambda: QCoreApplication.translate(
        "messages",
        "The times do not fit this duty ({hours}): a sign-in or sign-out entered by hand must "
        "lie between {bounds}. Check the slot and the times (1330 is 13:30).",
    ),
    "login_password": lambda: QCoreApplication.translate("messages", "Please enter the password."),
    "password_again": lambda: QCoreApplication.translate(
        "messages", "The two passwords differ; nothing was changed."
    ),
    "purge_yes": lambda: QCoreApplication.translate(
        "messages",
        "Deleting the personal data of {raw} cannot be undone; run again with --yes to confirm.",
    ),
    "anchor": lambda: QCoreApplication.translate(
        "messages",
        "{raw} is not an audit anchor; copy it as COUNT:HASH, the number of entries, a colon "
        "and the 64 letters and digits of the hash.",
    ),
    "year": lambda: QCoreApplication.translate(
        "messages", "{raw} is not a year; write the ROC year, e.g. 115, or 2026."
    ),
    "tested_person": lambda: QCoreApplication.translate(
        "messages", "Choose the volunteer tested, or type the staff member's name."
    ),
    "yes": lambda: QCoreApplication.translate(
        "messages",
        "Restoring replaces the whole database; run again with --yes to confirm.",
    ),
}

_FILE_REASONS: dict[str, Callable[[], str]] = {
    "empty": lambda: QCoreApplication.translate("messages", "The calendar file is empty."),
    "bad_encoding": lambda: QCoreApplication.translate(
        "messages", "The calendar file is not UTF-8 or Big5 text (line {row})."
    ),
    "bad_header": lambda: QCoreApplication.translate(
        "messages",
        "The calendar file does not start with the columns 西元日期,星期,是否放假,備註 (line {row}).",
    ),
    "bad_row": lambda: QCoreApplication.translate(
        "messages", "Line {row} of the calendar file has too few columns."
    ),
    "bad_date": lambda: QCoreApplication.translate(
        "messages", "Line {row} of the calendar file has a date that is not YYYYMMDD."
    ),
    "weekday_mismatch": lambda: QCoreApplication.translate(
        "messages", "Line {row} of the calendar file names the wrong weekday for its date."
    ),
    "bad_flag": lambda: QCoreApplication.translate(
        "messages", "Line {row} of the calendar file has 是否放假 other than 0 or 2."
    ),
    "duplicate_date": lambda: QCoreApplication.translate(
        "messages", "Line {row} of the calendar file repeats a date."
    ),
    "mixed_years": lambda: QCoreApplication.translate(
        "messages", "The calendar file mixes two years (line {row}); import one year per file."
    ),
    "incomplete_year": lambda: QCoreApplication.translate(
        "messages", "The calendar file does not cover the whole year."
    ),
    "not_xlsx": lambda: QCoreApplication.translate(
        "messages", "{path} is not an Excel workbook (.xlsx)."
    ),
    "no_header": lambda: QCoreApplication.translate(
        "messages",
        "{path} has no header row with the columns 編號 and 姓名; start from the template.",
    ),
    "no_rows": lambda: QCoreApplication.translate("messages", "{path} has no volunteer rows."),
    "not_database": lambda: QCoreApplication.translate(
        "messages", "{path} is not a sound frontdesk database backup."
    ),
    "not_csv": lambda: QCoreApplication.translate("messages", "{path} cannot be read as text."),
    "empty_file": lambda: QCoreApplication.translate("messages", "{path} is empty."),
    "too_big": lambda: QCoreApplication.translate(
        "messages",
        "{path} is {size} MB, more than such a file can be ({limit} MB); nothing was read.",
    ),
    "too_big_unpacked": lambda: QCoreApplication.translate(
        "messages",
        "{path} would unpack to {size} MB, more than a workbook to import can be ({limit} MB); "
        "nothing was read.",
    ),
    "packed_too_tightly": lambda: QCoreApplication.translate(
        "messages",
        "{path} is packed {ratio} to 1, far tighter than a real workbook (at most {limit} to 1); "
        "nothing was read.",
    ),
    "too_many_rows": lambda: QCoreApplication.translate(
        "messages", "{path} has more than {limit} rows; split it into smaller files."
    ),
    "national_id": lambda: QCoreApplication.translate(
        "messages",
        "{path} has a column {column} for national ID numbers; frontdesk does not keep them. "
        "Delete that column and import again.",
    ),
}

# Reasons a spreadsheet row may be refused, besides the field rules above.
_ROW_REASONS: dict[str, Callable[[], str]] = {
    "duplicate": lambda: QCoreApplication.translate(
        "messages", "the code appears more than once in the file"
    ),
    "required": lambda: QCoreApplication.translate("messages", "the {field} column is empty"),
    "formula": lambda: QCoreApplication.translate(
        "messages", "the {field} cell holds a formula; type the value itself"
    ),
    "masked": lambda: QCoreApplication.translate(
        "messages", "the phone number is masked (***); type the full number or leave it empty"
    ),
    "purged": lambda: QCoreApplication.translate(
        "messages", "this volunteer's personal data was deleted; the code cannot be reused"
    ),
}

_COLUMN_NAMES: dict[str, Callable[[], str]] = {
    "code": lambda: QCoreApplication.translate("messages", "code (編號)"),
    "name": lambda: QCoreApplication.translate("messages", "name (姓名)"),
    "phone": lambda: QCoreApplication.translate("messages", "phone (電話)"),
    "languages": lambda: QCoreApplication.translate("messages", "languages (語言)"),
    "status": lambda: QCoreApplication.translate("messages", "status (狀態)"),
    "weekly_max": lambda: QCoreApplication.translate("messages", "weekly maximum (每週上限)"),
    "training_date": lambda: QCoreApplication.translate(
        "messages", "basic training date (基礎訓練日期)"
    ),
    "training_hours": lambda: QCoreApplication.translate(
        "messages", "basic training hours (基礎訓練時數)"
    ),
    "trainings": lambda: QCoreApplication.translate("messages", "basic training"),
    "notes": lambda: QCoreApplication.translate("messages", "notes (備註)"),
}


# Free-text fields (core.text rules) by the field name a refusal carries.
_TEXT_FIELDS: dict[str, Callable[[], str]] = {
    "name": lambda: QCoreApplication.translate("messages", "name"),
    "languages": lambda: QCoreApplication.translate("messages", "languages"),
    "notes": lambda: QCoreApplication.translate("messages", "notes"),
    "trainings": lambda: QCoreApplication.translate("messages", "training title"),
    "body": lambda: QCoreApplication.translate("messages", "handover note"),
    "reason": lambda: QCoreApplication.translate("messages", "reason"),
    "label": lambda: QCoreApplication.translate("messages", "label"),
    "username": lambda: QCoreApplication.translate("messages", "user name"),
    "display_name": lambda: QCoreApplication.translate("messages", "display name"),
    "agency_name": lambda: QCoreApplication.translate("messages", "agency name"),
    "desk_name": lambda: QCoreApplication.translate("messages", "desk name"),
    "follow_up": lambda: QCoreApplication.translate("messages", "follow-up"),
}


def _text_refusal(field: str, reason: str, facts: Mapping[str, Any]) -> str | None:
    """A free text refused by its rule: too long, or nothing visible left."""
    label = _TEXT_FIELDS.get(field)
    what = label() if label is not None else field
    if reason == "too_long":
        return QCoreApplication.translate(
            "messages", "The {what} is longer than {max} characters; please shorten it."
        ).format(what=what, max=facts.get("max", "?"))
    if reason == "empty":
        return _field_sentence(field, facts) or QCoreApplication.translate(
            "messages", "The {what} cannot be empty."
        ).format(what=what)
    return None


def _value_suffix(facts: Mapping[str, Any]) -> str:
    value = facts.get("value")
    if value is None or value == "":
        return ""
    return QCoreApplication.translate("messages", " (got {value})").format(value=value)


def _field_sentence(field: str, facts: Mapping[str, Any]) -> str | None:
    template = _FIELDS.get(field)
    if template is None:
        return None
    raw = facts.get("value")
    return fill(
        template(),
        value=_value_suffix(facts),
        raw=raw if raw is not None else "",
        min_password=accounts.MIN_PASSWORD,
        **_clock_facts(facts),
    )


def _clock_facts(facts: Mapping[str, Any]) -> dict[str, str]:
    """The times of a refused hand entry in words: now 14:05, hours 13:30–16:30, bounds."""
    out = {"now": "", "hours": "", "bounds": ""}
    if isinstance(facts.get("now"), time):
        out["now"] = f"{facts['now']:%H:%M}"
    for key, fact in (("hours", "slot"), ("bounds", "bounds")):
        pair = facts.get(fact)
        if isinstance(pair, tuple) and len(pair) == 2:
            out[key] = clock_span(*pair)
    return out


def _row_problem(row: object, field: str, reason: str, value: object = None) -> str:
    """'row 4: the phone ...' for one refused spreadsheet row."""
    facts = {"value": value}
    if reason in _ROW_REASONS:
        column = _COLUMN_NAMES.get(field, lambda: field)()
        text = fill(_ROW_REASONS[reason](), field=column, value=value)
    else:
        sentence = _field_sentence(field, facts)
        text = (sentence or reason).rstrip(".")
        if text.startswith(("The ", "There ", "A ")):
            text = text[:1].lower() + text[1:]
    return QCoreApplication.translate("messages", "row {row}: {problem}").format(
        row=row, problem=text
    )


def describe_invalid(exc: Exception, facts: Mapping[str, Any]) -> str:
    """One sentence for an InvalidInput error from its facts (field, reason, rows …)."""
    rows = facts.get("rows")
    if rows:
        parts = [_row_problem(*r) for r in rows[:10]]
        more = len(rows) - len(parts)
        if more > 0:
            parts.append(
                QCoreApplication.translate("messages", "{n} more rows need fixing too.").format(
                    n=more
                )
            )
        head = QCoreApplication.translate("messages", "Nothing was imported, {n} rows need fixing:")
        return sentences(head.format(n=len(rows)), *parts)
    field = str(facts.get("field") or "")
    reason = str(facts.get("reason") or "")
    if field == "file" and reason in _FILE_REASONS:
        return fill(
            _FILE_REASONS[reason](),
            row=facts.get("row") or "?",
            path=facts.get("path"),
            column=facts.get("column"),
            size=facts.get("size"),
            limit=facts.get("limit"),
            ratio=facts.get("ratio"),
        )
    if field == "out" and reason == "no_folder":
        return QCoreApplication.translate(
            "messages", "The folder for {raw} does not exist; create it or choose another folder."
        ).format(raw=facts.get("value", ""))
    if field == "out" and reason == "exists" and facts.get("option"):
        return QCoreApplication.translate(
            "messages", "{raw} already exists and was left as it is; to replace it, add {option}."
        ).format(raw=facts.get("value", ""), option=facts.get("option"))
    if field == "out" and reason == "is_folder":
        return QCoreApplication.translate(
            "messages", "{raw} is a folder; give the name of the file to write."
        ).format(raw=facts.get("value", ""))
    if reason == "unknown_key":
        return QCoreApplication.translate(
            "messages", "There is no setting named {key}; the settings are: {known}."
        ).format(key=field, known=facts.get("known", ""))
    sentence = _text_refusal(field, reason, facts) or _field_sentence(field, facts)
    if sentence is not None:
        return sentence
    if field:  # a setting or another named value
        return QCoreApplication.translate(
            "messages", "The value of {field} is not valid: {why}."
        ).format(field=field, why=reason or str(exc))
    return QCoreApplication.translate("messages", "The input is not valid: {why}.").format(
        why=str(exc)
    )
