"""Keeping the database sound: checks, backups and restores."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import text

from frontdesk.services import anchoring
from frontdesk.services.anchoring import AnchorFindings
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput, NotFound
from frontdesk.store import anchors, audit, desklock, migrate, paths
from frontdesk.store.anchors import Anchor
from frontdesk.store.backup import backup_database, integrity_problems
from frontdesk.store.db import Database
from frontdesk.store.errors import DatabaseTooNew, WouldOverwriteData
from frontdesk.store.restore import restore_database


@dataclass(frozen=True)
class CheckReport:
    """What `frontdesk check` found; `ok` only when every part is sound."""

    dialect: str
    current_revision: str | None
    head_revision: str
    integrity: list[str] = field(default_factory=list)  # empty: sound (or not applicable)
    foreign_keys: list[str] = field(default_factory=list)  # one line per dangling reference
    audit_entries: int = 0
    audit_broken_at: int | None = None
    audit_problem: str = ""
    audit_guard: list[tuple[str, str]] = field(default_factory=list)  # (trigger, what)
    anchors: AnchorFindings = field(default_factory=AnchorFindings)
    paper: Anchor | None = None  # the anchor given with --anchor, when one was
    head: Anchor | None = None  # the chain's verified head, to copy onto paper

    @property
    def paper_ok(self) -> bool:
        """True when no anchor was given, or the one given lies on the chain."""
        return self.paper is None or all(p.anchor is not self.paper for p in self.anchors.problems)

    @property
    def migrations_current(self) -> bool:
        return self.current_revision == self.head_revision

    @property
    def ok(self) -> bool:
        return (
            self.migrations_current
            and not self.integrity
            and not self.foreign_keys
            and self.audit_broken_at is None
            and not self.audit_guard
            and not self.anchors.problems
        )


def check(target: Desk | Database, *, anchor: Anchor | None = None) -> CheckReport:
    """Schema version, SQLite integrity and foreign keys, the audit log's triggers, its
    chain, and every anchor of it kept outside the table (store.anchors), read-only.

    `anchor` is one more to verify, copied from paper. A sound check writes the head it
    verified to the anchor file, so the next check can tell if entries were cut off.
    """
    db = target.db if isinstance(target, Desk) else target
    migrate.check_not_newer(db)
    current = migrate.current_revision(db)
    head = migrate.head_revision()
    integrity: list[str] = []
    dangling: list[str] = []
    if db.is_sqlite:
        with db.engine.connect() as conn:
            rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            integrity = [] if rows == ["ok"] else rows
            for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check"):
                dangling.append(f"{table} row {rowid} -> {parent}")
    else:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))  # PostgreSQL enforces references itself
    report = CheckReport(db.dialect, current, head, integrity, dangling, paper=anchor)
    if current is None:
        return report
    found, superseded = anchoring.gather(db)
    if anchor is not None:
        found.append(anchor)
    with db.read() as session:
        guard = audit.guard_problems(session)
        chain = audit.verify(session, positions={a.count for a in found})
    findings = anchoring.judge(chain, found, superseded)
    verified = Anchor(chain.entries, chain.head_hash, "check")
    report = replace(
        report,
        audit_entries=chain.entries,
        audit_broken_at=chain.broken_at,
        audit_problem=chain.problem,
        audit_guard=guard,
        anchors=findings,
        head=verified if chain.ok else None,
    )
    if report.ok:
        anchoring.note(db, "check", verified)
    return report


def backup(target: Desk | Database, out: Path | None = None) -> Path:
    """A consistent copy of the SQLite database (online backup API); PostgreSQL uses pg_dump."""
    db = target.db if isinstance(target, Desk) else target
    if out is not None:
        out = Path(out).expanduser()
        if out.exists():
            raise InvalidInput(
                f"{out} already exists", field="out", reason="exists", value=str(out)
            )
        if out.suffix == "":
            out = out.with_suffix(".sqlite3")
        paths.refuse_overwrite(out, db.path)
    written = backup_database(db, out)
    anchoring.note(db, "backup", anchors.of_sqlite_file(written), str(written))
    return written


def restore(db_path: Path, backup_path: Path, *, by_running_app: bool = False) -> Path | None:
    """Replace the database file by a checked backup; returns where the old file was put.

    The backup must not be the database itself, must pass `PRAGMA integrity_check`, be a
    frontdesk database, and not be newer than this app. No desk app may be running on the
    database (DeskInUse), except the one asking (`by_running_app`: the app restoring at its
    own start, holding its lock). The engine on `db_path` must be closed by the caller.
    """
    db_path = Path(db_path)
    backup_path = Path(backup_path).expanduser()
    if paths.overlap(backup_path, db_path) == "database":
        raise WouldOverwriteData(
            f"{backup_path} is the database itself; name a backup file",
            path=str(backup_path),
            what="self_restore",
        )
    if by_running_app:
        return _restore_checked(db_path, backup_path)
    with desklock.no_app_running(db_path):
        return _restore_checked(db_path, backup_path)


def _restore_checked(db_path: Path, backup_path: Path) -> Path | None:
    if not backup_path.is_file():
        raise NotFound(f"{backup_path} does not exist", what="file", path=str(backup_path))
    problems = integrity_problems(backup_path)
    if problems:
        # restore_database would say the same; here the file may be no SQLite at all
        raise InvalidInput(
            f"{backup_path} is not a sound database: {problems[0]}",
            field="file",
            reason="not_database",
            path=str(backup_path),
        )
    revision = _revision_of(backup_path)
    if revision is None:
        raise InvalidInput(
            f"{backup_path} is not a frontdesk database",
            field="file",
            reason="not_database",
            path=str(backup_path),
        )
    if revision not in _known_revisions():
        raise DatabaseTooNew(
            f"{backup_path} was written by a newer version of frontdesk (schema {revision})",
            found=revision,
            supported=migrate.head_revision(),
        )
    aside = restore_database(db_path, backup_path)
    # The restored chain is shorter than the anchors taken since the backup: say so.
    anchoring.note_restore(db_path, backup_path)
    return aside


def _known_revisions() -> set[str]:
    # Alembic (~0.2 s, and SQLAlchemy's PostgreSQL dialect with it) only when a restore
    # asks: this module is imported at every desk's start.
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.migrations_dir()))
    return {rev.revision for rev in ScriptDirectory.from_config(cfg).walk_revisions()}


def _revision_of(path: Path) -> str | None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return str(row[0]) if row else None
