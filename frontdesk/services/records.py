"""A volunteer's service record: desk duties, hours entered by hand, prior hours, trainings,
the record book and the recognitions received; the use cases that keep them.

Desk duties are credited attendance; each is written as the national system takes it,
cut to the configured step (core.recognition.step_minutes, 0.5 h by default). Prior hours
count for recognition only and never appear as this desk's service.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, delete, func, select, update
from sqlalchemy.orm import Session

from frontdesk.core import text
from frontdesk.core.codes import normalise_code
from frontdesk.core.recognition import (
    AWARDS,
    CERTIFICATE,
    HONOR_CARD,
    NATIONAL_STEP_MINUTES,
    card_expiry,
    step_minutes,
)
from frontdesk.core.settings import HOURS_STEP, SERVICE_ITEM, DeskSettings
from frontdesk.services.auditing import Personal
from frontdesk.services.auditing import record as _record
from frontdesk.services.context import Desk, load_settings
from frontdesk.services.errors import InvalidInput, NotFound
from frontdesk.services.freetext import free_text
from frontdesk.store.models import (
    Attendance,
    RecognitionGrant,
    RecordBook,
    ServiceHours,
    Site,
    Training,
    Volunteer,
)

DEFAULT_SERVICE_ITEM = "服務台值勤"
MAX_ENTRY_MINUTES = 24 * 60  # hours entered by hand: one day's at most
MAX_PRIOR_MINUTES = 100_000 * 60
GRANT_KINDS = (CERTIFICATE, HONOR_CARD, *(a.code for a in AWARDS))
PRIOR_SOURCE = text.TextRule(120, required=True)  # the agency the prior hours were served at
RECORD_BOOK_NUMBER = text.TextRule(40, required=True)
GRANT_NUMBER = text.TextRule(40)
TRAINING_ISSUER = text.TextRule(120)


def hours_step(settings: DeskSettings) -> int:
    """The step credited minutes are cut to on the record (setting HOURS_STEP, 30 = 0.5 h)."""
    raw = str(settings.extra.get(HOURS_STEP) or "").strip()
    return int(raw) if raw.isdigit() and int(raw) <= 60 else NATIONAL_STEP_MINUTES


def service_item(settings: DeskSettings) -> str:
    """A desk duty's service item (服務項目), 服務台值勤 unless the setting says otherwise."""
    return str(settings.extra.get(SERVICE_ITEM) or DEFAULT_SERVICE_ITEM)


def entry_item(item: str, reason: str) -> str:
    """The 服務項目 of hours entered by hand as every output writes it: the item and the
    reason (補登), so a row without times still says why."""
    return f"{item}（補登：{reason}）" if reason else item


@dataclass(frozen=True, slots=True)
class RecordLine:
    """One line of service: a desk duty (slot set) or hours entered by hand (reason set)."""

    day: date
    slot: str | None
    credited_minutes: int  # as served
    minutes: int  # as recorded: cut to the step
    item: str
    reason: str = ""
    entry_id: int | None = None


@dataclass(frozen=True, slots=True)
class PriorLine:
    """Prior hours: from another agency or before the app; for recognition only."""

    entry_id: int
    first_day: date | None
    last_day: date
    minutes: int
    source: str


@dataclass(frozen=True, slots=True)
class TrainingLine:
    kind: str  # basic / special
    title: str
    taken_on: date
    hours: float
    issuer: str


@dataclass(frozen=True, slots=True)
class GrantLine:
    grant_id: int
    kind: str  # CERTIFICATE, HONOR_CARD or an award code
    approved_on: date
    expires_on: date | None
    number: str


@dataclass(frozen=True, slots=True)
class ServiceRecord:
    """A volunteer's record from `first` to `last` (inclusive), with the agency's name for
    the statement; no phone or other personal data beyond the name."""

    volunteer_id: int
    code: str
    name: str
    joined_on: date | None
    first: date
    last: date
    agency_name: str
    lines: tuple[RecordLine, ...]
    prior: tuple[PriorLine, ...]
    trainings: tuple[TrainingLine, ...]
    record_book: tuple[str, date | None] | None
    grants: tuple[GrantLine, ...]

    @property
    def total_minutes(self) -> int:
        """This desk's recorded service in the range (prior hours not included)."""
        return sum(line.minutes for line in self.lines)

    @property
    def missing(self) -> tuple[str, ...]:
        """'basic', 'special', 'record_book': what the record lacks."""
        kinds = {t.kind for t in self.trainings}
        out = [k for k in ("basic", "special") if k not in kinds]
        return (*out, *(() if self.record_book else ("record_book",)))


def _plain(values: dict[str, Any] | None) -> dict[str, Any] | None:
    """Dates as ISO text, as every audit entry writes them."""
    if values is None:
        return None
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}


def record(
    session: Session,
    desk: Desk,
    action: str,
    entity: str,
    entity_id: object,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """An audit entry for a change of the record, dates written as ISO text."""
    _record(session, desk, action, entity, entity_id, before=_plain(before), after=_plain(after))


def volunteer_of(session: Session, desk: Desk, code: str) -> Volunteer:
    """The desk's volunteer with this code (typed any way core.codes accepts); NotFound."""
    v = session.scalars(
        select(Volunteer).where(
            Volunteer.site_id == desk.site_id, Volunteer.code == normalise_code(code)
        )
    ).first()
    if v is None:
        raise NotFound(f"no volunteer {code}", what="volunteer", code=code)
    return v


def _check_range(first: date, last: date) -> None:
    if last < first:
        raise InvalidInput("the range ends before it starts", field="date_range")


def _desk_lines(
    session: Session, desk: Desk, v: Volunteer, first: date, last: date, settings: DeskSettings
) -> list[RecordLine]:
    step, item = hours_step(settings), service_item(settings)
    rows = session.execute(
        select(Attendance.day, Attendance.slot, Attendance.credited_minutes)
        .where(
            Attendance.volunteer_id == v.id,
            Attendance.site_id == desk.site_id,
            Attendance.day >= first,
            Attendance.day <= last,
            Attendance.credited_minutes > 0,
        )
        .order_by(Attendance.day, Attendance.slot, Attendance.id)
    )
    return [RecordLine(d, s, m, step_minutes(m, step), item) for d, s, m in rows]


def recorded_minutes(step: int, credited: ColumnElement[int] | None = None) -> ColumnElement[int]:
    """A duty's minutes as recorded (SQL): credited minutes (attendance's, or `credited`:
    the service tally's) cut down to `step`, the rule of core.recognition.step_minutes
    (integer division, so 5 h 55 min is 5.5 h at 30)."""
    minutes = Attendance.credited_minutes.expression if credited is None else credited
    return minutes if step <= 0 else (minutes // step) * step


def recorded_sums(
    session: Session, site_id: int, start: date | None, end: date, step: int
) -> dict[int, int]:
    """Each volunteer's recorded service in [start, end] (minutes): desk duties each cut to
    `step` plus hours entered by hand; prior hours excluded. The one figure every output
    (statement, county template, monthly workbook, year report) states as 服務時數."""
    duty = select(Attendance.volunteer_id, func.sum(recorded_minutes(step))).where(
        Attendance.site_id == site_id, Attendance.day <= end
    )
    hand = select(ServiceHours.volunteer_id, func.sum(ServiceHours.minutes)).where(
        ServiceHours.site_id == site_id, ServiceHours.kind == "manual", ServiceHours.day <= end
    )
    if start is not None:
        duty = duty.where(Attendance.day >= start)
        hand = hand.where(ServiceHours.day >= start)
    out: dict[int, int] = {}
    for stmt in (duty.group_by(Attendance.volunteer_id), hand.group_by(ServiceHours.volunteer_id)):
        for vid, total in session.execute(stmt):
            out[vid] = out.get(vid, 0) + int(total or 0)
    return out


def hand_lines(
    session: Session, site_id: int, first: date, last: date
) -> dict[int, list[RecordLine]]:
    """Hours entered by hand in [first, last], per volunteer, by day: the record's lines
    with their reason (every output of the month lists the same ones)."""
    out: dict[int, list[RecordLine]] = {}
    for h in session.scalars(
        select(ServiceHours)
        .where(
            ServiceHours.site_id == site_id,
            ServiceHours.kind == "manual",
            ServiceHours.day >= first,
            ServiceHours.day <= last,
        )
        .order_by(ServiceHours.day, ServiceHours.id)
    ):
        out.setdefault(h.volunteer_id, []).append(
            RecordLine(h.day, None, h.minutes, h.minutes, h.item, h.reason, h.id)
        )
    return out


def service_record(desk: Desk, code: str, first: date, last: date) -> ServiceRecord:
    """The volunteer's record in [first, last]: duties and hand-entered hours by day; prior
    hours, trainings, record book and recognitions whatever their dates."""
    _check_range(first, last)
    with desk.db.read() as session:
        v = volunteer_of(session, desk, code)
        settings = load_settings(session, desk.site_id)
        lines = _desk_lines(session, desk, v, first, last, settings)
        prior = []
        for h in session.scalars(
            select(ServiceHours)
            .where(ServiceHours.volunteer_id == v.id)
            .order_by(ServiceHours.day, ServiceHours.id)
        ):
            if h.kind == "prior":
                prior.append(PriorLine(h.id, h.first_day, h.day, h.minutes, h.reason))
            elif first <= h.day <= last:
                lines.append(RecordLine(h.day, None, h.minutes, h.minutes, h.item, h.reason, h.id))
        trainings = session.scalars(
            select(Training).where(Training.volunteer_id == v.id).order_by(Training.taken_on)
        )
        book = session.get(RecordBook, v.id)
        grants = session.scalars(
            select(RecognitionGrant)
            .where(RecognitionGrant.volunteer_id == v.id)
            .order_by(RecognitionGrant.approved_on, RecognitionGrant.id)
        )
        site = session.get(Site, desk.site_id)
        return ServiceRecord(
            volunteer_id=v.id,
            code=v.code,
            name=v.name,
            joined_on=v.joined_on,
            first=first,
            last=last,
            agency_name=settings.agency_name or (site.name if site else ""),
            lines=tuple(sorted(lines, key=lambda ln: (ln.day, ln.slot or "~"))),
            prior=tuple(prior),
            trainings=tuple(
                TrainingLine(t.kind, t.title, t.taken_on, t.hours, t.issuer) for t in trainings
            ),
            record_book=(book.number, book.issued_on) if book else None,
            grants=tuple(
                GrantLine(g.id, g.kind, g.approved_on, g.expires_on, g.number) for g in grants
            ),
        )


def _minutes(minutes: int, most: int) -> int:
    if not 0 < minutes <= most:
        raise InvalidInput("hours out of range", field="service_hours", value=minutes)
    return minutes


def _add_entry(
    session: Session,
    desk: Desk,
    volunteer: Volunteer,
    action: str,
    after: dict[str, Any],
    **fields: Any,
) -> int:
    """One ServiceHours row for `volunteer` (the `fields` given: kind, days, minutes, item,
    reason) with its audit entry `action` saying `after`, in the caller's transaction; the
    new row's id. Hand-entered and prior hours differ only in those fields."""
    row = ServiceHours(
        site_id=desk.site_id,
        volunteer_id=volunteer.id,
        created_at=desk.now(),
        created_by=desk.actor,
        **fields,
    )
    session.add(row)
    session.flush()
    record(session, desk, action, "service_hours", row.id, after=after)
    return row.id


def add_hours(desk: Desk, code: str, day: date, minutes: int, reason: str, item: str = "") -> int:
    """Hours served away from the desk (an event, an outreach day), entered by hand with
    a reason; they are this desk's service and appear on the statement. Minutes in
    (0, MAX_ENTRY_MINUTES]; InvalidInput for a blank reason or minutes out of range."""
    why = free_text(reason, text.REASON, "reason")
    if not why:
        raise InvalidInput("a reason is required", field="reason")
    _minutes(minutes, MAX_ENTRY_MINUTES)
    with desk.write() as session:
        v = volunteer_of(session, desk, code)
        what = free_text(item, text.TRAINING_TITLE, "item") or service_item(
            load_settings(session, desk.site_id)
        )
        after = {"volunteer_id": v.id, "date": day, "credited": minutes, "item": what}
        return _add_entry(
            session,
            desk,
            v,
            "records.hours_add",
            after | {"reason": why},
            kind="manual",
            day=day,
            minutes=minutes,
            item=what,
            reason=why,
        )


def add_prior(desk: Desk, code: str, first: date, last: date, minutes: int, source: str) -> int:
    """Prior hours (before the app, or at another agency) with their source and date range:
    counted toward recognition (they count under the awards' rules), never shown as this
    desk's service. Minutes in (0, MAX_PRIOR_MINUTES]; InvalidInput for a reversed range
    or minutes out of range."""
    _check_range(first, last)
    origin = free_text(source, PRIOR_SOURCE, "origin")
    _minutes(minutes, MAX_PRIOR_MINUTES)
    with desk.write() as session:
        v = volunteer_of(session, desk, code)
        after = {"volunteer_id": v.id, "from": first, "to": last, "credited": minutes}
        return _add_entry(
            session,
            desk,
            v,
            "records.prior_add",
            after | {"origin": origin},
            kind="prior",
            first_day=first,
            day=last,
            minutes=minutes,
            item="",
            reason=origin,
        )


def remove_hours(desk: Desk, entry_id: int, reason: str) -> None:
    """Take back hours entered by hand or prior hours, with a reason (kept in the log)."""
    why = free_text(reason, text.REASON, "reason")
    if not why:
        raise InvalidInput("a reason is required", field="reason")
    with desk.write() as session:
        row = session.get(ServiceHours, entry_id)
        if row is None or row.site_id != desk.site_id:
            raise NotFound(f"no hours entry {entry_id}", what="service_hours", id=entry_id)
        before = {
            "volunteer_id": row.volunteer_id,
            "date": row.day,
            "credited": row.minutes,
            "origin" if row.kind == "prior" else "item": row.reason
            if row.kind == "prior"
            else row.item,
        }
        session.delete(row)
        record(
            session,
            desk,
            "records.hours_remove",
            "service_hours",
            entry_id,
            before=before,
            after={"reason": why},
        )


def add_grant(
    desk: Desk,
    code: str,
    kind: str,
    approved_on: date,
    expires_on: date | None = None,
    number: str = "",
) -> int:
    """Record a recognition received; an honor card without an expiry gets card_expiry's."""
    if kind not in GRANT_KINDS:
        raise InvalidInput(f"no recognition {kind}", field="recognition", value=kind)
    if kind == HONOR_CARD and expires_on is None:
        expires_on = card_expiry(approved_on)
    if expires_on is not None and expires_on < approved_on:
        raise InvalidInput("expires before approval", field="date_range")
    ref = free_text(number, GRANT_NUMBER, "number")
    with desk.write() as session:
        v = volunteer_of(session, desk, code)
        row = RecognitionGrant(
            volunteer_id=v.id,
            kind=kind,
            approved_on=approved_on,
            expires_on=expires_on,
            number=ref,
            created_at=desk.now(),
            created_by=desk.actor,
        )
        session.add(row)
        session.flush()
        after = {"volunteer_id": v.id, "recognition": kind, "date": approved_on}
        if expires_on is not None:
            after["expires"] = expires_on
        if ref:  # a certificate's number names the person: by reference, purged with them
            after["number"] = Personal(v.id, ref)
        record(session, desk, "records.grant", "recognition_grant", row.id, after=after)
        return row.id


def set_record_book(desk: Desk, code: str, number: str, issued_on: date | None) -> None:
    """The volunteer's record book (志願服務紀錄冊): its number and issue date."""
    ref = free_text(number, RECORD_BOOK_NUMBER, "number")
    with desk.write() as session:
        v = volunteer_of(session, desk, code)
        book = session.get(RecordBook, v.id)
        before = {"number": Personal(v.id, book.number), "date": book.issued_on} if book else None
        if book is None:
            book = RecordBook(volunteer_id=v.id, number=ref, issued_on=issued_on)
            session.add(book)
        else:
            book.number, book.issued_on = ref, issued_on
        after = {"volunteer_id": v.id, "number": Personal(v.id, ref), "date": issued_on}
        record(session, desk, "records.record_book", "volunteer", v.id, before=before, after=after)


def set_training_issuer(desk: Desk, code: str, taken_on: date, kind: str, issuer: str) -> None:
    """Who gave a recorded training (the training is found by its kind and date)."""
    who = free_text(issuer, TRAINING_ISSUER, "issuer")
    with desk.write() as session:
        v = volunteer_of(session, desk, code)
        t = session.scalars(
            select(Training).where(
                Training.volunteer_id == v.id, Training.kind == kind, Training.taken_on == taken_on
            )
        ).first()
        if t is None:
            raise NotFound("no such training", what="training", code=code)
        before = {"kind": kind, "date": taken_on, "issuer": t.issuer}
        t.issuer = who
        record(
            session,
            desk,
            "volunteer.training",
            "volunteer",
            v.id,
            before=before,
            after=before | {"issuer": who},
        )


def forget_personal(session: Session, volunteer_id: int) -> None:
    """A purge of the volunteer's personal data: the record book's number and the numbers of
    recognitions received identify the person and go; the hours, dates and kinds stay."""
    session.execute(delete(RecordBook).where(RecordBook.volunteer_id == volunteer_id))
    session.execute(
        update(RecognitionGrant)
        .where(RecognitionGrant.volunteer_id == volunteer_id)
        .values(number="")
    )
