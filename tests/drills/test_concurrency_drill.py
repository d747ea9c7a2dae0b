"""Two kiosk/supervisor PROCESSES on one database (a SQLite file, and PostgreSQL): each its
own connection, released together at barriers. No lost update, never two open attendance
rows, and of two conflicting approvals exactly one wins while the other gets a clear error.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from datetime import date, time, timedelta
from typing import Any

from sqlalchemy import func, select

from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal, SwapState
from frontdesk.core.timeutil import at
from frontdesk.services import roster, swaps
from frontdesk.services.opening import open_desk
from frontdesk.store import audit
from frontdesk.store.models import Assignment, Attendance, SwapRequest, Volunteer
from tests.drills.workers import concurrent_worker
from tests.support.desks import add_volunteer, new_desk
from tests.support.processes import gather

JOIN_SECONDS = 60
OWN = 4  # volunteers per process for the lost-update part
SHARED = 4  # volunteers both processes scan at the same instant
NOW = at(date(2026, 11, 30), time(9))
SCAN_DAYS = [date(2027, 1, 4) + timedelta(days=i) for i in range(5)]  # Mon-Fri
SHARED_DAYS = [date(2027, 1, 11), date(2027, 1, 12)]
SWAP_DAYS = [date(2026, 12, 8), date(2026, 12, 9), date(2026, 12, 10)]


def _prepare(url: str) -> tuple[int, dict[str, Any], dict[str, int]]:
    db = open_desk(url, need_site=False).db
    try:
        desk = new_desk(db, lambda: NOW, actor="supervisor:setup")
        site_id = desk.site_id
        codes = [f"P{p}{n}" for p in range(2) for n in range(OWN)]
        codes += [f"S{n}" for n in range(SHARED)] + ["A01", "B01", "C01"]
        ids = {code: add_volunteer(desk, code, f"志工{code}", phone=None) for code in codes}
        a, b, c = ids["A01"], ids["B01"], ids["C01"]
        pairs = []
        for day in SWAP_DAYS:
            am, pm = ShiftKey(day, "AM"), ShiftKey(day, "PM")
            roster.assign(desk, am, a)
            roster.assign(desk, pm, b)
            # A gives the morning to C; B offers the afternoon for A's morning: both need A's AM
            first = swaps.request(
                desk, SwapProposal(SwapKind.COVER, a, am, c), colleague_agrees_now=True
            )
            second = swaps.request(
                desk, SwapProposal(SwapKind.EXCHANGE, b, pm, a, am), colleague_agrees_now=True
            )
            pairs.append((first, second))
    finally:
        db.dispose()
    plan = {
        "now": NOW,
        "days": SCAN_DAYS,
        "own": [[f"P{p}{n}" for n in range(OWN)] for p in range(2)],
        "shared_days": SHARED_DAYS,
        "shared": [f"S{n}" for n in range(SHARED)],
        "pairs": pairs,
    }
    return site_id, plan, ids


def _run_two(url: str, site_id: int, plan: dict[str, Any]) -> list[dict[str, Any]]:
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2, timeout=JOIN_SECONDS)
    out = ctx.Queue()
    procs = [
        ctx.Process(target=concurrent_worker, args=(i, url, site_id, plan, barrier, out))
        for i in range(2)
    ]
    for p in procs:
        p.start()
    results: list[dict[str, Any]] = [{}, {}]
    gather(procs, out, results, timeout=JOIN_SECONDS, hung="a worker process hung")
    return results


def test_two_processes_one_database(db_url: str) -> None:
    site_id, plan, ids = _prepare(db_url)
    results = _run_two(db_url, site_id, plan)

    # 1. lost updates: every acknowledged scan is there, and nothing else
    acked_in: set[int] = set()
    for index, res in enumerate(results):
        outcomes = Counter(o for _c, _d, o, _id in res["own"])
        n = OWN * len(SCAN_DAYS)
        assert outcomes == {"signed_in": n, "signed_out": n}, (index, outcomes)
        acked_in |= {aid for _c, _d, o, aid in res["own"] if o == "signed_in"}
    assert len(acked_in) == 2 * OWN * len(SCAN_DAYS)

    # 2. the same volunteer scanned by both at once, before the duty starts: one sign-in,
    # one answered 'already signed in' (nothing written)
    by_scan: dict[tuple[str, str], list[str]] = {}
    for res in results:
        for code, day, outcome, _aid in res["shared"]:
            by_scan.setdefault((code, day), []).append(outcome)
    assert len(by_scan) == SHARED * len(SHARED_DAYS)
    for key, outcomes in by_scan.items():
        assert sorted(outcomes) == ["already_in", "signed_in"], (key, outcomes)

    # 3. conflicting approvals: exactly one winner, and a sentence for the loser
    answers = {rid: (kind, text) for res in results for rid, kind, text in res["approve"]}
    for first, second in plan["pairs"]:
        kinds = [answers[first][0], answers[second][0]]
        assert sorted(kinds)[1] == "ok" and sorted(kinds)[0] in ("Conflict", "RuleViolation"), (
            first,
            second,
            answers,
        )
        loser = first if kinds[0] != "ok" else second
        message = answers[loser][1]
        assert message.strip() and "Traceback" not in message, answers[loser]

    db = open_desk(db_url).db
    try:
        with db.read() as session:
            rows = list(session.scalars(select(Attendance)))
            by_id = {r.id: r for r in rows}
            own_ids = {ids[c] for codes in plan["own"] for c in codes}
            own_rows = [r for r in rows if r.volunteer_id in own_ids]
            assert {r.id for r in own_rows} == acked_in  # no lost row, no extra row
            assert all(r.out_at is not None and not r.is_open for r in own_rows)
            shared_ids = {ids[c] for c in plan["shared"]}
            per_slot = Counter(
                (r.volunteer_id, r.day, r.slot) for r in rows if r.volunteer_id in shared_ids
            )
            assert set(per_slot.values()) == {1} and len(per_slot) == len(by_scan), per_slot
            open_count = Counter(r.volunteer_id for r in rows if r.is_open)
            assert all(n == 1 for n in open_count.values()), open_count
            assert set(open_count) == shared_ids  # the last shared day is still open
            for aid in acked_in:
                assert by_id[aid].in_at is not None

            a, b, c = ids["A01"], ids["B01"], ids["C01"]
            states = {r.id: r.state for r in session.scalars(select(SwapRequest))}
            for (first, second), day in zip(plan["pairs"], SWAP_DAYS, strict=True):
                winner = first if answers[first][0] == "ok" else second
                loser = second if winner == first else first
                assert states[winner] == SwapState.APPROVED.value
                assert states[loser] != SwapState.APPROVED.value
                live = session.execute(
                    select(Assignment.slot, Assignment.volunteer_id).where(
                        Assignment.day == day, Assignment.removed_at.is_(None)
                    )
                ).all()
                expected = {("AM", c), ("PM", b)} if winner == first else {("AM", b), ("PM", a)}
                assert {(s, v) for s, v in live} == expected, (day, live)
            dupes = session.execute(
                select(Assignment.day, Assignment.slot, Assignment.volunteer_id)
                .where(Assignment.removed_at.is_(None))
                .group_by(Assignment.day, Assignment.slot, Assignment.volunteer_id)
                .having(func.count() > 1)
            ).all()
            assert dupes == []
            assert session.scalar(select(func.count()).select_from(Volunteer)) == len(ids)
            assert audit.verify(session).ok
    finally:
        db.dispose()
