"""The tables of reminders and notices: volunteers' e-mail consent and the outbox.

Kept beside store.models (and registered on its Base) so the notices live in their own
module; schema 0009 creates them.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.store.models import Base


class VolunteerEmail(Base):
    """A volunteer's e-mail address and consent: written to only while opted in.

    The address is personal data (個人資料保護法): masked on lists and in the audit log,
    left out of exports, removed by the purge. `opted_in_at` records when the volunteer
    agreed; `opted_out_at` when they withdrew (the address is cleared then).
    """

    __tablename__ = "volunteer_email"
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), primary_key=True)
    address: Mapped[str] = mapped_column(String(254), default="")
    opted_in_at: Mapped[datetime | None]
    opted_out_at: Mapped[datetime | None]


class OutboxMessage(Base):
    """A message to send, written in the same transaction as what caused it.

    `key` makes queueing idempotent (one reminder per duty, one decision per swap and
    person); `message_id` is the Message-ID every attempt carries. The recipient's address
    is not copied here: it is read when sending, so an opt-out or a purge stops the message.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("site_id", "key"),
        Index("ix_outbox_state_due", "state", "not_before"),
        CheckConstraint("state IN ('queued','sending','sent','failed','dropped')", name="state"),
        CheckConstraint("kind IN ('reminder','swap_decision','vacancy')", name="kind"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    key: Mapped[str] = mapped_column(String(120))
    message_id: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id"), index=True)
    # The duty the message is about: it is dropped when that duty went away meanwhile.
    day: Mapped[date | None] = mapped_column(Date)
    slot: Mapped[str | None] = mapped_column(String(8))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    not_before: Mapped[datetime]
    sending_since: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
