"""`frontdesk audit export`: the audit log (or part of it) to Excel from the command line."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.cli.conftest import Run


def test_export_all_then_filtered(cli: Run, demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "log.xlsx"
    r = cli("--db", demo_db, "audit", "export", "--out", out)
    assert r.code == 0, r.err
    path, count = r.out.strip().splitlines()
    assert path == str(out) and count.endswith("entries.")
    everything = int(count.split()[0])
    ws = load_workbook(out)["稽核紀錄"]
    assert ws.max_row == everything + 3  # title, filters, header
    r = cli(
        "--db",
        demo_db,
        "audit",
        "export",
        "--out",
        tmp_path / "sweeps",
        "--who",
        "system",
        "--what",
        "attendance.sweep",
        "--from",
        "2025-02-01",
        "--to",
        "2025-02-28",
    )
    assert r.code == 0, r.err
    sweeps = int(r.out.strip().splitlines()[1].split()[0])
    assert 0 < sweeps < everything
    ws = load_workbook(tmp_path / "sweeps.xlsx")["稽核紀錄"]
    assert {ws.cell(row, 4).value for row in range(4, ws.max_row + 1)} == {
        "Daily check for absences and forgotten sign-outs"
    }
    assert all(str(ws.cell(row, 2).value).startswith("114/02/") for row in range(4, ws.max_row + 1))


def test_wrong_filters_are_answered_in_words(cli: Run, demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    r = cli("--db", demo_db, "audit", "export", "--out", out, "--what", "nope")
    assert r.code == 2 and "nope is not an action of the audit log" in r.err
    r = cli(
        "--db",
        demo_db,
        "audit",
        "export",
        "--out",
        out,
        "--from",
        "2025-03-02",
        "--to",
        "2025-03-01",
    )
    assert r.code == 2 and "The last day is before the first day" in r.err
    assert not out.exists()
