"""SQLAlchemy 2 typed models: the persistent shape of the desk's data."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from frontdesk.store.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON()}


# The partial indexes' condition on PostgreSQL, attached when a PostgreSQL database is
# opened (store.db), not here: naming a postgresql_* argument imports SQLAlchemy's
# PostgreSQL dialect, which every SQLite desk then loaded at start-up for nothing (about a
# quarter of a bare window's start). The migrations create the indexes on both backends.
_POSTGRESQL_WHERE: list[tuple[Index, str]] = []


def partial_index(
    name: str, *columns: str, where: str, sqlite: str | None = None, unique: bool = False
) -> Index:
    """An index of the rows matching `where` (SQL text) on PostgreSQL and `sqlite` (default
    `where`) on SQLite, whose planner matches a partial index only to the same term as the
    query writes it (booleans as `= 1`). The PostgreSQL condition is attached when a
    PostgreSQL database is opened, so a SQLite desk never loads that dialect."""
    index = Index(name, *columns, unique=unique, sqlite_where=text(sqlite or where))
    _POSTGRESQL_WHERE.append((index, where))
    return index


def use_postgresql_partial_indexes() -> None:
    """Give every partial index its PostgreSQL condition (idempotent); store.db calls it
    when it opens a PostgreSQL database, whose dialect is loaded by then anyway."""
    for index, where in _POSTGRESQL_WHERE:
        options = index.dialect_options["postgresql"]
        if options.get("where") is None:
            options["where"] = text(where)


class Site(Base):
    """An agency desk (衛生所服務台); most installs have one."""

    __tablename__ = "site"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime]


class Setting(Base):
    """A business setting of a site as text; parsed and validated by core.settings."""

    __tablename__ = "setting"
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Volunteer(Base):
    __tablename__ = "volunteer"
    __table_args__ = (
        UniqueConstraint("site_id", "code"),
        CheckConstraint("status IN ('trainee','active','inactive')", name="status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    # Searched by the unique (site_id, code) index, whose first column it is (migration 0016
    # dropped an index of its own: one index less to update for each volunteer added).
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    code: Mapped[str] = mapped_column(String(32))  # printed on the badge
    name: Mapped[str] = mapped_column(String(60))
    phone: Mapped[str | None] = mapped_column(String(40))
    languages: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(16), default="active")
    weekly_max: Mapped[int | None]
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str] = mapped_column(Text, default="")
    joined_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime]
    deactivated_at: Mapped[datetime | None]
    purged_at: Mapped[datetime | None]  # personal data removed; hours kept

    trainings: Mapped[list[Training]] = relationship(
        back_populates="volunteer", cascade="all, delete-orphan", order_by="Training.taken_on"
    )


class Training(Base):
    """基礎訓練 (basic) or 特殊訓練 (special) with its date and hours."""

    __tablename__ = "training"
    __table_args__ = (CheckConstraint("kind IN ('basic','special')", name="kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(120), default="")
    taken_on: Mapped[date] = mapped_column(Date)
    hours: Mapped[float] = mapped_column(default=0.0)
    # Who gave the training (migration 0007); older trainings have none recorded.
    issuer: Mapped[str] = mapped_column(String(120), default="", server_default="")
    volunteer: Mapped[Volunteer] = relationship(back_populates="trainings")


class ServiceHours(Base):
    """Hours not served as a desk duty: entered by hand with a reason (an event, an outreach
    day: this desk's service), or prior hours from before the app or another agency, with
    their source and date range (counted for recognition only, never as this desk's)."""

    __tablename__ = "service_hours"
    __table_args__ = (
        CheckConstraint("kind IN ('manual','prior')", name="kind"),
        CheckConstraint("minutes > 0", name="minutes"),
        Index("ix_service_hours_volunteer_day", "volunteer_id", "day"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"))
    kind: Mapped[str] = mapped_column(String(16))
    first_day: Mapped[date | None] = mapped_column(Date)  # prior hours: the range's first day
    day: Mapped[date] = mapped_column(Date)  # the day served; prior hours: the range's last
    minutes: Mapped[int]
    item: Mapped[str] = mapped_column(String(60), default="")  # service item (服務項目)
    reason: Mapped[str] = mapped_column(Text, default="")  # why by hand; prior: the source
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(60), default="")


class RecognitionGrant(Base):
    """A recognition the volunteer received: the performance certificate, an honor card
    (with its expiry) or an award level (core.recognition.AWARDS codes)."""

    __tablename__ = "recognition_grant"
    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    approved_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    number: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(60), default="")


class RecordBook(Base):
    """The volunteer's service record book (志願服務紀錄冊): its number and issue date."""

    __tablename__ = "record_book"
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), primary_key=True)
    number: Mapped[str] = mapped_column(String(40))
    issued_on: Mapped[date | None] = mapped_column(Date)


class WeeklyPattern(Base):
    """Volunteer × weekday × slot, valid from/to: the template for generating a month."""

    __tablename__ = "weekly_pattern"
    __table_args__ = (CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), index=True)
    weekday: Mapped[int]  # Monday 0
    slot: Mapped[str] = mapped_column(String(8))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)


class Assignment(Base):
    """One volunteer on one slot of one day; `source` says where it came from."""

    __tablename__ = "assignment"
    __table_args__ = (
        UniqueConstraint("site_id", "day", "slot", "volunteer_id"),
        CheckConstraint("source IN ('pattern','manual','swap')", name="source"),
        Index("ix_assignment_site_day", "site_id", "day"),
        # A volunteer's duties of one day (a scan, the sweep): not all the years of them.
        Index("ix_assignment_volunteer_day", "volunteer_id", "day"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    day: Mapped[date] = mapped_column(Date)
    slot: Mapped[str] = mapped_column(String(8))
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), index=True)
    source: Mapped[str] = mapped_column(String(16), default="manual")
    swap_request_id: Mapped[int | None] = mapped_column(ForeignKey("swap_request.id"))
    created_at: Mapped[datetime]
    # A removed assignment is kept (not deleted) so that generating the month from the
    # weekly patterns never brings back what a supervisor or a swap took away.
    removed_at: Mapped[datetime | None]
    removed_reason: Mapped[str] = mapped_column(String(200), default="")


# Attendance statuses kept for the supervisor's decision (services.waiting.REVIEW_STATUSES),
# as the partial index ix_attendance_site_to_review and its query write them.
REVIEW_STATUSES_SQL = "('late', 'early_leave', 'late_early_leave')"
UNNOTIFIED = "auto_closed_at IS NOT NULL AND notified_at IS NULL"


class Attendance(Base):
    """A duty as served: sign-in/out instants, status and credited minutes."""

    __tablename__ = "attendance"
    __table_args__ = (
        # One open attendance per volunteer, enforced by the database itself.
        partial_index(
            "uq_attendance_one_open",
            "volunteer_id",
            where="is_open",
            sqlite="is_open = 1",
            unique=True,
        ),
        Index("ix_attendance_site_day", "site_id", "day"),
        Index("ix_attendance_volunteer_day", "volunteer_id", "day"),
        # The desk's frequent reads (migration 0011): each index holds only the rows its
        # query can match, its WHERE written as the dialect's queries say it (SQLite matches
        # a partial index only to the same term; booleans are `= 1` there).
        partial_index("ix_attendance_site_open", "site_id", where="is_open", sqlite="is_open = 1"),
        partial_index("ix_attendance_unnotified", "volunteer_id", where=UNNOTIFIED),
        partial_index(
            "ix_attendance_volunteer_out", "volunteer_id", "out_at", where="in_at IS NOT NULL"
        ),
        partial_index(
            "ix_attendance_volunteer_open_in", "volunteer_id", "in_at", where="out_at IS NULL"
        ),
        partial_index(
            "ix_attendance_site_to_review",
            "site_id",
            where=f"(needs_review OR status IN {REVIEW_STATUSES_SQL} AND NOT decided)",
            sqlite=f"(needs_review = 1 OR status IN {REVIEW_STATUSES_SQL} AND decided = 0)",
        ),
        CheckConstraint("credited_minutes >= 0", name="credited"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"))
    day: Mapped[date] = mapped_column(Date)
    slot: Mapped[str] = mapped_column(String(8))
    in_at: Mapped[datetime | None]
    out_at: Mapped[datetime | None]
    is_open: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20))
    late_minutes: Mapped[int] = mapped_column(Integer, default=0)
    early_leave_minutes: Mapped[int] = mapped_column(Integer, default=0)
    credited_minutes: Mapped[int] = mapped_column(Integer, default=0)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_by: Mapped[str] = mapped_column(String(16))  # kiosk, manual, auto
    auto_closed_at: Mapped[datetime | None]
    notified_at: Mapped[datetime | None]  # when the volunteer was told of an auto-close
    clock_suspect: Mapped[bool] = mapped_column(Boolean, default=False)
    # Signed in at the kiosk without an assignment, after confirming (臨時支援).
    walk_in: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # A second segment of the same slot: the volunteer came back, so it is never late.
    resumed: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    note: Mapped[str] = mapped_column(Text, default="")  # free text a person wrote
    # A supervisor decided the record (a correction or acceptance was recorded for it,
    # migration 0011): a late arrival or early leave no longer waits for them.
    decided: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    corrections: Mapped[list[AttendanceCorrection]] = relationship(
        back_populates="attendance", order_by="AttendanceCorrection.id"
    )


class AttendanceCorrection(Base):
    """A hand correction or manual entry, always with its reason."""

    __tablename__ = "attendance_correction"
    id: Mapped[int] = mapped_column(primary_key=True)
    attendance_id: Mapped[int] = mapped_column(ForeignKey("attendance.id"), index=True)
    at: Mapped[datetime]
    by: Mapped[str] = mapped_column(String(60))
    reason: Mapped[str] = mapped_column(Text)
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any]]
    attendance: Mapped[Attendance] = relationship(back_populates="corrections")


class SwapRequest(Base):
    """A swap (exchange / cover / arrange) with all of its moments."""

    __tablename__ = "swap_request"
    __table_args__ = (Index("ix_swap_request_site_state", "site_id", "state"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    kind: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(24))
    requester_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"))
    colleague_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer.id"))
    given_day: Mapped[date] = mapped_column(Date)
    given_slot: Mapped[str] = mapped_column(String(8))
    taken_day: Mapped[date | None] = mapped_column(Date)
    taken_slot: Mapped[str | None] = mapped_column(String(8))
    requested_at: Mapped[datetime]
    agreed_at: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[str | None] = mapped_column(String(60))
    notice_minutes: Mapped[int]
    by_supervisor: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(Text, default="")
    outcome_reason: Mapped[str] = mapped_column(Text, default="")  # a supervisor's words only
    # Rejected by the colleague at the kiosk, not by a supervisor.
    declined: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # For an invalid request: the approved swap that took its shift first.
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("swap_request.id"))
    seen_by_requester_at: Mapped[datetime | None]
    seen_by_colleague_at: Mapped[datetime | None]


class CalendarOverride(Base):
    """A day imported from the DGPA calendar, a closure, or a manual open/closed day."""

    __tablename__ = "calendar_override"
    __table_args__ = (
        Index("ix_calendar_override_site_day", "site_id", "day"),
        CheckConstraint(
            "kind IN ('official_work','official_off','closure','manual_open','manual_closed')",
            name="kind",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))
    slot: Mapped[str | None] = mapped_column(String(8))
    label: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(60), default="")


class Supervisor(Base):
    """A 志工督導 account; passwords as argon2id hashes, lockout counters kept here."""

    __tablename__ = "supervisor"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(60), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    lockouts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]


class HandoverNote(Base):
    """交班事項: a note left at the desk for the next slot, kept with the day."""

    __tablename__ = "handover_note"
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    day: Mapped[date] = mapped_column(Date, index=True)
    slot: Mapped[str] = mapped_column(String(8))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer.id"))
    # Left by a supervisor rather than a volunteer (migration 0005).
    author_supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("supervisor.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class PhoneTest(Base):
    """A phone courtesy test call scored on the 電話服務品質及禮貌測試紀錄表 (core.phone_tests).

    The marks are kept as ticked; `total` is what core.phone_tests computed from them when
    the test was recorded (never typed). A follow-up (改善措施) with its date closes a test
    under the site's threshold in the supervisor's waiting list.
    """

    __tablename__ = "phone_test"
    __table_args__ = (
        Index("ix_phone_test_site_at", "site_id", "tested_at"),
        CheckConstraint("answered_by IN ('volunteer','staff')", name="answered_by"),
        CheckConstraint("answer_way IN ('switchboard','person')", name="answer_way"),
        CheckConstraint("content_way IN ('officer','stand_in')", name="content_way"),
        CheckConstraint("tone BETWEEN 0 AND 10", name="tone"),
        CheckConstraint("content BETWEEN 0 AND 30", name="content"),
        CheckConstraint("total BETWEEN 0 AND 100", name="total"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    tested_at: Mapped[datetime]
    unit: Mapped[str] = mapped_column(String(60), default="")  # 受測單位
    extension: Mapped[str] = mapped_column(String(30), default="")  # 電話(分機)號碼
    topic: Mapped[str] = mapped_column(String(200), default="")  # 測試主題
    tester: Mapped[str] = mapped_column(String(60), default="")  # 測試人員
    volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer.id"), index=True)
    staff_name: Mapped[str] = mapped_column(String(60), default="")  # a staff member tested
    answered_by: Mapped[str] = mapped_column(String(16))
    answer_way: Mapped[str] = mapped_column(String(16))
    ring_seconds: Mapped[int | None]
    transfers: Mapped[int] = mapped_column(Integer, default=0)
    dropped: Mapped[bool] = mapped_column(Boolean, default=False)
    states_unit: Mapped[bool] = mapped_column(Boolean, default=False)
    greets: Mapped[bool] = mapped_column(Boolean, default=False)
    tone_band: Mapped[str] = mapped_column(String(16))
    tone: Mapped[int] = mapped_column(Integer)
    closes_politely: Mapped[bool] = mapped_column(Boolean, default=False)
    content_way: Mapped[str] = mapped_column(String(16))
    content_band: Mapped[str] = mapped_column(String(16))
    content: Mapped[int] = mapped_column(Integer)
    stand_in_reason: Mapped[bool] = mapped_column(Boolean, default=False)
    total: Mapped[int] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")  # 改善措施
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(60), default="")


class TrustedClock(Base):
    """The last instant this PC's clock was trusted (core.clock.ClockMark), in one row.

    Kept in the database so a clock changed while the desk was closed is still noticed
    when it opens, and by the other processes on the same file (the evening sweep).
    """

    __tablename__ = "trusted_clock"
    id: Mapped[int] = mapped_column(primary_key=True)  # always 1
    wall: Mapped[float]  # POSIX seconds on the wall clock then
    mono: Mapped[float]  # seconds on the boot-relative monotonic clock then
    boot: Mapped[str] = mapped_column(String(64), default="")
    jump: Mapped[float | None]  # seconds the clock is off while suspect
    seen_at: Mapped[float | None]  # POSIX seconds when the jump was first noticed


class AuditEntry(Base):
    """Append-only audit log; each entry's hash covers the previous one (SHA-256 chain)."""

    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(40))
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditPersonal(Base):
    """A person's value (name, masked phone) an audit entry refers to instead of holding it.

    The entry keeps the volunteer's id, this row's id and SHA-256(salt, value), so the chain
    still proves the value while this row exists; purging the volunteer deletes the row,
    and the salted digest alone tells nothing about the name.
    """

    __tablename__ = "audit_personal"
    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), index=True)
    value: Mapped[str] = mapped_column(String(120))
    salt: Mapped[str] = mapped_column(String(32))


# The notices, the staged imports, the offline desks' receipts and the service tally live in
# their own modules; importing them registers their tables (and the tally's triggers) on Base.
from frontdesk.store import import_models as _import_models  # noqa: E402, F401
from frontdesk.store import notice_models as _notice_models  # noqa: E402, F401
from frontdesk.store import offline_models as _offline_models  # noqa: E402, F401
from frontdesk.store import tally as _tally  # noqa: E402, F401
