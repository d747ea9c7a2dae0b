"""`frontdesk notices ics` writes one calendar file per rostered volunteer into a folder
(the same UIDs when run again); `frontdesk notices line` prints a week's LINE message."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import local_day, utcnow
from frontdesk.services import roster
from frontdesk.services.context import Desk
from frontdesk.services.errors import FrontdeskError
from frontdesk.services.opening import open_desk
from frontdesk.services.setup import update_settings
from frontdesk.services.volunteers import find_by_code
from tests.cli.conftest import DEMO_TODAY, Run
from tests.support import ics_lines
from tests.support.smtp import memory_keyring, smtp_server


def test_ics_for_every_volunteer_into_a_folder(cli: Run, demo_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "行事曆"
    r = cli("--db", demo_db, "notices", "ics", "--month", DEMO_TODAY[:7], "--out", folder)
    assert r.code == 0, r.err
    files = sorted(folder.glob("*.ics"))
    assert files and f"{len(files)} calendar files" in r.out
    uids = {}
    for f in files:
        cal = Calendar.from_ical(f.read_bytes())
        assert cal.walk("VEVENT"), f
        ics_lines.parse(f.read_bytes())  # the second reader agrees the file is well-formed
        uids[f.name] = sorted(str(e["UID"]) for e in cal.walk("VEVENT"))
    again = cli("--db", demo_db, "notices", "ics", "--month", DEMO_TODAY[:7], "--out", folder)
    assert again.code == 0
    assert {
        f.name: sorted(str(e["UID"]) for e in Calendar.from_ical(f.read_bytes()).walk("VEVENT"))
        for f in sorted(folder.glob("*.ics"))
    } == uids
    assert not list(folder.glob(".frontdesk-tmp-*"))


def test_ics_for_one_code(cli: Run, demo_db: Path, tmp_path: Path) -> None:
    r = cli(
        "--db", demo_db, "notices", "ics", "--month", DEMO_TODAY[:7], "--out", tmp_path,
        "--code", "V002",
    )  # fmt: skip
    assert r.code == 0, r.err
    assert [p.name.split("_")[0] for p in tmp_path.glob("*.ics")] == ["V002"]


def test_line_message_of_a_week(cli: Run, demo_db: Path) -> None:
    r = cli("--db", demo_db, "notices", "line", "--week", "2025-03-17")
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert lines[0].startswith("【") and "3/17" in lines[0]
    assert "3/18" in r.out


def _duty_soon(desk: Desk, code: str) -> None:
    """V002 on the next open slot from tomorrow (by the real clock: the command runs on it)."""
    who = find_by_code(desk, code)
    day = local_day(utcnow())
    for _ in range(5):
        day += timedelta(days=1)
        try:
            roster.assign(desk, ShiftKey(day, "AM"), who.id, confirm_warnings=True)
            return
        except FrontdeskError:
            continue
    raise AssertionError("no open slot in the next five days")


def test_email_consent_password_and_send(
    cli: Run, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A consent recorded, the password kept in the credential store (read from stdin),
    the due e-mails sent by `notices send` through a real local server."""
    with memory_keyring() as ring, smtp_server() as (box, port):
        monkeypatch.setattr("sys.stdin", io.StringIO("pw-of-the-desk\n"))
        r = cli("--db", demo_db, "notices", "smtp-password", "--password-stdin")
        assert r.code == 2 and not ring.secrets  # no mail server named yet
        opened = open_desk(str(demo_db))
        try:
            update_settings(
                opened.desk,
                {"smtp_host": "127.0.0.1", "smtp_port": str(port), "smtp_security": "none",
                 "smtp_user": "desk", "smtp_from": "desk@example.tw",
                 "reminder_days_before": "5"},
            )  # fmt: skip
            _duty_soon(opened.desk, "V002")
        finally:
            opened.db.dispose()
        monkeypatch.setattr("sys.stdin", io.StringIO("pw-of-the-desk\n"))
        r = cli("--db", demo_db, "notices", "smtp-password", "--password-stdin")
        assert r.code == 0, r.err
        assert list(ring.secrets.values()) == ["pw-of-the-desk"]
        r = cli(
            "--db", demo_db, "notices", "email", "V002", "--address", "v2@example.tw", "--opt-in"
        )
        assert r.code == 0, r.err
        r = cli("--db", demo_db, "notices", "email", "V003", "--address", "nope", "--opt-in")
        assert r.code == 2
        r = cli("--db", demo_db, "notices", "send")
        assert r.code == 0, r.err
        assert "sent" in r.out
        assert box.to() == ["v2@example.tw"]
        assert box.logins and all(p == "pw-of-the-desk" for _, p in box.logins)
        assert cli("--db", demo_db, "notices", "outbox").code == 0
        assert b"pw-of-the-desk" not in demo_db.read_bytes()
