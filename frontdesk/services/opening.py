"""Opening a desk: the one way the app, every CLI command, the drills and the benchmarks
reach a database (URL, the file's quick check, migration, the daily backup).

What differs between them is an option of `open_desk`, not another path: the CLI's `check`
opens read-only (no migration, no quick check of its own), `init` and `demo` open a database
that has no agency yet, and only the app and the evening sweep keep the daily backup.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from frontdesk.core.clock import ClockGuard
from frontdesk.core.errors import FrontdeskError
from frontdesk.services.context import Desk
from frontdesk.services.errors import NotFound
from frontdesk.services.import_staging import finish_imports
from frontdesk.services.safety import (
    damage_of,
    refuse_damage,
    restore_good_backup,
    run_daily_backup,
)
from frontdesk.services.setup import first_site_id
from frontdesk.store import desklock, migrate
from frontdesk.store.backup import DailyBackup
from frontdesk.store.db import Database, refuse_non_database, resolve_url
from frontdesk.store.errors import DiskFull
from frontdesk.store.startup import Damage, recover

log = logging.getLogger(__name__)

__all__ = ["Opened", "held_by_app", "open_desk", "sqlite_file"]


@dataclass(frozen=True)
class Opened:
    """An open database, its agency (None: not named yet) and how the daily backup went.

    The caller owns `db` and disposes it when done.
    """

    db: Database
    site_id: int | None
    actor: str = "kiosk"
    backup: DailyBackup | None = None
    backup_error: OSError | sqlite3.Error | DiskFull | None = None

    @property
    def desk(self) -> Desk:
        """The desk use cases work on; NotFound when `frontdesk init` has not named it."""
        if self.site_id is None:
            raise _no_site()
        # On SQLite the PC's clock is the only one: its guard notices it being changed.
        guard = ClockGuard() if self.db.is_sqlite else None
        return Desk(db=self.db, site_id=self.site_id, actor=self.actor, clock_guard=guard)


def open_desk(
    url: str | None = None,
    *,
    actor: str = "kiosk",
    upgrade: bool = True,
    quick_check: bool = True,
    must_exist: bool = False,
    need_site: bool = True,
    daily_backup: bool = False,
    on_damage: Callable[[Damage], bool] | None = None,
) -> Opened:
    """Open the desk's database at `url` (--db, $FRONTDESK_DB or the machine's file).

    In order: refuse a bad URL, a network share or an unusable folder; with `quick_check`,
    finish an interrupted restore, let SQLite roll back a hot journal and remove killed
    jobs' temporary files (store.startup.recover); with `must_exist`, refuse a SQLite file
    that is not there (NotFound) instead of creating one; with `quick_check`, refuse a
    damaged file before anything writes to it (DatabaseDamaged), unless `on_damage`
    (asked with the Damage) answers True, and then the newest good backup is put in its
    place and checked again; connect; migrate after a backup copy
    (`upgrade`), or only refuse a newer schema (read-only); find the agency, which
    `need_site` requires (NotFound otherwise); with `daily_backup`, the first open of the
    day copies the file, and a failure there (a full disk) is returned as `backup_error`,
    not raised: signing in matters more.

    Concurrent first starts on one new database wait for each other (migrate.upgrade
    serialises creation), so every one of them opens.
    """
    db = Database(resolve_url(url))  # refuses a network share or an unusable folder
    try:
        if quick_check and db.is_sqlite and db.path is not None:
            recover(db.path)  # a killed restore, a hot journal, temporary files
        if must_exist and db.is_sqlite and db.path is not None and not db.path.exists():
            raise NotFound(f"no database at {db.path}", what="database", path=str(db.path))
        if db.is_sqlite and db.path is not None:
            refuse_non_database(db.path)  # a document named by mistake: not "damaged"
        if quick_check:
            _refuse_or_restore(db, on_damage)
        if upgrade:
            migrate.upgrade(db)  # connects; creating or migrating waits its turn
        else:
            db.ping()
            migrate.check_not_newer(db)
        site_id = first_site_id(db) if upgrade or migrate.current_revision(db) else None
        if site_id is None and need_site:
            raise _no_site()
        if upgrade and site_id is not None:
            _finish_imports(db)
    except BaseException:
        db.dispose()
        raise
    if not daily_backup or site_id is None:  # an unnamed desk holds nothing worth a backup
        return Opened(db, site_id, actor)
    try:
        return Opened(db, site_id, actor, backup=run_daily_backup(db))
    except (OSError, sqlite3.Error, DiskFull) as exc:
        log.error("the daily backup failed: %s", exc)
        return Opened(db, site_id, actor, backup_error=exc)


def _refuse_or_restore(db: Database, on_damage: Callable[[Damage], bool] | None) -> None:
    """Raise DatabaseDamaged for a damaged file, unless the caller chose to restore."""
    while (damage := damage_of(db)) is not None:
        if on_damage is None or not on_damage(damage):
            raise refuse_damage(damage)
        db.dispose()  # nothing is connected yet; make sure before the file is replaced
        aside = restore_good_backup(damage)
        log.warning(
            "restored %s from %s; damaged file kept as %s", damage.path, damage.good_backup, aside
        )


def _finish_imports(db: Database) -> None:
    """An import killed half-way: finished (its rows were visible) or its staged rows
    removed (they never were); services.import_staging. A failure here is logged and
    left for the next start: the desk opens regardless."""
    try:
        finished = finish_imports(db)
    except (FrontdeskError, OSError, sqlite3.Error, SQLAlchemyError) as exc:
        log.error("an interrupted import could not be settled yet: %s", exc)
        return
    if finished:
        log.warning("settled %d interrupted volunteer import(s)", finished)


def _no_site() -> NotFound:
    return NotFound("the database has no agency yet; run `frontdesk init` first", what="site")


def sqlite_file(url: str | None) -> Path | None:
    """The SQLite file `url` (--db; else FRONTDESK_DB, else the default) names; None for a
    PostgreSQL server."""
    resolved = resolve_url(url)
    if resolved.get_backend_name() == "sqlite" and resolved.database:
        return Path(resolved.database)
    return None


@contextmanager
def held_by_app(url: str | None, role: str) -> Iterator[Path | None]:
    """Hold the SQLite file `url` names for a running desk app (`role`: kiosk or
    supervisor) for the block, so `frontdesk restore` refuses instead of swapping the file
    under it (store.desklock); waits for a restore under way, then TimeoutError. Yields the
    file (None for PostgreSQL, which its server admin restores).
    """
    path = sqlite_file(url)
    if path is None or str(path) == ":memory:":
        yield None
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        try:
            stack.enter_context(desklock.app_holds(path, role))
        except TimeoutError:
            raise TimeoutError(errno.ETIMEDOUT, "the database stays held", str(path)) from None
        yield path
