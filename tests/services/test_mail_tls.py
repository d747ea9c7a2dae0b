"""E-mail over TLS end to end against a real local server (aiosmtpd) with a certificate
signed by a private authority made in the test: STARTTLS and implicit TLS deliver when
smtp_ca_file names the authority, and a certificate that fails verification is refused
with a sentence saying so (and how to trust a private authority); nothing is sent."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from frontdesk.core.notices import MessageState
from frontdesk.services import mailer, outbox
from frontdesk.services.setup import update_settings
from frontdesk.store.db import Database
from tests.support.clocks import Clock
from tests.support.notices import Team, make_team
from tests.support.smtp import Mailbox, _Auth, _Handler, free_port, memory_keyring
from tests.support.tls import Certs, make_certs

PASSWORD = "s3cret-smtp-pw"
DEC = (date(2026, 12, 1), date(2026, 12, 31))


@contextmanager
def tls_server(certs: Certs, implicit: bool) -> Iterator[tuple[Mailbox, int]]:
    """A local server offering STARTTLS (required before AUTH and mail), or speaking TLS
    from the first byte (`implicit`, as on port 465)."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certs.cert, certs.key)
    box, port = Mailbox(), free_port()
    tls = {"ssl_context": context} if implicit else {"tls_context": context}
    controller = Controller(
        _Handler(box),
        hostname="127.0.0.1",
        port=port,
        authenticator=_Auth(box),
        # aiosmtpd counts only STARTTLS as TLS for AUTH; with implicit TLS every byte is
        # encrypted already, so its AUTH is allowed there.
        auth_require_tls=not implicit,
        require_starttls=not implicit,
        **tls,  # type: ignore[arg-type]
    )
    controller.start()
    try:
        yield box, port
    finally:
        controller.stop()


def _team(db: Database, clock: Clock, port: int, security: str, ca: str) -> Team:
    team = make_team(db, clock)
    settings = {"smtp_host": "127.0.0.1", "smtp_port": str(port), "smtp_security": security}
    update_settings(
        team.desk,
        {**settings, "smtp_user": "desk", "smtp_from": "desk@example.tw", "smtp_ca_file": ca},
    )
    mailer.store_password(mailer.smtp_of(team.desk), PASSWORD)
    outbox.set_email(team.desk, team.wang, "wang@example.tw", opt_in=True)
    outbox.queue_reminders(team.desk, *DEC)
    clock.set(date(2026, 12, 5), 9)  # Monday 12/7's reminder is due
    return team


def _deliver(team: Team) -> mailer.Delivery:
    smtp = mailer.smtp_of(team.desk)
    transport = mailer.SmtpTransport(smtp, mailer.password(smtp), timeout=5.0)
    try:
        return mailer.deliver_due(team.desk, transport)
    finally:
        transport.close()


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_tls_delivers_with_the_private_authority_trusted(
    db: Database, clock: Clock, tmp_path: Path, security: str
) -> None:
    certs = make_certs(tmp_path)
    with memory_keyring(), tls_server(certs, implicit=security == "tls") as (box, port):
        team = _team(db, clock, port, security, str(certs.ca))
        report = _deliver(team)
    assert report.sent == 1 and box.to() == ["wang@example.tw"]
    assert box.logins == [("desk", PASSWORD)], "logged in over TLS"


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_a_certificate_that_fails_verification_is_refused_in_words(
    db: Database, clock: Clock, tmp_path: Path, security: str
) -> None:
    certs = make_certs(tmp_path)
    with memory_keyring(), tls_server(certs, implicit=security == "tls") as (box, port):
        team = _team(db, clock, port, security, "")  # the system's authorities only
        report = _deliver(team)
    assert report.sent == 0 and box.received == [] and box.logins == []
    [trouble] = outbox.troubles(team.desk)
    assert trouble.state is MessageState.QUEUED  # tried again once trusted
    assert trouble.error.startswith("the mail server's certificate could not be verified")
    assert "smtp_ca_file" in trouble.error
