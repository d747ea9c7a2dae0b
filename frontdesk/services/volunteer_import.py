"""What a checked volunteer sheet changes, worked out before anything is written: the new
volunteers' rows, the stored ones' new values and their audit fields from before
(services.volunteer_sheet reads and checks the sheet; services.import_staging writes it in
short transactions).

Row by row (a query, a flush and a chained entry each) a 20,000-row sheet held the
writers' lock for tens of seconds and the kiosk's scans failed at the busy timeout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from frontdesk.core.privacy import mask_phone
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput
from frontdesk.services.import_staging import BEFORE_FIELDS, VOLUNTEER_COLUMNS, StagedRow
from frontdesk.services.volunteer_sheet import BASIC_TITLE, SheetRow
from frontdesk.services.volunteers import apply_status, new_volunteer, state_of
from frontdesk.store.models import Training, Volunteer


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


@dataclass
class Plan:
    """The changed rows to stage, in the sheet's order, and the codes added, updated and
    unchanged (a row holding what is stored: no write, no entry)."""

    rows: list[StagedRow] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def plan(
    desk: Desk, parsed: Sequence[SheetRow], existing: dict[str, Volunteer], now: datetime
) -> Plan:
    """What each checked row changes. `existing` (the site's volunteers with their
    trainings, read and detached) is changed in memory only; nothing is written here."""
    out = Plan()
    for row in parsed:
        current = existing.get(row.data.code)
        if current is None:
            v = new_volunteer(desk, row.data, now)
            trainings = [
                {"kind": t.kind, "title": t.title, "taken_on": t.taken_on, "hours": t.hours}
                for t in v.trainings
            ]
            out.rows.append(StagedRow(_values(v), trainings))
            out.added.append(row.data.code)
            continue
        before = {f: getattr(current, f) for f in BEFORE_FIELDS}
        hours = {t.id: t.hours for t in current.trainings}
        if not _update(current, row, now):
            out.unchanged.append(row.data.code)
            continue
        trainings = [
            {
                "kind": t.kind,
                "title": t.title,
                "taken_on": t.taken_on,
                "hours": t.hours,
                "training_id": t.id,
            }
            for t in current.trainings
            if t.id is None or t.hours != hours[t.id]
        ]
        out.rows.append(StagedRow(_values(current), trainings, current.id, before))
        out.updated.append(row.data.code)
    return out


def _values(v: Volunteer) -> dict[str, object]:
    return {c: getattr(v, c) for c in VOLUNTEER_COLUMNS}


def _update(v: Volunteer, row: SheetRow, now: datetime) -> bool:
    """Apply a row to a stored volunteer (in memory); False when the row holds what is
    stored already (no update, no audit entry)."""
    data = row.data
    was = state_of(v)
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
    return state_of(v) != was
