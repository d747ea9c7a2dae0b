"""Findings, errors and scan outcomes in words: one translatable sentence each.

Shared by the CLI, the kiosk and the supervisor screens, so it depends on QtCore only.
Source strings are English; the translation context is "messages". Placeholders are
``{name}`` fields filled with str.format after translation, so translators may move them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from frontdesk.core import accounts
from frontdesk.core.findings import Code, Finding
from frontdesk.core.timeutil import local

Names = Mapping[int, str]

# --- small pieces --------------------------------------------------------------------


def slot_name(code: object) -> str:
    """AM/PM in words; any other slot code as it is."""
    if code == "AM":
        return QCoreApplication.translate("messages", "morning (AM)")
    if code == "PM":
        return QCoreApplication.translate("messages", "afternoon (PM)")
    return str(code or "")


def day_text(value: object) -> str:
    """A date as YYYY-MM-DD; an aware instant as Taipei date and time."""
    if isinstance(value, datetime):
        return local(value).strftime("%Y-%m-%d %H:%M") if value.tzinfo else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value if value is not None else "")


def _who(facts: Mapping[str, Any], names: Names | None, key: str = "volunteer_id") -> str:
    vid = facts.get(key)
    if names is not None and isinstance(vid, int) and vid in names:
        return names[vid]
    if vid is None:
        return QCoreApplication.translate("messages", "the volunteer")
    return QCoreApplication.translate("messages", "volunteer #{id}").format(id=vid)


def _fmt(text: str, **values: object) -> str:
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
        "the {slot} duty of {day} starts in {notice_hours} hours, so please ask the supervisor.",
    ),
    Code.SHIFT_STARTED: lambda: QCoreApplication.translate(
        "messages", "The {slot} duty of {day} has already started."
    ),
    Code.SAME_VOLUNTEER: lambda: QCoreApplication.translate(
        "messages", "A volunteer cannot swap with themselves."
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
    return _fmt(
        template(),
        day=day_text(facts.get("day")),
        slot=slot_name(facts.get("slot")),
        label=f" ({label})" if label else "",
        who=_who(facts, names),
        count=facts.get("count"),
        maximum=facts.get("maximum"),
        minimum=facts.get("minimum"),
        weekly_count=facts.get("weekly_count"),
        weekly_max=facts.get("weekly_max"),
        required_days=facts.get("required_days"),
        notice_hours=facts.get("notice_hours"),
    )


def describe_findings(findings: Sequence[Finding], names: Names | None = None) -> str:
    return " ".join(describe_finding(f, names) for f in findings)


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
        "messages", "The basic training date must be a date such as 2025-03-01{value}."
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
    "restore_target": lambda: QCoreApplication.translate(
        "messages",
        "Restore works on a SQLite file; a PostgreSQL database is restored by its server "
        "admin with pg_restore.",
    ),
    "password_again": lambda: QCoreApplication.translate(
        "messages", "The two passwords differ; nothing was changed."
    ),
    "purge_yes": lambda: QCoreApplication.translate(
        "messages",
        "Deleting the personal data of {raw} cannot be undone; run again with --yes to confirm.",
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
    return _fmt(
        template(),
        value=_value_suffix(facts),
        raw=raw if raw is not None else "",
        min_password=accounts.MIN_PASSWORD,
    )


def _row_problem(row: object, field: str, reason: str, value: object = None) -> str:
    """'row 4: the phone ...' for one refused spreadsheet row."""
    facts = {"value": value}
    if reason in _ROW_REASONS:
        column = _COLUMN_NAMES.get(field, lambda: field)()
        text = _fmt(_ROW_REASONS[reason](), field=column, value=value)
    else:
        sentence = _field_sentence(field, facts)
        text = (sentence or reason).rstrip(".")
        if text.startswith(("The ", "There ", "A ")):
            text = text[:1].lower() + text[1:]
    return QCoreApplication.translate("messages", "row {row}: {problem}").format(
        row=row, problem=text
    )


def _invalid(exc: Exception, facts: Mapping[str, Any]) -> str:
    rows = facts.get("rows")
    if rows:
        parts = [_row_problem(*r) for r in rows[:10]]
        more = len(rows) - len(parts)
        text = "; ".join(parts)
        if more > 0:
            text += QCoreApplication.translate("messages", "; and {n} more").format(n=more)
        return QCoreApplication.translate(
            "messages", "Nothing was imported, {n} rows need fixing: {problems}."
        ).format(n=len(rows), problems=text)
    field = str(facts.get("field") or "")
    reason = str(facts.get("reason") or "")
    if field == "file" and reason in _FILE_REASONS:
        return _fmt(
            _FILE_REASONS[reason](),
            row=facts.get("row") or "?",
            path=facts.get("path"),
            column=facts.get("column"),
        )
    if field == "out" and reason == "no_folder":
        return QCoreApplication.translate(
            "messages", "The folder for {raw} does not exist; create it or choose another folder."
        ).format(raw=facts.get("value", ""))
    if field == "out" and reason == "is_folder":
        return QCoreApplication.translate(
            "messages", "{raw} is a folder; give the name of the file to write."
        ).format(raw=facts.get("value", ""))
    if reason == "unknown_key":
        return QCoreApplication.translate(
            "messages", "There is no setting named {key}; the settings are: {known}."
        ).format(key=field, known=facts.get("known", ""))
    sentence = _field_sentence(field, facts)
    if sentence is not None:
        return sentence
    if field:  # a setting or another named value
        return QCoreApplication.translate(
            "messages", "The value of {field} is not valid: {why}."
        ).format(field=field, why=reason or str(exc))
    return QCoreApplication.translate("messages", "The input is not valid: {why}.").format(
        why=str(exc)
    )


# --- not found, conflict, not allowed ------------------------------------------------

_NOT_FOUND: dict[str, Callable[[], str]] = {
    "volunteer": lambda: QCoreApplication.translate(
        "messages", "There is no volunteer with the code {code}."
    ),
    "site": lambda: QCoreApplication.translate(
        "messages", "This database has no agency yet; run `frontdesk init --agency NAME` first."
    ),
    "supervisor": lambda: QCoreApplication.translate(
        "messages", "There is no supervisor account with that user name."
    ),
    "swap_request": lambda: QCoreApplication.translate(
        "messages", "There is no swap request number {id}."
    ),
    "pattern": lambda: QCoreApplication.translate(
        "messages", "There is no weekly pattern number {id}."
    ),
    "attendance": lambda: QCoreApplication.translate(
        "messages", "There is no attendance record number {id}."
    ),
    "file": lambda: QCoreApplication.translate("messages", "The file {path} does not exist."),
    "database": lambda: QCoreApplication.translate(
        "messages", "There is no database at {path}; run `frontdesk init --agency NAME` first."
    ),
}


def _not_found(exc: Exception, facts: Mapping[str, Any]) -> str:
    what = str(facts.get("what") or "")
    template = _NOT_FOUND.get(what)
    if template is None:
        return QCoreApplication.translate("messages", "Not found: {what}.").format(
            what=what or str(exc)
        )
    if what == "volunteer" and not facts.get("code"):
        return QCoreApplication.translate("messages", "There is no volunteer number {id}.").format(
            id=facts.get("id")
        )
    return _fmt(template(), code=facts.get("code"), id=facts.get("id"), path=facts.get("path"))


def _conflict(exc: Exception, facts: Mapping[str, Any]) -> str:
    if facts.get("field") == "code":
        return QCoreApplication.translate(
            "messages", "The volunteer code {code} is already used."
        ).format(code=facts.get("value"))
    if facts.get("field") == "username":
        return QCoreApplication.translate("messages", "That user name is already taken.")
    if "state" in facts:
        return QCoreApplication.translate(
            "messages", "Swap request {id} was already decided ({state})."
        ).format(id=facts.get("request_id"), state=facts.get("state"))
    if "request_id" in facts:
        text = str(exc)
        if "already an open request" in text:
            return QCoreApplication.translate(
                "messages", "There is already an open swap request for this duty."
            )
        if "withdraw" in text:
            return QCoreApplication.translate(
                "messages", "Only the volunteer who asked can withdraw the request."
            )
        return QCoreApplication.translate(
            "messages", "This swap request is addressed to another volunteer."
        )
    return QCoreApplication.translate(
        "messages", "The data changed in the meantime; please look again and retry."
    )


def _not_allowed(exc: Exception, facts: Mapping[str, Any]) -> str:
    reason = facts.get("reason")
    if reason == "locked":
        until = facts.get("until")
        return QCoreApplication.translate(
            "messages", "The account is locked after too many wrong passwords, until {until}."
        ).format(until=day_text(until) if until else "?")
    if reason == "bad_credentials":
        return QCoreApplication.translate("messages", "Wrong user name or password.")
    if reason == "purged":
        return QCoreApplication.translate(
            "messages", "The personal data of {code} was deleted; the record cannot be changed."
        ).format(code=facts.get("code"))
    if reason == "purge_active":
        return QCoreApplication.translate(
            "messages",
            "{code} is still a volunteer; personal data is deleted only after deactivation "
            "and the retention period.",
        ).format(code=facts.get("code"))
    if reason == "retention":
        return QCoreApplication.translate(
            "messages",
            "The personal data of {code} is kept for {days} days after leaving; "
            "it can be deleted from {day}.",
        ).format(
            code=facts.get("code"),
            days=facts.get("retention_days"),
            day=day_text(facts.get("possible_on")),
        )
    return QCoreApplication.translate("messages", "This is not allowed: {why}.").format(
        why=str(exc)
    )


# --- storage errors -------------------------------------------------------------------

_STORE: dict[str, Callable[[], str]] = {
    "network_share": lambda: QCoreApplication.translate(
        "messages",
        "{path} is on a network share; keep the SQLite file on this PC's disk, "
        "or use a PostgreSQL server for several PCs.",
    ),
    "database_too_new": lambda: QCoreApplication.translate(
        "messages",
        "This database was written by a newer version of frontdesk (schema {found}); "
        "install that version or newer to open it.",
    ),
    "database_unreachable": lambda: QCoreApplication.translate(
        "messages", "Cannot open the database {url}; check the address and that it is reachable."
    ),
    "database_damaged": lambda: QCoreApplication.translate(
        "messages", "The database file {path} is damaged; restore it from a backup."
    ),
    "data_folder": lambda: QCoreApplication.translate(
        "messages", "The data folder {path} cannot be used; check that it exists and is writable."
    ),
}


def _store(exc: Exception, code: str, facts: Mapping[str, Any]) -> str:
    if code == "database_damaged" and "backup" in facts:
        return _damaged_at_start(facts)
    template = _STORE.get(code)
    if template is not None:
        return _fmt(
            template(),
            path=facts.get("path", ""),
            found=facts.get("found", ""),
            url=facts.get("url", ""),
        )
    text = str(exc)
    if "pg_dump" in text:
        return QCoreApplication.translate(
            "messages",
            "A PostgreSQL database is backed up on its server with pg_dump, not by frontdesk.",
        )
    return QCoreApplication.translate("messages", "Database problem: {why}.").format(why=text)


def _damaged_at_start(facts: Mapping[str, Any]) -> str:
    """The start-up quick check failed: name the newest good backup and the command."""
    backup = str(facts.get("backup") or "")
    if backup:
        return QCoreApplication.translate(
            "messages",
            "The database file {path} is damaged ({problem}) and was not opened; "
            'the newest good backup is {backup}: restore it with `frontdesk restore "{backup}" '
            "--yes` (the damaged file is kept aside).",
        ).format(path=facts.get("path", ""), problem=facts.get("problem", ""), backup=backup)
    return QCoreApplication.translate(
        "messages",
        "The database file {path} is damaged ({problem}) and was not opened, and no sound "
        "backup was found; keep the file as it is and ask for help.",
    ).format(path=facts.get("path", ""), problem=facts.get("problem", ""))


# --- the entry point ------------------------------------------------------------------


def describe_error(exc: BaseException, names: Names | None = None) -> str:
    """One sentence for any error a person can cause (service, store, file or OS error)."""
    # imported here so this module stays cheap to import for the kiosk's first paint
    from frontdesk.services import errors as se
    from frontdesk.store.errors import StoreError

    facts: Mapping[str, Any] = getattr(exc, "facts", {}) or {}
    if isinstance(exc, se.RuleViolation | se.NeedsConfirmation):
        return describe_findings(exc.findings, names)
    if isinstance(exc, se.InvalidInput):
        return _invalid(exc, facts)
    if isinstance(exc, se.NotFound):
        return _not_found(exc, facts)
    if isinstance(exc, se.Conflict):
        return _conflict(exc, facts)
    if isinstance(exc, se.NotAllowed):
        return _not_allowed(exc, facts)
    if isinstance(exc, se.ServiceError) and exc.code == "export_failed":
        return QCoreApplication.translate(
            "messages",
            "The workbook {path} could not be written ({why}); close it if it is open in "
            "Excel and check that the folder may be written.",
        ).format(path=facts.get("path", ""), why=facts.get("reason", "") or str(exc))
    if isinstance(exc, se.ServiceError):
        return QCoreApplication.translate("messages", "This cannot be done: {why}.").format(
            why=str(exc)
        )
    if isinstance(exc, StoreError):
        return _store(exc, exc.code, facts)
    if isinstance(exc, FileNotFoundError):
        return QCoreApplication.translate("messages", "The file {path} does not exist.").format(
            path=exc.filename or ""
        )
    if isinstance(exc, IsADirectoryError):
        return QCoreApplication.translate("messages", "{path} is a folder, not a file.").format(
            path=exc.filename or ""
        )
    if isinstance(exc, PermissionError):
        return QCoreApplication.translate(
            "messages", "No permission to use {path}; check who may read and write it."
        ).format(path=exc.filename or "")
    if isinstance(exc, OSError):
        return QCoreApplication.translate("messages", "Cannot use {path}: {why}.").format(
            path=exc.filename or "", why=exc.strerror or str(exc)
        )
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        orig = str(exc.orig or exc).strip().splitlines()
        return QCoreApplication.translate(
            "messages", "The database refused the request ({why}); please try again."
        ).format(why=orig[0] if orig else type(exc).__name__)
    if isinstance(exc, sqlite3.DatabaseError):
        return QCoreApplication.translate(
            "messages", "The database file is damaged or not a frontdesk database: {why}."
        ).format(why=str(exc))
    return QCoreApplication.translate("messages", "Unexpected problem: {why}.").format(
        why=str(exc) or type(exc).__name__
    )


# --- scans at the desk -----------------------------------------------------------------


def describe_scan(result: Any) -> str:
    """One sentence for a ScanResult (frontdesk.services.attendance) at the kiosk."""
    from frontdesk.core.attendance import AttendanceStatus
    from frontdesk.services.attendance import ScanOutcome

    outcome = result.outcome
    name = result.name or result.code
    slot = slot_name(result.slot.code) if result.slot is not None else ""
    at = local(result.at).strftime("%H:%M")
    if outcome is ScanOutcome.SIGNED_IN:
        if result.status is AttendanceStatus.WALK_IN:
            return QCoreApplication.translate(
                "messages",
                "{name} signed in at {time} for the {slot} duty, not on today's roster; "
                "the supervisor will review it.",
            ).format(name=name, time=at, slot=slot)
        if result.late_minutes:
            return QCoreApplication.translate(
                "messages", "{name} signed in at {time} for the {slot} duty, {late} minutes late."
            ).format(name=name, time=at, slot=slot, late=result.late_minutes)
        return QCoreApplication.translate(
            "messages", "{name} signed in at {time} for the {slot} duty. Thank you!"
        ).format(name=name, time=at, slot=slot)
    if outcome is ScanOutcome.SIGNED_OUT:
        hours = f"{result.credited_minutes / 60:.1f}"
        if result.early_leave_minutes:
            return QCoreApplication.translate(
                "messages",
                "{name} signed out at {time}, {early} minutes before the end; {hours} hours served.",
            ).format(name=name, time=at, early=result.early_leave_minutes, hours=hours)
        return QCoreApplication.translate(
            "messages", "{name} signed out at {time}; {hours} hours served. Thank you!"
        ).format(name=name, time=at, hours=hours)
    if outcome is ScanOutcome.REPEAT:
        previous = local(result.previous_at).strftime("%H:%M") if result.previous_at else at
        return QCoreApplication.translate(
            "messages", "{name}, this was already recorded at {time}."
        ).format(name=name, time=previous)
    if outcome is ScanOutcome.TOO_EARLY:
        opens = local(result.opens_at).strftime("%H:%M") if result.opens_at else ""
        return QCoreApplication.translate(
            "messages", "{name}, signing in for the {slot} duty opens at {time}."
        ).format(name=name, slot=slot, time=opens)
    if outcome is ScanOutcome.NO_MORE_SLOTS:
        return QCoreApplication.translate(
            "messages", "{name}, there is no more duty today."
        ).format(name=name)
    if outcome is ScanOutcome.NOT_DUTY_DAY:
        return QCoreApplication.translate(
            "messages", "{name}, today is not a duty day at the desk."
        ).format(name=name)
    if outcome is ScanOutcome.UNKNOWN_CARD:
        return QCoreApplication.translate(
            "messages", "The code {code} is not known; please ask the desk staff."
        ).format(code=result.code)
    if outcome is ScanOutcome.INACTIVE:
        return QCoreApplication.translate(
            "messages", "{name} is not an active volunteer; please ask the supervisor."
        ).format(name=name)
    if outcome is ScanOutcome.CONFIRM_WALK_IN:
        return QCoreApplication.translate(
            "messages",
            "{name} is not on today's roster for the {slot} duty; sign in anyway as a walk-in?",
        ).format(name=name, slot=slot)
    return str(outcome)


def describe_auto_closed(day: date, slot: str) -> str:
    """Told to a volunteer at the next scan: a forgotten sign-out was closed by the system."""
    return QCoreApplication.translate(
        "messages",
        "Your {slot} duty of {day} had no sign-out; it was closed automatically "
        "and the supervisor will check it.",
    ).format(slot=slot_name(slot), day=day.isoformat())
