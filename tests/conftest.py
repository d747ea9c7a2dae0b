"""Shared fixtures: a private data folder, offscreen Qt, real SQLite/PostgreSQL databases,
the clocks tests move, and volunteers added through the real use case.

Plain helpers behind them live in tests/support/.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import tempfile
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Before anything imports Qt or reads the data folder: no real screen, no real user data.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = tempfile.mkdtemp(prefix="frontdesk-test-home-")
os.environ["FRONTDESK_HOME"] = _HOME
os.environ.pop("FRONTDESK_DB", None)
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)

# When a Hypothesis test fails, its plugin imports hypothesis.extra._patching (and libcst,
# if installed) inside a pytest hook; libcst trips a DeprecationWarning there that
# filterwarnings=error turns into an INTERNALERROR ending the whole run. Import it now,
# with that warning silenced, so a failing property test is reported like any other.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    with contextlib.suppress(ImportError):
        import hypothesis.extra._patching  # noqa: F401

from frontdesk.core.clock import ClockGuard  # noqa: E402
from frontdesk.services.context import Desk  # noqa: E402
from frontdesk.store.db import Database  # noqa: E402
from frontdesk.store.migrate import upgrade  # noqa: E402
from tests.pg import PgServer, PgUnavailable, start_server, stop_server  # noqa: E402
from tests.support.clocks import START, Clock, FakeClocks  # noqa: E402
from tests.support.desks import volunteer_maker  # noqa: E402

NO_PG_ENV = "FRONTDESK_TEST_NO_PG"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests asking for `pg_url` or `pg_server` directly are PostgreSQL tests too."""
    for item in items:
        names = getattr(item, "fixturenames", ())
        if ("pg_url" in names or "pg_server" in names) and not item.get_closest_marker("postgres"):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A real PostgreSQL server for the whole run, stopped at the end whatever happens.

    Missing binaries fail the run; only FRONTDESK_TEST_NO_PG=1, set by hand, skips instead.
    """
    if os.environ.get(NO_PG_ENV) == "1":
        pytest.skip(f"{NO_PG_ENV}=1: PostgreSQL tests skipped at the developer's request")
    try:
        server = start_server()
    except PgUnavailable as exc:
        pytest.fail(f"cannot start the test PostgreSQL server: {exc}", pytrace=False)
    # atexit as well, in case the session is torn down abnormally.
    atexit.register(stop_server, server)
    try:
        yield server
    finally:
        stop_server(server)


@pytest.fixture(scope="session")
def _pg_migrated_template(pg_server: PgServer) -> str:
    """A database migrated once per run, copied for tests that migrate anyway (`db`)."""
    name = pg_server.create_database(prefix="fd_template")
    database = Database(pg_server.url(name))
    try:
        upgrade(database)
    finally:
        database.dispose()  # CREATE DATABASE ... TEMPLATE needs it without connections
    return name


@pytest.fixture
def pg_url(pg_server: PgServer, request: pytest.FixtureRequest) -> Iterator[str]:
    """A SQLAlchemy URL of a fresh, empty PostgreSQL database (postgresql+psycopg)."""
    template = None
    if "db" in request.fixturenames or "pg_db" in request.fixturenames:
        # The test migrates it right away: start from a migrated copy (~0.05 s instead of
        # ~0.4 s); upgrade() still runs on it and finds nothing to do.
        template = str(request.getfixturevalue("_pg_migrated_template"))
    name = pg_server.create_database(template=template)
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLAlchemy URL of a new SQLite file (a real file: WAL and BEGIN IMMEDIATE matter)."""
    return f"sqlite+pysqlite:///{tmp_path / 'frontdesk.sqlite3'}"


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def db_url(request: pytest.FixtureRequest) -> str:
    """A fresh empty database URL, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("sqlite_url"))
    return str(request.getfixturevalue("pg_url"))


def _migrated(url: str) -> Iterator[Database]:
    database = Database(url)
    try:
        upgrade(database)
        yield database
    finally:
        database.dispose()


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A migrated Database on each backend; disposed after the test."""
    yield from _migrated(db_url)


@pytest.fixture
def sqlite_db(sqlite_url: str) -> Iterator[Database]:
    """A migrated Database on a SQLite file only, for SQLite-specific behaviour."""
    yield from _migrated(sqlite_url)


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    """A migrated Database on PostgreSQL only."""
    yield from _migrated(pg_url)


@pytest.fixture
def clock() -> Clock:
    """Now is Monday 2026-11-02 09:00 Taipei until the test moves it."""
    return Clock(START)


@pytest.fixture
def make_volunteer(desk: Desk) -> Callable[..., int]:
    """Add a volunteer to the directory's `desk` (active, trained unless told); returns the id."""
    return volunteer_maker(desk)


@pytest.fixture
def clocks() -> FakeClocks:
    return FakeClocks()


@pytest.fixture
def guard(clocks: FakeClocks) -> ClockGuard:
    """A clock guard reading the test's fake monotonic and wall clocks."""
    return ClockGuard(monotonic=lambda: clocks.mono, wall=lambda: clocks.wall)
