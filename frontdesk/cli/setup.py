"""`frontdesk init` (a new desk's database, agency and first supervisor) and `frontdesk demo`."""

from __future__ import annotations

import argparse
import time

from PySide6.QtCore import QCoreApplication

from frontdesk.cli.common import Run, actor, execute, out, parse_date, read_password
from frontdesk.cli.parser import EXIT_OK
from frontdesk.services import supervisors
from frontdesk.services.context import Desk
from frontdesk.services.demo import DEFAULT_AGENCY, DEFAULT_SEED, build_demo
from frontdesk.services.setup import init_site
from frontdesk.words.dates import day_text


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    if command == "init":
        _init_arguments(parser)
    else:
        _demo_arguments(parser)


def run(args: argparse.Namespace) -> int:
    return execute(args, init if args.command == "init" else demo)


def _init_arguments(c: argparse.ArgumentParser) -> None:
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
    site_id = init_site(db, args.agency, args.desk, actor=actor())
    out(
        QCoreApplication.translate("cli", "The database at {url} is ready for {agency}.").format(
            url=db.describe(), agency=args.agency.strip()
        )
    )
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
