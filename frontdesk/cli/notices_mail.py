"""`frontdesk notices email|smtp-password|send|outbox`: a volunteer's e-mail consent, the
mail server's password (kept in the operating system's credential store), sending the
outbox now, and what failed.

    frontdesk notices email V001 --address wang@example.tw --opt-in
    frontdesk notices email V001 --opt-out
    printf '%s\\n' "$PW" | frontdesk notices smtp-password --password-stdin
    frontdesk notices send
    frontdesk notices outbox
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication

from frontdesk.cli.common import Handler, Run, out, volunteer_by_code
from frontdesk.cli.parser import EXIT_FAILURE, EXIT_OK, Subparsers, action
from frontdesk.services import mailer, outbox
from frontdesk.services.errors import InvalidInput
from frontdesk.words.dates import stamp


def add_actions(acts: Subparsers) -> None:
    email = action(
        acts, "email", QCoreApplication.translate("cli", "record a volunteer's e-mail consent")
    )
    email.add_argument("code", metavar="CODE")
    email.add_argument("--address", default="", metavar="ADDRESS")
    choice = email.add_mutually_exclusive_group(required=True)
    choice.add_argument(
        "--opt-in",
        dest="opt_in",
        action="store_true",
        help=QCoreApplication.translate("cli", "the volunteer agrees to e-mail notices"),
    )
    choice.add_argument(
        "--opt-out",
        dest="opt_out",
        action="store_true",
        help=QCoreApplication.translate("cli", "the volunteer wants no more e-mail"),
    )
    secret = action(
        acts,
        "smtp-password",
        QCoreApplication.translate("cli", "keep the mail server's password in the system's store"),
    )
    secret.add_argument("--password-stdin", dest="password_stdin", action="store_true")
    action(acts, "send", QCoreApplication.translate("cli", "send the e-mails that are due now"))
    action(acts, "outbox", QCoreApplication.translate("cli", "list e-mails that failed"))


def set_email(run: Run) -> int:
    desk = run.desk()
    who = volunteer_by_code(desk, run.args.code)
    outbox.set_email(desk, who.id, run.args.address, opt_in=bool(run.args.opt_in))
    return EXIT_OK


def smtp_password(run: Run) -> int:
    desk = run.desk()
    smtp = mailer.smtp_of(desk)
    if not smtp.host:
        raise InvalidInput("set smtp_host first", field="smtp_host")
    if run.args.password_stdin:
        secret = sys.stdin.readline().rstrip("\r\n")
    else:
        import getpass

        secret = getpass.getpass(QCoreApplication.translate("cli", "Mail server password: "))
    if not secret:
        raise InvalidInput("no password given", field="password_missing")
    mailer.store_password(smtp, secret)
    return EXIT_OK


def send(run: Run) -> int:
    desk = run.desk()
    outbox.queue_due_reminders(desk)
    done = mailer.deliver_due(desk)
    out(
        QCoreApplication.translate(
            "cli",
            "E-mail: {sent} sent, {retrying} to try again, {failed} failed, {dropped} dropped.",
        ).format(sent=done.sent, retrying=done.retrying, failed=done.failed, dropped=done.dropped)
    )
    return EXIT_FAILURE if done.failed or done.retrying else EXIT_OK


def list_troubles(run: Run) -> int:
    for t in outbox.troubles(run.desk()):
        out(f"{t.volunteer}\t{t.subject}\t{t.attempts}\t{stamp(t.next_try)}\t{t.error}")
    return EXIT_OK


HANDLERS: dict[str, Handler] = {
    "email": set_email,
    "smtp-password": smtp_password,
    "send": send,
    "outbox": list_troubles,
}
