"""`frontdesk volunteers set-pin`: a volunteer's kiosk PIN from the command line (it could
be set nowhere but in code), hashed with argon2 and audited."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

from tests.cli.conftest import Run, dump


def _first_code(path: Path) -> tuple[int, str]:
    conn = sqlite3.connect(path)
    try:
        vid, code = conn.execute("SELECT id, code FROM volunteer ORDER BY id LIMIT 1").fetchone()
    finally:
        conn.close()
    return int(vid), str(code)


def _pin_hash(path: Path, vid: int) -> str | None:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT pin_hash FROM volunteer WHERE id = ?", (vid,)).fetchone()[0]
    finally:
        conn.close()


def test_set_pin_from_stdin_is_hashed_audited_and_accepted_at_the_desk(
    cli: Run, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vid, code = _first_code(demo_db)
    monkeypatch.setattr("sys.stdin", io.StringIO("2468\n"))
    r = cli("--db", demo_db, "volunteers", "set-pin", code.lower(), "--pin-stdin")
    assert r.code == 0, r.err
    assert code in r.out
    stored = _pin_hash(demo_db, vid)
    assert stored is not None and stored.startswith("$argon2") and "2468" not in stored
    from frontdesk.services import pins
    from frontdesk.services.opening import open_desk

    opened = open_desk(str(demo_db))
    try:
        assert pins.check_pin(opened.desk, vid, "2468").answer is pins.PinAnswer.RIGHT
    finally:
        opened.db.dispose()
    r = cli("--db", demo_db, "volunteers", "set-pin", code, "--clear")
    assert r.code == 0, r.err
    assert _pin_hash(demo_db, vid) is None
    conn = sqlite3.connect(demo_db)
    try:
        actions = [a for (a,) in conn.execute("SELECT action FROM audit_entry ORDER BY id")]
    finally:
        conn.close()
    assert actions[-2:] == ["volunteer.pin_set", "volunteer.pin_clear"]


@pytest.mark.parametrize("typed", ["", "12a4\n", "12345\n"])
def test_set_pin_refuses_anything_but_four_digits(
    cli: Run, demo_db: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    _vid, code = _first_code(demo_db)
    before = dump(demo_db)
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    r = cli("--db", demo_db, "volunteers", "set-pin", code, "--pin-stdin")
    assert r.code == 2
    assert "PIN" in r.err and "Unexpected" not in r.err
    assert dump(demo_db) == before
