"""Writing a checked volunteer sheet: the new rows made before the writers' lock is taken,
then written in a few multi-row statements (services.volunteer_sheet reads and checks it).

Row by row (a query, a flush and a chained entry each) a 20,000-row sheet held the
writers' lock for tens of seconds and the kiosk's scans failed at the busy timeout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from frontdesk.core.privacy import mask_phone
from frontdesk.services.auditing import Pending, record_all, snapshot
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput
from frontdesk.services.volunteer_sheet import BASIC_TITLE, SheetRow
from frontdesk.services.volunteers import apply_status, new_volunteer, state_of
from frontdesk.store.models import Training, Volunteer

_VOLUNTEER_COLUMNS = (
    "site_id",
    "code",
    "name",
    "phone",
    "languages",
    "status",
    "weekly_max",
    "notes",
    "joined_on",
    "created_at",
)


def refuse_problems(
    path: Path,
    parsed: Sequence[SheetRow],
    existing: dict[str, Volunteer],
    problems: list[tuple[int, str, str]],
) -> None:
    """InvalidInput listing every row to fix, the sheet's own and those the stored
    volunteers make (a purged code, a masked phone that is not the stored one's mask)."""
    for row in parsed:
        current = existing.get(row.data.code)
        if current is not None and current.purged_at is not None:
            problems.append((row.number, "code", "purged"))
            continue
        if row.masked_phone and (
            row.data.code not in existing
            or mask_phone(existing[row.data.code].phone) != row.phone_text
        ):
            problems.append((row.number, "phone", "masked"))
    if problems:
        problems.sort()
        raise InvalidInput(
            f"{len(problems)} rows of {path.name} need fixing",
            field="rows",
            rows=problems,
            path=str(path),
        )


@dataclass(frozen=True)
class Prepared:
    """A new volunteer's row (transient: never added to a session) and its insert values,
    made before the write transaction."""

    volunteer: Volunteer
    values: dict[str, Any]
    trainings: list[dict[str, Any]]

    @classmethod
    def of(cls, desk: Desk, row: SheetRow, now: datetime) -> Prepared:
        v = new_volunteer(desk, row.data, now)
        values = {c: getattr(v, c) for c in _VOLUNTEER_COLUMNS}
        trainings = [
            {"kind": t.kind, "title": t.title, "taken_on": t.taken_on, "hours": t.hours}
            for t in v.trainings
        ]
        return cls(v, values, trainings)


def write_rows(
    session: Session,
    desk: Desk,
    parsed: Sequence[SheetRow],
    existing: dict[str, Volunteer],
    prepared: dict[str, Prepared],
    now: datetime,
) -> tuple[list[str], list[str], list[str]]:
    """Add and update the volunteers of checked rows, with one audit entry each chained in
    the sheet's order, as adding and updating them one by one would. Returns the codes
    added, updated, and unchanged (their rows held what is stored: no entry)."""
    new = [prepared[r.data.code] for r in parsed if r.data.code not in existing]
    if new:
        ids = session.scalars(
            insert(Volunteer).returning(Volunteer.id, sort_by_parameter_order=True),
            [p.values for p in new],
        ).all()
        for p, vid in zip(new, ids, strict=True):
            p.volunteer.id = vid  # for its audit view: the transient row is never flushed
        trainings = [{**t, "volunteer_id": p.volunteer.id} for p in new for t in p.trainings]
        if trainings:
            session.execute(insert(Training), trainings)
    entries: list[Pending] = []
    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    for row in parsed:
        current = existing.get(row.data.code)
        if current is None:
            v = prepared[row.data.code].volunteer
            entries.append(
                Pending(desk.actor, "volunteer.add", "volunteer", v.id, after=snapshot(v), at=now)
            )
            added.append(row.data.code)
            continue
        before = _update(current, row, now)
        if before is None:
            unchanged.append(row.data.code)
            continue
        after = {**snapshot(current), "source": "import"}
        entries.append(
            Pending(desk.actor, "volunteer.update", "volunteer", current.id, before, after, now)
        )
        updated.append(row.data.code)
    session.flush()
    record_all(session, entries)
    return added, updated, unchanged


def _update(v: Volunteer, row: SheetRow, now: datetime) -> dict[str, Any] | None:
    """Apply a row to a stored volunteer; returns the audit view from before, or None (no
    audit entry) when the row holds what is stored already."""
    data = row.data
    was, before = state_of(v), snapshot(v)
    v.name, v.languages, v.notes, v.weekly_max = (
        data.name,
        data.languages,
        data.notes,
        data.weekly_max,
    )
    if not row.masked_phone:
        v.phone = data.phone
    apply_status(v, data.status, now)
    if row.training is not None:
        taken, hours = row.training
        same = next((t for t in v.trainings if t.kind == "basic" and t.taken_on == taken), None)
        if same is None:
            v.trainings.append(
                Training(kind="basic", title=BASIC_TITLE, taken_on=taken, hours=hours)
            )
        elif same.hours != hours:
            same.hours = hours
    return None if state_of(v) == was else before
