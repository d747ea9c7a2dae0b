"""Recovery at start-up and safe writing: an interrupted restore is finished, a hot journal
is rolled back before the file is judged, killed jobs' temporary files are removed, and a
full disk is called a full disk."""

from __future__ import annotations

import errno
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from frontdesk.services.opening import open_desk
from frontdesk.services.setup import init_site
from frontdesk.store import paths, restore, scratch
from frontdesk.store.backup import backup_database, daily_backup
from frontdesk.store.db import Database
from frontdesk.store.errors import DiskFull
from frontdesk.store.migrate import upgrade
from frontdesk.store.startup import check_file, recover
from frontdesk.words.errors import describe_error

REPO = Path(__file__).resolve().parents[2]


def _sites(path: Path) -> list[str]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM site ORDER BY id")]


@pytest.fixture
def desk_file(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "frontdesk.sqlite3"
    path.parent.mkdir()
    db = Database(f"sqlite:///{path}")
    upgrade(db)
    init_site(db, "舊的")
    db.dispose()
    return path


def _new_backup(desk_file: Path, tmp_path: Path) -> Path:
    """A backup whose agency is 新的, the desk itself left as 舊的."""
    db = Database(f"sqlite:///{desk_file}")
    try:
        with closing(sqlite3.connect(desk_file)) as conn, conn:
            conn.execute("UPDATE site SET name = '新的'")
        out = backup_database(db, tmp_path / "new.sqlite3")
        with closing(sqlite3.connect(desk_file)) as conn, conn:
            conn.execute("UPDATE site SET name = '舊的'")
    finally:
        db.dispose()
    return out


# --- an interrupted restore -----------------------------------------------------------


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs (no except, no finally of ours catches it)."""


@pytest.mark.parametrize("stop_after", ["journal", "aside", "before_swap"])
def test_a_restore_killed_after_its_journal_is_finished_at_the_next_start(
    desk_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop_after: str
) -> None:
    source = _new_backup(desk_file, tmp_path)
    staged = restore.staged_path(desk_file)
    if stop_after == "before_swap":
        real_replace = os.replace

        def replace(src: object, dst: object) -> None:
            if Path(str(src)) == staged:
                raise Killed
            real_replace(src, dst)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "replace", replace)
    else:
        name = {"journal": "_write_journal", "aside": "_keep"}[stop_after]
        real = getattr(restore, name)

        def step_then_die(*args: object) -> None:
            real(*args)
            raise Killed

        monkeypatch.setattr(restore, name, step_then_die)
    with pytest.raises(Killed):
        restore.restore_database(desk_file, source)
    monkeypatch.undo()
    assert _sites(desk_file) == ["舊的"]  # the real name still holds a whole database
    assert restore.journal_path(desk_file).exists()

    opened = open_desk(f"sqlite:///{desk_file}", need_site=False)
    opened.db.dispose()
    assert _sites(desk_file) == ["新的"]
    assert not restore.journal_path(desk_file).exists()
    assert not staged.exists()
    asides = list(desk_file.parent.glob("frontdesk-replaced-*.sqlite3"))
    assert len(asides) == 1 and _sites(asides[0]) == ["舊的"]


def test_a_restore_killed_before_its_journal_leaves_the_old_database(
    desk_file: Path, tmp_path: Path
) -> None:
    staged = restore.staged_path(desk_file)
    staged.write_bytes(b"half a copy")
    staged.with_name(staged.name + "-journal").write_bytes(b"x")
    open_desk(f"sqlite:///{desk_file}").db.dispose()
    assert _sites(desk_file) == ["舊的"]
    assert [p.name for p in desk_file.parent.iterdir() if p.name.startswith(".frontdesk")] == []


def test_a_journal_whose_swap_was_done_is_removed(desk_file: Path) -> None:
    journal = restore.journal_path(desk_file)
    journal.write_text(json.dumps({"staged": "", "aside": ""}), encoding="utf-8")
    recover(desk_file)
    assert not journal.exists() and _sites(desk_file) == ["舊的"]


# --- a hot journal ---------------------------------------------------------------------

_MID_TRANSACTION = textwrap.dedent(
    """
    import os, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA cache_size=1")  # spill pages to the file before the commit
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("CREATE TABLE half_done (x)")
    for _ in range(3000):
        conn.execute("INSERT INTO half_done VALUES (?)", ("x" * 200,))
    conn.execute("UPDATE site SET name = 'never committed'")
    os.kill(os.getpid(), 9)
    """
)


def test_a_hot_journal_is_rolled_back_not_called_damaged(desk_file: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", _MID_TRANSACTION, str(desk_file)], check=False)
    assert proc.returncode == -signal.SIGKILL
    journal = desk_file.with_name(desk_file.name + "-journal")
    assert journal.stat().st_size > 0  # hot: a killed writer's way back
    opened = open_desk(f"sqlite:///{desk_file}")
    opened.db.dispose()
    assert opened.site_id is not None
    assert _sites(desk_file) == ["舊的"]
    assert check_file(desk_file) is None


# --- temporary files -------------------------------------------------------------------

_KILLED_JOB = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from openpyxl import Workbook
    from frontdesk.store import scratch
    target = Path(sys.argv[2])
    with scratch.job(Path(sys.argv[1])) as job, job.library_temp_files():
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("phones")
        ws.append(["0912345678"])  # openpyxl writes the sheet's XML to a temporary file
        tmp = job.beside(target)
        tmp.write_bytes(b"half a workbook")
        tmp.with_name(tmp.name + "-journal").write_bytes(b"x")
        print(job.id, flush=True)
        os.kill(os.getpid(), 9)
    """
)


def test_a_killed_jobs_temporary_files_are_removed_at_the_next_start(
    desk_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "usb" / "month.xlsx"
    target.parent.mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-c", _KILLED_JOB, str(desk_file), str(target)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    job_id = proc.stdout.strip()
    root = scratch.scratch_root(desk_file)
    left = [p for p in target.parent.iterdir()]
    assert left and all(scratch.is_ours(p) for p in left)
    assert list((root / job_id).iterdir())  # openpyxl's sheet, in our folder
    mine = target.parent / "mine.xlsx"  # a file of the person's, never touched
    mine.write_bytes(b"keep")

    opened = open_desk(f"sqlite:///{desk_file}")
    opened.db.dispose()
    assert list(target.parent.iterdir()) == [mine]
    assert not (root / job_id).exists()
    assert not (root / f"{job_id}.list").exists()


def test_a_running_jobs_files_are_left_alone(desk_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "month.xlsx"
    with scratch.job(desk_file) as job:
        tmp = job.beside(target)
        tmp.write_bytes(b"being written")
        assert scratch.clean_leftovers(desk_file) == []
        assert tmp.exists()
    assert not tmp.exists()


def test_library_temp_files_go_to_our_folder_not_the_system_temp(desk_file: Path) -> None:
    with scratch.job(desk_file) as job, job.library_temp_files():
        wb = Workbook(write_only=True)
        wb.create_sheet("phones").append(["0912345678"])
        assert job.folder is not None and list(job.folder.iterdir())
        wb.save(io.BytesIO())
    assert not job.folder.exists()


# --- a full disk -----------------------------------------------------------------------


def test_a_full_backup_folder_is_called_full_and_named(
    desk_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Database(f"sqlite:///{desk_file}")
    folder = paths.backups_dir(desk_file)

    def no_space(self: Path, target: Path) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(Path, "replace", no_space)
    try:
        with pytest.raises(DiskFull) as caught:
            daily_backup(db, date(2026, 11, 2))
    finally:
        monkeypatch.undo()
        db.dispose()
    sentence = describe_error(caught.value)
    assert str(folder) in sentence and "is full" in sentence
    assert "damaged" not in sentence.replace("is not damaged", "")
    assert list(folder.iterdir()) == []


def test_a_restore_onto_a_full_disk_is_called_full_and_changes_nothing(
    desk_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _new_backup(desk_file, tmp_path)
    before = desk_file.read_bytes()

    class FullConnection:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def backup(self, _out: sqlite3.Connection) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        def close(self) -> None:
            self.conn.close()

    real_connect = sqlite3.connect

    def connect(target: str, *args: object, **kwargs: object) -> object:
        conn = real_connect(target, *args, **kwargs)  # type: ignore[arg-type]
        return FullConnection(conn) if str(source) in target else conn

    monkeypatch.setattr(sqlite3, "connect", connect)
    with pytest.raises(DiskFull) as caught:
        restore.restore_database(desk_file, source)
    monkeypatch.undo()
    assert caught.value.facts["folder"] == str(desk_file.parent)
    assert desk_file.read_bytes() == before
    assert not restore.interrupted(desk_file)
