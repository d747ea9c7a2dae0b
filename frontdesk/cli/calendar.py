"""`frontdesk calendar`: the office calendar (DGPA import), closures, and a month's days."""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from frontdesk.cli.common import Run, dispatch, out, parse_date, parse_month, parse_slot
from frontdesk.cli.parser import EXIT_OK, action, actions
from frontdesk.core.calendar import DayInfo, DutyCalendar
from frontdesk.services.calendar import calendar, close, import_dgpa_file, reopen
from frontdesk.services.roster import month_bounds
from frontdesk.words.dates import day_text, roc_day
from frontdesk.words.labels import kind_word, slot_name


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    cs = actions(parser)
    c = action(
        cs,
        "import",
        QCoreApplication.translate(
            "cli", "import the DGPA office calendar CSV (政府行政機關辦公日曆表)"
        ),
    )
    c.add_argument("file", metavar="FILE.csv")
    c = action(
        cs, "close", QCoreApplication.translate("cli", "close a day or one slot (typhoon 停止上班)")
    )
    c.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    c.add_argument(
        "--slot",
        metavar="AM|PM",
        help=QCoreApplication.translate("cli", "only this slot (default: the whole day)"),
    )
    c.add_argument("--reason", required=True, metavar="TEXT")
    c = action(
        cs, "reopen", QCoreApplication.translate("cli", "remove the closure of a day or slot")
    )
    c.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    c.add_argument("--slot", metavar="AM|PM")
    c = action(
        cs,
        "show",
        QCoreApplication.translate("cli", "list a month's days: duty or closed, and why"),
    )
    c.add_argument("--month", required=True, metavar="YYYY-MM")


def run(args: argparse.Namespace) -> int:
    return dispatch(
        args, {"import": import_, "close": close_day, "reopen": reopen_day, "show": show}
    )


def import_(run: Run) -> int:
    report = import_dgpa_file(run.desk(), Path(run.args.file))
    if not report.changed:
        out(
            QCoreApplication.translate(
                "cli",
                "The {year} office calendar is already imported as in this file: nothing changed.",
            ).format(year=report.year)
        )
        return EXIT_OK
    out(
        QCoreApplication.translate(
            "cli",
            "Imported the {year} office calendar: {days} days, {off} days off "
            "({replaced} earlier official days replaced).",
        ).format(year=report.year, days=report.days, off=report.off_days, replaced=report.replaced)
    )
    return EXIT_OK


def close_day(run: Run) -> int:
    d = parse_date(run.args.date)
    slot = parse_slot(run.args.slot)
    close(run.desk(), d, slot, run.args.reason)
    what = slot_name(slot) if slot else QCoreApplication.translate("cli", "whole day")
    out(
        QCoreApplication.translate("cli", "Closed {day} ({what}): {reason}.").format(
            day=day_text(d), what=what, reason=run.args.reason.strip()
        )
    )
    return EXIT_OK


def reopen_day(run: Run) -> int:
    d = parse_date(run.args.date)
    removed = reopen(run.desk(), d, parse_slot(run.args.slot))
    if removed:
        out(
            QCoreApplication.translate("cli", "Reopened {day}: {n} closures removed.").format(
                day=day_text(d), n=removed
            )
        )
    else:
        out(
            QCoreApplication.translate("cli", "{day} had no closure; nothing changed.").format(
                day=day_text(d)
            )
        )
    return EXIT_OK


def show(run: Run) -> int:
    year, month = parse_month(run.args.month)
    first, last = month_bounds(year, month)
    # Wide enough to name the day off that a make-up Saturday pays back.
    cal = calendar(run.desk(), first - timedelta(days=90), last + timedelta(days=90))
    for info in cal.month(year, month):
        out(_day_line(cal, info))
    return EXIT_OK


def _state(duty: bool) -> str:
    if duty:
        return QCoreApplication.translate("cli", "duty")
    return QCoreApplication.translate("cli", "closed")


def _day_line(cal: DutyCalendar, info: DayInfo) -> str:
    """One day of `calendar show`: ROC date, weekday, duty or closed, and why."""
    kind = kind_word(info.kind)
    label = info.label or ("" if info.kind.value == "workday" else kind)
    state = _state(info.is_duty_day)
    line = f"{roc_day(info.day)}  {state:<6}  {label}"
    for slot in sorted(info.closed_slots):
        line += "  " + QCoreApplication.translate("cli", "[{slot} closed]").format(slot=slot)
    for off in cal.makes_up_for(info.day):
        line += "  " + QCoreApplication.translate("cli", "(makes up for {day}, {state})").format(
            day=day_text(off), state=_state(cal.is_duty_day(off))
        )
    return line.rstrip()
