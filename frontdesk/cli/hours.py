"""`frontdesk hours statement --code V001 --from 2026-01-01 --to 2026-11-30 [--out FILE|FOLDER]`:
a volunteer's printable service-hours statement (服務時數證明) as an A4 PDF.

Prints the path of the PDF written; exit 0 done, 2 bad input (an unknown code, a date that
is none, a range that ends before it starts), 1 the file could not be written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from frontdesk.cli.common import Run, dispatch, out, parse_date
from frontdesk.cli.parser import EXIT_OK, action, actions
from frontdesk.export.statement import write_statement


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    cs = actions(parser)
    c = action(
        cs,
        "statement",
        QCoreApplication.translate(
            "cli", "print a volunteer's service-hours statement for a date range (PDF)"
        ),
    )
    c.add_argument("--code", required=True, metavar="CODE")
    c.add_argument("--from", dest="first", required=True, metavar="YYYY-MM-DD")
    c.add_argument("--to", dest="last", required=True, metavar="YYYY-MM-DD")
    c.add_argument(
        "--out",
        metavar="FILE",
        help=QCoreApplication.translate(
            "cli", "the .pdf file to write, or a folder for it (default: the current folder)"
        ),
    )


def run(args: argparse.Namespace) -> int:
    return dispatch(args, {"statement": statement})


def statement(run: Run) -> int:
    first, last = parse_date(run.args.first), parse_date(run.args.last)
    target = Path(run.args.out).expanduser() if run.args.out else Path.cwd()
    out(str(write_statement(run.desk(), run.args.code, first, last, target)))
    return EXIT_OK
