"""Rules of the reminders and notices a desk sends: stable calendar ids, when a reminder
is due, how long a failed message waits, who may be written to, what a setting holds.

Plain Python: the services gather the duties, the words write them, the export and the
mailer put them into files and messages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from frontdesk.core.timeutil import at

# --- settings kept in DeskSettings.extra (core.settings.EXTRA_KEYS) ----------------------
REMINDER_DAYS = "reminder_days_before"  # days before a duty its e-mail reminder goes out
DESK_PHONE = "desk_phone"  # the number a volunteer calls for a swap (slips, LINE, e-mail)
SMTP_HOST = "smtp_host"
SMTP_PORT = "smtp_port"
SMTP_SECURITY = "smtp_security"  # starttls | tls | none
SMTP_USER = "smtp_user"
SMTP_FROM = "smtp_from"  # the sender address; the user name when empty
# A PEM file of the certificate authority that signed the agency's mail server, when it is
# a private one (not in the system's store); empty: the system's trusted authorities.
SMTP_CA_FILE = "smtp_ca_file"
KEYS = frozenset(
    {
        REMINDER_DAYS,
        DESK_PHONE,
        SMTP_HOST,
        SMTP_PORT,
        SMTP_SECURITY,
        SMTP_USER,
        SMTP_FROM,
        SMTP_CA_FILE,
    }
)

REMINDER_DAYS_DEFAULT = 2
REMINDER_DAYS_MAX = 14
SECURITY_CHOICES = ("starttls", "tls", "none")
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
# The evening before a duty, Taipei time: when the calendar file's alarm rings.
ALARM_AT = time(19, 0)


class NoticeSettingError(ValueError):
    """A notice setting that cannot be used; names the setting (key) and why (reason)."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"setting {key!r}: {reason}")
        self.key = key
        self.reason = reason


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """The agency's mail server: the password is never here (the OS credential store)."""

    host: str
    port: int
    security: str
    user: str
    sender: str
    ca_file: str = ""  # a private certificate authority's PEM file; "" = the system's

    @property
    def configured(self) -> bool:
        return bool(self.host and self.sender)


def reminder_days(extra: Mapping[str, object]) -> int:
    """Days before a duty its reminder is sent (default 2, 0..14)."""
    raw = str(extra.get(REMINDER_DAYS) or "").strip() or str(REMINDER_DAYS_DEFAULT)
    try:
        value = int(raw)
    except ValueError:
        raise NoticeSettingError(REMINDER_DAYS, "not_a_number") from None
    if not 0 <= value <= REMINDER_DAYS_MAX:
        raise NoticeSettingError(REMINDER_DAYS, "out_of_range")
    return value


def smtp_settings(extra: Mapping[str, object]) -> SmtpSettings:
    """The SMTP settings from the stored extra values; empty host = mail not set up."""
    security = str(extra.get(SMTP_SECURITY, "starttls")).strip().lower() or "starttls"
    if security not in SECURITY_CHOICES:
        raise NoticeSettingError(SMTP_SECURITY, "unknown_security")
    raw_port = str(extra.get(SMTP_PORT, "")).strip()
    try:
        port = int(raw_port) if raw_port else DEFAULT_PORTS[security]
    except ValueError:
        raise NoticeSettingError(SMTP_PORT, "not_a_number") from None
    if not 0 < port < 65536:
        raise NoticeSettingError(SMTP_PORT, "out_of_range")
    user = str(extra.get(SMTP_USER, "")).strip()
    sender = str(extra.get(SMTP_FROM, "")).strip() or user
    host = str(extra.get(SMTP_HOST, "")).strip()
    ca_file = str(extra.get(SMTP_CA_FILE, "") or "").strip()
    return SmtpSettings(host, port, security, user, sender, ca_file)


# --- e-mail addresses -------------------------------------------------------------------
_ADDRESS = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
ADDRESS_MAX = 254  # RFC 5321 §4.5.3.1.3


def is_valid_address(address: str) -> bool:
    """A plain mailbox address (local@domain.tld) of at most 254 characters."""
    return len(address) <= ADDRESS_MAX and bool(_ADDRESS.match(address))


def mask_address(address: str | None) -> str:
    """wang.xiaoming@example.com → w***@e***.com: enough to recognise, not to write to.

    The one masking rule for addresses on lists and in the audit log (個人資料保護法).
    """
    if not address or "@" not in address:
        return ""
    local, _, domain = address.partition("@")
    name, dot, tld = domain.rpartition(".")
    shown_domain = f"{name[:1]}***{dot}{tld}" if dot else f"{domain[:1]}***"
    return f"{local[:1]}***@{shown_domain}"


# --- calendar files ---------------------------------------------------------------------


class DutyState(StrEnum):
    """A duty in a volunteer's calendar: on, or taken away (removed or swapped away)."""

    ON = "on"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class CalendarDuty:
    """One duty of one volunteer as the calendar file shows it (UTC instants)."""

    day: date
    slot: str
    start: datetime
    end: datetime
    state: DutyState
    sequence: int = 0  # raised with every change a calendar must take over


def duty_uid(site_id: int, volunteer_id: int, day: date, slot: str, domain: str) -> str:
    """The event's UID: the same duty keeps the same id in every export (RFC 5545 §3.8.4.7),
    so a phone that imports the file again updates the event instead of adding a second."""
    return f"duty-{site_id}-{volunteer_id}-{day:%Y%m%d}-{slot}@{domain}"


def alarm_before(start: datetime, day: date) -> timedelta:
    """How long before `start` the evening-before alarm rings (19:00 Taipei the day before)."""
    return start - at(day - timedelta(days=1), ALARM_AT)


# --- the outbox -------------------------------------------------------------------------


class MessageKind(StrEnum):
    REMINDER = "reminder"
    SWAP_DECISION = "swap_decision"
    VACANCY = "vacancy"


class MessageState(StrEnum):
    """queued → sending → sent; queued again after a failure until MAX_ATTEMPTS, then
    failed; dropped when its cause went away (a closed day, a duty swapped away)."""

    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    DROPPED = "dropped"


MAX_ATTEMPTS = 6
BACKOFF_BASE = timedelta(minutes=2)
BACKOFF_MAX = timedelta(hours=2)
# A message left 'sending' longer than this belongs to a sweep that died.
SENDING_LEASE = timedelta(minutes=5)


def retry_delay(attempts: int) -> timedelta:
    """How long a message waits after its `attempts`-th failure: 2, 4, 8 … minutes, at most
    2 hours (exponential backoff, so a server that is down is not hammered every minute)."""
    if attempts < 1:
        return timedelta(0)
    delay: timedelta = BACKOFF_BASE * (2 ** (attempts - 1))
    return min(BACKOFF_MAX, delay)


def reminder_due(start: datetime, days_before: int) -> datetime:
    """When a duty's reminder goes out: `days_before` whole days before its start."""
    return start - timedelta(days=days_before)


def message_id(token: str, domain: str) -> str:
    """The Message-ID of an outbox row (RFC 5322 §3.6.4): the same at every attempt, so a
    message sent again after a crash is the same message to the receiving system."""
    return f"<{token}@{domain}>"
