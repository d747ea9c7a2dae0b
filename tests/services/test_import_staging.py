"""A volunteer import is staged in short transactions and made visible all at once: a
failure or a kill before that leaves nothing visible (and the next start removes what
was staged); a kill after it leaves every row, and the next start completes the log.

Before, the whole sheet was one write transaction: a 20,000-row sheet held the writers'
lock for 2.5 s, the kiosk's scans waiting behind it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from frontdesk.services import import_staging, volunteers, workspace
from frontdesk.services.context import Desk
from frontdesk.services.errors import Conflict
from frontdesk.services.opening import open_desk
from frontdesk.services.volunteer_io import import_volunteers
from frontdesk.store import audit
from frontdesk.store.db import Database
from frontdesk.store.import_models import ImportBatch, StagedTraining, StagedVolunteer
from frontdesk.store.models import AuditEntry, Training, Volunteer
from tests.support.desks import new_desk
from tests.support.sheets import VOLUNTEER_HEADER, write_sheet

ROWS = [[f"V{i:03d}", f"志工{i}", "0912-345-678", "台語", "在職", 3, "2026-01-05", 12, ""]
        for i in range(1, 12)]  # fmt: skip


def _sheet(tmp_path: Path, rows: list[list[object]] = ROWS) -> Path:
    return write_sheet(tmp_path / "v.xlsx", VOLUNTEER_HEADER, rows)


def _codes(desk: Desk) -> list[str]:
    return [v.code for v in workspace.volunteer_choices(desk, include_inactive=True)]


def _staged(db: Database) -> tuple[int, int, int]:
    with db.read() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(t))
            for t in (ImportBatch, StagedVolunteer, StagedTraining)
        )


def _actions(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_a_sheet_is_staged_in_short_batches_and_made_visible_in_one(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each staging transaction holds BATCH_ROWS rows; nothing is visible before the last
    step; the rows and their entries come in the sheet's order."""
    monkeypatch.setattr(import_staging, "BATCH_ROWS", 4)
    seen: list[tuple[int, list[str], tuple[int, int, int]]] = []
    real = import_staging._stage

    def stage(db: Database, batch_id: int, chunk: Any, *rest: int) -> None:
        real(db, batch_id, chunk, *rest)
        seen.append((len(chunk), _codes(desk), _staged(db)))

    monkeypatch.setattr(import_staging, "_stage", stage)
    report = import_volunteers(desk, _sheet(tmp_path))
    assert [n for n, _, _ in seen] == [4, 4, 3]
    assert all(codes == [] for _, codes, _ in seen)  # nothing visible while staging
    assert [staged for _, _, staged in seen] == [(1, 4, 4), (1, 8, 8), (1, 11, 11)]
    assert report.added == [r[0] for r in ROWS] == _codes(desk)
    assert _staged(desk.db) == (0, 0, 0)
    assert _actions(desk.db)[-12:] == ["volunteer.add"] * 11 + ["volunteer.import"]
    with desk.db.read() as s:
        assert audit.verify(s).ok


@pytest.mark.parametrize("where", ["staging", "final"])
def test_a_failure_before_the_import_is_visible_leaves_nothing(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """Failing while staging the second batch, or inside the final transaction after the
    volunteers were inserted: nothing visible, nothing staged left, no entry."""
    monkeypatch.setattr(import_staging, "BATCH_ROWS", 4)
    before = _actions(desk.db)
    if where == "staging":
        calls: list[int] = []
        real = import_staging._stage

        def stage(*args: Any) -> None:
            calls.append(1)
            if len(calls) == 2:
                raise RuntimeError("disk full")
            real(*args)

        monkeypatch.setattr(import_staging, "_stage", stage)
    else:

        def trainings(*args: int) -> Any:
            raise RuntimeError("disk full")  # the volunteers are inserted, uncommitted

        monkeypatch.setattr(import_staging, "_new_trainings", trainings)
    with pytest.raises(RuntimeError):
        import_volunteers(desk, _sheet(tmp_path))
    assert _codes(desk) == []
    assert _staged(desk.db) == (0, 0, 0)
    assert _actions(desk.db) == before


def test_an_update_of_a_volunteer_changed_meanwhile_is_refused(
    desk: Desk, tmp_path: Path, make_volunteer: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sheet was read before someone changed V001: writing it would undo their change
    under a stale audit 'before'."""
    vid = make_volunteer("V001", "舊名")
    real = import_staging._stage

    def stage(*args: Any) -> None:
        real(*args)
        volunteers.update(desk, vid, volunteers.VolunteerInput("V001", "別人改的"))

    monkeypatch.setattr(import_staging, "_stage", stage)
    with pytest.raises(Conflict) as info:
        import_volunteers(desk, _sheet(tmp_path, [["V001", "表上的名字"], ["V100", "新人"]]))
    assert info.value.facts["reason"] == "changed_meanwhile"
    assert info.value.facts["codes"] == ["V001"]  # named, so the refusal can say who
    assert sorted(_codes(desk)) == ["V001"]
    with desk.db.read() as s:
        assert volunteers.get(s, desk, vid).name == "別人改的"
    assert _staged(desk.db) == (0, 0, 0)


def test_a_code_added_meanwhile_is_refused_naming_it(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = import_staging._stage

    def stage(*args: Any) -> None:
        real(*args)
        volunteers.add(desk, volunteers.VolunteerInput("V005", "先來的"))

    monkeypatch.setattr(import_staging, "_stage", stage)
    with pytest.raises(Conflict) as info:
        import_volunteers(desk, _sheet(tmp_path))
    assert (info.value.facts["field"], info.value.facts["value"]) == ("code", "V005")
    assert _codes(desk) == ["V005"]
    assert _staged(desk.db) == (0, 0, 0)


def test_new_volunteers_take_the_next_ids_and_each_training_its_own_volunteer(
    desk: Desk, tmp_path: Path, make_volunteer: Callable[..., int]
) -> None:
    """The step making an import visible gives the new volunteers their ids (the highest
    plus 1, 2, … in the sheet's order, whatever updates lie between) and copies each
    training to its volunteer without searching for it: a new row's, an update's new
    training, an update's changed hours. A volunteer added by hand afterwards takes the
    next id (on PostgreSQL the id sequence was moved past the given ones)."""
    first = make_volunteer("V001")  # trained 2026-01-10, 12 h
    second = make_volunteer("V002", trained=False)
    sheet = _sheet(
        tmp_path,
        [
            ["V002", "志工V002", "0912-345-678", "", "在職", None, "2026-03-01", 6, ""],
            ["N001", "新人一", "0912-000-001", "", "在職", None, "2026-02-01", 4, ""],
            ["V001", "志工V001", "0912-345-678", "", "在職", None, "2026-01-10", 9, ""],
            ["N002", "新人二", "0912-000-002", "", "在職", None, "2026-02-02", 5, ""],
        ],
    )
    report = import_volunteers(desk, sheet)
    assert (report.added, report.updated) == (["N001", "N002"], ["V002", "V001"])
    later = volunteers.add(desk, volunteers.VolunteerInput("N003", "後來的"))
    with desk.db.read() as s:
        ids = {code: vid for code, vid in s.execute(select(Volunteer.code, Volunteer.id))}
        trainings = sorted(
            (vid, day, hours)
            for vid, day, hours in s.execute(
                select(Training.volunteer_id, Training.taken_on, Training.hours)
            )
        )
    top = max(first, second)
    assert (ids["N001"], ids["N002"], later) == (top + 1, top + 2, top + 3)
    assert trainings == sorted(
        [
            (first, date(2026, 1, 10), 9.0),
            (second, date(2026, 3, 1), 6.0),
            (top + 1, date(2026, 2, 1), 4.0),
            (top + 2, date(2026, 2, 2), 5.0),
        ]
    )


# --- killed imports, settled by the next start ---------------------------------------------

_KILLED = """
import os, signal, sys
from frontdesk.services import import_staging
from frontdesk.services.opening import open_desk
from frontdesk.services.volunteer_io import import_volunteers
url, sheet, step = sys.argv[1:4]
import_staging.BATCH_ROWS = import_staging.CHAIN_ROWS = 4
real = getattr(import_staging, step)
def killed(*args, **kwargs):
    if step == "_chain_some":  # one batch of entries chained, then killed
        real(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)
setattr(import_staging, step, killed)
import_volunteers(open_desk(url, actor="supervisor:killed").desk, sheet)
"""


def _import_killed_at(url: str, sheet: Path, step: str) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", _KILLED, url, str(sheet), step], env=env, timeout=120
    )
    assert done.returncode == -signal.SIGKILL


def test_an_import_killed_while_staging_leaves_nothing_and_the_next_start_cleans_up(
    sqlite_db: Database, tmp_path: Path
) -> None:
    desk = new_desk(sqlite_db)
    before = _actions(sqlite_db)
    _import_killed_at(str(sqlite_db.url), _sheet(tmp_path), "_make_visible")
    assert _codes(desk) == []
    assert _staged(sqlite_db) == (1, 11, 11)  # staged, never visible
    again = open_desk(str(sqlite_db.url))
    again.db.dispose()
    assert _staged(sqlite_db) == (0, 0, 0)
    assert _codes(desk) == [] and _actions(sqlite_db) == before


def test_a_live_import_keeps_its_staged_rows_when_another_desk_starts(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = new_desk(sqlite_db)
    seen: list[tuple[int, int, int]] = []
    real = import_staging._make_visible

    def visible(db: Database, batch_id: int) -> None:
        import_staging.finish_imports(db)  # what another desk's start does now
        seen.append(_staged(db))
        real(db, batch_id)

    monkeypatch.setattr(import_staging, "_make_visible", visible)
    assert len(import_volunteers(desk, _sheet(tmp_path)).added) == 11
    assert seen == [(1, 11, 11)]


def test_an_import_killed_after_it_was_visible_is_completed_at_the_next_start(
    sqlite_db: Database, tmp_path: Path
) -> None:
    desk = new_desk(sqlite_db)
    before = _actions(sqlite_db)
    _import_killed_at(str(sqlite_db.url), _sheet(tmp_path), "_chain_some")
    assert _codes(desk) == [r[0] for r in ROWS]  # every row is in
    assert _actions(sqlite_db) == before + ["volunteer.add"] * 4  # the log not yet
    again = open_desk(str(sqlite_db.url))
    again.db.dispose()
    assert _actions(sqlite_db) == before + ["volunteer.add"] * 11 + ["volunteer.import"]
    assert _staged(sqlite_db) == (0, 0, 0)
    with sqlite_db.read() as s:
        assert audit.verify(s).ok
        actors = set(s.scalars(select(AuditEntry.actor).where(AuditEntry.id > len(before))))
    assert actors == {"supervisor:killed"}
