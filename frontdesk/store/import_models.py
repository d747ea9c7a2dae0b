"""The staging tables of a volunteer import (services.import_staging): a sheet is written
here in short batches while nothing of it is visible, then made visible in one short step
(migration 0010). Registered on store.models' Base."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.store.models import Base


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
    # A new volunteer's number among the sheet's new rows (0, 1, …, in the sheet's order):
    # its id will be the highest id when the import is made visible plus 1 plus this
    # (migration 0016). None for an update.
    new_no: Mapped[int | None]


class StagedTraining(Base):
    """A training a staged row adds (no `training_id`) or whose hours it changes, and its
    volunteer: the stored one of an update (`volunteer_id`) or the row's new volunteer's
    number (`new_no`, as StagedVolunteer's), so no join finds it when it is copied."""

    __tablename__ = "staged_training"
    import_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(primary_key=True)
    n: Mapped[int] = mapped_column(primary_key=True)
    training_id: Mapped[int | None]
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(120))
    taken_on: Mapped[date] = mapped_column(Date)
    hours: Mapped[float]
    volunteer_id: Mapped[int | None]
    new_no: Mapped[int | None]
