"""E-mail through the outbox, against a real SMTP server the test starts (aiosmtpd):
reminders some days before a duty, swap decisions and vacancy calls written with their
cause, sent once, retried with backoff when the server refuses, hangs or drops the
connection, never sent for a closed day, a duty swapped away or a volunteer who opted out;
the password only in the credential store."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date, timedelta
from email.header import decode_header, make_header
from pathlib import Path

import pytest
from sqlalchemy import select

from frontdesk import i18n
from frontdesk.core.notices import MessageState
from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal
from frontdesk.services import calendar, mailer, outbox, purge, roster, swaps
from frontdesk.services.errors import InvalidInput
from frontdesk.services.setup import update_settings
from frontdesk.store.db import Database
from frontdesk.store.notice_models import OutboxMessage
from tests.support.clocks import Clock
from tests.support.notices import MON, THU, Team, make_team
from tests.support.smtp import Mailbox, free_port, memory_keyring, smtp_server

PASSWORD = "s3cret-smtp-pw"
WANG, LI, CHEN = "wang@example.tw", "li@example.tw", "chen@example.tw"
DEC = (date(2026, 12, 1), date(2026, 12, 31))


@pytest.fixture
def server() -> Iterator[tuple[Mailbox, int]]:
    with memory_keyring(), smtp_server() as found:
        yield found


@pytest.fixture
def zh(qapp: object) -> Iterator[None]:
    i18n.install("zh_TW")
    yield
    i18n.install("en")


@pytest.fixture
def team(db: Database, clock: Clock, server: tuple[Mailbox, int]) -> Team:
    """王小明 and 李美華 opted in; 陳大同 gave an address and took it back."""
    return _mail_team(db, clock, server[1])


def _mail_team(db: Database, clock: Clock, port: int) -> Team:
    t = make_team(db, clock)
    smtp = {"smtp_host": "127.0.0.1", "smtp_port": str(port), "smtp_security": "none"}
    update_settings(t.desk, {**smtp, "smtp_user": "desk", "smtp_from": "desk@example.tw"})
    mailer.store_password(mailer.smtp_of(t.desk), PASSWORD)
    outbox.set_email(t.desk, t.wang, WANG, opt_in=True)
    outbox.set_email(t.desk, t.li, LI, opt_in=True)
    outbox.set_email(t.desk, t.chen, CHEN, opt_in=True)
    outbox.set_email(t.desk, t.chen, "", opt_in=False)
    return t


def _deliver(team: Team) -> mailer.Delivery:
    """Deliver with a 1 s time-out, so a server that hangs fails quickly."""
    smtp = mailer.smtp_of(team.desk)
    transport = mailer.SmtpTransport(smtp, mailer.password(smtp), timeout=1.0)
    try:
        return mailer.deliver_due(team.desk, transport)
    finally:
        transport.close()


def _rows(team: Team) -> list[OutboxMessage]:
    with team.desk.db.read() as s:
        return list(s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def test_reminders_go_out_days_before_and_once(
    team: Team,
    clock: Clock,
    server: tuple[Mailbox, int],
    caplog: pytest.LogCaptureFixture,
    zh: None,
) -> None:
    box, _ = server
    caplog.set_level(logging.DEBUG, logger="frontdesk")
    assert outbox.queue_reminders(team.desk, *DEC) == 4  # 王 Mon, Thu; 李 Mon, Tue
    assert outbox.queue_reminders(team.desk, *DEC) == 0, "queueing again adds nothing"
    clock.set(date(2026, 12, 4), 9)
    assert mailer.deliver_due(team.desk).sent == 0  # Monday's are due on Saturday 08:30
    clock.set(date(2026, 12, 5), 9)
    report = mailer.deliver_due(team.desk)
    assert report.sent == 2 and sorted(box.to()) == [LI, WANG]
    subject = str(make_header(decode_header(str(box.received[0]["Subject"]))))
    assert subject == "值班提醒：12/7（一） 上午班 08:30–11:30"
    body = box.received[0].get_payload(decode=True).decode()
    assert "07-713-4000" in body and "至少提前 7 天" in body
    assert mailer.deliver_due(team.desk).sent == 0
    assert box.logins == [("desk", PASSWORD)]
    sent = {r.message_id for r in _rows(team) if r.state == MessageState.SENT.value}
    assert sent == set(box.message_ids())
    assert PASSWORD not in caplog.text
    with team.desk.db.read() as s:
        dump = repr([tuple(r) for r in s.execute(select(OutboxMessage.__table__))])
    assert PASSWORD not in dump


def test_the_database_file_never_holds_the_password(
    sqlite_db: Database, clock: Clock, server: tuple[Mailbox, int]
) -> None:
    team = _mail_team(sqlite_db, clock, server[1])
    outbox.queue_reminders(team.desk, *DEC)
    clock.set(date(2026, 12, 5), 9)
    assert mailer.deliver_due(team.desk).sent == 2
    path = Path(str(sqlite_db.engine.url.database))
    data = b"".join(p.read_bytes() for p in path.parent.glob("frontdesk*"))
    assert b"wang@example.tw" in data  # the file is really read
    assert PASSWORD.encode() not in data


def test_an_opted_out_volunteer_gets_nothing(
    team: Team, clock: Clock, server: tuple[Mailbox, int]
) -> None:
    box, _ = server
    roster.assign(team.desk, ShiftKey(date(2026, 12, 9), "AM"), team.chen)
    outbox.queue_reminders(team.desk, *DEC)
    roster.unassign(team.desk, ShiftKey(THU, "AM"), team.wang, confirm_warnings=True)
    clock.set(date(2026, 12, 20), 9)
    mailer.deliver_due(team.desk)
    assert CHEN not in box.to()
    assert all(r.volunteer_id != team.chen for r in _rows(team))
    # 李美華 withdraws after her reminders were queued: nothing more reaches her
    outbox.set_email(team.desk, team.li, "", opt_in=False)
    outbox.queue_reminders(team.desk, *DEC)
    clock.set(date(2026, 12, 6), 20)
    mailer.deliver_due(team.desk)
    assert LI not in box.to()


def test_a_closed_day_and_a_duty_swapped_away_send_nothing(
    team: Team, clock: Clock, server: tuple[Mailbox, int]
) -> None:
    box, _ = server
    outbox.queue_reminders(team.desk, *DEC)
    calendar.close(team.desk, MON, None, "颱風停止上班")
    proposal = SwapProposal(SwapKind.COVER, team.wang, ShiftKey(THU, "AM"), team.li)
    swaps.arrange(team.desk, proposal, "家中有事", confirm_warnings=True)
    clock.set(date(2026, 12, 7), 20)
    report = mailer.deliver_due(team.desk)
    subjects = [str(m["Subject"]) for m in box.received]
    # 王小明 hears of the decision only; 李美華 of the decision and her Tuesday afternoon
    assert sorted(box.to()) == [LI, LI, WANG], subjects
    assert report.dropped == 3  # 王 Mon (closed), 李 Mon (closed), 王 Thu (swapped away)
    assert not any("12/7" in s for s in subjects)


def test_a_swap_decision_is_written_with_the_decision(team: Team) -> None:
    proposal = SwapProposal(SwapKind.COVER, team.wang, ShiftKey(THU, "AM"), team.li)
    rid = swaps.request(team.desk, proposal, colleague_agrees_now=True)
    assert [r.kind for r in _rows(team)] == []
    swaps.reject(team.desk, rid, "那天人手已足")
    rows = _rows(team)
    assert [(r.kind, r.volunteer_id) for r in rows] == [("swap_decision", team.wang)]
    assert "那天人手已足" in rows[0].body


def test_a_removal_leaving_a_slot_short_calls_for_help(
    team: Team, clock: Clock, server: tuple[Mailbox, int]
) -> None:
    box, _ = server
    roster.unassign(team.desk, ShiftKey(THU, "AM"), team.wang, confirm_warnings=True)
    # everyone who opted in and is not on it, but not the one just taken off
    assert [(r.kind, r.volunteer_id) for r in _rows(team)] == [("vacancy", team.li)]
    roster.assign(team.desk, ShiftKey(THU, "AM"), team.chen)  # filled before the sweep
    assert mailer.deliver_due(team.desk).dropped == 1
    assert box.received == []


@pytest.mark.parametrize("mode", ["busy", "hang", "drop"])
def test_a_server_that_fails_is_tried_again_later(
    team: Team, clock: Clock, server: tuple[Mailbox, int], mode: str
) -> None:
    box, _ = server
    outbox.queue_reminders(team.desk, *DEC)
    clock.set(date(2026, 12, 5), 9)
    box.mode = mode
    report = _deliver(team)
    assert report.retrying == 1 and report.sent == 0  # stops at the first failure
    (trouble,) = outbox.troubles(team.desk)
    assert trouble.attempts == 1 and trouble.next_try == clock.now + timedelta(minutes=2)
    box.mode = "accept"
    assert _deliver(team).sent == 1, "the other one only"
    assert len(outbox.troubles(team.desk)) == 1, "the failed one waits its backoff"
    clock.set(date(2026, 12, 5), 9, 3)
    assert _deliver(team).sent == 1
    assert len(box.message_ids()) == len(set(box.message_ids())) == 2
    assert outbox.troubles(team.desk) == []


def test_a_refusal_fails_for_good_and_is_shown(
    team: Team, clock: Clock, server: tuple[Mailbox, int]
) -> None:
    box, _ = server
    outbox.queue_reminders(team.desk, *DEC)
    clock.set(date(2026, 12, 5), 9)
    box.mode = "refuse"
    report = _deliver(team)
    assert report.failed == 2  # a refusal does not stop the others
    troubles = outbox.troubles(team.desk)
    assert {t.state for t in troubles} == {MessageState.FAILED}
    assert all("550" in t.error for t in troubles)
    clock.set(date(2026, 12, 6), 9)
    box.mode = "accept"
    _deliver(team)
    assert WANG not in box.to()


def test_no_server_listening_is_a_retry(team: Team, clock: Clock) -> None:
    update_settings(team.desk, {"smtp_port": str(free_port())})
    outbox.queue_reminders(team.desk, *DEC)
    clock.set(date(2026, 12, 5), 9)
    report = mailer.deliver_due(team.desk)
    assert report.retrying == 1
    assert "ConnectionRefused" in outbox.troubles(team.desk)[0].error


def test_after_a_crash_between_sending_and_marking_the_same_message_id_is_used(
    team: Team, clock: Clock, server: tuple[Mailbox, int]
) -> None:
    box, _ = server
    outbox.queue_reminders(team.desk, *DEC)
    clock.set(date(2026, 12, 5), 9)

    def crash(_: int) -> None:
        raise KeyboardInterrupt  # the process dies after the server said 250

    with pytest.raises(KeyboardInterrupt):
        mailer.deliver_due(team.desk, on_sent=crash)
    (first,) = box.message_ids()
    assert mailer.deliver_due(team.desk).sent == 1, "the other message; the first is leased"
    clock.set(date(2026, 12, 5), 9, 6)
    assert mailer.deliver_due(team.desk).sent == 1
    ids = box.message_ids()
    assert ids.count(first) == 2 and len(set(ids)) == 2
    assert {r.message_id: r.state for r in _rows(team)}[first] == MessageState.SENT.value


def test_an_address_must_look_like_one(team: Team) -> None:
    with pytest.raises(InvalidInput):
        outbox.set_email(team.desk, team.chen, "not an address", opt_in=True)
    consents = outbox.consents(team.desk)
    assert set(consents) == {team.wang, team.li}
    assert consents[team.wang].masked == "w***@e***.tw"
    assert consents[team.wang].opted_in_at is not None


def test_a_purge_removes_the_address_and_the_messages(team: Team, clock: Clock) -> None:
    from frontdesk.store.notice_models import VolunteerEmail

    outbox.queue_reminders(team.desk, *DEC)
    assert any(r.volunteer_id == team.li for r in _rows(team))
    with team.desk.db.write() as s:
        from frontdesk.store.models import Volunteer

        v = s.get_one(Volunteer, team.li)
        v.status, v.deactivated_at = "inactive", clock.now - timedelta(days=3 * 365)
    clock.set(date(2029, 12, 1), 9)
    purge.purge_personal_data(team.desk, team.li)
    assert all(r.volunteer_id != team.li for r in _rows(team))
    with team.desk.db.read() as s:
        assert s.get(VolunteerEmail, team.li) is None


def test_starttls_asked_and_not_offered_sends_nothing_in_the_clear(
    team: Team, clock: Clock, server: tuple[Mailbox, int]
) -> None:
    box, _ = server
    update_settings(team.desk, {"smtp_security": "starttls"})
    outbox.queue_reminders(team.desk, *DEC)
    clock.set(date(2026, 12, 5), 9)
    report = mailer.deliver_due(team.desk)
    assert report.retrying == 1 and box.received == [] and box.logins == []
    assert "STARTTLS" in outbox.troubles(team.desk)[0].error.upper()


def test_no_export_holds_an_address(team: Team, tmp_path: Path) -> None:
    """The address is personal data: the volunteer list, with or without personal data,
    and the month's workbook leave it out."""
    import zipfile

    from frontdesk.export.monthly import export_month
    from frontdesk.services.volunteer_io import export_volunteers

    files = [tmp_path / "list.xlsx", tmp_path / "personal.xlsx", tmp_path / "month.xlsx"]
    export_volunteers(team.desk, files[0])
    export_volunteers(team.desk, files[1], include_personal=True)
    export_month(team.desk, 2026, 12, files[2])
    for path in files:
        with zipfile.ZipFile(path) as z:
            data = b"".join(z.read(n) for n in z.namelist())
        assert b"example.tw" not in data, path.name
        assert b"V001" in data, path.name  # the file is really read
