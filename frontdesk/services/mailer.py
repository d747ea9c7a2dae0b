"""Sending the outbox through the agency's SMTP server, from the housekeeping sweep.

Each message goes through three short transactions, never holding the writers' lock
while talking to the server: claim it (queued → sending, attempt counted, its time kept),
send it, then mark it sent — or queued again with a backoff (core.notices.retry_delay), or
failed for good after a refusal or MAX_ATTEMPTS. Every attempt carries the message's own
Message-ID. A process killed between the server's acceptance and the mark leaves the
message 'sending'; once its lease has passed the next sweep sends it again with the same
Message-ID, which the receiving system recognises as the same message (RFC 5322 §3.6.4).
That moment is the only one in which a message can reach the server twice; no other
failure repeats one the server accepted.

The password lives only in the operating system's credential store (`keyring`), under
KEYRING_SERVICE and the account `user@host`; never in the database, a setting or a log.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Protocol

from sqlalchemy import select

from frontdesk.core.notices import (
    MAX_ATTEMPTS,
    SENDING_LEASE,
    MessageState,
    SmtpSettings,
    retry_delay,
    smtp_settings,
)
from frontdesk.core.timeutil import local
from frontdesk.services import outbox
from frontdesk.services.context import Desk, load_settings
from frontdesk.services.context import settings as services_settings
from frontdesk.services.errors import log_failure
from frontdesk.store.models import Site
from frontdesk.store.notice_models import OutboxMessage

log = logging.getLogger(__name__)

KEYRING_SERVICE = "frontdesk-smtp"
TIMEOUT_SECONDS = 20.0  # one SMTP conversation step; a hung server is given up on then


class SendRefused(Exception):
    """The server refused the message for good (a 5xx reply): not tried again."""


class SendFailed(Exception):
    """The message could not be sent now (refused connection, time-out, dropped, 4xx)."""


class Transport(Protocol):
    def send(self, message: EmailMessage) -> None: ...


# --- the password ------------------------------------------------------------------------


def _account(smtp: SmtpSettings) -> str:
    return f"{smtp.user}@{smtp.host}"


def store_password(smtp: SmtpSettings, password: str) -> None:
    """Keep the SMTP password in the OS credential store (never the database)."""
    import keyring

    keyring.set_password(KEYRING_SERVICE, _account(smtp), password)


def password(smtp: SmtpSettings) -> str | None:
    """The stored password; None without a user name, or when the PC has no credential
    store (logged: the server will then refuse the login, and the messages wait)."""
    if not smtp.user:
        return None
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, _account(smtp))
    except KeyringError as exc:
        log.error("no credential store for the mail password: %s", type(exc).__name__)
        return None


def smtp_of(desk: Desk) -> SmtpSettings:
    """The desk's mail server settings (kept as extra settings, core.notices)."""
    return smtp_settings(services_settings(desk).extra)


def save_settings(desk: Desk, values: dict[str, str]) -> None:
    """Store the notices' settings (mail server, reminder days, desk phone) after checking
    them together with what is stored (core.notices); a bad value changes nothing."""
    from frontdesk.core.notices import KEYS, NoticeSettingError, reminder_days
    from frontdesk.services.errors import InvalidInput
    from frontdesk.services.setup import update_settings

    unknown = set(values) - KEYS
    if unknown:
        raise InvalidInput("not a notices setting", field=sorted(unknown)[0], reason="bad_key")
    merged = {**services_settings(desk).extra, **values}
    try:
        smtp_settings(merged)
        reminder_days(merged)
    except NoticeSettingError as exc:
        raise InvalidInput(str(exc), field=exc.key, reason="bad_value") from None
    update_settings(desk, values)


# --- SMTP --------------------------------------------------------------------------------


@dataclass
class SmtpTransport:
    """One connection per batch; STARTTLS, implicit TLS or plain as the settings say."""

    smtp: SmtpSettings
    secret: str | None
    timeout: float = TIMEOUT_SECONDS
    _conn: smtplib.SMTP | None = field(default=None, init=False)

    def _connect(self) -> smtplib.SMTP:
        # The server's certificate is verified (name and chain) against the system's
        # authorities, or only the agency's own authority when smtp_ca_file names one.
        context = ssl.create_default_context(cafile=self.smtp.ca_file or None)
        conn: smtplib.SMTP
        if self.smtp.security == "tls":
            conn = smtplib.SMTP_SSL(
                self.smtp.host, self.smtp.port, timeout=self.timeout, context=context
            )
        else:
            conn = smtplib.SMTP(self.smtp.host, self.smtp.port, timeout=self.timeout)
        try:
            if self.smtp.security == "starttls":
                conn.starttls(context=context)  # refused when not offered: never in the clear
            if self.smtp.user and self.secret is not None:
                conn.login(self.smtp.user, self.secret)
        except BaseException:
            conn.close()  # a half-opened connection is not left to the garbage collector
            raise
        return conn

    def send(self, message: EmailMessage) -> None:
        try:
            if self._conn is None:
                self._conn = self._connect()
            self._conn.send_message(message)
        except smtplib.SMTPResponseException as exc:
            self.close()
            if 500 <= exc.smtp_code < 600:
                raise SendRefused(f"{exc.smtp_code} {_said(exc.smtp_error)}") from None
            raise SendFailed(f"{exc.smtp_code} {_said(exc.smtp_error)}") from None
        except smtplib.SMTPRecipientsRefused as exc:
            self.close()
            codes = [code for code, _ in exc.recipients.values()]
            if all(500 <= c < 600 for c in codes):
                raise SendRefused(f"recipient refused {codes}") from None
            raise SendFailed(f"recipient refused {codes}") from None
        except ssl.SSLCertVerificationError as exc:
            self.close()
            raise SendFailed(
                f"the mail server's certificate could not be verified ({exc.verify_message}): "
                "the connection was refused and nothing was sent. If the agency's server "
                "uses its own certificate authority, set smtp_ca_file to that authority's "
                "certificate (a PEM file)."
            ) from None
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            raise SendFailed(type(exc).__name__ + (f": {exc}" if str(exc) else "")) from None

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.quit()
            except (OSError, smtplib.SMTPException):
                conn.close()


def _said(raw: bytes | str) -> str:
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


# --- delivering ------------------------------------------------------------------------


@dataclass
class Delivery:
    """What one delivery run did."""

    sent: int = 0
    retrying: int = 0
    failed: int = 0
    dropped: int = 0


def _claim(desk: Desk) -> int | None:
    """The next due message, moved to 'sending' (with its attempt counted), or None.

    A message left 'sending' past SENDING_LEASE belongs to a sweep that died: it is due
    again, with the same Message-ID."""
    now = desk.now()
    with desk.write() as session:
        m = session.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.site_id == desk.site_id,
                (
                    (OutboxMessage.state == MessageState.QUEUED.value)
                    & (OutboxMessage.not_before <= now)
                )
                | (
                    (OutboxMessage.state == MessageState.SENDING.value)
                    & (OutboxMessage.sending_since <= now - SENDING_LEASE)
                ),
            )
            .order_by(OutboxMessage.not_before, OutboxMessage.id)
            .limit(1)
        ).first()
        if m is None:
            return None
        m.state, m.sending_since, m.attempts = MessageState.SENDING.value, now, m.attempts + 1
        return m.id


def _compose(desk: Desk, message_id: int, sender: SmtpSettings) -> EmailMessage | None:
    """The message to send, or None after dropping it (its cause went away)."""
    with desk.write() as session:
        m = session.get_one(OutboxMessage, message_id)
        address = outbox.still_wanted(session, desk, m)
        if address is None:
            m.state, m.sending_since = MessageState.DROPPED.value, None
            return None
        agency = session.scalar(select(Site.name).where(Site.id == desk.site_id)) or ""
        mail = EmailMessage()
        mail["From"] = formataddr((agency, sender.sender))
        mail["To"] = address
        mail["Subject"] = m.subject
        mail["Message-ID"] = m.message_id
        mail["Date"] = format_datetime(local(m.created_at))
        mail.set_content(m.body)
        return mail


def _settle(desk: Desk, message_id: int, error: Exception | None, report: Delivery) -> None:
    with desk.write() as session:
        m = session.get_one(OutboxMessage, message_id)
        m.sending_since = None
        if error is None:
            m.state, m.sent_at, m.last_error = MessageState.SENT.value, desk.now(), ""
            report.sent += 1
            return
        m.last_error = str(error)[:500]
        if isinstance(error, SendRefused) or m.attempts >= MAX_ATTEMPTS:
            m.state = MessageState.FAILED.value
            report.failed += 1
        else:
            m.state = MessageState.QUEUED.value
            m.not_before = desk.now() + retry_delay(m.attempts)
            report.retrying += 1
    log.warning("mail %s not sent (attempt %s): %s", message_id, m.attempts, error)


def deliver_due(
    desk: Desk,
    transport: Transport | None = None,
    *,
    limit: int = 200,
    on_sent: Callable[[int], None] | None = None,
) -> Delivery:
    """Send the messages that are due, one at a time, at most `limit`; stops at the first
    connection failure (the rest wait for the next sweep). Nothing happens when the mail
    server is not set up."""
    report = Delivery()
    with desk.db.read() as session:
        smtp = smtp_settings(load_settings(session, desk.site_id).extra)
    if not smtp.configured:
        return report
    own = transport is None
    sender: Transport = transport or SmtpTransport(smtp, password(smtp))
    try:
        for _ in range(limit):
            claimed = _claim(desk)
            if claimed is None:
                break
            message = _compose(desk, claimed, smtp)
            if message is None:
                report.dropped += 1
                continue
            try:
                sender.send(message)
            except (SendRefused, SendFailed) as exc:
                _settle(desk, claimed, exc, report)
                if isinstance(exc, SendFailed):
                    break
                continue
            if on_sent is not None:
                on_sent(claimed)
            _settle(desk, claimed, None, report)
    finally:
        if own and isinstance(sender, SmtpTransport):
            sender.close()
    return report


# --- from the sweep ----------------------------------------------------------------------

_running = threading.Lock()


def sweep(desk: Desk, *, wait: bool) -> None:
    """The sweep's mail: queue the reminders now due, then send what is due, on this
    thread (`wait`, the evening command) or on one background thread (the desk, whose
    screen must not wait for a slow server). Errors are logged, never raised."""
    try:
        outbox.queue_due_reminders(desk)
        with desk.db.read() as session:
            configured = smtp_settings(load_settings(session, desk.site_id).extra).configured
    except Exception as exc:
        log_failure(log, "queueing reminders failed", exc)
        return
    if not configured:
        return
    if wait:
        _deliver_logged(desk)
    elif _running.acquire(blocking=False):
        _running.release()
        threading.Thread(target=_deliver_logged, args=(desk,), daemon=True).start()


def _deliver_logged(desk: Desk) -> None:
    if not _running.acquire(blocking=False):
        return  # another delivery is under way
    try:
        deliver_due(desk)
    except Exception as exc:
        log_failure(log, "sending mail failed", exc)
    finally:
        _running.release()
