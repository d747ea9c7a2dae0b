"""The `frontdesk` command: opens the desk app, or runs one administrative task.

Every error a person can cause is answered with one sentence on stderr (words from
frontdesk.messages) and a non-zero exit: 2 for bad input, 1 for anything else.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from frontdesk import __version__
from frontdesk.export import cli as export_cli

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        if prefix is None:
            prefix = QCoreApplication.translate("cli", "usage: ")
        super().add_usage(usage, actions, groups, prefix)


class _Parser(argparse.ArgumentParser):
    """argparse that never exits by itself: errors come back to main() as exit codes.

    Its own words (usage, headings, -h, errors) are in the command line's language too.
    """

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = QCoreApplication.translate("cli", "positional arguments")
        self._optionals.title = QCoreApplication.translate("cli", "options")
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help=QCoreApplication.translate("cli", "show this help and exit"),
            )

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        print(_argparse_words(message), file=sys.stderr)
        raise _Exit(EXIT_USAGE)

    def exit(self, status: int = 0, message: str | None = None) -> Any:
        if message:
            print(message.rstrip(), file=sys.stderr)
        raise _Exit(status)


def _argparse_words(message: str) -> str:
    """argparse's own English error as one sentence in the command line's language."""
    patterns: list[tuple[str, Callable[[], str]]] = [
        (
            r"the following arguments are required: (?P<what>.*)",
            lambda: QCoreApplication.translate(
                "cli", "The following arguments are required: {what}."
            ),
        ),
        (
            r"argument (?P<arg>\S+): invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)",
            lambda: QCoreApplication.translate(
                "cli", "Argument {arg}: invalid choice: {value} (choose from {choices})."
            ),
        ),
        (
            r"argument (?P<arg>\S+): expected one argument",
            lambda: QCoreApplication.translate("cli", "Argument {arg}: expected one argument."),
        ),
        (
            r"argument (?P<arg>\S+): invalid (?P<type>\S+) value: (?P<value>.*)",
            lambda: QCoreApplication.translate(
                "cli", "Argument {arg}: invalid {type} value: {value}."
            ),
        ),
        (
            r"unrecognized arguments: (?P<what>.*)",
            lambda: QCoreApplication.translate("cli", "Unrecognized arguments: {what}."),
        ),
    ]
    for pattern, words in patterns:
        m = re.fullmatch(pattern, message)
        if m:
            return words().format(**m.groupdict())
    return message[:1].upper() + message[1:] + "."


class _Exit(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


# --- parsing what a person typed ------------------------------------------------------


def _invalid(field: str, raw: str) -> Exception:
    from frontdesk.services.errors import InvalidInput

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
    return None if raw is None else raw.strip().upper()


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"[:60]
    except Exception:  # no user name in some service/container environments
        return "cli"


def _out(text: str) -> None:
    print(text)


# --- the subcommands ------------------------------------------------------------------


class _Run:
    """One command run: opens databases lazily and closes them at the end."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._opened: list[Any] = []

    def close(self) -> None:
        for db in self._opened:
            db.dispose()

    def database(
        self, *, upgrade: bool = True, must_exist: bool = False, quick_check: bool = True
    ) -> Any:
        from frontdesk.services.errors import NotFound
        from frontdesk.services.safety import refuse_if_damaged
        from frontdesk.services.setup import open_database
        from frontdesk.store.db import Database, resolve_url

        url = resolve_url(self.args.db)
        if must_exist and url.get_backend_name() == "sqlite" and url.database:
            path = Path(url.database)
            Database(url).dispose()  # refuses a network share before anything else
            if not path.exists():
                raise NotFound(f"no database at {path}", what="database", path=str(path))
        if quick_check:  # a damaged file is never migrated or written; `check` reports it
            refuse_if_damaged(url.render_as_string(hide_password=False))
        db = open_database(url.render_as_string(hide_password=False), upgrade=upgrade)
        self._opened.append(db)
        return db

    def desk(self) -> Any:
        from frontdesk.services.context import Desk
        from frontdesk.services.errors import NotFound
        from frontdesk.services.setup import first_site_id

        db = self.database(must_exist=True)
        site_id = first_site_id(db)
        if site_id is None:
            raise NotFound("no agency yet", what="site")
        return Desk(db=db, site_id=site_id, actor=_actor())


def cmd_init(run: _Run) -> int:
    from frontdesk.services import supervisors
    from frontdesk.services.context import Desk
    from frontdesk.services.setup import init_site

    args = run.args
    password = None
    if args.supervisor:
        password = _read_password(args.password_stdin)
        if len(password) < supervisors.MIN_PASSWORD:  # before anything is written
            from frontdesk.services.errors import InvalidInput

            raise InvalidInput("password too short", field="password")
    db = run.database()
    site_id = init_site(db, args.agency, args.desk, actor=_actor())
    _out(
        QCoreApplication.translate("cli", "The database at {url} is ready for {agency}.").format(
            url=db.describe(), agency=args.agency.strip()
        )
    )
    if args.supervisor and password is not None:
        supervisors.create(Desk(db, site_id, actor=_actor()), args.supervisor, password)
        _out(
            QCoreApplication.translate("cli", "Supervisor account {user} created.").format(
                user=args.supervisor.strip()
            )
        )
    return EXIT_OK


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(QCoreApplication.translate("cli", "Password for the supervisor: "))
    again = getpass.getpass(QCoreApplication.translate("cli", "The same password again: "))
    if first != again:
        from frontdesk.services.errors import InvalidInput

        raise InvalidInput("passwords differ", field="password_again")
    return first


def cmd_demo(run: _Run) -> int:
    import time as _time

    from frontdesk.services.demo import DEFAULT_AGENCY, DEFAULT_SEED, build_demo

    args = run.args
    today = parse_date(args.today) if args.today else None
    db = run.database()
    started = _time.perf_counter()
    report = build_demo(
        db,
        agency=args.agency or DEFAULT_AGENCY,
        seed=DEFAULT_SEED if args.seed is None else args.seed,
        today=today,
    )
    _out(
        QCoreApplication.translate(
            "cli",
            "Demo desk built in {seconds:.1f} s: {volunteers} volunteers, {assignments} duties, "
            "{attendance} attendance records and {swaps} swap requests from {first} to {today}. "
            "Supervisor login: supervisor / demo-password.",
        ).format(
            seconds=_time.perf_counter() - started,
            volunteers=report.volunteers,
            assignments=report.assignments,
            attendance=report.attendance,
            swaps=report.swaps,
            first=report.first_day.isoformat(),
            today=report.today.isoformat(),
        )
    )
    return EXIT_OK


def cmd_volunteers_import(run: _Run) -> int:
    from frontdesk.services.volunteer_io import import_volunteers

    path = Path(run.args.file)
    report = import_volunteers(run.desk(), path)
    _out(
        QCoreApplication.translate(
            "cli", "Imported {file}: {added} volunteers added, {updated} updated."
        ).format(file=path.name, added=len(report.added), updated=len(report.updated))
    )
    if report.updated:
        _out(
            QCoreApplication.translate("cli", "Updated codes: {codes}").format(
                codes=", ".join(report.updated)
            )
        )
    return EXIT_OK


def cmd_volunteers_export(run: _Run) -> int:
    from frontdesk.services.volunteer_io import export_volunteers

    path = Path(run.args.file)
    rows = export_volunteers(run.desk(), path, include_personal=run.args.with_personal_data)
    if run.args.with_personal_data:
        text = QCoreApplication.translate(
            "cli", "Wrote {n} volunteers to {file} WITH phone numbers; the export is logged."
        )
    else:
        text = QCoreApplication.translate(
            "cli", "Wrote {n} volunteers to {file} (phone numbers masked)."
        )
    _out(text.format(n=rows, file=path))
    return EXIT_OK


def cmd_volunteers_template(run: _Run) -> int:
    from frontdesk.services.volunteer_io import write_template

    path = write_template(Path(run.args.file))
    _out(
        QCoreApplication.translate("cli", "Wrote an empty volunteer sheet to {file}.").format(
            file=path
        )
    )
    return EXIT_OK


def cmd_roster_generate(run: _Run) -> int:
    from frontdesk.messages import day_text, slot_name
    from frontdesk.services.roster import generate_month

    year, month = parse_month(run.args.month)
    desk = run.desk()
    report = generate_month(desk, year, month)
    _out(
        QCoreApplication.translate(
            "cli",
            "Roster {month}: {added} duties added from the weekly patterns, {skipped} skipped.",
        ).format(
            month=f"{year:04d}-{month:02d}", added=len(report.added), skipped=len(report.skipped)
        )
    )
    if report.skipped:
        from frontdesk.services.volunteers import list_all

        codes = {v.id: v.code for v in list_all(desk)}
        for shift, vid, reason in report.skipped:
            _out(f"  {day_text(shift.day)} {slot_name(shift.slot)} {codes.get(vid, vid)}: {reason}")
    return EXIT_OK


def cmd_calendar_import(run: _Run) -> int:
    from frontdesk.services.calendar import import_dgpa

    path = Path(run.args.file)
    data = path.read_bytes()
    report = import_dgpa(run.desk(), data)
    _out(
        QCoreApplication.translate(
            "cli",
            "Imported the {year} office calendar: {days} days, {off} days off "
            "({replaced} earlier official days replaced).",
        ).format(year=report.year, days=report.days, off=report.off_days, replaced=report.replaced)
    )
    return EXIT_OK


def cmd_calendar_close(run: _Run) -> int:
    from frontdesk.messages import slot_name
    from frontdesk.services.calendar import close

    d = parse_date(run.args.date)
    slot = parse_slot(run.args.slot)
    close(run.desk(), d, slot, run.args.reason)
    what = slot_name(slot) if slot else QCoreApplication.translate("cli", "whole day")
    _out(
        QCoreApplication.translate("cli", "Closed {day} ({what}): {reason}.").format(
            day=d.isoformat(), what=what, reason=run.args.reason.strip()
        )
    )
    return EXIT_OK


def cmd_calendar_reopen(run: _Run) -> int:
    from frontdesk.services.calendar import reopen

    d = parse_date(run.args.date)
    removed = reopen(run.desk(), d, parse_slot(run.args.slot))
    if removed:
        _out(
            QCoreApplication.translate("cli", "Reopened {day}: {n} closures removed.").format(
                day=d.isoformat(), n=removed
            )
        )
    else:
        _out(
            QCoreApplication.translate("cli", "{day} had no closure; nothing changed.").format(
                day=d.isoformat()
            )
        )
    return EXIT_OK


_KIND_WORDS: dict[str, Callable[[], str]] = {
    "workday": lambda: QCoreApplication.translate("cli", "workday"),
    "weekend": lambda: QCoreApplication.translate("cli", "weekend"),
    "holiday": lambda: QCoreApplication.translate("cli", "holiday"),
    "makeup_workday": lambda: QCoreApplication.translate("cli", "make-up workday"),
    "closed": lambda: QCoreApplication.translate("cli", "closure"),
    "manual_open": lambda: QCoreApplication.translate("cli", "opened by hand"),
    "manual_closed": lambda: QCoreApplication.translate("cli", "closed by hand"),
}


def cmd_calendar_show(run: _Run) -> int:
    from datetime import timedelta

    from frontdesk.core.timeutil import format_roc_short, weekday_zh
    from frontdesk.services.calendar import calendar
    from frontdesk.services.roster import month_bounds

    year, month_ = parse_month(run.args.month)
    first, last = month_bounds(year, month_)
    # Wide enough to name the day off that a make-up Saturday pays back.
    cal = calendar(run.desk(), first - timedelta(days=90), last + timedelta(days=90))
    for info in cal.month(year, month_):
        state = (
            QCoreApplication.translate("cli", "duty")
            if info.is_duty_day
            else QCoreApplication.translate("cli", "closed")
        )
        kind = _KIND_WORDS.get(info.kind.value, lambda k=info.kind.value: k)()
        label = info.label or ("" if info.kind.value == "workday" else kind)
        line = f"{info.day.isoformat()}  {format_roc_short(info.day)}  ({weekday_zh(info.day)})  {state:<6}  {label}"
        for slot in sorted(info.closed_slots):
            line += "  " + QCoreApplication.translate("cli", "[{slot} closed]").format(slot=slot)
        for off in cal.makes_up_for(info.day):
            line += "  " + QCoreApplication.translate(
                "cli", "(makes up for {day}, {state})"
            ).format(
                day=off.isoformat(),
                state=QCoreApplication.translate("cli", "closed")
                if not cal.is_duty_day(off)
                else QCoreApplication.translate("cli", "duty"),
            )
        _out(line.rstrip())
    return EXIT_OK


def cmd_attendance_record(run: _Run) -> int:
    from frontdesk.core.timeutil import at
    from frontdesk.services.attendance import record_manual
    from frontdesk.services.errors import NotFound
    from frontdesk.services.volunteers import by_code

    args = run.args
    d = parse_date(args.date)
    slot = parse_slot(args.slot) or ""
    in_at = at(d, parse_time(args.in_time)) if args.in_time else None
    out_at = at(d, parse_time(args.out_time)) if args.out_time else None
    desk = run.desk()
    with desk.db.read() as session:
        v = by_code(session, desk, args.code)
        if v is None:
            raise NotFound(
                f"no volunteer {args.code}", what="volunteer", code=args.code.strip().upper()
            )
        vid, name = v.id, v.name
    record_manual(desk, vid, d, slot, in_at, out_at, args.reason)
    _out(
        QCoreApplication.translate(
            "cli", "Recorded the {slot} duty of {day} for {code} {name}."
        ).format(slot=slot, day=d.isoformat(), code=args.code.strip().upper(), name=name)
    )
    return EXIT_OK


def cmd_check(run: _Run) -> int:
    from frontdesk.services.maintenance import check

    report = check(run.database(upgrade=False, must_exist=True, quick_check=False))
    ok, bad = QCoreApplication.translate("cli", "OK"), QCoreApplication.translate("cli", "PROBLEM")
    if report.migrations_current:
        _out(
            f"{ok:8} "
            + QCoreApplication.translate("cli", "schema is current ({rev})").format(
                rev=report.head_revision
            )
        )
    else:
        _out(
            f"{bad:8} "
            + QCoreApplication.translate(
                "cli", "schema is {current}, this version uses {head}; open the app to upgrade"
            ).format(
                current=report.current_revision or QCoreApplication.translate("cli", "empty"),
                head=report.head_revision,
            )
        )
    if report.dialect == "sqlite":
        if report.integrity:
            _out(
                f"{bad:8} "
                + QCoreApplication.translate("cli", "integrity check: {first}").format(
                    first=report.integrity[0]
                )
            )
        else:
            _out(f"{ok:8} " + QCoreApplication.translate("cli", "integrity check passed"))
        if report.foreign_keys:
            _out(
                f"{bad:8} "
                + QCoreApplication.translate("cli", "{n} broken references, first: {first}").format(
                    n=len(report.foreign_keys), first=report.foreign_keys[0]
                )
            )
        else:
            _out(f"{ok:8} " + QCoreApplication.translate("cli", "no broken references"))
    if report.audit_broken_at is None:
        _out(
            f"{ok:8} "
            + QCoreApplication.translate("cli", "audit log: {n} entries, chain intact").format(
                n=report.audit_entries
            )
        )
    else:
        _out(
            f"{bad:8} "
            + QCoreApplication.translate("cli", "audit log broken at entry {id}: {problem}").format(
                id=report.audit_broken_at, problem=report.audit_problem
            )
        )
    if not report.ok:
        print(
            QCoreApplication.translate("cli", "The database check found problems."), file=sys.stderr
        )
        return EXIT_FAILURE
    return EXIT_OK


def cmd_backup(run: _Run) -> int:
    from frontdesk.services.maintenance import backup

    out = Path(run.args.out) if run.args.out else None
    path = backup(run.database(upgrade=False, must_exist=True), out)
    _out(QCoreApplication.translate("cli", "Backup written to {path}.").format(path=path))
    return EXIT_OK


def cmd_restore(run: _Run) -> int:
    from frontdesk.services.errors import InvalidInput
    from frontdesk.services.maintenance import restore
    from frontdesk.store.db import resolve_url

    url = resolve_url(run.args.db)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise InvalidInput("restore needs a SQLite file", field="restore_target")
    if not run.args.yes:
        raise InvalidInput("restore needs --yes", field="yes")
    aside = restore(Path(url.database), Path(run.args.file))
    text = QCoreApplication.translate("cli", "Restored the database from {file}.").format(
        file=run.args.file
    )
    if aside is not None:
        text += " " + QCoreApplication.translate(
            "cli", "The replaced database was kept as {aside}."
        ).format(aside=aside)
    _out(text)
    return EXIT_OK


def cmd_export(run: _Run) -> int:
    return export_cli.run(run.args, run.desk())


def cmd_sweep(run: _Run) -> int:
    from frontdesk.services.attendance import sweep
    from frontdesk.services.safety import run_daily_backup

    desk = run.desk()
    report = sweep(desk)
    _out(
        QCoreApplication.translate(
            "cli", "Closed {closed} forgotten sign-outs and recorded {absent} absences."
        ).format(closed=report.auto_closed, absent=report.absences)
    )
    # The sweep is what a scheduled task runs each evening: it keeps the daily backup for
    # a desk whose app was not opened that day (idempotent when it was).
    daily = run_daily_backup(desk.db)
    if daily.path is not None:
        _out(
            QCoreApplication.translate("cli", "Daily backup written to {path}.").format(
                path=daily.path
            )
        )
    return EXIT_OK


def _volunteer_by_code(desk: Any, code: str) -> Any:
    from frontdesk.services.errors import NotFound
    from frontdesk.services.volunteers import by_code

    with desk.db.read() as session:
        v = by_code(session, desk, code)
    if v is None:
        raise NotFound(f"no volunteer {code}", what="volunteer", code=code.strip().upper())
    return v


def cmd_volunteers_purge(run: _Run) -> int:
    from frontdesk.services.errors import InvalidInput
    from frontdesk.services.volunteers import purge_personal_data

    desk = run.desk()
    v = _volunteer_by_code(desk, run.args.code)
    if not run.args.yes:
        raise InvalidInput("purge needs --yes", field="purge_yes", value=v.code)
    pseudonym = purge_personal_data(desk, v.id)
    _out(
        QCoreApplication.translate(
            "cli",
            "Deleted the personal data of {code}; the volunteer is now {pseudonym}, "
            "with duties and hours kept.",
        ).format(code=v.code, pseudonym=pseudonym)
    )
    return EXIT_OK


def cmd_volunteers_purge_due(run: _Run) -> int:
    from frontdesk.services.volunteers import purge_due

    due = purge_due(run.desk())
    if not due:
        _out(QCoreApplication.translate("cli", "No departed volunteer's data is due for deletion."))
        return EXIT_OK
    for item in due:
        _out(
            QCoreApplication.translate(
                "cli", "{code}  left {left}, may be deleted since {since}"
            ).format(
                code=item.code,
                left=item.deactivated_on.isoformat(),
                since=item.possible_on.isoformat(),
            )
        )
    return EXIT_OK


# --- the language -----------------------------------------------------------------------


def cli_language(environ: Mapping[str, str] | None = None) -> str:
    """The command line's language: Traditional Chinese, or English when the locale asks.

    The first of LC_ALL, LC_MESSAGES and LANG that is set decides (the POSIX order): a
    value starting with "en" means English. The desk app follows its `language` setting.
    """
    from frontdesk.i18n import DEFAULT_LANGUAGE

    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


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
    from frontdesk import i18n

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


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
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
    # --db and --basedir are accepted after the command too (`frontdesk demo --db x.sqlite3`).
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", metavar="PATH|URL", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    common.add_argument(
        "--basedir", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str, func: Callable[[_Run], int], parent: Any = sub) -> Any:
        c = parent.add_parser(name, help=help_text, description=help_text, parents=[common])
        c.set_defaults(func=func)
        return c

    c = command(
        "init",
        QCoreApplication.translate("cli", "create or upgrade the database and name the agency"),
        cmd_init,
    )
    c.add_argument(
        "--agency",
        required=True,
        metavar="NAME",
        help=QCoreApplication.translate("cli", "e.g. 高雄市苓雅區衛生所"),
    )
    c.add_argument(
        "--desk",
        default="服務台",
        metavar="NAME",
        help=QCoreApplication.translate("cli", "the desk's name"),
    )
    c.add_argument(
        "--supervisor",
        metavar="USER",
        help=QCoreApplication.translate("cli", "also create this supervisor account"),
    )
    c.add_argument(
        "--password-stdin",
        action="store_true",
        help=QCoreApplication.translate(
            "cli", "read the supervisor's password from the first line of standard input"
        ),
    )

    c = command(
        "demo", QCoreApplication.translate("cli", "build a realistic demo database"), cmd_demo
    )
    c.add_argument(
        "--agency",
        metavar="NAME",
        help=QCoreApplication.translate("cli", "agency name (default 高雄市苓雅區衛生所)"),
    )
    c.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help=QCoreApplication.translate("cli", "random seed; same seed, same data"),
    )
    c.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help=QCoreApplication.translate("cli", "the day the history runs up to"),
    )

    vol = command(
        "volunteers",
        QCoreApplication.translate("cli", "import or export the volunteer list (Excel)"),
        _needs_sub,
    )
    vs = vol.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    c = command(
        "import",
        QCoreApplication.translate("cli", "add or update volunteers from an .xlsx sheet"),
        cmd_volunteers_import,
        vs,
    )
    c.add_argument("file", metavar="FILE.xlsx")
    c = command(
        "export",
        QCoreApplication.translate("cli", "write the volunteer list to an .xlsx file"),
        cmd_volunteers_export,
        vs,
    )
    c.add_argument("file", metavar="FILE.xlsx")
    c.add_argument(
        "--with-personal-data",
        action="store_true",
        help=QCoreApplication.translate("cli", "include full phone numbers (the export is logged)"),
    )
    c = command(
        "template",
        QCoreApplication.translate("cli", "write an empty volunteer sheet to fill in"),
        cmd_volunteers_template,
        vs,
    )
    c.add_argument("file", metavar="FILE.xlsx")
    c = command(
        "purge",
        QCoreApplication.translate(
            "cli",
            "delete a departed volunteer's personal data after the retention period "
            "(duties and hours are kept)",
        ),
        cmd_volunteers_purge,
        vs,
    )
    c.add_argument("--code", required=True, metavar="CODE")
    c.add_argument(
        "--yes",
        action="store_true",
        help=QCoreApplication.translate("cli", "confirm deleting the personal data"),
    )
    command(
        "purge-due",
        QCoreApplication.translate(
            "cli", "list departed volunteers whose personal data may now be deleted"
        ),
        cmd_volunteers_purge_due,
        vs,
    )

    ros = command("roster", QCoreApplication.translate("cli", "the monthly roster"), _needs_sub)
    rs = ros.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    c = command(
        "generate",
        QCoreApplication.translate("cli", "fill a month from the weekly patterns"),
        cmd_roster_generate,
        rs,
    )
    c.add_argument("--month", required=True, metavar="YYYY-MM")

    cal = command(
        "calendar",
        QCoreApplication.translate("cli", "working days, holidays and closures"),
        _needs_sub,
    )
    cs = cal.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    c = command(
        "import",
        QCoreApplication.translate(
            "cli", "import the DGPA office calendar CSV (政府行政機關辦公日曆表)"
        ),
        cmd_calendar_import,
        cs,
    )
    c.add_argument("file", metavar="FILE.csv")
    c = command(
        "close",
        QCoreApplication.translate("cli", "close a day or one slot (typhoon 停止上班)"),
        cmd_calendar_close,
        cs,
    )
    c.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    c.add_argument(
        "--slot",
        metavar="AM|PM",
        help=QCoreApplication.translate("cli", "only this slot (default: the whole day)"),
    )
    c.add_argument("--reason", required=True, metavar="TEXT")
    c = command(
        "reopen",
        QCoreApplication.translate("cli", "remove the closure of a day or slot"),
        cmd_calendar_reopen,
        cs,
    )
    c.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    c.add_argument("--slot", metavar="AM|PM")
    c = command(
        "show",
        QCoreApplication.translate("cli", "list a month's days: duty or closed, and why"),
        cmd_calendar_show,
        cs,
    )
    c.add_argument("--month", required=True, metavar="YYYY-MM")

    att = command("attendance", QCoreApplication.translate("cli", "attendance records"), _needs_sub)
    ats = att.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    c = command(
        "record",
        QCoreApplication.translate(
            "cli", "enter a duty by hand from the paper sheet (times in Asia/Taipei)"
        ),
        cmd_attendance_record,
        ats,
    )
    c.add_argument(
        "--code",
        required=True,
        metavar="CODE",
        help=QCoreApplication.translate("cli", "the volunteer's code"),
    )
    c.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    c.add_argument("--slot", required=True, metavar="AM|PM")
    c.add_argument(
        "--in",
        dest="in_time",
        metavar="HH:MM",
        help=QCoreApplication.translate("cli", "sign-in time"),
    )
    c.add_argument(
        "--out",
        dest="out_time",
        metavar="HH:MM",
        help=QCoreApplication.translate("cli", "sign-out time"),
    )
    c.add_argument("--reason", required=True, metavar="TEXT")

    command(
        "check",
        QCoreApplication.translate(
            "cli", "check the schema, integrity, references and audit chain (exit 1 on a problem)"
        ),
        cmd_check,
    )
    c = command(
        "backup",
        QCoreApplication.translate("cli", "write a backup copy of the SQLite database"),
        cmd_backup,
    )
    c.add_argument(
        "--out",
        metavar="FILE",
        help=QCoreApplication.translate("cli", "where to write it (default: backups folder)"),
    )
    c = command(
        "restore",
        QCoreApplication.translate(
            "cli", "replace the database by a backup (the current file is kept aside)"
        ),
        cmd_restore,
    )
    c.add_argument("file", metavar="FILE")
    c.add_argument(
        "--yes",
        action="store_true",
        help=QCoreApplication.translate("cli", "confirm replacing the database"),
    )
    export_cli.add_parser(sub, parents=[common]).set_defaults(func=cmd_export)
    command(
        "sweep",
        QCoreApplication.translate("cli", "close forgotten sign-outs and record absences"),
        cmd_sweep,
    )
    return p


def _needs_sub(run: _Run) -> int:
    print(QCoreApplication.translate("cli", "Please name an action; see --help."), file=sys.stderr)
    return EXIT_USAGE


# --- the app and main -----------------------------------------------------------------


def _run_app(args: argparse.Namespace, argv: list[str]) -> int:
    import importlib

    try:
        app = importlib.import_module("frontdesk.app")
    except ModuleNotFoundError as exc:
        if exc.name != "frontdesk.app":
            raise
        return _placeholder_window(argv)
    result: int = app.run(args.db, argv)
    return result


def _placeholder_window(argv: list[str]) -> int:  # pragma: no cover - until app.py exists
    from PySide6.QtWidgets import QApplication, QMainWindow

    qapp = QApplication.instance() or QApplication([sys.argv[0], *argv])
    window = QMainWindow()
    window.setWindowTitle("frontdesk")
    window.resize(800, 600)
    window.show()
    return int(qapp.exec())


def _exit_code(exc: BaseException) -> int:
    from frontdesk.services.errors import InvalidInput, NotFound

    if isinstance(exc, InvalidInput | NotFound | FileNotFoundError | IsADirectoryError):
        return EXIT_USAGE
    return EXIT_FAILURE


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `frontdesk` and `python -m frontdesk`; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not _speaks(argv):
        return _main(argv)
    with _translated(cli_language()):
        return _main(argv)


def _main(argv: list[str]) -> int:
    parser = build_parser()
    try:
        # Without a command the rest (e.g. --fullscreen, Qt's own options) is the app's.
        args, extra = parser.parse_known_args(argv)
        if extra and args.command is not None:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
    except _Exit as done:
        return done.code
    if args.basedir:
        os.environ["FRONTDESK_HOME"] = str(Path(args.basedir).expanduser().resolve())
    if args.self_test:
        from frontdesk.selftest import run as self_test

        return self_test()
    if args.command is None:
        return _run_app(args, extra)
    run = _Run(args)
    try:
        return int(args.func(run))
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
    except _Exit as done:
        return done.code
    except Exception as exc:
        from sqlalchemy.exc import DBAPIError

        from frontdesk.messages import describe_error
        from frontdesk.services.errors import ServiceError
        from frontdesk.store.errors import StoreError

        print(describe_error(exc), file=sys.stderr)
        if not isinstance(exc, ServiceError | StoreError | OSError | sqlite3.Error | DBAPIError):
            print(
                QCoreApplication.translate(
                    "cli",
                    "(This looks like a bug in frontdesk; please report it with the command you ran.)",
                ),
                file=sys.stderr,
            )
        return _exit_code(exc)
    finally:
        run.close()
