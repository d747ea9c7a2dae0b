"""A throw-away PostgreSQL cluster for the test run: initdb, pg_ctl start, pg_ctl stop."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

PG_OS_USER = "postgres"
PG_ROLE = "postgres"
INSTALL_HINT = (
    "PostgreSQL server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin "
    "or on PATH. The test suite starts a real PostgreSQL server: install the Debian package "
    "`postgresql` (apt-get install postgresql) or run .ci/run, which installs it. "
    "Only a developer may opt out, explicitly, with FRONTDESK_TEST_NO_PG=1."
)


class PgUnavailable(RuntimeError):
    """No PostgreSQL binaries, or the server could not be started."""


def find_bin_dir() -> Path | None:
    """The newest /usr/lib/postgresql/<version>/bin, else the folder of pg_ctl on PATH."""

    def version(path: str) -> tuple[int, ...]:
        name = Path(path).parent.name
        return tuple(int(p) for p in name.split(".") if p.isdigit()) or (0,)

    candidates = [
        d
        for d in glob.glob("/usr/lib/postgresql/*/bin")
        if os.access(os.path.join(d, "initdb"), os.X_OK)
        and os.access(os.path.join(d, "pg_ctl"), os.X_OK)
    ]
    if candidates:
        return Path(max(candidates, key=version))
    pg_ctl, initdb = shutil.which("pg_ctl"), shutil.which("initdb")
    if pg_ctl and initdb:
        return Path(os.path.realpath(pg_ctl)).parent
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    """One running cluster reachable on 127.0.0.1:<port> with trust auth for `postgres`."""

    bin_dir: Path
    base: Path
    port: int = 0
    startup_seconds: float = 0.0
    _counter: int = 0
    _admin: psycopg.Connection[tuple[object, ...]] | None = field(default=None, repr=False)
    _running: bool = False

    @property
    def data_dir(self) -> Path:
        return self.base / "data"

    @property
    def socket_dir(self) -> Path:
        return self.base / "sock"

    @property
    def log_file(self) -> Path:
        return self.base / "server.log"

    # -- running the binaries -------------------------------------------------------------

    def _as_pg_user(self) -> bool:
        return os.geteuid() == 0

    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bin_dir / args[0]), *args[1:]]
        if self._as_pg_user():
            # initdb and postgres refuse to run as root.
            cmd = ["runuser", "-u", PG_OS_USER, "--", *cmd]
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C"
        return subprocess.run(
            cmd,
            cwd=self.base,  # a folder the postgres user can enter
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def _check(self, proc: subprocess.CompletedProcess[str], what: str) -> None:
        if proc.returncode != 0:
            log = ""
            with contextlib.suppress(OSError):
                log = self.log_file.read_text(errors="replace")[-3000:]
            raise PgUnavailable(
                f"{what} failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}\n{log}"
            )

    # -- life cycle -----------------------------------------------------------------------

    def start(self) -> None:
        t0 = time.monotonic()
        self.socket_dir.mkdir(mode=0o700)
        if self._as_pg_user():
            try:
                pw = pwd.getpwnam(PG_OS_USER)
            except KeyError:
                raise PgUnavailable(
                    f"running as root but there is no `{PG_OS_USER}` OS user to run the "
                    "server as; install the Debian `postgresql` package (or run .ci/run)"
                ) from None
            for path in (self.base, self.socket_dir):
                os.chown(path, pw.pw_uid, pw.pw_gid)
        self._check(
            self._run(
                "initdb",
                "-D",
                str(self.data_dir),
                "-U",
                PG_ROLE,
                "--auth=trust",
                "--encoding=UTF8",
                "--no-locale",
                "--no-sync",
            ),
            "initdb",
        )
        last_error: PgUnavailable | None = None
        for _attempt in range(3):  # the free port may be taken between bind() and start
            self.port = free_port()
            options = " ".join(
                [
                    "-c listen_addresses=127.0.0.1",
                    f"-c port={self.port}",
                    f"-c unix_socket_directories={self.socket_dir}",
                    "-c fsync=off",
                    "-c synchronous_commit=off",
                    "-c full_page_writes=off",
                    "-c max_connections=200",
                    "-c autovacuum=off",  # its workers delay CREATE DATABASE ... TEMPLATE
                ]
            )
            proc = self._run(
                "pg_ctl",
                "start",
                "-D",
                str(self.data_dir),
                "-l",
                str(self.log_file),
                "-w",
                "-t",
                "30",
                "-o",
                options,
            )
            try:
                self._check(proc, "pg_ctl start")
            except PgUnavailable as exc:
                last_error = exc
                continue
            self._running = True
            break
        else:
            assert last_error is not None
            raise last_error
        self._admin = psycopg.connect(self.conninfo("postgres"), autocommit=True)
        self.startup_seconds = time.monotonic() - t0

    def stop(self) -> None:
        if self._admin is not None:
            with contextlib.suppress(Exception):
                self._admin.close()
            self._admin = None
        if self._running or (self.data_dir / "postmaster.pid").exists():
            self._running = False
            self._run("pg_ctl", "stop", "-D", str(self.data_dir), "-m", "fast", "-w", "-t", "30")

    # -- databases ------------------------------------------------------------------------

    def conninfo(self, dbname: str) -> str:
        return f"host=127.0.0.1 port={self.port} user={PG_ROLE} dbname={dbname}"

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://{PG_ROLE}@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, *, template: str | None = None, prefix: str = "fd_test") -> str:
        """A new database, empty or a copy of `template`; returns its name."""
        assert self._admin is not None, "server not started"
        self._counter += 1
        name = f"{prefix}_{self._counter}"
        source = f' TEMPLATE "{template}"' if template else ""
        if self._admin.info.server_version >= 150000:
            # Copying files is ~5x faster than WAL-logging a small database (fsync is off).
            source += " STRATEGY = FILE_COPY"
        self._admin.execute(f'CREATE DATABASE "{name}"{source}')
        return name

    def drop_database(self, name: str) -> None:
        """Drop a test database, cutting off any connection a test left open."""
        if self._admin is None:
            return
        with contextlib.suppress(psycopg.Error):
            self._admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _scratch_dir() -> str | None:
    """RAM-backed /dev/shm when there is one: CREATE DATABASE there is ~10x faster than on
    an ext4 disk, and the cluster is thrown away anyway."""
    shm = "/dev/shm"
    if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK):
        with contextlib.suppress(OSError):
            if os.statvfs(shm).f_bavail * os.statvfs(shm).f_frsize > 512 * 1024 * 1024:
                return shm
    return None


def start_server() -> PgServer:
    """Start a fresh cluster in a private temp folder; raises PgUnavailable if impossible."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise PgUnavailable(INSTALL_HINT)
    # Not under pytest's basetemp: that is private to root and the server runs as postgres.
    base = Path(tempfile.mkdtemp(prefix="frontdesk-pg-", dir=_scratch_dir()))
    server = PgServer(bin_dir=bin_dir, base=base)
    try:
        server.start()
    except BaseException:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)
        raise
    return server


def stop_server(server: PgServer) -> None:
    try:
        server.stop()
    finally:
        shutil.rmtree(server.base, ignore_errors=True)
