"""`frontdesk init` (a new desk's database, agency and first supervisor), `frontdesk demo`
and `frontdesk desk` (this desk's own name, services.offline.identity)."""

from __future__ import annotations

import argparse
import time

from PySide6.QtCore import QCoreApplication

from frontdesk.cli.common import (
    Run,
    actor,
    dispatch,
    execute,
    out,
    parse_date,
    read_password,
)
from frontdesk.cli.parser import EXIT_OK, action, actions
from frontdesk.services import supervisors
from frontdesk.services.context import Desk
from frontdesk.services.demo import DEFAULT_AGENCY, DEFAULT_SEED, build_demo
from frontdesk.services.offline.identity import desk_identity, name_desk
from frontdesk.services.places import data_folder
from frontdesk.services.setup import init_site
from frontdesk.words.dates import day_text


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    if command == "init":
        _init_arguments(parser)
    elif command == "desk":
        _desk_arguments(parser)
    else:
        _demo_arguments(parser)


def run(args: argparse.Namespace) -> int:
    if args.command == "desk":
        return dispatch(args, {"show": show_desk, "name": name_this_desk})
    return execute(args, init if args.command == "init" else demo)


def _desk_arguments(parser: argparse.ArgumentParser) -> None:
    cs = actions(parser)
    action(cs, "show", QCoreApplication.translate("cli", "show this desk's id and name"))
    c = action(
        cs,
        "name",
        QCoreApplication.translate(
            "cli", "name this desk (kept on this PC; the kiosk shows it after a restart)"
        ),
    )
    c.add_argument("name", metavar="NAME")


def show_desk(run: Run) -> int:
    me = desk_identity(data_folder())
    out(QCoreApplication.translate("cli", "This desk: {name} (id {id})").format(**vars(me)))
    return EXIT_OK


def name_this_desk(run: Run) -> int:
    return _name_desk(run.args.name)


def _name_desk(name: str) -> int:
    me = name_desk(data_folder(), name)
    out(QCoreApplication.translate("cli", "This desk is now named {name}.").format(name=me.name))
    return EXIT_OK


def _init_arguments(c: argparse.ArgumentParser) -> None:
    c.add_argument(
        "--agency",
        required=True,
        metavar="NAME",
        help=QCoreApplication.translate("cli", "e.g. 高雄市苓雅區衛生所"),
    )
    c.add_argument(
        "--desk",
        metavar="NAME",
        help=QCoreApplication.translate(
            "cli",
            "the desk's name (default 服務台); on a shared PostgreSQL server it names this "
            "PC's desk only, as `desk name` does",
        ),
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


def _demo_arguments(c: argparse.ArgumentParser) -> None:
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


def init(run: Run) -> int:
    args = run.args
    password = None
    if args.supervisor:
        password = read_password(args.password_stdin)  # checked before anything is written
    db = run.database()
    shared = not db.is_sqlite  # desks on one server each keep their own name
    site_id = init_site(db, args.agency, None if shared else args.desk, actor=actor())
    out(
        QCoreApplication.translate("cli", "The database at {url} is ready for {agency}.").format(
            url=db.describe(), agency=args.agency.strip()
        )
    )
    if shared and args.desk:
        _name_desk(args.desk)
    if args.supervisor and password is not None:
        supervisors.create(Desk(db, site_id, actor=actor()), args.supervisor, password)
        out(
            QCoreApplication.translate("cli", "Supervisor account {user} created.").format(
                user=args.supervisor.strip()
            )
        )
    return EXIT_OK


def demo(run: Run) -> int:
    args = run.args
    today = parse_date(args.today) if args.today else None
    db = run.database()
    started = time.perf_counter()
    report = build_demo(
        db,
        agency=args.agency or DEFAULT_AGENCY,
        seed=DEFAULT_SEED if args.seed is None else args.seed,
        today=today,
    )
    out(
        QCoreApplication.translate(
            "cli",
            "Demo desk built in {seconds:.1f} s: {volunteers} volunteers, {assignments} duties, "
            "{attendance} attendance records and {swaps} swap requests from {first} to {today}. "
            "Supervisor login: supervisor / demo-password.",
        ).format(
            seconds=time.perf_counter() - started,
            volunteers=report.volunteers,
            assignments=report.assignments,
            attendance=report.attendance,
            swaps=report.swaps,
            first=day_text(report.first_day),
            today=day_text(report.today),
        )
    )
    if report.codes:  # someone trying the kiosk needs a number that exists
        out(
            QCoreApplication.translate(
                "cli", "Volunteer numbers to try at the kiosk: {first}–{last}."
            ).format(first=report.codes[0], last=report.codes[-1])
        )
    return EXIT_OK
