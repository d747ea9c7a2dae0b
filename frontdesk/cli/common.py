"""What every command group shares: reading what a person typed, opening the desk, and
turning an error into one sentence and an exit code (2 for bad input, 1 for anything else).
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import re
import sys
from collections.abc import Callable, Mapping
from datetime import date, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from frontdesk.cli.parser import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, Exit
from frontdesk.core import accounts, codes
from frontdesk.core.pins import PIN_DIGITS
from frontdesk.services.context import Database, Desk
from frontdesk.services.errors import InvalidInput, NotFound, is_bug
from frontdesk.services.opening import Opened, open_desk, sqlite_file
from frontdesk.services.places import log_handler
from frontdesk.services.volunteers import Named, find_by_code
from frontdesk.words.errors import describe_error

# --- reading what a person typed --------------------------------------------------------


def _invalid(field: str, raw: str) -> InvalidInput:
    return InvalidInput(f"bad {field}: {raw}", field=field, value=raw)


def parse_month(raw: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", raw or "")
    if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1912:
        raise _invalid("month", raw)
    return int(m.group(1)), int(m.group(2))


def parse_date(raw: str) -> date:
    try:
        d = date.fromisoformat((raw or "").strip())
    except ValueError:
        raise _invalid("date", raw) from None
    if d.year < 1912:
        raise _invalid("date", raw)
    return d


def parse_time(raw: str) -> time:
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", raw or "")
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise _invalid("time", raw)
    return time(int(m.group(1)), int(m.group(2)))


def parse_slot(raw: str | None) -> str | None:
    """A typed slot code in its stored form (core.codes.normalise_code: full-width folded,
    trimmed, upper case), or None when none was given."""
    return None if raw is None else codes.normalise_code(raw)


def actor() -> str:
    """Who ran the command, for the audit log."""
    try:
        return f"cli:{getpass.getuser()}"[:60]
    except Exception:  # no user name in some service/container environments
        return "cli"


def read_password(from_stdin: bool) -> str:
    """A new supervisor password: the first line of standard input, or typed twice at the
    terminal. Refused (InvalidInput) when nothing came or it is shorter than
    core.accounts.MIN_PASSWORD, before anything is written."""
    if from_stdin:
        line = sys.stdin.readline()
        if not line.strip():
            raise InvalidInput("no password on standard input", field="password_missing")
        password = line.rstrip("\r\n")
    else:
        if sys.stdin is None or not sys.stdin.isatty():  # a script, a service, a pipe
            raise InvalidInput("no terminal to type a password", field="password_missing")
        try:
            password = getpass.getpass(
                QCoreApplication.translate("cli", "Password for the supervisor: ")
            )
            again = getpass.getpass(QCoreApplication.translate("cli", "The same password again: "))
        except EOFError:  # Ctrl-D instead of a password
            raise InvalidInput("no password typed", field="password_missing") from None
        if password != again:
            raise InvalidInput("passwords differ", field="password_again")
    if not accounts.password_long_enough(password):
        raise InvalidInput("password too short", field="password")
    return password


def read_pin(from_stdin: bool) -> str:
    """A volunteer's new kiosk PIN: the first line of standard input, or typed twice at
    the terminal; InvalidInput unless it is a PIN (core.pins.is_valid_pin)."""
    if from_stdin:
        pin = sys.stdin.readline().strip()
    else:
        if sys.stdin is None or not sys.stdin.isatty():
            raise InvalidInput("no terminal to type a PIN", field="pin_missing")
        try:
            prompt = QCoreApplication.translate("cli", "PIN ({digits} digits): ")
            pin = getpass.getpass(prompt.format(digits=PIN_DIGITS)).strip()
            again = getpass.getpass(QCoreApplication.translate("cli", "The same PIN again: "))
        except EOFError:
            raise InvalidInput("no PIN typed", field="pin_missing") from None
        if pin != again.strip():
            raise InvalidInput("PINs differ", field="pin_again")
    if not pin:
        raise InvalidInput("no PIN given", field="pin_missing")
    return pin


def out(text: str) -> None:
    print(text)


# --- one command run --------------------------------------------------------------------


class Run:
    """One command run: opens databases lazily and closes them at the end."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._opened: list[Database] = []

    def close(self) -> None:
        for db in self._opened:
            db.dispose()

    def database(
        self, *, upgrade: bool = True, must_exist: bool = False, quick_check: bool = True
    ) -> Database:
        """The database, whether or not it has an agency yet (init, demo, check, backup).

        A damaged file is never migrated or written (`check` reports it instead).
        """
        return self._open(
            upgrade=upgrade, must_exist=must_exist, quick_check=quick_check, need_site=False
        ).db

    def db_path(self) -> Path | None:
        """The SQLite file the command is about, without opening it (None: PostgreSQL)."""
        path = sqlite_file(self.args.db)
        return None if path is None or str(path) == ":memory:" else path

    def desk(self) -> Desk:
        """The desk of an existing, named database, as this user."""
        return self._open(must_exist=True, need_site=True).desk

    def _open(self, **options: Any) -> Opened:
        opened = open_desk(self.args.db, actor=actor(), **options)
        self._opened.append(opened.db)
        return opened


def volunteer_by_code(desk: Desk, code: str) -> Named:
    """The volunteer with this code at the desk's agency, or NotFound naming the code."""
    return find_by_code(desk, code)


# --- running it -------------------------------------------------------------------------

Handler = Callable[[Run], int]


def dispatch(args: argparse.Namespace, handlers: Mapping[str, Handler]) -> int:
    """Run the group's action named on the command line (`frontdesk calendar show`)."""
    if args.action is None:
        print(
            QCoreApplication.translate("cli", "Please name an action; see --help."),
            file=sys.stderr,
        )
        return EXIT_USAGE
    return execute(args, handlers[args.action])


def execute(args: argparse.Namespace, handler: Handler) -> int:
    """Run one command; an error is one sentence on stderr and an exit code, never a traceback."""
    run = Run(args)
    try:
        return int(handler(run))
    except BrokenPipeError:  # output piped into `head` and cut short: not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep Python's exit flush quiet
        return EXIT_OK
    except KeyboardInterrupt:
        print(
            QCoreApplication.translate(
                "cli", "Interrupted; nothing was changed by the unfinished step."
            ),
            file=sys.stderr,
        )
        return 130
    except Exit as done:
        return done.code
    except Exception as exc:
        bug = is_bug(exc)
        describe_to_stderr(exc, bug)
        if bug:
            print(
                QCoreApplication.translate(
                    "cli",
                    "(This looks like a bug in frontdesk; please report it with the command you ran.)",
                ),
                file=sys.stderr,
            )
        return exit_code(exc)
    finally:
        run.close()


def describe_to_stderr(exc: BaseException, bug: bool) -> None:
    """The error in words on stderr; a bug's traceback goes to the log file, not the screen."""
    logger = logging.getLogger("frontdesk")
    handler = log_handler() if bug else None
    if handler is not None:
        logger.addHandler(handler)
    try:
        print(describe_error(exc), file=sys.stderr)
    finally:
        if handler is not None:
            logger.removeHandler(handler)
            handler.close()


def exit_code(exc: BaseException) -> int:
    if isinstance(exc, InvalidInput | NotFound | FileNotFoundError | IsADirectoryError):
        return EXIT_USAGE
    return EXIT_FAILURE
