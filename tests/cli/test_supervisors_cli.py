"""`frontdesk supervisors list|unlock|set-password`: IT's way back in, audited."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

from frontdesk.core import accounts
from tests.cli.conftest import Run, dump

GOOD = "correct horse 9"


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


@pytest.fixture
def boss_db(cli: Run, desk_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    _stdin(monkeypatch, GOOD + "\n")
    r = cli("--db", desk_db, "init", "--agency", "測試衛生所", "--supervisor", "boss",
            "--password-stdin")  # fmt: skip
    assert r.code == 0, r.err
    return desk_db


def _lock(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE supervisor SET locked_until = '2999-01-01 00:00:00.000000', lockouts = 3, "
        "failed_attempts = 0 WHERE username = 'boss'"
    )
    conn.commit()
    conn.close()


def _audit(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT action, actor FROM audit_entry ORDER BY id").fetchall()
    conn.close()
    return rows


def test_list_names_the_accounts_and_their_state(cli: Run, boss_db: Path) -> None:
    r = cli("--db", boss_db, "supervisors", "list")
    assert r.code == 0, r.err
    assert r.out.split("\t")[0] == "boss" and "active" in r.out
    _lock(boss_db)
    assert "locked until" in cli("--db", boss_db, "supervisors", "list").out


def test_unlock_lifts_the_lock_and_is_audited(cli: Run, boss_db: Path) -> None:
    _lock(boss_db)
    r = cli("--db", boss_db, "supervisors", "unlock", "boss")
    assert r.code == 0, r.err
    assert "unlocked" in r.out
    action, actor = _audit(boss_db)[-1]
    assert action == "supervisor.unlock" and actor.startswith("cli")
    conn = sqlite3.connect(boss_db)
    assert conn.execute("SELECT locked_until, lockouts FROM supervisor").fetchone() == (None, 0)
    conn.close()
    assert "not locked" in cli("--db", boss_db, "supervisors", "unlock", "boss").out
    r = cli("--db", boss_db, "supervisors", "unlock", "nobody")
    assert r.code == 2 and "no supervisor account" in r.err


def test_set_password_from_stdin(cli: Run, boss_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _lock(boss_db)
    _stdin(monkeypatch, "a brand new one\n")
    r = cli("--db", boss_db, "supervisors", "set-password", "boss", "--password-stdin")
    assert r.code == 0, r.err
    assert _audit(boss_db)[-1][0] == "supervisor.password"
    from frontdesk.services import supervisors
    from frontdesk.services.opening import open_desk

    opened = open_desk(str(boss_db))
    try:
        assert supervisors.authenticate(opened.desk, "boss", "a brand new one")  # and unlocked
    finally:
        opened.db.dispose()


@pytest.mark.parametrize("typed", ["", "\n", "short\n"])
def test_set_password_refuses_an_empty_or_short_one_quoting_the_rule(
    cli: Run, boss_db: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    before = dump(boss_db)
    _stdin(monkeypatch, typed)
    r = cli("--db", boss_db, "supervisors", "set-password", "boss", "--password-stdin")
    assert r.code == 2
    assert f"at least {accounts.MIN_PASSWORD} characters" in r.err
    assert "Unexpected" not in r.err
    assert dump(boss_db) == before


def test_set_password_without_a_terminal_or_stdin_option_says_how(
    cli: Run, boss_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, "")
    r = cli("--db", boss_db, "supervisors", "set-password", "boss")
    assert r.code == 2
    assert "--password-stdin" in r.err and "Unexpected" not in r.err


def test_init_with_a_supervisor_and_nothing_on_stdin_says_how(
    cli: Run, dbfile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It printed 'Unexpected problem: EOFError' (a bug's words) for a person's omission."""
    _stdin(monkeypatch, "")
    r = cli("--db", dbfile, "init", "--agency", "測試衛生所", "--supervisor", "boss")
    assert r.code == 2
    assert "No password was given" in r.err and "--password-stdin" in r.err
    assert "Unexpected" not in r.err and "EOFError" not in r.err
    assert not dbfile.exists()  # refused before anything was written
