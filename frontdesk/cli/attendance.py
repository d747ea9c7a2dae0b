"""`frontdesk attendance record`: a duty entered by hand from the paper sign-in sheet."""

from __future__ import annotations

import argparse

from PySide6.QtCore import QCoreApplication

from frontdesk.cli.common import (
    Run,
    dispatch,
    out,
    parse_date,
    parse_slot,
    parse_time,
    volunteer_by_code,
)
from frontdesk.cli.parser import EXIT_OK, action, actions
from frontdesk.core.codes import normalise_code
from frontdesk.core.timeutil import at
from frontdesk.services.attendance_review import record_manual
from frontdesk.words.dates import day_text
from frontdesk.words.labels import slot_name


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    c = action(
        actions(parser),
        "record",
        QCoreApplication.translate(
            "cli", "enter a duty by hand from the paper sheet (times in Asia/Taipei)"
        ),
    )
    c.add_argument(
        "--code",
        required=True,
        metavar="CODE",
        type=normalise_code,
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


def run(args: argparse.Namespace) -> int:
    return dispatch(args, {"record": record})


def record(run: Run) -> int:
    args = run.args
    d = parse_date(args.date)
    slot = parse_slot(args.slot) or ""
    in_at = at(d, parse_time(args.in_time)) if args.in_time else None
    out_at = at(d, parse_time(args.out_time)) if args.out_time else None
    desk = run.desk()
    v = volunteer_by_code(desk, args.code)
    record_manual(desk, v.id, d, slot, in_at, out_at, args.reason)
    out(
        QCoreApplication.translate(
            "cli", "Recorded the {slot} duty of {day} for {code} {name}."
        ).format(slot=slot_name(slot), day=day_text(d), code=args.code, name=v.name)
    )
    return EXIT_OK
