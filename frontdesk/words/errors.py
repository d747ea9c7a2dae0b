"""Errors in words (translation context "messages"): a person's error by its code and
facts, in one sentence they can act on; a bug as an apology, its traceback in the log.
Invalid input is worded in words.invalid, rule findings in words.findings."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from frontdesk.core import accounts
from frontdesk.core.disk import is_disk_full
from frontdesk.core.errors import FrontdeskError
from frontdesk.core.swaps import SwapState
from frontdesk.words import phone
from frontdesk.words.dates import day_text
from frontdesk.words.findings import Names, describe_findings, fill
from frontdesk.words.invalid import describe_invalid
from frontdesk.words.swaps import state_text

log = logging.getLogger(__name__)

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
    return fill(template(), code=facts.get("code"), id=facts.get("id"), path=facts.get("path"))


def _conflict(exc: Exception, facts: Mapping[str, Any]) -> str:
    if facts.get("field") == "code":
        return QCoreApplication.translate(
            "messages", "The volunteer code {code} is already used."
        ).format(code=facts.get("value"))
    if facts.get("field") == "username":
        return QCoreApplication.translate("messages", "That user name is already taken.")
    if "state" in facts:
        return _swap_decided(facts)
    reason = facts.get("reason")
    if reason == "open_request":
        return QCoreApplication.translate(
            "messages", "There is already an open swap request for this duty."
        )
    if reason == "not_asker":
        return QCoreApplication.translate(
            "messages", "Only the volunteer who asked can withdraw the request."
        )
    if reason == "not_addressed":
        return QCoreApplication.translate(
            "messages", "This swap request is addressed to another volunteer."
        )
    if reason == "changed_meanwhile" and facts.get("codes"):
        return QCoreApplication.translate(
            "messages",
            "Nothing was imported: someone changed volunteer {codes} while the sheet was "
            "being imported. The import can simply be run again.",
        ).format(codes=QCoreApplication.translate("messages", ", ").join(facts["codes"]))
    return QCoreApplication.translate(
        "messages", "The data changed in the meantime; please look again and retry."
    )


def _swap_decided(facts: Mapping[str, Any]) -> str:
    """A request that is no longer waiting: its state in words, and for one that another
    approved swap made impossible, which request took the duty."""
    if facts.get("superseded_by") is not None:
        return QCoreApplication.translate(
            "messages",
            "Swap request {id} can no longer be approved: request #{other} was approved first "
            "and took the duty.",
        ).format(id=facts.get("request_id"), other=facts.get("superseded_by"))
    state = str(facts.get("state"))
    known = state in {s.value for s in SwapState}
    return QCoreApplication.translate(
        "messages", "Swap request {id} was already decided ({state})."
    ).format(id=facts.get("request_id"), state=state_text(SwapState(state)) if known else state)


def _not_allowed(exc: Exception, facts: Mapping[str, Any]) -> str:
    reason = facts.get("reason")
    if reason == "locked":
        until = facts.get("until")
        return QCoreApplication.translate(
            "messages", "The account is locked after too many wrong passwords, until {until}."
        ).format(until=day_text(until) if until else "?")
    if reason == "bad_credentials":
        # The same words whether the name is unknown, the password wrong or the account
        # locked: a login must not tell which names exist, nor confirm a guessed password.
        return QCoreApplication.translate(
            "messages",
            "Wrong user name or password. After {n} wrong passwords in a row an account is "
            "locked for a while; another supervisor can unlock it on the accounts page.",
        ).format(n=accounts.MAX_ATTEMPTS)
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
    "database_busy": lambda: QCoreApplication.translate(
        "messages",
        "The database stayed busy with other work for {seconds} seconds, so nothing was "
        "saved; please try again in a moment.",
    ),
    "database_damaged": lambda: QCoreApplication.translate(
        "messages", "The database file {path} is damaged; restore it from a backup."
    ),
    "not_a_database": lambda: QCoreApplication.translate(
        "messages",
        "{path} is not a frontdesk database (it was left as it is); check the file named by "
        "--db or FRONTDESK_DB. The database's backup copies are in {backups}.",
    ),
    "data_folder": lambda: QCoreApplication.translate(
        "messages", "The data folder {path} cannot be used; check that it exists and is writable."
    ),
}


def _store(exc: Exception, code: str, facts: Mapping[str, Any]) -> str:
    if code == "database_damaged" and "backup" in facts:
        return _damaged_at_start(facts)
    if code == "disk_full":
        return _disk_full(facts.get("folder", ""))
    if code == "would_overwrite_data":
        return _would_overwrite(facts)
    if code == "desk_in_use":
        return QCoreApplication.translate(
            "messages",
            "The desk app ({role}) is running on {path}; close it on this PC first, then "
            "restore. Nothing was changed.",
        ).format(role=facts.get("role", ""), path=facts.get("path", ""))
    template = _STORE.get(code)
    if template is not None:
        return fill(
            template(),
            path=facts.get("path", ""),
            found=facts.get("found", ""),
            url=facts.get("url", ""),
            backups=facts.get("backups", ""),
            seconds=facts.get("seconds", ""),
        )
    if facts.get("reason") == "pg_dump":
        return QCoreApplication.translate(
            "messages",
            "A PostgreSQL database is backed up on its server with pg_dump, not by frontdesk.",
        )
    return QCoreApplication.translate("messages", "Database problem: {why}.").format(why=str(exc))


def _disk_full(folder: object) -> str:
    if not folder:
        return QCoreApplication.translate(
            "messages",
            "The disk holding the database is full; free some space and try again. "
            "The database itself is not damaged.",
        )
    return QCoreApplication.translate(
        "messages",
        "The disk holding {folder} is full; free some space there (or move old files away) "
        "and try again. The database itself is not damaged.",
    ).format(folder=folder)


def _would_overwrite(facts: Mapping[str, Any]) -> str:
    what = facts.get("what")
    if what == "self_restore":
        return QCoreApplication.translate(
            "messages",
            "{path} is the database itself; name a backup file to restore from. "
            "Nothing was changed.",
        ).format(path=facts.get("path", ""))
    if what == "backups":
        return QCoreApplication.translate(
            "messages",
            "{path} is in the desk's backups folder; choose a file elsewhere. Nothing was written.",
        ).format(path=facts.get("path", ""))
    return QCoreApplication.translate(
        "messages",
        "{path} is the desk's own database file; choose another file name. Nothing was written.",
    ).format(path=facts.get("path", ""))


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

_Describe = Callable[[FrontdeskError, Mapping[str, Any], Names | None], str]


def _findings(exc: FrontdeskError, facts: Mapping[str, Any], names: Names | None) -> str:
    return describe_findings(facts.get("findings") or (), names)


def _export_failed(exc: FrontdeskError, facts: Mapping[str, Any], names: Names | None) -> str:
    return QCoreApplication.translate(
        "messages",
        "The workbook {path} could not be written ({why}); close it if it is open in "
        "Excel and check that the folder may be written.",
    ).format(path=facts.get("path", ""), why=facts.get("reason", "") or str(exc))


def _cannot(exc: FrontdeskError, facts: Mapping[str, Any], names: Names | None) -> str:
    return QCoreApplication.translate("messages", "This cannot be done: {why}.").format(
        why=str(exc)
    )


def _stored(exc: FrontdeskError, facts: Mapping[str, Any], names: Names | None) -> str:
    return _store(exc, exc.code, facts)


# One entry per error code; a code without its own entry is worded by its parent's.
_BY_CODE: dict[str, _Describe] = {
    "rule_violation": _findings,
    "needs_confirmation": _findings,
    "phone_score": lambda exc, facts, names: phone.score_refused(facts),
    "invalid_input": lambda exc, facts, names: describe_invalid(exc, facts),
    "not_found": lambda exc, facts, names: _not_found(exc, facts),
    "conflict": lambda exc, facts, names: _conflict(exc, facts),
    "not_allowed": lambda exc, facts, names: _not_allowed(exc, facts),
    "export_failed": _export_failed,
    "service_error": _cannot,
    "store_error": _stored,
    "error": _cannot,
}


def _environment(exc: BaseException) -> str | None:
    """Files, folders and the database driver: caused around frontdesk, not inside it."""
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
    if is_disk_full(exc):
        return _disk_full(_folder_of(getattr(exc, "filename", None)))
    if isinstance(exc, OSError):
        return QCoreApplication.translate("messages", "Cannot use {path}: {why}.").format(
            path=exc.filename or "", why=exc.strerror or str(exc)
        )
    from sqlalchemy.exc import DBAPIError  # here: the kiosk's first paint imports this module

    if isinstance(exc, DBAPIError) and _sqlite_file_problem(exc.orig):
        return QCoreApplication.translate(
            "messages", "The database file is damaged or not a frontdesk database: {why}."
        ).format(why=str(exc.orig))
    if isinstance(exc, DBAPIError):
        orig = str(exc.orig or exc).strip().splitlines()
        return QCoreApplication.translate(
            "messages", "The database refused the request ({why}); please try again."
        ).format(why=orig[0] if orig else type(exc).__name__)
    if isinstance(exc, sqlite3.DatabaseError):
        return QCoreApplication.translate(
            "messages", "The database file is damaged or not a frontdesk database: {why}."
        ).format(why=str(exc))
    return None


def apology(exc: BaseException) -> str:
    """What a person is told about a fault in frontdesk (a bug): it is not their doing."""
    return QCoreApplication.translate(
        "messages",
        "Sorry, something went wrong inside frontdesk ({why}). It is not your doing and "
        "was written to the log.",
    ).format(why=str(exc) or type(exc).__name__)


def describe_error(exc: BaseException, names: Names | None = None) -> str:
    """One sentence for any error: a person's (FrontdeskError, by its code and facts; a file,
    folder or database driver error) in words they can act on; anything else is a bug,
    logged with its traceback and apologised for."""
    if isinstance(exc, FrontdeskError):
        facts: Mapping[str, Any] = exc.facts or {}
        for code in exc.codes():
            describe = _BY_CODE.get(code)
            if describe is not None:
                return describe(exc, facts, names)
    sentence = _environment(exc)
    if sentence is not None:
        return sentence
    log.error(
        "unexpected error (a bug in frontdesk)",
        exc_info=(type(exc), exc, exc.__traceback__),
    )
    return apology(exc)


def _folder_of(filename: object) -> str:
    """The folder of a file named in an error (the folder itself when it is one)."""
    if not filename:
        return ""
    from pathlib import Path

    path = Path(str(filename))
    return str(path if path.is_dir() else path.parent)


def _sqlite_file_problem(exc: BaseException | None) -> bool:
    """SQLite says the file itself is wrong (not busy or locked): trying again will not help."""
    return isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError)
