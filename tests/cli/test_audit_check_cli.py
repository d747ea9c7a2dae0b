"""`frontdesk check` on the audit log: its triggers, its anchors, and `--anchor COUNT:HASH`."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from tests.cli.conftest import Run


def _head(out: str) -> str:
    m = re.search(r"--anchor\): (\d+:[0-9a-f]{64})", out)
    assert m is not None, out
    return m.group(1)


def test_check_prints_the_head_and_verifies_it_from_paper(cli: Run, desk_db: Path) -> None:
    r = cli("--db", desk_db, "check")
    assert r.code == 0, r.err
    assert "audit log triggers in place and enabled" in r.out
    paper = _head(r.out)
    r = cli("--db", desk_db, "check", "--anchor", paper)
    assert r.code == 0, r.err
    assert f"the anchor {paper} lies on the chain" in r.out
    count = paper.split(":")[0]
    r = cli("--db", desk_db, "check", "--anchor", f"{count}:{'0' * 64}")
    assert r.code == 1
    assert "does not match entry" in r.out and "re-hashed" in r.out


def test_check_refuses_an_anchor_that_is_not_one(cli: Run, desk_db: Path) -> None:
    r = cli("--db", desk_db, "check", "--anchor", "12:abc")
    assert r.code != 0
    assert "12:abc is not an audit anchor" in r.err


def test_check_fails_after_the_log_was_emptied_with_its_triggers(cli: Run, desk_db: Path) -> None:
    assert cli("--db", desk_db, "check").code == 0  # records an anchor
    conn = sqlite3.connect(desk_db)
    with conn:
        conn.execute("DROP TRIGGER audit_entry_no_update")
        conn.execute("DROP TRIGGER audit_entry_no_delete")
        conn.execute("DELETE FROM audit_entry")
    conn.close()
    r = cli("--db", desk_db, "check")
    assert r.code == 1
    assert "audit log: 0 entries, chain intact" in r.out  # what the old check said, alone
    assert "audit log trigger audit_entry_no_delete is missing" in r.out
    assert "entries were removed" in r.out
    assert "The database check found problems." in r.err
