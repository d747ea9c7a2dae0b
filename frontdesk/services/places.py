"""Where the desk keeps its files on this PC, and how its database is named to people.

Light on purpose: the app asks for the data folder (its lock, its log) before the
database layer is imported, so the starting screen paints at once.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk.store.paths import backups_dir, data_dir

if TYPE_CHECKING:
    from frontdesk.services.context import Desk

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def data_folder() -> Path:
    """The per-machine data folder (ProgramData on Windows); FRONTDESK_HOME overrides it."""
    return data_dir()


def log_file() -> Path:
    """The log the app and the command line write faults to, in the data folder."""
    return data_folder() / "logs" / "frontdesk.log"


def log_handler() -> logging.Handler:
    """A handler writing to `log_file()`, or to stderr when the folder cannot be written."""
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    return handler


def backups_folder(desk: Desk) -> Path | None:
    """Where the desk's daily backups and the copies made before each upgrade are kept:
    beside its SQLite file; None on a database server, which keeps its own backups."""
    path = desk.db.path
    return backups_dir(path.absolute()) if path is not None else None


def describe_database(desk: Desk) -> str:
    """The desk's database as shown to people: its URL with any password hidden."""
    return desk.db.describe()
