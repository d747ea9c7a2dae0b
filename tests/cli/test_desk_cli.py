"""`frontdesk desk` and `init --desk` on a shared PostgreSQL server: each PC names its own
desk in its data folder; the shared database's desk name and agency stay as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.services.context import Desk, load_settings
from frontdesk.services.offline.identity import desk_identity
from frontdesk.services.setup import first_site_id
from frontdesk.store.db import Database
from tests.cli.conftest import Run

pytestmark = pytest.mark.postgres


def test_each_pc_names_its_own_desk(
    cli: Run, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "pc1", tmp_path / "pc2"
    monkeypatch.setenv("FRONTDESK_HOME", str(first))
    r = cli("--db", pg_url, "init", "--agency", "苓雅區衛生所", "--desk", "一樓服務台")
    assert r.code == 0, r.err
    monkeypatch.setenv("FRONTDESK_HOME", str(second))
    r = cli("--db", pg_url, "init", "--agency", "苓雅區衛生所", "--desk", "二樓服務台")
    assert r.code == 0, r.err
    assert "二樓服務台" in r.out
    assert desk_identity(first).name == "一樓服務台"
    assert desk_identity(second).name == "二樓服務台"
    assert desk_identity(first).id != desk_identity(second).id
    r = cli("desk", "name", "三樓服務台")
    assert r.code == 0, r.err
    r = cli("desk", "show")
    assert "三樓服務台" in r.out and desk_identity(second).id in r.out
    assert desk_identity(first).name == "一樓服務台"  # the other PC keeps its name
    db = Database(pg_url)
    try:
        site_id = first_site_id(db)
        assert site_id is not None
        with db.read() as session:
            shared = load_settings(session, site_id)
        assert (shared.agency_name, shared.desk_name) == ("苓雅區衛生所", "服務台")
    finally:
        db.dispose()


def test_a_desk_name_is_refused_when_empty(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRONTDESK_HOME", str(tmp_path))
    r = cli("desk", "name", "  ")
    assert r.code != 0 and r.err


def test_check_lists_each_desks_state(
    cli: Run, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC, datetime

    from frontdesk.services.offline.state import DeskStatus, report

    monkeypatch.setenv("FRONTDESK_HOME", str(tmp_path))
    assert cli("--db", pg_url, "init", "--agency", "苓雅區衛生所").code == 0
    r = cli("--db", pg_url, "check")
    assert r.code == 0, r.err
    assert "no desk has reported yet" in r.out
    db = Database(pg_url)
    try:
        site_id = first_site_id(db)
        assert site_id is not None
        since = datetime(2026, 12, 1, 0, 27, tzinfo=UTC)  # 08:27 in Taipei
        desk = Desk(db, site_id)
        report(desk, DeskStatus("一樓服務台", False, since, 3, None, 0, "a" * 32), None)
        report(desk, DeskStatus("二樓服務台", True, None, 0, since, 5, "b" * 32), None)
    finally:
        db.dispose()
    r = cli("--db", pg_url, "check")
    assert r.code == 0, r.err
    first, second = [line for line in r.out.splitlines() if line.startswith("DESK")]
    assert "一樓服務台" in first and "offline since" in first and "08:27" in first
    assert "3 scans waiting" in first
    assert "二樓服務台" in second and "online" in second and "last sent" in second


def test_check_says_the_desks_go_on_without_the_server(cli: Run) -> None:
    r = cli("--db", "postgresql://frontdesk:pw@127.0.0.1:1/frontdesk", "check")
    assert r.code == 1
    assert "Cannot open the database" in r.err
    assert "keep taking scans offline" in r.err and "upload them" in r.err
