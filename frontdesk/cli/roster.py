"""`frontdesk roster generate`: fill a month from the volunteers' weekly patterns."""

from __future__ import annotations

import argparse

from PySide6.QtCore import QCoreApplication

from frontdesk.cli.common import Run, dispatch, out, parse_month
from frontdesk.cli.parser import EXIT_OK, action, actions
from frontdesk.services.roster import generate_month
from frontdesk.services.workspace import volunteer_choices
from frontdesk.words.dates import day_text, format_roc_month
from frontdesk.words.labels import slot_name


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    rs = actions(parser)
    c = action(
        rs, "generate", QCoreApplication.translate("cli", "fill a month from the weekly patterns")
    )
    c.add_argument("--month", required=True, metavar="YYYY-MM")


def run(args: argparse.Namespace) -> int:
    return dispatch(args, {"generate": generate})


def generate(run: Run) -> int:
    year, month = parse_month(run.args.month)
    desk = run.desk()
    report = generate_month(desk, year, month)
    out(
        QCoreApplication.translate(
            "cli",
            "Roster {month}: {added} duties added from the weekly patterns, {skipped} skipped.",
        ).format(
            month=format_roc_month(year, month),
            added=len(report.added),
            skipped=len(report.skipped),
        )
    )
    if report.skipped:
        codes = {v.id: v.code for v in volunteer_choices(desk, include_inactive=True)}
        for shift, vid, reason in report.skipped:
            out(f"  {day_text(shift.day)} {slot_name(shift.slot)} {codes.get(vid, vid)}: {reason}")
    return EXIT_OK
