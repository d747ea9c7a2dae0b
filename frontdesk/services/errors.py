"""Errors a use case raises; each carries a code and facts, the UI and CLI put them in words.

The UI and the CLI import every error they handle from here, the storage layer's too, and
catch `FrontdeskError` (or `person_errors()`) rather than listing the layers' bases.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence

from frontdesk.core.errors import FrontdeskError
from frontdesk.core.findings import Finding
from frontdesk.store.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseTooNew,
    DatabaseUnreachable,
    DataFolderUnusable,
    DeskInUse,
    DiskFull,
    NetworkShareRefused,
    NotADatabase,
    StoreError,
    WouldOverwriteData,
)

__all__ = [
    "Conflict",
    "DataFolderUnusable",
    "DatabaseBusy",
    "DatabaseDamaged",
    "DatabaseTooNew",
    "DatabaseUnreachable",
    "DeskInUse",
    "DiskFull",
    "FrontdeskError",
    "InvalidInput",
    "NeedsConfirmation",
    "NetworkShareRefused",
    "NotADatabase",
    "NotAllowed",
    "NotFound",
    "RuleViolation",
    "ServiceError",
    "StoreError",
    "WouldOverwriteData",
    "is_bug",
    "log_failure",
    "person_errors",
]


def person_errors() -> tuple[type[BaseException], ...]:
    """What a person, or the machine around them, can cause; answered in words.

    Our own errors, files and folders (OSError) and the database driver refusing (a
    locked SQLite file, a server gone away). Anything else is a bug in frontdesk.
    """
    from sqlalchemy.exc import DBAPIError  # here: the kiosk's first paint imports this module

    return (FrontdeskError, OSError, sqlite3.Error, DBAPIError)


def is_bug(exc: BaseException) -> bool:
    """True for a fault in frontdesk: to be logged with its traceback and apologised for."""
    return not isinstance(exc, person_errors())


def log_failure(log: logging.Logger, what: str, exc: BaseException) -> None:
    """Log that `what` failed: one line with the reason for what a person or the machine
    around them causes (a PostgreSQL server down, a full disk), so a periodic job does not
    fill the log with the same traceback every minute; the traceback for a bug."""
    if is_bug(exc):
        log.error("%s", what, exc_info=(type(exc), exc, exc.__traceback__))
        return
    cause = getattr(exc, "orig", None) or exc  # the driver's own words, not SQLAlchemy's SQL
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    reason = f"{type(cause).__name__}: {lines[0][:300]}" if lines else type(cause).__name__
    log.error("%s: %s", what, reason)


class ServiceError(FrontdeskError):
    """Something a person asked for that cannot be done; nothing was changed."""

    code = "service_error"


class NotFound(ServiceError):
    code = "not_found"


class InvalidInput(ServiceError):
    """Bad input; `facts['field']` names what was wrong, `facts['row']` the row when a file."""

    code = "invalid_input"


class Conflict(ServiceError):
    """The data changed under the request (a taken slot, a decided swap...)."""

    code = "conflict"


class RuleViolation(ServiceError):
    """Blocking findings from the duty rules."""

    code = "rule_violation"

    def __init__(self, findings: Sequence[Finding], message: str = "") -> None:
        super().__init__(message or ", ".join(f.code.value for f in findings), findings=findings)
        self.findings = list(findings)


class NeedsConfirmation(ServiceError):
    """Only warnings: the person must confirm before the change is made."""

    code = "needs_confirmation"

    def __init__(self, findings: Sequence[Finding]) -> None:
        super().__init__(", ".join(f.code.value for f in findings), findings=findings)
        self.findings = list(findings)


class NotAllowed(ServiceError):
    """The caller may not do this (wrong password, locked account, not a supervisor)."""

    code = "not_allowed"
