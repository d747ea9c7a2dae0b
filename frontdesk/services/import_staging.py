"""A volunteer import written in short transactions and made visible all at once.

The changed rows of a checked sheet are staged (staged_volunteer, staged_training, keyed
by an ImportBatch) BATCH_ROWS at a time, each batch its own write transaction, nothing of
them visible to the desk. One short transaction then moves them into volunteer and
training (INSERT … SELECT, UPDATE … FROM) and marks the batch "visible": that is the
import's commit. It is the one transaction whose work grows with the sheet, so it only
copies: what can be worked out before is staged with the rows (a new volunteer's number
among the new rows, from which its id follows; each training's volunteer), so each row
is one insert, with no search to find it. Its audit entries are chained afterwards in
batches, in the sheet's order with the import's summary entry last, and the batch is
removed. No write transaction holds the writers' lock for the whole sheet (a 20,000-row
sheet held it for 2.5 s in one transaction, the kiosk's scans waiting behind it; the
issue's target is 100 ms, what a scan can wait).

A killed import: a "staging" batch whose owner is gone is removed at the next start
(nothing of it was ever visible); a "visible" one has its remaining entries chained (its
rows are in, the log catches up). `finish_imports` does both.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Integer, Table, and_, delete, func, insert, literal, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk.services.auditing import Pending, record_all, snapshot
from frontdesk.services.context import Desk
from frontdesk.services.errors import Conflict
from frontdesk.store import scratch
from frontdesk.store.db import Database
from frontdesk.store.import_models import ImportBatch, StagedTraining, StagedVolunteer
from frontdesk.store.models import AuditEntry, Training, Volunteer

log = logging.getLogger(__name__)

BATCH_ROWS = 250  # rows per staging transaction: ~10-20 ms of the writers' lock
CHAIN_ROWS = 100  # audit entries per chaining transaction (each hashed and inserted)
# An import staged from another PC (PostgreSQL) whose owner wrote nothing for this long is
# taken as dead; on a SQLite desk the owner's job lock tells at once (store.scratch).
STALE = timedelta(minutes=10)
PAUSE_MIN_S = 0.03  # the lock left free after each import transaction, at least …
PAUSE_MAX_S = 0.1  # … and at most

VOLUNTEER_COLUMNS = (
    "site_id",
    "code",
    "name",
    "phone",
    "languages",
    "status",
    "weekly_max",
    "notes",
    "joined_on",
    "created_at",
    "deactivated_at",
)
UPDATED_COLUMNS = ("name", "phone", "languages", "status", "weekly_max", "notes", "deactivated_at")
BEFORE_FIELDS = ("name", "phone", "status", "weekly_max", "languages")  # its audit view's

_SV = cast(Table, StagedVolunteer.__table__)
_ST = cast(Table, StagedTraining.__table__)
_V = cast(Table, Volunteer.__table__)
_T = cast(Table, Training.__table__)
_BATCH = cast(Table, ImportBatch.__table__)


@dataclass(frozen=True)
class StagedRow:
    """A changed row of the sheet: the volunteer's VOLUNTEER_COLUMNS, its trainings to add
    (kind, title, taken_on, hours; with `training_id` an hours change of that training),
    and for an update the stored volunteer and its BEFORE_FIELDS as they were read."""

    values: dict[str, Any]
    trainings: list[dict[str, Any]]
    target_id: int | None = None
    before: dict[str, Any] | None = None


def run(desk: Desk, file: str, rows: Sequence[StagedRow], audit_head: int, now: datetime) -> None:
    """Stage `rows`, make them visible in one short transaction, chain their entries.

    `audit_head` is the last audit entry when the stored volunteers were read: an update
    of a volunteer changed since then is refused (Conflict), as is a new code someone else
    added meanwhile (Conflict naming the code). Either way nothing is visible and the
    staged rows are removed.
    """
    with _owner(desk.db) as owner:
        batch_id = _open_batch(desk, file, rows, audit_head, now, owner)
        try:
            new_before = 0  # the sheet's new rows before the chunk
            for start in range(0, len(rows), BATCH_ROWS):
                chunk = rows[start : start + BATCH_ROWS]
                _stage(desk.db, batch_id, chunk, start, new_before)
                new_before += sum(1 for r in chunk if r.target_id is None)
            _make_visible(desk.db, batch_id)
        except BaseException:
            _discard_quietly(desk.db, batch_id)
            raise
        chain_entries(desk.db, batch_id)


@contextmanager
def _write(db: Database) -> Iterator[Session]:
    """A write transaction (Database.write, during which Python's cyclic garbage collector
    does not run: with a 20,000-row sheet in memory a full collection takes 0.1-0.3 s),
    followed by a pause as long as the transaction, so the import takes at most about
    half of the lock's time and the kiosk's scans get their turn between its batches."""
    started = time.monotonic()
    # Whole database: new volunteers get ids past every site's highest (not a sequence).
    with db.write() as session:
        yield session
    # Give the lock away for as long as it was held (within bounds): a scan waiting in
    # SQLite's busy handler wakes at intervals of up to 25 ms and must find it free.
    time.sleep(min(max(time.monotonic() - started, PAUSE_MIN_S), PAUSE_MAX_S))


@contextmanager
def _owner(db: Database) -> Iterator[str]:
    """Who stages: a job of the data folder (its lock dies with the process), or, without
    one (PostgreSQL), this host and process."""
    if db.path is None:
        yield f"pid:{socket.gethostname()[:50]}:{os.getpid()}"
        return
    with scratch.job(db.path) as job:
        yield f"job:{job.id}"


def _open_batch(
    desk: Desk,
    file: str,
    rows: Sequence[StagedRow],
    audit_head: int,
    now: datetime,
    owner: str,
) -> int:
    updated = sum(1 for r in rows if r.target_id is not None)
    with _write(desk.db) as s:
        batch = ImportBatch(
            site_id=desk.site_id,
            state="staging",
            owner=owner,
            actor=desk.actor,
            file=file[:255],
            audit_head=audit_head,
            at=now,
            touched_at=datetime.now(UTC),
            added=len(rows) - updated,
            updated=updated,
        )
        s.add(batch)
        s.flush()
        return batch.id


def _stage(
    db: Database, batch_id: int, chunk: Sequence[StagedRow], start: int, new_before: int
) -> None:
    """One short write transaction: `chunk` (the sheet's changed rows from `start`, after
    `new_before` new ones) into the staging tables, invisible. Each new row is numbered
    among the new rows and each training carries its volunteer (the stored one or that
    number), so making them visible needs no search."""
    volunteers: list[dict[str, Any]] = []
    trainings: list[dict[str, Any]] = []
    new_no = new_before
    for seq, r in enumerate(chunk, start):
        number = None
        if r.target_id is None:
            number, new_no = new_no, new_no + 1
        volunteers.append(
            {"import_id": batch_id, "seq": seq, "target_id": r.target_id, "before": r.before}
            | {"new_no": number}
            | r.values
        )
        trainings.extend(
            {"import_id": batch_id, "seq": seq, "n": n, "training_id": None}
            | {"volunteer_id": r.target_id, "new_no": number}
            | t
            for n, t in enumerate(r.trainings)
        )
    with _write(db) as s:
        s.execute(insert(_SV), volunteers)
        if trainings:
            s.execute(insert(_ST), trainings)
        s.execute(
            update(_BATCH).where(_BATCH.c.id == batch_id).values(touched_at=datetime.now(UTC))
        )


def _make_visible(db: Database, batch_id: int) -> None:
    """The import's commit: the staged rows into volunteer and training, in one short
    transaction (a few statements, whatever the sheet's size).

    The new volunteers' ids are the highest id plus 1 plus their number (given under the
    writers' lock, so no other writer takes one meanwhile; on PostgreSQL the id sequence
    is then moved past them), in the sheet's order, so each new row and training is one
    insert in key order and nothing is searched for (a training's volunteer was found by
    code before: at 20,000 rows that search was a third of the lock's time)."""
    try:
        with _write(db) as s:
            batch = s.get(ImportBatch, batch_id)
            if batch is None or batch.state != "staging":  # judged dead and removed
                raise Conflict("the import's staged rows are gone", reason="import_gone")
            _refuse_changed_meanwhile(s, batch)
            first_id = s.execute(select(func.coalesce(func.max(_V.c.id), 0))).scalar_one() + 1
            if batch.added:
                s.execute(
                    insert(_V).from_select(("id", *VOLUNTEER_COLUMNS), _new(batch_id, first_id))
                )
                if not db.is_sqlite:
                    s.execute(_FOLLOW_IDS)
            if batch.updated:
                s.execute(
                    update(_V)
                    .where(_V.c.id == _SV.c.target_id, _SV.c.import_id == batch_id)
                    .values({c: _SV.c[c] for c in UPDATED_COLUMNS})
                )
                s.execute(
                    update(_T)
                    .where(_T.c.id == _ST.c.training_id, _ST.c.import_id == batch_id)
                    .values(hours=_ST.c.hours)
                )
            s.execute(insert(_T).from_select(_TRAINING_COLUMNS, _new_trainings(batch_id, first_id)))
            batch.state = "visible"
    except IntegrityError as exc:  # a new code someone else added meanwhile
        code = _taken_code(db, batch_id)
        if code is None:
            raise
        raise Conflict(
            f"volunteer code {code} was added meanwhile", field="code", value=code
        ) from exc


_TRAINING_COLUMNS = ("volunteer_id", "kind", "title", "taken_on", "hours")
# A PostgreSQL id sequence hands out ids after the highest one given above.
_FOLLOW_IDS = text(
    "SELECT setval(pg_get_serial_sequence('volunteer', 'id'), (SELECT max(id) FROM volunteer))"
)


def _new(batch_id: int, first_id: int) -> Any:
    """The staged new volunteers, each with its id (`first_id` + its number)."""
    return (
        select(
            literal(first_id, Integer) + _SV.c.new_no,
            *(_SV.c[c] for c in VOLUNTEER_COLUMNS),
        )
        .where(_SV.c.import_id == batch_id, _SV.c.target_id.is_(None))
        .order_by(_SV.c.seq)
    )


def _new_trainings(batch_id: int, first_id: int) -> Any:
    """The staged trainings to add, each with its volunteer's id: the stored volunteer of
    an update, or `first_id` + the number of the row's new volunteer."""
    return (
        select(
            func.coalesce(_ST.c.volunteer_id, literal(first_id, Integer) + _ST.c.new_no),
            _ST.c.kind,
            _ST.c.title,
            _ST.c.taken_on,
            _ST.c.hours,
        )
        .where(_ST.c.import_id == batch_id, _ST.c.training_id.is_(None))
        .order_by(_ST.c.seq, _ST.c.n)
    )


def _refuse_changed_meanwhile(s: Any, batch: ImportBatch) -> None:
    """Conflict when a volunteer this import updates changed after it was read (an entry
    about it since `audit_head`), or another import's rows are visible but not yet in the
    log (its changes cannot be seen there yet)."""
    others = s.scalar(
        select(func.count())
        .select_from(ImportBatch)
        .where(ImportBatch.state == "visible", ImportBatch.id != batch.id)
    )
    if others:
        raise Conflict("another import is still being recorded", reason="import_running")
    if not batch.updated:
        return
    touched = set(
        s.scalars(
            select(AuditEntry.entity_id).where(
                AuditEntry.id > batch.audit_head,
                AuditEntry.entity == "volunteer",
                AuditEntry.action != "volunteer.export",
            )
        )
    )
    if not touched:
        return
    targets = s.execute(
        select(_SV.c.target_id, _SV.c.code).where(
            _SV.c.import_id == batch.id, _SV.c.target_id.isnot(None)
        )
    )
    changed = sorted(code for target, code in targets if str(target) in touched)
    if changed:
        raise Conflict(
            "a volunteer of the sheet changed meanwhile", reason="changed_meanwhile", codes=changed
        )


def _taken_code(db: Database, batch_id: int) -> str | None:
    with db.read() as s:
        return s.scalar(
            select(_SV.c.code)
            .join(_V, and_(_V.c.site_id == _SV.c.site_id, _V.c.code == _SV.c.code))
            .where(_SV.c.import_id == batch_id, _SV.c.target_id.is_(None))
            .order_by(_SV.c.seq)
            .limit(1)
        )


# --- after the commit: the audit entries, in short batches --------------------------------


def chain_entries(db: Database, batch_id: int) -> None:
    """Chain the entries of a visible import, CHAIN_ROWS per write transaction, then its
    summary entry, and remove the batch. Safe to run from two processes at once: each
    transaction takes the next rows and deletes them under the writers' lock."""
    while _chain_some(db, batch_id):
        pass


def _chain_some(db: Database, batch_id: int) -> bool:
    """Chain the next CHAIN_ROWS entries: read and built before the write transaction, which
    only inserts them (and their name references) and deletes their staged rows."""
    with db.read() as s:
        batch = s.get(ImportBatch, batch_id)
        if batch is None or batch.state != "visible":
            return False
        rows = s.execute(
            select(_SV).where(_SV.c.import_id == batch_id).order_by(_SV.c.seq).limit(CHAIN_ROWS)
        ).all()
        new_codes = [r.code for r in rows if r.target_id is None]
        ids: dict[str, int] = {}
        if new_codes:
            found = s.execute(
                select(_V.c.code, _V.c.id).where(
                    _V.c.site_id == batch.site_id, _V.c.code.in_(new_codes)
                )
            )
            ids = {code: vid for code, vid in found}
    entries = [_entry(batch, r, ids) for r in rows] if rows else [_summary(batch)]
    with _write(db) as s:
        first = s.scalar(select(func.min(_SV.c.seq)).where(_SV.c.import_id == batch_id))
        if not rows:  # the summary last, once: unless another process finished it
            if s.get(ImportBatch, batch_id) is not None and first is None:
                record_all(s, entries)
                s.execute(delete(_BATCH).where(_BATCH.c.id == batch_id))
            return False
        if first != rows[0].seq:
            return True  # another process chained these meanwhile: take the next ones
        record_all(s, entries)
        last = rows[-1].seq
        s.execute(delete(_ST).where(_ST.c.import_id == batch_id, _ST.c.seq <= last))
        s.execute(delete(_SV).where(_SV.c.import_id == batch_id, _SV.c.seq <= last))
        return True


def _entry(batch: ImportBatch, row: Any, ids: dict[str, int]) -> Pending:
    """The entry adding or updating the row's volunteer one by one would have chained."""
    vid = row.target_id if row.target_id is not None else ids[row.code]
    after = snapshot(_view(vid, row.code, {f: getattr(row, f) for f in BEFORE_FIELDS}))
    if row.target_id is None:
        return Pending(batch.actor, "volunteer.add", "volunteer", vid, after=after, at=batch.at)
    before = snapshot(_view(vid, row.code, row.before or {}))
    after = {**after, "source": "import"}
    return Pending(batch.actor, "volunteer.update", "volunteer", vid, before, after, batch.at)


def _view(vid: int, code: str, fields: dict[str, Any]) -> Volunteer:
    """A transient volunteer holding what its audit view shows (never added to a session)."""
    return Volunteer(id=vid, code=code, **{f: fields.get(f) for f in BEFORE_FIELDS})


def _summary(batch: ImportBatch) -> Pending:
    after = {"file": batch.file, "added": batch.added, "updated": batch.updated}
    return Pending(batch.actor, "volunteer.import", "volunteer", None, after=after, at=batch.at)


# --- the next start ------------------------------------------------------------------------


def finish_imports(db: Database, now: datetime | None = None) -> int:
    """At start-up: chain the entries of imports made visible but killed before their log
    was complete, and remove the staged rows of imports killed before they were visible
    (their owner gone). Returns how many batches were finished or removed."""
    now = now or datetime.now(UTC)
    with db.read() as s:
        batches = s.execute(
            select(ImportBatch.id, ImportBatch.state, ImportBatch.owner, ImportBatch.touched_at)
        ).all()
    done = 0
    for batch_id, state, owner, touched_at in batches:
        if state == "visible":
            chain_entries(db, batch_id)
            done += 1
        elif _owner_gone(db, owner, touched_at, now):
            _discard(db, batch_id)
            done += 1
    return done


def _owner_gone(db: Database, owner: str, touched_at: datetime, now: datetime) -> bool:
    kind, _, rest = owner.partition(":")
    if kind == "job" and db.path is not None:
        return not scratch.is_alive(db.path, rest)
    return now - touched_at > STALE


def _discard(db: Database, batch_id: int) -> None:
    """Remove a batch that never became visible, its staged rows a few thousand at a time."""
    step = BATCH_ROWS * 4
    while True:
        with _write(db) as s:
            batch = s.get(ImportBatch, batch_id)
            if batch is None or batch.state != "staging":
                return
            low = s.scalar(select(func.min(_SV.c.seq)).where(_SV.c.import_id == batch_id))
            if low is None:
                s.execute(delete(_ST).where(_ST.c.import_id == batch_id))
                s.delete(batch)
                return
            for table in (_ST, _SV):
                s.execute(
                    delete(table).where(table.c.import_id == batch_id, table.c.seq < low + step)
                )


def _discard_quietly(db: Database, batch_id: int) -> None:
    """After a failed import: remove what it staged if the database lets us now; else the
    next start does (the owner is gone by then)."""
    try:
        _discard(db, batch_id)
    except Exception as exc:  # the import's own error is what the person is told
        log.warning("the staged rows of import %s stay until the next start: %s", batch_id, exc)
