"""Child-process bodies for the drills: importable (multiprocessing spawn) and runnable (-m).

    python -m tests.drills.workers crash URL FIRST_DAY VOLUNTEERS

runs the crash drill's kiosk: it opens the desk the way the app does (services.opening:
quick check, migration, daily backup),
prints READY, then works through the days from FIRST_DAY: a swap approved for a shift two
weeks ahead, everyone signs in and out of both slots (half forget to sign out), and the
evening sweep. Every committed action is acknowledged with one line on stdout; "BEGIN ..."
lines announce a transaction about to start, so the drill can kill inside it.
"""

from __future__ import annotations

import sys
import traceback
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal
from frontdesk.core.timeutil import at
from frontdesk.services import attendance, roster, swaps
from frontdesk.services.context import Desk
from frontdesk.services.errors import ServiceError
from frontdesk.services.opening import open_desk
from tests.support.clocks import Clock

SLOTS = (("AM", time(8, 20), time(11, 31)), ("PM", time(13, 20), time(16, 31)))


def _say(*parts: object) -> None:
    print(*parts, flush=True)


def crash_kiosk(url: str, first_day: str, volunteers: int) -> None:
    opened = open_desk(url, daily_backup=True)  # the app's start-up, without its windows
    assert opened.backup_error is None, opened.backup_error
    clock = Clock(at(date.fromisoformat(first_day), time(8)))
    desk = replace(opened.desk, clock=clock)
    supervisor = desk.as_actor("supervisor:drill")
    ids = {}
    with desk.db.read() as session:
        from sqlalchemy import select

        from frontdesk.store.models import Volunteer

        ids = dict(session.execute(select(Volunteer.code, Volunteer.id)).all())
    _say("READY")
    day = date.fromisoformat(first_day)
    n_day = 0
    while True:
        if day.weekday() < 5:
            clock.now = at(day, time(8))
            _swap(supervisor, ids, day, n_day, volunteers)
            for slot, start, end in SLOTS:
                for action_at, who in ((start, range(volunteers)), (end, range(0, volunteers, 2))):
                    for n in who:
                        now = at(day, action_at) + timedelta(seconds=7 * n)
                        r = attendance.scan(desk, f"V{n:02d}", confirm_walk_in=True, now=now)
                        if r.attendance_id is not None:
                            _say("SCAN", r.attendance_id, r.outcome.value, slot)
            _say("BEGIN", "sweep", day.isoformat())
            attendance.sweep(desk, now=at(day, time(18)), since=day)
            _say("SWEEP", day.isoformat())
            n_day += 1
        day += timedelta(days=1)


def _swap(desk: Desk, ids: dict[str, int], day: date, n_day: int, volunteers: int) -> None:
    """Put A on the morning two weeks ahead, A asks C to cover, the supervisor approves."""
    target = ShiftKey(day + timedelta(days=14), "AM")
    a = ids[f"V{n_day % volunteers:02d}"]
    c = ids[f"V{(n_day + 1) % volunteers:02d}"]
    try:
        roster.assign(desk, target, a, confirm_warnings=True)
        rid = swaps.request(
            desk, SwapProposal(SwapKind.COVER, a, target, c), colleague_agrees_now=True
        )
    except ServiceError as exc:  # a holiday two weeks ahead, a full slot: not this day
        _say("SKIP", type(exc).__name__)
        return
    _say("BEGIN", "approve", rid)
    swaps.approve(desk, rid, confirm_warnings=True)
    _say("SWAP", rid, target.day.isoformat(), target.slot, a, c)


# --- the concurrency drill's two processes (multiprocessing, spawn) ------------------------


def _desk(url: str, site_id: int, actor: str, now: datetime) -> Desk:
    desk = open_desk(url, actor=actor).desk
    assert desk.site_id == site_id
    return replace(desk, clock=lambda: now)


def concurrent_worker(
    index: int, url: str, site_id: int, plan: dict[str, Any], barrier: Any, out: Any
) -> None:
    """One of two processes: the same plan, its own connection, in lock-step at each barrier.

    Puts ("done", index, results) or ("error", index, traceback) on `out`.
    """
    try:
        results: dict[str, Any] = {"own": [], "shared": [], "approve": []}
        desk = _desk(url, site_id, f"kiosk:{index}", plan["now"])
        # 1. lost updates: each process scans its own volunteers, in and out, many days
        barrier.wait()
        for day in plan["days"]:
            for when in (time(8, 25), time(11, 35)):
                for code in plan["own"][index]:
                    r = attendance.scan(desk, code, confirm_walk_in=True, now=at(day, when))
                    results["own"].append((code, day.isoformat(), r.outcome.value, r.attendance_id))
        # 2. duplicate opens: both scan the same volunteers at the same instant
        for day in plan["shared_days"]:
            for code in plan["shared"]:
                barrier.wait()
                r = attendance.scan(desk, code, confirm_walk_in=True, now=at(day, time(8, 27)))
                results["shared"].append((code, day.isoformat(), r.outcome.value, r.attendance_id))
        # 3. conflicting approvals: process i approves pair[i], both released together
        supervisor = _desk(url, site_id, f"supervisor:s{index}", plan["now"])
        for pair in plan["pairs"]:
            barrier.wait()
            try:
                swaps.approve(supervisor, pair[index], confirm_warnings=True)
                results["approve"].append((pair[index], "ok", ""))
            except ServiceError as exc:
                from frontdesk.words.errors import describe_error

                results["approve"].append((pair[index], type(exc).__name__, describe_error(exc)))
        desk.db.dispose()
        supervisor.db.dispose()
        out.put(("done", index, results))
    except BaseException:
        barrier.abort()
        out.put(("error", index, traceback.format_exc()))


# --- concurrent first starts on one new database (multiprocessing, spawn) ------------------


def first_start_worker(index: int, urls: list[str], barrier: Any, out: Any) -> None:
    """One of several desks started at once on each new database in `urls`, in turn.

    Each start is what `frontdesk init` does (open the desk, creating and migrating the
    database, then name the agency) followed by the app's own open; released together at
    a barrier. Puts ("done", index, [(site id, daily backup written), ...]) or ("error",
    index, traceback) on `out`.
    """
    from frontdesk.services.setup import init_site

    try:
        results = []
        for url in urls:
            barrier.wait()
            opened = open_desk(url, actor=f"setup:{index}", need_site=False)
            site_id = init_site(opened.db, "測試衛生所", actor=f"setup:{index}")
            opened.db.dispose()
            again = open_desk(url, daily_backup=True)
            again.db.dispose()
            assert again.site_id == site_id and again.backup_error is None
            results.append((site_id, again.backup is not None and again.backup.path is not None))
        out.put(("done", index, results))
    except BaseException:
        barrier.abort()
        out.put(("error", index, traceback.format_exc()))


def main(argv: list[str]) -> int:
    if argv[:1] == ["crash"]:
        crash_kiosk(argv[1], argv[2], int(argv[3]))
        return 0
    print(f"usage: {__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


# --- the import latency drill's scanner (multiprocessing, spawn) ----------------------------


def scan_timer(url: str, stop: Any, out: Any) -> None:
    """Scan an unknown card (a write transaction) again and again until `stop` is set;
    report each scan's seconds and the errors, as ("ok", 0, (latencies, errors))."""
    import time as clock_time

    try:
        desk = open_desk(url, actor="kiosk").desk
        latencies: list[float] = []
        errors: list[str] = []
        while not stop.is_set():
            started = clock_time.perf_counter()
            try:
                attendance.scan(desk, "NOBODY")
            except Exception as exc:  # a busy database: what the drill counts
                errors.append(f"{type(exc).__name__}: {exc}")
            latencies.append(clock_time.perf_counter() - started)
            clock_time.sleep(0.02)
        out.put(("ok", 0, (latencies, errors)))
    except Exception:
        out.put(("error", 0, traceback.format_exc()))
