"""Phone courtesy tests: record a scored test call, add its follow-up, read the history.

The scoring is core.phone_tests (the 電話服務品質及禮貌測試紀錄表); here the marks are
checked, the total computed and stored with the audit entry, and the records read back
per person and per desk. A volunteer's test under the site's `phone_test_threshold` waits
in the supervisor's list (services.waiting) until its follow-up (改善措施) is recorded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import Session

from frontdesk.core import phone_tests as rules
from frontdesk.core.phone_tests import AnswerWay, CallMarks, ContentWay, Item, ItemAverage
from frontdesk.core.text import TextRule
from frontdesk.core.timeutil import local_day
from frontdesk.services.auditing import record
from frontdesk.services.context import Desk, load_settings
from frontdesk.services.errors import InvalidInput, NotFound
from frontdesk.services.freetext import free_text
from frontdesk.store.models import Attendance, PhoneTest, Volunteer

UNIT = TextRule(60)
EXTENSION = TextRule(30)
TOPIC = TextRule(200)
PERSON = TextRule(60)
NOTES = TextRule(2000, multiline=True)
FOLLOW_UP = TextRule(2000, multiline=True, required=True)


class ScoreRefused(InvalidInput):
    """A mark outside its item's band on the form; facts: item, value, lo, hi, band."""

    code = "phone_score"


@dataclass(frozen=True, slots=True)
class TestForm:
    """The head of the paper form and its marks, as the supervisor filled them in."""

    tested_at: datetime  # aware
    marks: CallMarks
    unit: str = ""  # 受測單位
    extension: str = ""  # 電話(分機)號碼
    topic: str = ""  # 測試主題
    tester: str = ""  # 測試人員
    volunteer_id: int | None = None  # 受測人員, a volunteer of the list …
    staff_name: str = ""  # … or a staff member typed in
    notes: str = ""


@dataclass(frozen=True, slots=True)
class TestLine:
    """A recorded test as read back: the form, each item's points and the total."""

    id: int
    tested_at: datetime
    unit: str
    extension: str
    topic: str
    tester: str
    volunteer_id: int | None
    volunteer_code: str
    person: str  # the volunteer's or the staff member's name
    answered_by: str  # volunteer / staff
    marks: CallMarks
    scores: dict[Item, int]
    total: int
    notes: str
    follow_up: str
    follow_up_on: date | None

    @property
    def key(self) -> str:
        """Whom the test was of, as person_key writes it."""
        return person_key(self.volunteer_id, self.person)


@dataclass(frozen=True)
class Summary:
    """Tests taken together: how many, their average total and items, the weakest item."""

    count: int
    average: float | None
    items: list[ItemAverage] = field(default_factory=list)
    weakest: Item | None = None
    follow_ups_due: int = 0  # under the threshold, no follow-up yet
    follow_ups_done: int = 0


def person_key(volunteer_id: int | None, staff_name: str) -> str:
    """'v:12' for a volunteer, 's:王小姐' for a staff member: one person's tests."""
    return f"v:{volunteer_id}" if volunteer_id is not None else f"s:{staff_name}"


def _refuse(marks: CallMarks) -> None:
    refusals = rules.check(marks)
    if refusals:
        r = refusals[0]
        raise ScoreRefused(
            f"{r.item}: {r.value} is outside {r.lo}..{r.hi}",
            field=r.item,
            item=r.item,
            value=r.value,
            lo=r.lo,
            hi=r.hi,
            band=r.band,
        )


def record_test(desk: Desk, form: TestForm) -> int:
    """Store one test call with its computed total; its id.

    Refused before anything is written: a mark outside its band (ScoreRefused naming the
    item), neither a volunteer nor a staff name, an unknown volunteer, a naive instant.
    """
    if form.tested_at.tzinfo is None:
        raise InvalidInput("the test's time must be an aware instant", field="tested_at")
    _refuse(form.marks)
    scores = rules.item_scores(form.marks)
    staff = free_text(form.staff_name, PERSON, "staff_name")
    if form.volunteer_id is None and not staff:
        raise InvalidInput("who was tested: a volunteer or a staff member", field="tested_person")
    texts = {
        "unit": free_text(form.unit, UNIT, "unit"),
        "extension": free_text(form.extension, EXTENSION, "extension"),
        "topic": free_text(form.topic, TOPIC, "topic"),
        "tester": free_text(form.tester, PERSON, "tester"),
        "notes": free_text(form.notes, NOTES, "notes"),
    }
    m = form.marks
    with desk.write() as session:
        code = None
        if form.volunteer_id is not None:
            v = session.get(Volunteer, form.volunteer_id)
            if v is None or v.site_id != desk.site_id:
                raise NotFound("no such volunteer", what="volunteer", id=form.volunteer_id)
            code = v.code
        row = PhoneTest(
            site_id=desk.site_id,
            tested_at=form.tested_at,
            volunteer_id=form.volunteer_id,
            staff_name="" if form.volunteer_id is not None else staff,
            answered_by="volunteer" if form.volunteer_id is not None else "staff",
            answer_way=m.answer_way.value,
            ring_seconds=m.ring_seconds,
            transfers=m.transfers,
            dropped=m.dropped,
            states_unit=m.states_unit,
            greets=m.greets,
            tone_band=m.tone_band,
            tone=m.tone,
            closes_politely=m.closes_politely,
            content_way=m.content_way.value,
            content_band=m.content_band,
            content=m.content,
            stand_in_reason=m.stand_in_reason,
            total=rules.total(scores),
            follow_up="",
            created_at=desk.now(),
            created_by=desk.actor,
            **texts,
        )
        session.add(row)
        session.flush()
        record(
            session,
            desk,
            "phone_test.record",
            "phone_test",
            row.id,
            after={
                "volunteer": code,
                "staff": row.staff_name or None,
                "tested_at": form.tested_at.isoformat(),
                "tester": row.tester,
                "total": row.total,
            },
        )
        return row.id


def record_follow_up(desk: Desk, test_id: int, text: str, on: date) -> None:
    """The follow-up (改善措施) of a test and the day it was done; replaces an earlier one."""
    words = free_text(text, FOLLOW_UP, "follow_up")
    with desk.write() as session:
        row = session.get(PhoneTest, test_id)
        if row is None or row.site_id != desk.site_id:
            raise NotFound("no such phone test", what="phone_test", id=test_id)
        before = {"follow_up": row.follow_up or None, "follow_up_on": _iso(row.follow_up_on)}
        row.follow_up, row.follow_up_on = words, on
        record(
            session,
            desk,
            "phone_test.follow_up",
            "phone_test",
            row.id,
            before=before,
            after={"follow_up": words, "follow_up_on": on.isoformat(), "total": row.total},
        )


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def follow_ups_due(threshold: int) -> ColumnElement[bool]:
    """The tests of volunteers under `threshold` without a follow-up: the waiting list's."""
    return and_(
        PhoneTest.volunteer_id.is_not(None),
        PhoneTest.total < threshold,
        PhoneTest.follow_up_on.is_(None),
    )


def count_follow_ups_due(session: Session, site_id: int) -> int:
    """How many tests wait for a follow-up at the site, under its threshold setting."""
    threshold = load_settings(session, site_id).phone_test_threshold
    n = session.scalar(
        select(func.count(PhoneTest.id)).where(
            PhoneTest.site_id == site_id, follow_ups_due(threshold)
        )
    )
    return int(n or 0)


def follow_up_totals_statement(site_id: int) -> Select[*tuple[Any, ...]]:
    """The site's tests without a follow-up, counted by total: follow_ups_from() counts
    those under the threshold, the tests follow_ups_due() selects, read without the
    threshold setting (so with it, in one round trip)."""
    return (
        select(PhoneTest.total, func.count(PhoneTest.id))
        .where(
            PhoneTest.site_id == site_id,
            PhoneTest.volunteer_id.is_not(None),
            PhoneTest.follow_up_on.is_(None),
        )
        .group_by(PhoneTest.total)
    )


def follow_ups_from(rows: Iterable[tuple[Any, ...]], threshold: int) -> int:
    """How many tests wait for a follow-up, of follow_up_totals_statement()'s rows."""
    return sum(int(n) for total, n in rows if total is not None and total < threshold)


def marks_of(row: PhoneTest) -> CallMarks:
    return CallMarks(
        answer_way=AnswerWay(row.answer_way),
        ring_seconds=row.ring_seconds,
        transfers=row.transfers,
        dropped=row.dropped,
        states_unit=row.states_unit,
        greets=row.greets,
        tone_band=row.tone_band,
        tone=row.tone,
        closes_politely=row.closes_politely,
        content_way=ContentWay(row.content_way),
        content_band=row.content_band,
        content=row.content,
        stand_in_reason=row.stand_in_reason,
    )


def lines_between(
    session: Session, site_id: int, start: datetime | None = None, end: datetime | None = None
) -> list[TestLine]:
    """The site's tests, oldest first; those in [start, end) when given."""
    stmt = (
        select(PhoneTest, Volunteer.code, Volunteer.name)
        .outerjoin(Volunteer, Volunteer.id == PhoneTest.volunteer_id)
        .where(PhoneTest.site_id == site_id)
        .order_by(PhoneTest.tested_at, PhoneTest.id)
    )
    if start is not None:
        stmt = stmt.where(PhoneTest.tested_at >= start)
    if end is not None:
        stmt = stmt.where(PhoneTest.tested_at < end)
    out = []
    for row, code, name in session.execute(stmt):
        marks = marks_of(row)
        out.append(
            TestLine(
                id=row.id,
                tested_at=row.tested_at,
                unit=row.unit,
                extension=row.extension,
                topic=row.topic,
                tester=row.tester,
                volunteer_id=row.volunteer_id,
                volunteer_code=code or "",
                person=(name or "") if row.volunteer_id is not None else row.staff_name,
                answered_by=row.answered_by,
                marks=marks,
                scores=rules.item_scores(marks),
                total=row.total,
                notes=row.notes,
                follow_up=row.follow_up,
                follow_up_on=row.follow_up_on,
            )
        )
    return out


def history(desk: Desk, key: str | None = None) -> list[TestLine]:
    """The desk's tests, oldest first; one person's (person_key) when `key` is given."""
    with desk.db.read() as session:
        lines = lines_between(session, desk.site_id)
    return [t for t in lines if key is None or t.key == key]


def test_line(desk: Desk, test_id: int) -> TestLine:
    """One recorded test as read back (for printing the filled form)."""
    for t in history(desk):
        if t.id == test_id:
            return t
    raise NotFound("no such phone test", what="phone_test", id=test_id)


def summarise(lines: Sequence[TestLine], threshold: int) -> Summary:
    """Count, average total, the average of each item, the weakest, the follow-ups."""
    if not lines:
        return Summary(0, None)
    items = rules.averages(t.scores for t in lines)
    low = [t for t in lines if rules.needs_follow_up(t.total, threshold)]
    return Summary(
        count=len(lines),
        average=round(sum(t.total for t in lines) / len(lines), 1),
        items=items,
        weakest=rules.weakest(items),
        follow_ups_due=sum(1 for t in low if t.follow_up_on is None),
        follow_ups_done=sum(1 for t in lines if t.follow_up_on is not None),
    )


def people(lines: Iterable[TestLine]) -> list[tuple[str, str]]:
    """(person_key, name) of everyone tested, by name."""
    seen = {t.key: t.person or t.volunteer_code for t in lines}
    return sorted(seen.items(), key=lambda kv: kv[1])


def threshold(desk: Desk) -> int:
    with desk.db.read() as session:
        return load_settings(session, desk.site_id).phone_test_threshold


def latest_score(session: Session, site_id: int) -> int | None:
    """The desk's latest test total (the kiosk's phone tab shows it when the setting
    `phone_test_show_score` asks for it); None without a test."""
    total = session.scalar(latest_score_statement(site_id))
    return int(total) if total is not None else None


def latest_score_statement(site_id: int) -> Select[*tuple[Any, ...]]:
    """latest_score()'s read, to be sent with others (services.kiosk.refresh)."""
    return (
        select(PhoneTest.total)
        .where(PhoneTest.site_id == site_id)
        .order_by(PhoneTest.tested_at.desc(), PhoneTest.id.desc())
        .limit(1)
    )


def volunteer_choices(desk: Desk) -> list[tuple[int, str, str]]:
    """(id, code, name) of the volunteers who may be tested: on the books, not purged."""
    with desk.db.read() as session:
        rows = session.execute(
            select(Volunteer.id, Volunteer.code, Volunteer.name)
            .where(
                Volunteer.site_id == desk.site_id,
                Volunteer.status != "inactive",
                Volunteer.purged_at.is_(None),
            )
            .order_by(Volunteer.code)
        )
        return [(vid, code, name) for vid, code, name in rows]


def on_duty_at(desk: Desk, when: datetime) -> int | None:
    """The volunteer signed in at the desk at `when` (a UTC instant), when exactly one was.

    The form's 受測人員 starts on that volunteer, so the supervisor need not look it up; with
    nobody or several signed in, it is left for the supervisor to choose.
    """
    with desk.db.read() as session:
        ids = set(
            session.scalars(
                select(Attendance.volunteer_id).where(
                    Attendance.site_id == desk.site_id,
                    Attendance.day == local_day(when),
                    Attendance.in_at.is_not(None),
                    Attendance.in_at <= when,
                    (Attendance.out_at.is_(None)) | (Attendance.out_at >= when),
                )
            )
        )
    return ids.pop() if len(ids) == 1 else None
