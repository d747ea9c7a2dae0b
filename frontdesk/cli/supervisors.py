"""`frontdesk supervisors`: IT's way back in when a supervisor is locked out or forgot the
password (list the accounts, lift a lock, set a new password); each change is audited."""

from __future__ import annotations

import argparse

from PySide6.QtCore import QCoreApplication

from frontdesk.cli.common import Run, dispatch, out, read_password
from frontdesk.cli.parser import EXIT_OK, action, actions
from frontdesk.core import accounts
from frontdesk.services import supervisors
from frontdesk.words.dates import day_text


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    cs = actions(parser)
    action(
        cs,
        "list",
        QCoreApplication.translate("cli", "list the supervisor accounts and their state"),
    )
    c = action(
        cs,
        "unlock",
        QCoreApplication.translate("cli", "lift the lock of an account after wrong passwords"),
    )
    c.add_argument("name", metavar="NAME")
    c = action(
        cs,
        "set-password",
        QCoreApplication.translate(
            "cli", "give an account a new password (at least {n} characters); lifts its lock"
        ).format(n=accounts.MIN_PASSWORD),
    )
    c.add_argument("name", metavar="NAME")
    c.add_argument(
        "--password-stdin",
        action="store_true",
        help=QCoreApplication.translate(
            "cli", "read the new password from the first line of standard input"
        ),
    )


def run(args: argparse.Namespace) -> int:
    return dispatch(args, {"list": list_, "unlock": unlock, "set-password": set_password})


def _state(row: supervisors.SupervisorRow) -> str:
    if not row.active:
        return QCoreApplication.translate("cli", "disabled")
    if row.locked and row.locked_until is not None:
        return QCoreApplication.translate("cli", "locked until {when}").format(
            when=day_text(row.locked_until)
        )
    return QCoreApplication.translate("cli", "active")


def list_(run: Run) -> int:
    rows = supervisors.supervisor_rows(run.desk())
    if not rows:
        out(
            QCoreApplication.translate(
                "cli", "No supervisor accounts yet; create one with frontdesk init --supervisor."
            )
        )
    for row in rows:
        out(f"{row.username}\t{row.display_name}\t{_state(row)}")
    return EXIT_OK


def unlock(run: Run) -> int:
    name = run.args.name.strip()
    if supervisors.unlock(run.desk(), name):
        out(
            QCoreApplication.translate(
                "cli", "The account {name} is unlocked; it may log in again."
            ).format(name=name)
        )
    else:
        out(
            QCoreApplication.translate("cli", "The account {name} was not locked.").format(
                name=name
            )
        )
    return EXIT_OK


def set_password(run: Run) -> int:
    name = run.args.name.strip()
    desk = run.desk()  # a missing database or agency is said before a password is asked for
    supervisors.set_password(desk, name, read_password(run.args.password_stdin))
    out(
        QCoreApplication.translate(
            "cli", "The password of {name} was set; the account may log in with it now."
        ).format(name=name)
    )
    return EXIT_OK
