"""Telling a full disk from other failures, so a person is told "the disk is full" (and
where), never "the database is damaged"."""

from __future__ import annotations

import errno
import sqlite3

_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def is_disk_full(exc: BaseException) -> bool:
    """True for "no space left" from the operating system (ENOSPC, or a quota: EDQUOT) or
    from SQLite (SQLITE_FULL, "database or disk is full")."""
    if isinstance(exc, OSError):
        return exc.errno in _NO_SPACE
    if isinstance(exc, sqlite3.Error):
        return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or (
            "disk is full" in str(exc)
        )
    return False
