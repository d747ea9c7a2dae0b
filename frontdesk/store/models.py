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


def partial_index(name: str, *columns: str, where: str, unique: bool = False) -> Index:
    """An index of the rows matching `where` (SQL text) on SQLite and on PostgreSQL."""
    index = Index(name, *columns, unique=unique, sqlite_where=text(where))
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
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), index=True)
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
    volunteer: Mapped[Volunteer] = relationship(back_populates="trainings")


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


class Attendance(Base):
    """A duty as served: sign-in/out instants, status and credited minutes."""

    __tablename__ = "attendance"
    __table_args__ = (
        # One open attendance per volunteer, enforced by the database itself.
        partial_index("uq_attendance_one_open", "volunteer_id", where="is_open", unique=True),
        Index("ix_attendance_site_day", "site_id", "day"),
        Index("ix_attendance_volunteer_day", "volunteer_id", "day"),
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


# --- a volunteer sheet on its way in (services.import_staging) ------------------------------


class ImportBatch(Base):
    """A volunteer import being staged ("staging": nothing of it visible yet) or made
    visible and having its audit entries chained ("visible")."""

    __tablename__ = "import_batch"
    __table_args__ = (CheckConstraint("state IN ('staging','visible')", name="state"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    state: Mapped[str] = mapped_column(String(16))
    owner: Mapped[str] = mapped_column(String(80))  # who stages it: a job or host and process
    actor: Mapped[str] = mapped_column(String(60))
    file: Mapped[str] = mapped_column(String(255))
    audit_head: Mapped[int]  # the last audit entry when the stored volunteers were read
    at: Mapped[datetime]  # the import's instant, its entries' too
    touched_at: Mapped[datetime]  # the last staged batch (an owner silent for long is dead)
    added: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)


class StagedVolunteer(Base):
    """A row of a staged import: a new volunteer (no target) or the new values of the
    stored volunteer `target_id`, with the audit view's fields from before (`before`)."""

    __tablename__ = "staged_volunteer"
    import_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(primary_key=True)  # the sheet's order of changed rows
    target_id: Mapped[int | None]
    site_id: Mapped[int]
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(60))
    phone: Mapped[str | None] = mapped_column(String(40))
    languages: Mapped[str] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(16))
    weekly_max: Mapped[int | None]
    notes: Mapped[str] = mapped_column(Text)
    joined_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime]
    deactivated_at: Mapped[datetime | None]
    before: Mapped[dict[str, Any] | None]


class StagedTraining(Base):
    """A training a staged row adds (no `training_id`) or whose hours it changes."""

    __tablename__ = "staged_training"
    import_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(primary_key=True)
    n: Mapped[int] = mapped_column(primary_key=True)
    training_id: Mapped[int | None]
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(120))
    taken_on: Mapped[date] = mapped_column(Date)
    hours: Mapped[float]
