"""Pulling the plug on `frontdesk restore`, many times: killed at a random moment of the
restore, the database under its real name is always whole and either the old one or the
new one, and after the next start (the one way a desk opens) it is the old one or the new
one with nothing left over: no journal, no staged copy, no temporary file; when it is the
new one, the old one was kept aside.

A restore runs in a child forked from a process that has already imported frontdesk, so
the random delay (0 to 1.2 times one measured restore) lands inside the restore, not in the
interpreter's start. FRONTDESK_DRILL_RESTORE_KILLS sets the number of kills (default 50),
FRONTDESK_DRILL_SEED the random seed.
"""

from __future__ import annotations

import contextlib
import os
import random
import secrets
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest

from frontdesk.services.opening import open_desk
from frontdesk.services.setup import init_site
from frontdesk.store import restore, scratch
from frontdesk.store.backup import backup_database, integrity_problems
from frontdesk.store.db import Database
from frontdesk.store.migrate import upgrade

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="forks a restore per kill")

KILLS = int(os.environ.get("FRONTDESK_DRILL_RESTORE_KILLS") or 50)
REPO = Path(__file__).resolve().parents[2]
FILLER_ROWS = 3000  # about 3 MB, so a restore lasts long enough to be cut anywhere

# Imports once, then forks one restore per line read; prints the child's pid, then how it
# ended once told to reap it.
FORK_SERVER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from frontdesk.services.maintenance import restore
    db, source = Path(sys.argv[1]), Path(sys.argv[2])
    print("READY", flush=True)
    for line in sys.stdin:
        if line.strip() != "go":
            break
        start = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            try:
                restore(db, source)
            except BaseException as exc:
                print("CHILD FAILED", repr(exc), file=sys.stderr, flush=True)
                os._exit(3)
            os._exit(0)
        print(pid, flush=True)
        _, status = os.waitpid(pid, 0)
        took = time.perf_counter() - start
        print(os.waitstatus_to_exitcode(status), f"{took:.4f}", flush=True)
    """
)


def _content(path: Path) -> tuple[str, int]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        name = conn.execute("SELECT name FROM site").fetchone()[0]
        rows = conn.execute("SELECT count(*) FROM filler").fetchone()[0]
    return str(name), int(rows)


def _make_desk(folder: Path, name: str, rows: int) -> Path:
    path = folder / "frontdesk.sqlite3"
    folder.mkdir(parents=True)
    db = Database(f"sqlite:///{path}")
    try:
        upgrade(db)
        init_site(db, name)
    finally:
        db.dispose()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("CREATE TABLE filler (n INTEGER, pad BLOB)")
        conn.executemany(
            "INSERT INTO filler VALUES (?, randomblob(1000))", [(i,) for i in range(rows)]
        )
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _reset(folder: Path, original: Path) -> Path:
    """The desk folder as before any restore: only the old database."""
    for entry in folder.iterdir():
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    db = folder / original.name
    shutil.copyfile(original, db)
    return db


def _leftovers(folder: Path) -> list[str]:
    db = folder / "frontdesk.sqlite3"
    found = [p.name for p in folder.rglob("*") if scratch.is_ours(p)]
    found += [p.name for p in (restore.journal_path(db), restore.staged_path(db)) if p.exists()]
    return sorted(set(found))


def test_killing_a_restore_leaves_the_old_or_the_new_database(tmp_path: Path) -> None:
    seed = int(os.environ.get("FRONTDESK_DRILL_SEED") or secrets.randbits(32))
    rng = random.Random(seed)
    where = f"FRONTDESK_DRILL_SEED={seed}"
    original = _make_desk(tmp_path / "old", "舊的", FILLER_ROWS)
    new_desk = _make_desk(tmp_path / "new", "新的", FILLER_ROWS + 1)
    source = backup_database(
        Database(f"sqlite:///{new_desk}"), tmp_path / "backups-elsewhere" / "new.sqlite3"
    )
    old, new = _content(original), _content(source)
    desk = tmp_path / "desk"
    desk.mkdir()
    db = _reset(desk, original)

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    server = subprocess.Popen(
        [sys.executable, "-c", FORK_SERVER, str(db), str(source)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert server.stdin is not None and server.stdout is not None
    started = time.monotonic()
    outcomes: Counter[str] = Counter()
    try:
        assert server.stdout.readline().strip() == "READY"

        def one(delay: float | None) -> tuple[int, float]:
            assert server.stdin is not None and server.stdout is not None
            server.stdin.write("go\n")
            server.stdin.flush()
            pid = int(server.stdout.readline())
            if delay is not None:
                time.sleep(delay)
                with contextlib.suppress(ProcessLookupError):  # it finished first
                    os.kill(pid, signal.SIGKILL)
            code, took = server.stdout.readline().split()
            return int(code), float(took)

        code, full = one(None)  # one whole restore, to know how long one lasts
        assert code == 0 and _content(db) == new, where
        for n in range(KILLS):
            db = _reset(desk, original)
            code, _ = one(rng.uniform(0.0, full * 1.2))
            assert code in (0, -signal.SIGKILL), (n, code, where)
            # At every instant the real name holds a whole database, the old or the new one.
            assert integrity_problems(db) == [], (n, where)
            before = _content(db)
            assert before in (old, new), (n, before, where)
            # The next start finishes (or undoes) what the kill interrupted.
            open_desk(f"sqlite:///{db}").db.dispose()
            after = _content(db)
            assert integrity_problems(db) == [], (n, where)
            assert after in (old, new), (n, after, where)
            assert _leftovers(desk) == [], (n, _leftovers(desk), where)
            if after == new:
                kept = list(desk.glob("frontdesk-replaced-*.sqlite3"))
                assert len(kept) == 1 and _content(kept[0]) == old, (n, where)
            kind = "finished" if code == 0 else "killed"
            label = "old" if after == old else "new"
            outcomes[f"{kind}: {'old' if before == old else 'new'} -> {label}"] += 1
    finally:
        server.kill()
        _, err = server.communicate(timeout=10)
    elapsed = time.monotonic() - started
    assert "CHILD FAILED" not in err, err[-2000:]
    print(
        f"\nrestore drill: {KILLS} kills in {elapsed:.1f}s (one restore {full * 1000:.0f} ms), "
        f"{dict(sorted(outcomes.items()))}; {where}"
    )
    assert outcomes, where
