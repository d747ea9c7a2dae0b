"""What the server keeps of desks that work offline (services.offline): each scan received
once by its id, and each desk's reported state (migration 0006). Registered on
store.models' Base."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.store.models import Base


class ScanReceipt(Base):
    """A desk's scan as the server received it, once: `scan_id` is unique, so a scan sent
    again (a replay after an outage, an answer that timed out but landed) changes nothing.

    `offline_outcome` is what the desk told the volunteer while the server was out of
    reach (None: the scan was decided online); `conflict` is why the server's answer
    differs from it, for the supervisor's review (migration 0006).
    """

    __tablename__ = "scan_receipt"
    __table_args__ = (Index("ix_scan_receipt_site_conflict", "site_id", "conflict"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    scan_id: Mapped[str] = mapped_column(String(36), unique=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    desk: Mapped[str] = mapped_column(String(60))  # the desk's id (desk_state.desk)
    code: Mapped[str] = mapped_column(String(32))
    scanned_at: Mapped[datetime]  # the instant the desk recorded (its clock offline)
    received_at: Mapped[datetime]
    outcome: Mapped[str] = mapped_column(String(24))
    offline_outcome: Mapped[str | None] = mapped_column(String(24))
    attendance_id: Mapped[int | None] = mapped_column(ForeignKey("attendance.id"))
    conflict: Mapped[str | None] = mapped_column(String(40))


class DeskState(Base):
    """What a desk last reported of itself: online or offline since when, how many
    offline scans wait for upload, when the last one was uploaded (migration 0006). `desk`
    is the desk's generated id, `name` the name it shows (services.offline.identity,
    migration 0013)."""

    __tablename__ = "desk_state"
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), primary_key=True)
    desk: Mapped[str] = mapped_column(String(60), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(60))
    online: Mapped[bool] = mapped_column(Boolean, default=True)
    offline_since: Mapped[datetime | None]  # the last outage's start, kept after it ended
    online_since: Mapped[datetime | None]  # when the last outage ended
    waiting: Mapped[int] = mapped_column(Integer, default=0)
    uploaded: Mapped[int] = mapped_column(Integer, default=0)  # scans the last outage left
    last_upload: Mapped[datetime | None]
    reported_at: Mapped[datetime]
