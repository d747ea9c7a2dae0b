"""The `frontdesk` command line: its options, its list of commands, and `main`.

Every command belongs to a group module of this package (setup, volunteers, roster,
calendar, attendance, maintenance, export, supervisors, audit) with `add_arguments(parser,
command)` and `run(args)`. This module lists the commands with their one-line help and imports only
the group of the command that runs, so `frontdesk --help` needs Qt's core and nothing of
the database or the screens.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QCoreApplication

from frontdesk import __version__, i18n
from frontdesk.cli.parser import EXIT_FAILURE, Exit, Parser, Subparsers, late_options


@dataclass(frozen=True)
class Command:
    """A command of `frontdesk`: the group module that parses and runs it, and its help."""

    group: str
    help: Callable[[], str]
    description: Callable[[], str] | None = None


def _notices_help() -> str:
    return QCoreApplication.translate(
        "cli", "reminders and notices: calendar files, the LINE message, slips, e-mail"
    )


def _commands() -> dict[str, Command]:
    """Every command in the order `frontdesk --help` lists them.

    Long on purpose: one table of every command and its help, which grows with each command.
    """
    return {
        "init": Command(
            "setup",
            lambda: QCoreApplication.translate(
                "cli", "create or upgrade the database and name the agency"
            ),
        ),
        "demo": Command(
            "setup", lambda: QCoreApplication.translate("cli", "build a realistic demo database")
        ),
        "desk": Command(
            "setup",
            lambda: QCoreApplication.translate(
                "cli", "this desk's own name, kept on this PC (desks sharing a server)"
            ),
        ),
        "volunteers": Command(
            "volunteers",
            lambda: QCoreApplication.translate(
                "cli", "import or export the volunteer list (Excel)"
            ),
        ),
        "roster": Command(
            "roster", lambda: QCoreApplication.translate("cli", "the monthly roster")
        ),
        "calendar": Command(
            "calendar",
            lambda: QCoreApplication.translate("cli", "working days, holidays and closures"),
        ),
        "attendance": Command(
            "attendance", lambda: QCoreApplication.translate("cli", "attendance records")
        ),
        "check": Command(
            "maintenance",
            lambda: QCoreApplication.translate(
                "cli",
                "check the schema, integrity, references and audit chain (exit 1 on a problem)",
            ),
        ),
        "backup": Command(
            "maintenance",
            lambda: QCoreApplication.translate("cli", "write a backup copy of the SQLite database"),
        ),
        "restore": Command(
            "maintenance",
            lambda: QCoreApplication.translate(
                "cli", "replace the database by a backup (the current file is kept aside)"
            ),
        ),
        "export": Command(
            "export",
            lambda: QCoreApplication.translate(
                "cli", "write a month's workbook (roster, attendance, hours, swaps)"
            ),
            lambda: QCoreApplication.translate(
                "cli",
                "Write the monthly Excel workbook for the agency's records and the national "
                "volunteer system.",
            ),
        ),
        "hours": Command(
            "hours", lambda: QCoreApplication.translate("cli", "print service-hours statements")
        ),
        "report": Command(
            "report",
            lambda: QCoreApplication.translate(
                "cli", "the year's service report workbook (report year --year 115)"
            ),
        ),
        "audit": Command(
            "audit",
            lambda: QCoreApplication.translate(
                "cli", "the audit log: export it (or part of it) to Excel"
            ),
        ),
        "notices": Command("notices", _notices_help),
        "supervisors": Command(
            "supervisors",
            lambda: QCoreApplication.translate(
                "cli", "supervisor accounts: list, unlock, set a new password"
            ),
        ),
        "sweep": Command(
            "maintenance",
            lambda: QCoreApplication.translate(
                "cli",
                "close forgotten sign-outs, record absences, expire swap requests not decided "
                "before their duty, and keep the daily backup (SQLite; on PostgreSQL use "
                "pg_dump)",
            ),
        ),
    }


def _group(name: str) -> ModuleType:
    """The module of one command group, imported only when one of its commands runs."""
    if name == "setup":
        from frontdesk.cli import setup

        return setup
    if name == "volunteers":
        from frontdesk.cli import volunteers

        return volunteers
    if name == "roster":
        from frontdesk.cli import roster

        return roster
    if name == "calendar":
        from frontdesk.cli import calendar

        return calendar
    if name == "attendance":
        from frontdesk.cli import attendance

        return attendance
    if name == "maintenance":
        from frontdesk.cli import maintenance

        return maintenance
    if name == "export":
        from frontdesk.cli import export

        return export
    if name == "supervisors":
        from frontdesk.cli import supervisors

        return supervisors
    if name == "notices":
        from frontdesk.cli import notices

        return notices
    if name == "hours":
        from frontdesk.cli import hours

        return hours
    if name == "audit":
        from frontdesk.cli import audit_log

        return audit_log
    if name == "report":
        from frontdesk.cli import report

        return report
    raise ValueError(f"no command group {name!r}")


# --- the language -----------------------------------------------------------------------


def cli_language(environ: Mapping[str, str] | None = None) -> str:
    """The command line's language: Traditional Chinese, or English when the locale asks.

    The first of LC_ALL, LC_MESSAGES and LANG that is set decides (the POSIX order): a
    value starting with "en" means English. The desk app follows its `language` setting.
    """
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else i18n.DEFAULT_LANGUAGE
    return i18n.DEFAULT_LANGUAGE


def _first_word(argv: Sequence[str]) -> str | None:
    """The command named in argv (its first word that is no option), or None."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--db", "--basedir"):
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def _speaks(argv: Sequence[str]) -> bool:
    """True when argv runs a command or asks for help: words are printed, no window opens.

    Without a command (the desk app, --self-test, --version) the app makes its own
    QApplication, so no QCoreApplication may exist before it.
    """
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--db", "--basedir"):
            skip = True
        elif arg in ("-h", "--help") or not arg.startswith("-"):
            return True
    return False


@contextmanager
def _translated(language: str) -> Iterator[None]:
    """The catalogue of `language` installed while one command runs; no display needed.

    A QCoreApplication is made when none exists and shut down afterwards, and whatever
    language was installed before comes back, so an app or a test in the same process
    finds Qt as it left it.
    """
    app = QCoreApplication.instance()
    made = app is None
    if app is None:
        app = QCoreApplication(["frontdesk"])
    before = i18n.installed_language()
    i18n.install(language)
    try:
        yield
    finally:
        if before is None:
            i18n.uninstall()
        else:
            i18n.install(before)
        if made:
            app.shutdown()


# --- the parser -----------------------------------------------------------------------


def build_parser(running: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; the arguments of the command `running`, if any, too.

    Every command is listed with its help; only the group of `running` is imported to
    add that command's own arguments (and actions), as only its arguments are parsed.
    """
    p = Parser(
        prog="frontdesk",
        description=QCoreApplication.translate(
            "cli", "Front-desk volunteer duty manager. Without a command, opens the desk app."
        ),
        epilog=QCoreApplication.translate(
            "cli",
            "Language: Traditional Chinese; English when the first of LC_ALL, LC_MESSAGES "
            "and LANG that is set starts with en (e.g. LANG=en_US.UTF-8). The desk app "
            "follows its own language setting.",
        ),
    )
    _add_options(p)
    sub: Subparsers = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name, command in _commands().items():
        help_text = command.help()
        c = sub.add_parser(
            name,
            help=help_text,
            description=command.description() if command.description else help_text,
            parents=[late_options()],
        )
        if name == running:
            _group(command.group).add_arguments(c, name)
    return p


def _add_options(p: argparse.ArgumentParser) -> None:
    """The options of `frontdesk` itself, before any command."""
    p.add_argument(
        "--version",
        action="version",
        version=f"frontdesk {__version__}",
        help=QCoreApplication.translate("cli", "show the version and exit"),
    )
    p.add_argument(
        "--self-test",
        action="store_true",
        help=QCoreApplication.translate(
            "cli", "check this installation (database, translations, kiosk, export) and exit"
        ),
    )
    p.add_argument(
        "--db",
        metavar="PATH|URL",
        help=QCoreApplication.translate(
            "cli",
            "the database: a SQLite file or postgresql://user@host/name "
            "(default: $FRONTDESK_DB, else the file in the data folder)",
        ),
    )
    p.add_argument(
        "--basedir",
        metavar="DIR",
        help=QCoreApplication.translate(
            "cli", "the data folder for the database, backups and logs (sets FRONTDESK_HOME)"
        ),
    )
    p.add_argument(
        "--fullscreen",
        dest="app_fullscreen",
        action="store_true",
        help=QCoreApplication.translate(
            "cli", "open the kiosk full screen (the desk PC's start-up shortcut)"
        ),
    )
    p.add_argument(
        "--supervisor",
        dest="app_supervisor",  # not `init --supervisor USER`
        action="store_true",
        help=QCoreApplication.translate(
            "cli",
            "open straight to the supervisor login instead of the kiosk (may run beside it)",
        ),
    )


# --- main -------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `frontdesk` and `python -m frontdesk`; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not _speaks(argv):
        return _main(argv)
    with _translated(cli_language()):
        return _main(argv)


def _main(argv: list[str]) -> int:
    running = _first_word(argv)
    parser = build_parser(running if running in _commands() else None)
    try:
        # Without a command the rest (e.g. Qt's own options) is the app's.
        args, extra = parser.parse_known_args(argv)
        app_argv = [*_app_flags(args), *extra]
        if args.command is not None and app_argv:
            parser.error(f"unrecognized arguments: {' '.join(app_argv)}")
    except Exit as done:
        return done.code
    if args.basedir:
        os.environ["FRONTDESK_HOME"] = str(Path(args.basedir).expanduser().resolve())
    if args.command is None and not args.self_test and _screen_missing(app_argv):
        from frontdesk.cli import display

        with _translated(cli_language()):  # no window can say it: one sentence on stderr
            print(display.screen_missing_text(_commands()), file=sys.stderr)
        return EXIT_FAILURE
    if args.self_test or args.command is None:
        from frontdesk.cli import app

        return app.run(args, app_argv)
    result: int = _group(_commands()[args.command].group).run(args)
    return result


def _screen_missing(app_argv: list[str]) -> bool:
    from frontdesk.cli import display

    return display.screen_missing(app_argv)


def _app_flags(args: argparse.Namespace) -> list[str]:
    """--fullscreen and --supervisor as given: options of the desk app, not of a command."""
    given = (("--fullscreen", args.app_fullscreen), ("--supervisor", args.app_supervisor))
    return [flag for flag, on in given if on]
