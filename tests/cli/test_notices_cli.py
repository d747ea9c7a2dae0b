"""`frontdesk notices ics` writes one calendar file per rostered volunteer into a folder
(the same UIDs when run again); `frontdesk notices line` prints a week's LINE message."""

from __future__ import annotations

from pathlib import Path

from icalendar import Calendar

from tests.cli.conftest import DEMO_TODAY, Run
from tests.support import ics_lines


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
