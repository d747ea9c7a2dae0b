"""`frontdesk notices`: calendar files for every volunteer, the LINE group message, paper
slips, volunteers' e-mail consent and the mail server's password.

    frontdesk notices ics --month 2026-12 --out 行事曆/     # one .ics per volunteer
    frontdesk notices line [--week 2026-12-07]             # next week's LINE message
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication

from frontdesk.cli import notices_mail
from frontdesk.cli.common import Run, dispatch, out, parse_date, parse_month, volunteer_by_code
from frontdesk.cli.parser import EXIT_OK, action, actions
from frontdesk.core.timeutil import local_day
from frontdesk.services import notices
from frontdesk.services.roster import month_bounds
from frontdesk.words import notices as words


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    acts = actions(parser)
    ics = action(
        acts, "ics", QCoreApplication.translate("cli", "write each volunteer's calendar file")
    )
    ics.add_argument("--month", required=True, metavar="YYYY-MM")
    ics.add_argument(
        "--out",
        required=True,
        metavar="FOLDER",
        help=QCoreApplication.translate("cli", "the folder for the .ics files (made if missing)"),
    )
    ics.add_argument(
        "--code",
        action="append",
        metavar="CODE",
        help=QCoreApplication.translate("cli", "only this volunteer (may be given again)"),
    )
    line = action(
        acts, "line", QCoreApplication.translate("cli", "print the LINE group message of a week")
    )
    line.add_argument(
        "--week",
        metavar="YYYY-MM-DD",
        help=QCoreApplication.translate("cli", "the week's first day (default: next Monday)"),
    )
    notices_mail.add_actions(acts)


def run(args: argparse.Namespace) -> int:
    return dispatch(args, {"ics": write_ics, "line": line_text, **notices_mail.HANDLERS})


def selected_ids(run: Run) -> list[int] | None:
    """The volunteers named by --code, or None for everyone who is not inactive."""
    codes = getattr(run.args, "code", None)
    if not codes:
        return None
    return [volunteer_by_code(run.desk(), c).id for c in codes]


def write_ics(run: Run) -> int:
    from frontdesk.export.ics import write_calendars

    year, month = parse_month(run.args.month)
    desk = run.desk()
    start, end = month_bounds(year, month)
    written = write_calendars(desk, start, end, run.args.out, selected_ids(run))
    out(
        QCoreApplication.translate("cli", "{count} calendar files written to {folder}").format(
            count=len(written), folder=run.args.out
        )
    )
    return EXIT_OK


def next_monday(today: date) -> date:
    return today + timedelta(days=7 - today.weekday())


def line_text(run: Run) -> int:
    desk = run.desk()
    start = parse_date(run.args.week) if run.args.week else next_monday(local_day(desk.now()))
    out(words.line_message(notices.week_notice(desk, start)))
    return EXIT_OK
