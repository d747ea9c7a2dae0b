"""Volunteers, their trainings and weekly patterns."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from frontdesk.core import text
from frontdesk.core.codes import is_valid_code, next_code, normalise_code, typed_number_codes
from frontdesk.core.roster import VolunteerFacts, VolunteerStatus
from frontdesk.core.timeutil import local_day
from frontdesk.core.volunteers import change_status
from frontdesk.services.auditing import record, snapshot
from frontdesk.services.context import Desk, load_settings
from frontdesk.services.errors import Conflict, InvalidInput, NotAllowed, NotFound
from frontdesk.services.freetext import free_text
from frontdesk.store.models import Training, Volunteer, WeeklyPattern

PHONE_RE = re.compile(r"^\+?[0-9][0-9\- ()#]{5,38}$")


@dataclass
class VolunteerInput:
    code: str
    name: str
    phone: str | None = None
    languages: str = ""
    status: str = VolunteerStatus.ACTIVE.value
    weekly_max: int | None = None
    notes: str = ""
    joined_on: date | None = None
    # kind, title, date, hours; None on an update keeps the volunteer's trainings as they are
    trainings: list[tuple[str, str, date, float]] | None = None

    def validated(self) -> VolunteerInput:
        """Normalised copy; InvalidInput names the first bad field."""
        code = normalise_code(self.code)
        if not is_valid_code(code):
            raise InvalidInput(
                "volunteer code must be 1-32 letters, digits or dashes",
                field="code",
                value=self.code,
            )
        name = free_text(self.name, text.PERSON_NAME, "name")
        phone = str(self.phone).strip() if self.phone not in (None, "") else None
        if phone is not None and not PHONE_RE.match(phone):
            raise InvalidInput(
                "phone must be digits, spaces, dashes or a leading +",
                field="phone",
                value=self.phone,
            )
        if self.status not in {s.value for s in VolunteerStatus}:
            raise InvalidInput(
                "status must be trainee, active or inactive", field="status", value=self.status
            )
        if self.weekly_max is not None and not 1 <= int(self.weekly_max) <= 14:
            raise InvalidInput(
                "weekly maximum must be 1 to 14", field="weekly_max", value=self.weekly_max
            )
        trainings = []
        for kind, title, taken, hours in self.trainings or []:
            if kind not in ("basic", "special"):
                raise InvalidInput(
                    "training kind must be basic or special", field="trainings", value=kind
                )
            if not 0 <= float(hours) <= 500:
                raise InvalidInput(
                    "training hours must be 0 to 500", field="trainings", value=hours
                )
            trainings.append(
                (kind, free_text(title, text.TRAINING_TITLE, "trainings"), taken, hours)
            )
        return VolunteerInput(
            code=code,
            name=name,
            phone=phone,
            languages=free_text(self.languages, text.LANGUAGES, "languages"),
            status=self.status,
            weekly_max=None if self.weekly_max is None else int(self.weekly_max),
            notes=free_text(self.notes, text.VOLUNTEER_NOTES, "notes"),
            joined_on=self.joined_on,
            trainings=None if self.trainings is None else trainings,
        )


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A volunteer offered for a shift (coverage gaps, swap partners): no personal data."""

    volunteer_id: int
    code: str
    name: str


def add_in_session(session: Session, desk: Desk, data: VolunteerInput) -> Volunteer:
    data = data.validated()
    clash = session.scalars(
        select(Volunteer.id).where(Volunteer.site_id == desk.site_id, Volunteer.code == data.code)
    ).first()
    if clash is not None:
        raise Conflict(f"volunteer code {data.code} is already used", field="code", value=data.code)
    now = desk.now()
    v = new_volunteer(desk, data, now)
    session.add(v)
    session.flush()
    record(session, desk, "volunteer.add", "volunteer", v.id, after=snapshot(v), at=now)
    return v


def new_volunteer(desk: Desk, data: VolunteerInput, now: datetime) -> Volunteer:
    """The row of a new volunteer from checked input (validated), not yet added."""
    d = data
    v = Volunteer(site_id=desk.site_id, code=d.code, name=d.name, phone=d.phone)
    v.languages, v.status, v.weekly_max, v.notes = d.languages, d.status, d.weekly_max, d.notes
    v.joined_on, v.created_at = d.joined_on or local_day(now), now
    v.trainings = [
        Training(kind=k, title=t, taken_on=j, hours=float(h)) for k, t, j, h in d.trainings or []
    ]
    return v


def add(desk: Desk, data: VolunteerInput) -> int:
    with desk.write() as session:
        return add_in_session(session, desk, data).id


def get(session: Session, desk: Desk, volunteer_id: int) -> Volunteer:
    v = session.get(Volunteer, volunteer_id, options=[selectinload(Volunteer.trainings)])
    if v is None or v.site_id != desk.site_id:
        raise NotFound(f"no volunteer with id {volunteer_id}", what="volunteer", id=volunteer_id)
    return v


def by_code(session: Session, desk: Desk, code: str) -> Volunteer | None:
    return session.scalars(
        select(Volunteer).where(
            Volunteer.site_id == desk.site_id, Volunteer.code == normalise_code(code)
        )
    ).first()


def by_typed_code(session: Session, desk: Desk, code: str) -> Volunteer | None:
    """The volunteer of a code as typed at the desk: the code itself, else the one
    volunteer whose code has the typed number with its letters left off ("7" -> V007,
    core.codes.typed_number_codes); None when no volunteer or more than one matches."""
    v = by_code(session, desk, code)
    if v is not None:
        return v
    codes = session.scalars(select(Volunteer.code).where(Volunteer.site_id == desk.site_id))
    found = typed_number_codes(code, codes)
    return by_code(session, desk, found[0]) if len(found) == 1 else None


@dataclass(frozen=True, slots=True)
class Named:
    """A volunteer a command names by code: id, code and name, no other personal data."""

    id: int
    code: str
    name: str


def next_free_code(desk: Desk) -> str:
    """The code the new-volunteer form suggests (core.codes.next_code over every code of
    the desk's agency, those who left included)."""
    with desk.db.read() as session:
        codes = session.scalars(select(Volunteer.code).where(Volunteer.site_id == desk.site_id))
        return next_code(codes)


def find_by_code(desk: Desk, code: str) -> Named:
    """The volunteer with this code at the desk's agency, or NotFound naming the code."""
    with desk.db.read() as session:
        v = by_code(session, desk, code)
        if v is None:
            raise NotFound(f"no volunteer {code}", what="volunteer", code=normalise_code(code))
        return Named(v.id, v.code, v.name)


def apply_status(v: Volunteer, wanted: str, now: datetime) -> None:
    """Status and deactivation moment as core.volunteers.change_status decides."""
    change = change_status(v.status, v.deactivated_at, wanted, now)
    v.status, v.deactivated_at = change.status.value, change.deactivated_at


def state_of(v: Volunteer) -> tuple[object, ...]:
    """Everything about a volunteer an update may change, trainings included: an update
    that leaves it equal changes nothing, so it is no update (no audit entry)."""
    trainings = sorted((t.kind, t.title, t.taken_on, float(t.hours)) for t in v.trainings)
    return (
        v.code,
        v.name,
        v.phone,
        v.languages,
        v.status,
        v.deactivated_at,
        v.weekly_max,
        v.notes,
        v.joined_on,
        tuple(trainings),
    )


def update(desk: Desk, volunteer_id: int, data: VolunteerInput) -> bool:
    """Store the edited volunteer; False (and nothing written, no audit entry) when the
    input is what is stored already."""
    data = data.validated()
    with desk.write() as session:
        v = get(session, desk, volunteer_id)
        if v.purged_at is not None:
            raise NotAllowed(
                f"the personal data of {v.code} was purged", reason="purged", code=v.code
            )
        if data.code != v.code and by_code(session, desk, data.code) is not None:
            raise Conflict(
                f"volunteer code {data.code} is already used", field="code", value=data.code
            )
        was, before = state_of(v), snapshot(v)
        v.code, v.name, v.phone, v.languages = data.code, data.name, data.phone, data.languages
        apply_status(v, data.status, desk.now())
        v.weekly_max, v.notes = data.weekly_max, data.notes
        if data.joined_on is not None:
            v.joined_on = data.joined_on
        if data.trainings is not None:
            wanted = sorted((k, t, d, float(h)) for k, t, d, h in data.trainings)
            if wanted != sorted((t.kind, t.title, t.taken_on, float(t.hours)) for t in v.trainings):
                v.trainings = [
                    Training(kind=k, title=t, taken_on=d, hours=float(h))
                    for k, t, d, h in data.trainings
                ]
        if state_of(v) == was:
            return False  # every value was set to itself: nothing is written
        record(
            session, desk, "volunteer.update", "volunteer", v.id, before=before, after=snapshot(v)
        )
        return True


def deactivate(desk: Desk, volunteer_id: int) -> bool:
    """Mark inactive (never a hard delete of someone with history); False when the
    volunteer was inactive already (nothing written)."""
    with desk.write() as session:
        v = get(session, desk, volunteer_id)
        if v.status == VolunteerStatus.INACTIVE.value:
            return False
        before = snapshot(v)
        apply_status(v, VolunteerStatus.INACTIVE.value, desk.now())
        record(
            session,
            desk,
            "volunteer.deactivate",
            "volunteer",
            v.id,
            before=before,
            after=snapshot(v),
        )
        return True


def add_training(
    desk: Desk, volunteer_id: int, kind: str, title: str, taken_on: date, hours: float
) -> None:
    VolunteerInput("X", "x", trainings=[(kind, title, taken_on, hours)]).validated()
    with desk.write() as session:
        v = get(session, desk, volunteer_id)
        v.trainings.append(Training(kind=kind, title=title, taken_on=taken_on, hours=float(hours)))
        record(
            session,
            desk,
            "volunteer.training",
            "volunteer",
            v.id,
            after={"kind": kind, "title": title, "date": taken_on.isoformat(), "hours": hours},
        )


def facts_of(v: Volunteer) -> VolunteerFacts:
    return VolunteerFacts(
        id=v.id,
        status=VolunteerStatus(v.status),
        has_basic_training=any(t.kind == "basic" for t in v.trainings),
        weekly_max=v.weekly_max,
    )


def load_facts(
    session: Session, site_id: int, ids: Iterable[int] | None = None
) -> dict[int, VolunteerFacts]:
    stmt = (
        select(Volunteer)
        .where(Volunteer.site_id == site_id)
        .options(selectinload(Volunteer.trainings))
    )
    if ids is not None:
        stmt = stmt.where(Volunteer.id.in_(list(ids)))
    return {v.id: facts_of(v) for v in session.scalars(stmt)}


# --- weekly patterns ---------------------------------------------------------------


def add_pattern(
    desk: Desk,
    volunteer_id: int,
    weekday: int,
    slot: str,
    valid_from: date,
    valid_to: date | None = None,
) -> int:
    if not 0 <= weekday <= 6:
        raise InvalidInput(
            "weekday must be 0 (Monday) to 6 (Sunday)", field="weekday", value=weekday
        )
    if valid_to is not None and valid_to < valid_from:
        raise InvalidInput(
            "a pattern cannot end before it starts", field="valid_to", value=valid_to
        )
    with desk.write() as session:
        settings = load_settings(session, desk.site_id)
        if settings.slot(slot) is None:
            raise InvalidInput(f"unknown slot {slot!r}", field="slot", value=slot)
        v = get(session, desk, volunteer_id)
        p = WeeklyPattern(
            volunteer_id=v.id, weekday=weekday, slot=slot, valid_from=valid_from, valid_to=valid_to
        )
        session.add(p)
        session.flush()
        record(
            session,
            desk,
            "pattern.add",
            "weekly_pattern",
            p.id,
            after={
                "volunteer": v.code,
                "weekday": weekday,
                "slot": slot,
                "from": valid_from.isoformat(),
                "to": valid_to.isoformat() if valid_to else None,
            },
        )
        return p.id


def end_pattern(desk: Desk, pattern_id: int, valid_to: date) -> None:
    with desk.write() as session:
        p = session.get(WeeklyPattern, pattern_id)
        if p is None:
            raise NotFound(f"no pattern {pattern_id}", what="pattern", id=pattern_id)
        if valid_to < p.valid_from:
            raise InvalidInput(
                "a pattern cannot end before it starts", field="valid_to", value=valid_to
            )
        before = p.valid_to
        p.valid_to = valid_to
        record(
            session,
            desk,
            "pattern.end",
            "weekly_pattern",
            p.id,
            before={"to": before.isoformat() if before else None},
            after={"to": valid_to.isoformat()},
        )
