"""Data loss at the command line: no output path writes over the live database or its
backups, a restore keeps the source's WAL content, and a restore refuses while the desk
app (another process) holds the database."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from tests.cli.conftest import Run

REPO = Path(__file__).resolve().parents[2]


def _files(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (the database folder, backups included) and its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def _sites(path: Path) -> list[str]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM site ORDER BY id")]


def _checkpointed(path: Path) -> Path:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def backed_up(cli: Run, desk_db: Path) -> Path:
    """The desk with one backup in its backups folder."""
    assert cli("--db", desk_db, "backup").code == 0
    _checkpointed(desk_db)
    return desk_db


@pytest.mark.parametrize(
    "command",
    [
        ("volunteers", "export", "{db}"),
        ("volunteers", "export", "{db}", "--with-personal-data"),
        ("volunteers", "template", "{db}"),
        ("volunteers", "template", "{db}-wal"),
        ("volunteers", "template", "{db}-journal"),
        ("export", "--month", "2026-11", "--out", "{link}"),
        ("volunteers", "export", "{link}"),
        ("volunteers", "template", "{dotted}"),
        ("volunteers", "template", "{backup}"),
        ("export", "--month", "2026-11", "--out", "{backup}"),
        ("backup", "--out", "{db}-journal"),
        ("backup", "--out", "{backups}/extra.sqlite3"),
    ],
)
def test_no_command_writes_over_the_database_or_its_backups(
    cli: Run, backed_up: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    db = backed_up
    link = tmp_path / "elsewhere" / "link.xlsx"
    link.parent.mkdir()
    link.symlink_to(db)
    (backup,) = (db.parent / "backups").glob("*.sqlite3")
    names = {
        "db": str(db),
        "link": str(link),
        "dotted": str(tmp_path / "elsewhere" / ".." / db.name),
        "backup": str(backup.with_suffix("")) if command[0] == "export" else str(backup),
        "backups": str(db.parent / "backups"),
    }
    before = _files(tmp_path)
    r = cli("--db", db, *(part.format(**names) for part in command))
    assert r.code != 0
    assert "Nothing was written" in r.err or "Nothing was changed" in r.err, r.err
    assert _files(tmp_path) == before
    assert _sites(db) == ["測試衛生所"]


def test_restore_from_the_database_itself_or_a_link_to_it_is_refused(
    cli: Run, backed_up: Path, tmp_path: Path
) -> None:
    db = backed_up
    hard = tmp_path / "hard.sqlite3"
    os.link(db, hard)
    soft = tmp_path / "soft.sqlite3"
    soft.symlink_to(db)
    before = _files(tmp_path)
    for source in (db, hard, soft, tmp_path / "x" / ".." / db.name):
        r = cli("--db", db, "restore", source, "--yes")
        assert r.code != 0 and "is the database itself" in r.err, r.err
        assert _files(tmp_path) == before
        assert not list(tmp_path.glob("desk-replaced-*"))


def test_restore_from_a_copy_with_its_wal_keeps_the_wal_content(
    cli: Run, desk_db: Path, tmp_path: Path
) -> None:
    # A copy taken while the desk ran: the last change is only in the copy's -wal.
    source = tmp_path / "copied" / "desk.sqlite3"
    source.parent.mkdir()
    with closing(sqlite3.connect(desk_db)) as conn:
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("UPDATE site SET name = '只在 WAL 裡'")
        conn.commit()
        shutil.copyfile(desk_db, source)
        shutil.copyfile(
            desk_db.with_name(desk_db.name + "-wal"), source.with_name("desk.sqlite3-wal")
        )
        conn.execute("UPDATE site SET name = '後來改的'")
        conn.commit()
    assert source.with_name("desk.sqlite3-wal").stat().st_size > 0
    r = cli("--db", desk_db, "restore", source, "--yes")
    assert r.code == 0, r.err
    assert _sites(desk_db) == ["只在 WAL 裡"]
    assert cli("--db", desk_db, "check").code == 0


_HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from frontdesk.store import desklock
    with desklock.app_holds(Path(sys.argv[1]), sys.argv[2], wait_seconds=5):
        print("HELD", flush=True)
        sys.stdin.readline()
    """
)


@pytest.fixture
def app_running(backed_up: Path) -> Iterator[subprocess.Popen[str]]:
    """A second process holding the database as the running kiosk does."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(backed_up), "kiosk"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "HELD"
    try:
        yield proc
    finally:
        proc.kill()
        proc.communicate(timeout=10)  # closes the pipes too


def test_restore_refuses_while_the_desk_app_holds_the_database(
    cli: Run, backed_up: Path, app_running: subprocess.Popen[str], tmp_path: Path
) -> None:
    db = backed_up
    (backup,) = (db.parent / "backups").glob("*.sqlite3")
    assert cli("--db", db, "init", "--agency", "改過的名稱").code == 0
    _checkpointed(db)
    before = _files(tmp_path)
    r = cli("--db", db, "restore", backup, "--yes")
    assert r.code != 0
    assert "desk app (kiosk) is running" in r.err, r.err
    assert _files(tmp_path) == before
    # the app ends (or dies): the restore goes ahead
    app_running.kill()
    app_running.wait()
    r = cli("--db", db, "restore", backup, "--yes")
    assert r.code == 0, r.err
    assert _sites(db) == ["測試衛生所"]
