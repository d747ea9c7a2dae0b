"""The test databases themselves: what the shared fixtures promise other tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from frontdesk.store import migrate, paths
from frontdesk.store.db import Database
from frontdesk.store.models import Site
from tests import pg
from tests.store import builders

ROOT = Path(__file__).resolve().parents[2]


def test_no_real_user_data_or_screen() -> None:
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"
    home = Path(os.environ[paths.ENV_HOME])
    assert paths.data_dir() == home
    assert home.is_dir()
    assert "FRONTDESK_DB" not in os.environ


def test_db_url_is_empty(db_url: str) -> None:
    database = Database(db_url)
    try:
        assert inspect(database.engine).get_table_names() == []
    finally:
        database.dispose()


def test_db_is_migrated_and_fresh(db: Database) -> None:
    assert migrate.current_revision(db) == migrate.head_revision()
    with db.write() as s:
        builders.site(s, "only in this test")
    with db.read() as s:
        assert s.scalars(select(Site.name)).all() == ["only in this test"]


def test_db_is_fresh_again(db: Database) -> None:
    """Runs after the test above: nothing of it is left."""
    with db.read() as s:
        assert s.scalars(select(Site)).all() == []


def test_sqlite_db_is_a_real_file(sqlite_db: Database, tmp_path: Path) -> None:
    assert sqlite_db.is_sqlite
    assert sqlite_db.path is not None and sqlite_db.path.parent == tmp_path
    assert sqlite_db.path.is_file()


def test_pg_server_is_real_and_local(pg_server: pg.PgServer, pg_url: str) -> None:
    database = Database(pg_url)
    try:
        with database.read() as s:
            assert s.execute(text("SHOW listen_addresses")).scalar() == "127.0.0.1"
            assert s.execute(text("SHOW fsync")).scalar() == "off"
            assert s.execute(text("SELECT current_database()")).scalar().startswith("fd_test_")
            assert (
                s.execute(text("SELECT current_setting('server_version_num')::int")).scalar()
                >= 130000
            )
    finally:
        database.dispose()
    assert pg_url == pg_server.url(pg_url.rsplit("/", 1)[1])
    assert pg_server.startup_seconds < 10


def test_objects_read_stay_usable_after_the_session(db: Database) -> None:
    with db.write() as s:
        builders.site(s, "desk")
    with db.read() as s:
        site = s.scalars(select(Site)).one()
    assert site.name == "desk"  # not expired by the end of the read session
    assert site.created_at == builders.NOW


def test_missing_postgres_binaries_say_how_to_get_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pg, "find_bin_dir", lambda: None)
    with pytest.raises(pg.PgUnavailable, match="apt-get install postgresql") as info:
        pg.start_server()
    assert ".ci/run" in str(info.value)


def test_find_bin_dir_finds_initdb_and_pg_ctl() -> None:
    bin_dir = pg.find_bin_dir()
    assert bin_dir is not None
    assert (bin_dir / "initdb").is_file() and (bin_dir / "pg_ctl").is_file()


_PLUGIN = """
import tests.pg
tests.pg.find_bin_dir = lambda: None
"""


def _run_pytest(tmp_path: Path, env_extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    (tmp_path / "no_pg_binaries.py").write_text(_PLUGIN)
    env = {k: v for k, v in os.environ.items() if k != "FRONTDESK_TEST_NO_PG"}
    env.update(env_extra)
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path), str(ROOT)])
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no_pg_binaries",
            "-p",
            "no:cacheprovider",
            "-q",
            "-rsE",
            "tests/store/test_constraints.py::test_volunteer_code_unique_per_site",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_without_postgres_the_run_fails_not_skips(tmp_path: Path) -> None:
    proc = _run_pytest(tmp_path, {})
    assert proc.returncode != 0, proc.stdout
    assert "1 passed, 1 error" in proc.stdout, proc.stdout
    assert "install the Debian package `postgresql`" in proc.stdout
    assert "skipped" not in proc.stdout


def test_developer_may_opt_out_explicitly(tmp_path: Path) -> None:
    proc = _run_pytest(tmp_path, {"FRONTDESK_TEST_NO_PG": "1"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 passed, 1 skipped" in proc.stdout, proc.stdout
    assert "FRONTDESK_TEST_NO_PG=1" in proc.stdout
