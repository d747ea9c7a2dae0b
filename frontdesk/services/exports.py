"""What the month's exports ask of the database beyond the month itself: the audit entry of
an export with personal data (committed before any of it is written), the names of the
people behind audit actors, and how many records still wait for review.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.services.auditing import record
from frontdesk.services.context import Desk
from frontdesk.services.roster import month_bounds
from frontdesk.services.workspace import review_rows
from frontdesk.store.models import Supervisor, Volunteer

# Actors that are the app itself, never an account's name (services.context.Desk.actor).
APP_ACTORS = frozenset({"kiosk", "system", "setup", "demo", "selftest", "cli"})


def actor_names(session: Session, site_id: int, actors: Iterable[str]) -> dict[str, str]:
    """The person's name behind each actor that is one: 'supervisor:chen' → the account's
    display name, 'volunteer:V001' → the site's volunteer's name. A bare user name, as
    older versions recorded for the demo supervisor, counts as that account. Actors that
    are the app (kiosk, system, cli:…) or unknown are left out; callers keep them as they are.
    """
    wanted = {a for a in actors if a}
    users: dict[str, str] = {}
    codes: dict[str, str] = {}
    for actor in wanted:
        kind, _, who = actor.partition(":")
        if kind == "supervisor" and who:
            users[who] = actor
        elif kind == "volunteer" and who:
            codes[who] = actor
        elif not who and actor not in APP_ACTORS:
            users.setdefault(actor, actor)
    names: dict[str, str] = {}
    if users:
        for username, display in session.execute(
            select(Supervisor.username, Supervisor.display_name).where(
                Supervisor.username.in_(users)
            )
        ):
            names[users[username]] = display or username
    if codes:
        for code, name in session.execute(
            select(Volunteer.code, Volunteer.name).where(
                Volunteer.site_id == site_id, Volunteer.code.in_(codes)
            )
        ):
            names[codes[code]] = name
    return names


def audit_personal_month(desk: Desk, year: int, month: int, out: Path) -> None:
    """Record (who, month, file) that the month's workbook is written with phone numbers
    unmasked, before a single number is written anywhere, even to a temporary file.

    A process killed while it writes leaves the entry and, at most, a temporary file of
    ours that the next start removes (store.scratch); never a personal-data file unaudited.
    """
    with desk.db.write() as session:
        record(
            session,
            desk,
            "export.personal_data",
            "export",
            f"{year:04d}-{month:02d}",
            after={
                "month": f"{year:04d}-{month:02d}",
                "file": str(out.resolve()),
                "personal": ["phone"],
            },
        )


def waiting_ids(desk: Desk, year: int, month: int) -> frozenset[int]:
    """The month's attendance records still in the supervisor's review queue
    (services.workspace.review_rows, the list the 出勤 page shows as 待確認)."""
    first, last = month_bounds(year, month)
    return frozenset(r.id for r in review_rows(desk) if first <= r.day <= last)


def waiting_for_review(desk: Desk, year: int, month: int) -> int:
    """How many of the month's records wait for review: the hours they credit may still
    change, so exporting the month says so first (and marks them 待覆核 in the workbook)."""
    return len(waiting_ids(desk, year, month))
