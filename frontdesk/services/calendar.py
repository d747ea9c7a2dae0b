"""The site's duty calendar: DGPA imports, typhoon closures, manual days."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Select, delete, select
from sqlalchemy.orm import Session

from frontdesk.core import text
from frontdesk.core.calendar import (
    CalendarFileError,
    DayInfo,
    DutyCalendar,
    Override,
    OverrideKind,
    official_overrides,
    parse_dgpa_csv,
)
from frontdesk.core.settings import DeskSettings
from frontdesk.services import infiles
from frontdesk.services.auditing import record
from frontdesk.services.context import Desk, load_settings
from frontdesk.services.errors import InvalidInput
from frontdesk.services.freetext import free_text
from frontdesk.store.models import CalendarOverride

LABEL_MAX = 120  # CalendarOverride.label is String(120)


def load_calendar(
    session: Session,
    site_id: int,
    settings: DeskSettings,
    start: date | None = None,
    end: date | None = None,
) -> DutyCalendar:
    rows = session.execute(overrides_statement(site_id, start, end))
    return calendar_from(settings, [tuple(r) for r in rows])


def overrides_statement(
    site_id: int, start: date | None = None, end: date | None = None
) -> Select[date, str, str | None, str]:
    """The site's calendar overrides from `start` to `end` (days, inclusive): what
    calendar_from() builds the duty calendar from, read alone or with other reads."""
    stmt = select(
        CalendarOverride.day, CalendarOverride.kind, CalendarOverride.slot, CalendarOverride.label
    ).where(CalendarOverride.site_id == site_id)
    if start is not None:
        stmt = stmt.where(CalendarOverride.day >= start)
    if end is not None:
        stmt = stmt.where(CalendarOverride.day <= end)
    return stmt


def calendar_from(settings: DeskSettings, rows: Iterable[tuple[Any, ...]]) -> DutyCalendar:
    """The duty calendar of the overrides read by overrides_statement()."""
    overrides = [
        Override(day=day, kind=OverrideKind(kind), slot=slot, label=label)
        for day, kind, slot, label in rows
    ]
    return DutyCalendar(overrides, makeup_saturday_is_duty=settings.makeup_saturday_is_duty)


def calendar(desk: Desk, start: date | None = None, end: date | None = None) -> DutyCalendar:
    with desk.db.read() as session:
        return load_calendar(
            session, desk.site_id, load_settings(session, desk.site_id), start, end
        )


def month(desk: Desk, year: int, month_: int) -> list[DayInfo]:
    first = date(year, month_, 1)
    last = date(year + (month_ == 12), month_ % 12 + 1, 1)
    return calendar(desk, first, last).month(year, month_)


def day(desk: Desk, d: date) -> DayInfo:
    return calendar(desk, d, d).day(d)


@dataclass(frozen=True)
class ImportReport:
    year: int
    days: int
    off_days: int
    replaced: int
    changed: bool = True  # False: the year was imported already exactly so; nothing written


def import_dgpa_file(desk: Desk, path: Path) -> ImportReport:
    """Import the official calendar CSV at `path`, measured before it is read (services.infiles).

    A file larger than a calendar can be is refused unread; otherwise as import_dgpa.
    """
    path = Path(path)
    infiles.measure(path, infiles.CALENDAR_CSV, not_this_kind="not_csv")
    with path.open("rb") as f:
        data = f.read(infiles.CALENDAR_CSV.max_bytes + 1)
    if len(data) > infiles.CALENDAR_CSV.max_bytes:  # it grew after it was measured
        raise infiles.too_big(path, infiles.CALENDAR_CSV, len(data))
    return import_dgpa(desk, data)


def import_dgpa(desk: Desk, data: bytes | str) -> ImportReport:
    """Import one year of the official calendar; a wrong file raises InvalidInput and changes nothing."""
    try:
        rows = parse_dgpa_csv(data)
    except CalendarFileError as exc:
        raise InvalidInput(str(exc), field="file", reason=exc.reason, row=exc.line) from None
    year = rows[0].day.year
    official = (OverrideKind.OFFICIAL_WORK.value, OverrideKind.OFFICIAL_OFF.value)
    wanted = {(o.day, o.kind.value, o.label[:LABEL_MAX]) for o in official_overrides(rows)}
    off = sum(1 for r in rows if r.is_off)
    with desk.write() as session:
        stored = session.execute(
            select(CalendarOverride.day, CalendarOverride.kind, CalendarOverride.label).where(
                CalendarOverride.site_id == desk.site_id,
                CalendarOverride.kind.in_(official),
                CalendarOverride.day >= date(year, 1, 1),
                CalendarOverride.day <= date(year, 12, 31),
            )
        )
        if {(d, k, label) for d, k, label in stored} == wanted:
            return ImportReport(year, len(rows), off, 0, changed=False)  # the same file again
        old = delete(CalendarOverride).where(
            CalendarOverride.site_id == desk.site_id,
            CalendarOverride.kind.in_(
                [OverrideKind.OFFICIAL_WORK.value, OverrideKind.OFFICIAL_OFF.value]
            ),
            CalendarOverride.day >= date(year, 1, 1),
            CalendarOverride.day <= date(year, 12, 31),
        )
        replaced = session.execute(old).rowcount or 0  # type: ignore[attr-defined]
        now = desk.now()
        session.add_all(
            CalendarOverride(
                site_id=desk.site_id,
                day=o.day,
                kind=o.kind.value,
                slot=None,
                label=o.label[:LABEL_MAX],  # the column's width; DGPA notes are short
                created_at=now,
                created_by=desk.actor,
            )
            for o in official_overrides(rows)
        )
        record(
            session,
            desk,
            "calendar.import",
            "calendar",
            year,
            after={"year": year, "days": len(rows), "off_days": off, "replaced": replaced},
            at=now,
        )
    return ImportReport(year, len(rows), off, replaced)


def close(desk: Desk, d: date, slot: str | None, reason: str) -> None:
    """Close a day or one slot (typhoon 停止上班): its shifts are cancelled, nobody is absent,
    also for what was recorded before the closure was entered (an absence the sweep
    recorded at noon for a closure entered at 12:30); reopen() gives those records back.

    Closing again for the same reason changes nothing and is not audited."""
    reason = free_text(reason, text.CALENDAR_LABEL, "reason")
    if not reason:
        raise InvalidInput("a closure needs a reason", field="reason")
    with desk.write() as session:
        settings = load_settings(session, desk.site_id)
        if slot is not None and settings.slot(slot) is None:
            raise InvalidInput(f"unknown slot {slot!r}", field="slot", value=slot)
        existing = session.scalars(
            select(CalendarOverride).where(
                CalendarOverride.site_id == desk.site_id,
                CalendarOverride.day == d,
                CalendarOverride.kind == OverrideKind.CLOSURE.value,
                CalendarOverride.slot.is_(None) if slot is None else CalendarOverride.slot == slot,
            )
        ).first()
        if existing is not None and existing.label == reason:
            return  # closed already for the same reason: no change
        if existing is not None:
            existing.label = reason
        else:
            session.add(
                CalendarOverride(
                    site_id=desk.site_id,
                    day=d,
                    kind=OverrideKind.CLOSURE.value,
                    slot=slot,
                    label=reason,
                    created_at=desk.now(),
                    created_by=desk.actor,
                )
            )
        session.flush()
        settled = _settle(session, desk, d, slot, "calendar.close")
        record(
            session,
            desk,
            "calendar.close",
            "calendar",
            d.isoformat(),
            after={"day": d.isoformat(), "slot": slot, "reason": reason, "settled": settled},
        )


def reopen(desk: Desk, d: date, slot: str | None = None) -> int:
    """Remove closures of a day (or of one slot), and judge its records again as an open
    day's (services.attendance_review.settle_by_calendar). Returns how many were removed;
    none removed is no change (not audited)."""
    with desk.write() as session:
        stmt = delete(CalendarOverride).where(
            CalendarOverride.site_id == desk.site_id,
            CalendarOverride.day == d,
            CalendarOverride.kind == OverrideKind.CLOSURE.value,
        )
        if slot is not None:
            stmt = stmt.where(CalendarOverride.slot == slot)
        removed = session.execute(stmt).rowcount or 0  # type: ignore[attr-defined]
        if not removed:
            return 0  # it was not closed: no change
        settled = _settle(session, desk, d, slot, "calendar.reopen")
        record(
            session,
            desk,
            "calendar.reopen",
            "calendar",
            d.isoformat(),
            after={"day": d.isoformat(), "slot": slot, "removed": removed, "settled": settled},
        )
        return int(removed)


def _settle(session: Session, desk: Desk, d: date, slot: str | None, cause: str) -> list[int]:
    """Records of the day judged again by the changed calendar (ids of those changed)."""
    # Imported here: the attendance use cases read the calendar through this module.
    from frontdesk.services.attendance_review import settle_by_calendar

    return settle_by_calendar(session, desk, d, slot, cause)


def set_manual(desk: Desk, d: date, *, open_: bool, label: str = "") -> None:
    """Mark a day open or closed by hand (e.g. an agency event), replacing an earlier manual mark."""
    kind = OverrideKind.MANUAL_OPEN if open_ else OverrideKind.MANUAL_CLOSED
    label = free_text(label, text.CALENDAR_LABEL, "label")
    manual = [OverrideKind.MANUAL_OPEN.value, OverrideKind.MANUAL_CLOSED.value]
    with desk.write() as session:
        marks = session.execute(
            select(CalendarOverride.kind, CalendarOverride.label).where(
                CalendarOverride.site_id == desk.site_id,
                CalendarOverride.day == d,
                CalendarOverride.kind.in_(manual),
            )
        ).all()
        if [tuple(m) for m in marks] == [(kind.value, label)]:
            return  # marked so already: no change
        session.execute(
            delete(CalendarOverride).where(
                CalendarOverride.site_id == desk.site_id,
                CalendarOverride.day == d,
                CalendarOverride.kind.in_(manual),
            )
        )
        session.add(
            CalendarOverride(
                site_id=desk.site_id,
                day=d,
                kind=kind.value,
                slot=None,
                label=label,
                created_at=desk.now(),
                created_by=desk.actor,
            )
        )
        record(
            session,
            desk,
            "calendar.manual",
            "calendar",
            d.isoformat(),
            after={"day": d.isoformat(), "kind": kind.value, "label": label},
        )
