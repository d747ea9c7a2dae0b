"""The desk that keeps scanning without its server: online through the server, offline from
its replica and journal, and back online after the journal is replayed in order.

Thread model: the kiosk calls `scan` and `undo_sign_out` on its GUI thread; `sync` runs on
a background thread (`start`) that probes the server while offline, replays the journal,
refreshes the replica and reports the desk's state. A lock keeps the switch back online
after the last journaled scan was received, so no scan is journaled behind it.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from frontdesk.core.attendance import ScanOutcome
from frontdesk.core.clock import ClockGuard
from frontdesk.core.settings import DeskSettings
from frontdesk.core.timeutil import local_day
from frontdesk.services import attendance
from frontdesk.services.attendance import ScanResult
from frontdesk.services.context import Database, Desk, load_settings
from frontdesk.services.errors import log_failure
from frontdesk.services.offline import journal
from frontdesk.services.offline.enclosed import Enclosed
from frontdesk.services.offline.identity import desk_identity
from frontdesk.services.offline.replica import Replica
from frontdesk.services.offline.state import DeskStatus, report
from frontdesk.services.offline.upload import receive_all, scan_online
from frontdesk.store.errors import DatabaseBusy, DatabaseUnreachable

log = logging.getLogger(__name__)

T = TypeVar("T")
PROBE_SECONDS = 2.0  # while offline, the server is asked this often whether it is back
REFRESH_SECONDS = 20.0  # while online, the replica is refreshed this often
REPORT_SECONDS = 60.0  # and the desk's state reported to the server this often
# journaled scans sent in one server transaction: a crash or a lost connection repeats at
# most this many, and the receipts make the repeat change nothing
REPLAY_BATCH = 25


class Unreachable(Exception):
    """The server did not answer in time, or its connection failed."""


def unreachable(exc: BaseException) -> bool:
    """Whether `exc` means the server is out of reach (not a refusal or a bug): a failed
    or dropped connection. A busy server answered: that is not an outage."""
    if isinstance(exc, DatabaseBusy):
        return False
    if isinstance(exc, (DatabaseUnreachable, Unreachable, OSError)):
        return True
    if isinstance(exc, DBAPIError):
        return exc.connection_invalidated or isinstance(exc, (OperationalError, InterfaceError))
    return False


def within(seconds: float, work: Callable[[], T]) -> T:
    """`work()` on a helper thread, given up after `seconds` (Unreachable). A late finish
    changes nothing the desk relies on: every scan sent carries its receipt's scan id."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the caller
            box["error"] = exc

    worker = threading.Thread(target=run, name="frontdesk-server-call", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise Unreachable(f"no answer from the server within {seconds:g} s")
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


@dataclass
class _State:
    online: bool = True
    offline_since: datetime | None = None
    online_since: datetime | None = None
    uploaded: int = 0  # scans the last outage left, received so far
    last_refresh: float = 0.0
    last_report: float = 0.0


class OfflineDesk:
    """A PostgreSQL desk's scans, whether or not the server answers (see the module)."""

    def __init__(
        self,
        desk: Desk,
        folder: Path,
        *,
        name: str | None = None,
        timeout_seconds: float | None = None,
        monotonic: Callable[[], float] | None = None,
    ) -> None:
        import time

        self.server = desk
        identity = desk_identity(folder)  # this desk's own id and name, in its data folder
        self.desk_id = identity.id  # the key of its desk_state row and of its receipts
        self.name = (name or identity.name)[:60]
        where = f"{desk.db.describe()}#{desk.site_id}".encode()
        self.replica = Replica(folder, desk.site_id, hashlib.sha256(where).hexdigest()[:12])
        self.replica.remember_server(desk.db.describe())
        guard = desk.clock_guard or ClockGuard()
        self.local = replace(desk, db=self.replica.db, clock_guard=guard)
        self._timeout = timeout_seconds
        self._mono = monotonic or time.monotonic
        self._lock = threading.RLock()
        self._state = _State()
        self._mirrors: list[dict[str, Any]] = []
        self._sign_outs: dict[int, str] = {}  # replica attendance id -> its sign-out's scan id
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.owns_server = False  # made the server's Database itself (resume): stop disposes it
        first = journal.next_pending(self.replica.db)
        if first is not None:  # a previous run ended offline: replay before going online
            self._state = _State(online=False, offline_since=first.scanned_at)

    # --- scanning ---------------------------------------------------------------------

    def timeout(self) -> float:
        """Seconds a scan waits for the server before the desk answers from its replica
        (setting server_timeout_seconds, 2 s unless set; the constructor may fix it)."""
        if self._timeout is not None:
            return self._timeout
        try:
            return float(self.local_settings().server_timeout_seconds)
        except Exception:  # an empty replica: the default
            return float(DeskSettings().server_timeout_seconds)

    def local_settings(self) -> DeskSettings:
        with self.replica.db.read() as session:
            return load_settings(session, self.server.site_id)

    def scan(
        self, code: str, *, confirm_walk_in: bool = False, confirm_sign_out: bool = False
    ) -> ScanResult:
        """Sign in or out (services.attendance.scan): on the server when it answers within
        the timeout, else from the replica, journaled before this returns (`offline`)."""
        scan_id = journal.new_scan_id()
        flags = {"confirm_walk_in": confirm_walk_in, "confirm_sign_out": confirm_sign_out}
        if self.online:
            try:
                done = within(
                    self.timeout(),
                    lambda: scan_online(self.server, self.desk_id, scan_id, code, **flags),
                )
            except Exception as exc:
                if not unreachable(exc):
                    raise
                log.warning("server out of reach, answering from the replica: %s", exc)
                self._go_offline()
            else:
                with self._lock:
                    self._mirrors.extend(done.rows)
                return done.result
        return self._scan_offline(scan_id, code, flags)

    def _scan_offline(self, scan_id: str, code: str, flags: dict[str, bool]) -> ScanResult:
        """The scan decided from the replica and, when it signed in or out, journaled in the
        same local transaction (`offline` set only then)."""
        with self._lock:
            self._apply_mirrors()
            # The desk's own SQLite replica: one writer anyway, no site lock to take.
            with self.replica.db.write() as session:
                inside = replace(self.local, db=Enclosed(self.replica.db, session))
                result = attendance.scan(
                    inside,
                    code,
                    confirm_walk_in=flags["confirm_walk_in"],
                    confirm_sign_out=flags["confirm_sign_out"],
                )
                journaled = result.outcome in (ScanOutcome.SIGNED_IN, ScanOutcome.SIGNED_OUT)
                if journaled:
                    journal.append(session, _entry(scan_id, journal.SCAN, code, flags, result))
            if result.outcome is ScanOutcome.SIGNED_OUT and result.attendance_id is not None:
                self._sign_outs[result.attendance_id] = scan_id
            # only an answer kept in the journal says it will be sent: a question, a repeat
            # or an unknown card recorded nothing
            return replace(result, offline=journaled)

    def undo_sign_out(self, result: ScanResult) -> ScanResult:
        """按錯了？ for `result`: on the server for an online sign-out; for an offline one in
        the replica, journaled to be sent after the sign-out it takes back."""
        assert result.attendance_id is not None
        if not result.offline:
            return attendance.undo_sign_out(self.server, result.attendance_id)
        with self._lock:
            target = self._sign_outs.pop(result.attendance_id, None)
            # The desk's own SQLite replica: one writer anyway, no site lock to take.
            with self.replica.db.write() as session:
                inside = replace(self.local, db=Enclosed(self.replica.db, session))
                undone = attendance.undo_sign_out(inside, result.attendance_id)
                entry = _entry(journal.new_scan_id(), journal.UNDO, result.code, {}, undone)
                journal.append(session, replace(entry, target_scan_id=target))
            if self.online:  # sent by the next sync, right after this
                self._state.online = False
                self._state.offline_since = self._state.offline_since or undone.at
            return replace(undone, offline=True)

    # --- state ------------------------------------------------------------------------

    @property
    def online(self) -> bool:
        with self._lock:
            return self._state.online

    def status(self) -> DeskStatus:
        """What the kiosk's band and the supervisor show (services.offline.state)."""
        with self._lock:
            state = replace(self._state)
        return DeskStatus(
            self.name,
            state.online,
            state.offline_since,
            journal.count_pending(self.replica.db),
            journal.last_upload(self.replica.db),
            state.uploaded,
            self.desk_id,
        )

    def _go_offline(self) -> None:
        with self._lock:
            if self._state.online:
                self._state.online = False
                self._state.offline_since = self.server.now()
                self._state.uploaded = 0

    def _apply_mirrors(self) -> None:
        with self._lock:
            rows, self._mirrors = self._mirrors, []
        if rows:
            self.replica.mirror(rows)

    # --- syncing ----------------------------------------------------------------------

    def sync(self) -> None:
        """One round of the background work: offline, ask whether the server is back and
        replay the journal; online, refresh the replica and report the desk's state when
        due. A server that stops answering midway leaves the rest for the next round."""
        try:
            if not self.online:
                within(self.timeout(), self.server.db.ping)
                self.replay()
            self._apply_mirrors()
            now = self._mono()
            if self.online and now - self._state.last_refresh >= REFRESH_SECONDS:
                self.refresh()
            if self.online and now - self._state.last_report >= REPORT_SECONDS:
                self.report()
        except Exception as exc:
            if not unreachable(exc):
                raise
            self._go_offline()

    def replay(self) -> int:
        """Send every journaled scan in order (services.offline.upload.receive), then go
        online; returns how many were sent. Resumes where an interrupted replay stopped:
        a scan received before is not applied again."""
        sent = 0
        while True:
            batch = journal.pending(self.replica.db, REPLAY_BATCH)
            if not batch:
                with self._lock:
                    if journal.count_pending(self.replica.db) == 0:
                        self._back_online()
                        return sent
                continue
            got = within(
                max(self.timeout(), 10.0), partial(receive_all, self.server, self.desk_id, batch)
            )
            done = [(e.seq, g.outcome, g.conflict) for e, g in zip(batch, got, strict=True)]
            journal.mark_all_uploaded(self.replica.db, done, self.server.now())
            sent += len(batch)
            with self._lock:
                self._state.uploaded += len(batch)

    def _back_online(self) -> None:
        was_offline = not self._state.online
        self._state.online = True
        if was_offline:
            self._state.online_since = self.server.now()
            self._state.last_refresh = self._state.last_report = 0.0  # both at once

    def refresh(self) -> None:
        """The replica brought up to date (only the tables that changed)."""
        self.replica.refresh(self.server.db, local_day(self.server.now()))
        self._state.last_refresh = self._mono()

    def report(self) -> None:
        """The desk's state written to the server for the supervisor (desk_state)."""
        report(self.server, self.status(), self._state.online_since)
        self._state.last_report = self._mono()

    def start(self) -> None:
        """Run `sync` in the background every PROBE_SECONDS until `stop`."""
        if self._thread is not None:
            return

        def loop() -> None:
            while not self._stop.wait(PROBE_SECONDS):
                try:
                    self.sync()
                except Exception as exc:
                    log_failure(log, "offline sync failed", exc)

        self._thread = threading.Thread(target=loop, name="frontdesk-offline-sync", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None
        self.replica.dispose()
        if self.owns_server:
            self.server.db.dispose()


def _entry(
    scan_id: str, kind: str, code: str, flags: dict[str, bool], result: ScanResult
) -> journal.Entry:
    return journal.Entry(
        seq=0,
        scan_id=scan_id,
        kind=kind,
        code=code,
        confirm_walk_in=flags.get("confirm_walk_in", False),
        confirm_sign_out=flags.get("confirm_sign_out", False),
        scanned_at=result.at,
        clock_suspect=result.clock_suspect,
        outcome=result.outcome.value,
        status=result.status.value if result.status else None,
        slot=result.slot.code if result.slot else None,
        target_scan_id=None,
    )


def resume(url: str | None, folder: Path, *, timeout_seconds: float = 2.0) -> OfflineDesk | None:
    """The desk of a shared server that does not answer at start-up, from its replica in
    `folder` (a desk restarted during an outage, after a crash or a power cut): offline
    from the start, its journal replayed once the server is back. None for a SQLite
    database, a server that answers (the ordinary start), or no replica of that server."""
    from frontdesk.services.offline.replica import find_site
    from frontdesk.store.db import resolve_url

    where = resolve_url(url)
    if where.get_backend_name() == "sqlite":
        return None  # nothing opened: a SQLite desk has no server to lose
    db = Database(where)
    try:
        within(timeout_seconds, db.ping)
    except Exception as exc:
        if not unreachable(exc):
            raise
    else:
        db.dispose()
        return None
    site_id = find_site(folder, db.describe())
    if site_id is None:
        db.dispose()
        return None
    desk = OfflineDesk(Desk(db=db, site_id=site_id, actor="kiosk"), folder)
    desk.owns_server = True  # its connections end with the desk (stop)
    desk._go_offline()
    return desk
