"""The desk app's hold on its SQLite database, so a restore never swaps the file under it.

A running kiosk or supervisor app holds `<database>-<role>.lock` (the operating system's
lock, usable without Qt, released when the process ends or dies). `frontdesk restore` takes
every role's lock for as long as it works, so it refuses while an app runs (DeskInUse names
which) and an app started meanwhile waits for the restore to end.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from frontdesk.store import filelock
from frontdesk.store.errors import DeskInUse

ROLES = ("kiosk", "supervisor")
APP_WAIT_SECONDS = 120.0  # a restore of a large desk on a slow PC takes well under this


def lock_path(db_path: Path, role: str) -> Path:
    """The lock file of `role` beside the database, like its -wal and -shm."""
    return db_path.with_name(f"{db_path.name}-{role}.lock")


@contextmanager
def app_holds(db_path: Path, role: str, *, wait_seconds: float | None = None) -> Iterator[None]:
    """Hold the database for a running desk app (`role`: kiosk or supervisor) for the block.

    Waits for a restore under way (APP_WAIT_SECONDS unless told); TimeoutError when the
    lock stays taken.
    """
    if role not in ROLES:
        raise ValueError(f"unknown desk role {role!r}")
    wait = APP_WAIT_SECONDS if wait_seconds is None else wait_seconds
    with filelock.exclusive(lock_path(db_path, role), wait_seconds=wait):
        yield


@contextmanager
def no_app_running(db_path: Path) -> Iterator[None]:
    """Hold every role's lock for the block; DeskInUse (facts: role, path) while one is held."""
    with ExitStack() as stack:
        for role in ROLES:
            try:
                stack.enter_context(filelock.exclusive(lock_path(db_path, role), wait_seconds=0))
            except TimeoutError:
                raise DeskInUse(
                    f"the desk app ({role}) is using {db_path}; close it first",
                    role=role,
                    path=str(db_path),
                ) from None
        yield
