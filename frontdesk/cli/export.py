"""`frontdesk export --month 2026-12 --out FILE [--with-personal-data]`, for IT to schedule.

Prints the path of the workbook written; exit 0 done, 2 bad input (a month that is none,
a folder that does not exist), 1 the file could not be written.
"""

from __future__ import annotations

import argparse

from PySide6.QtCore import QCoreApplication

from frontdesk.cli.common import Run, execute, out
from frontdesk.cli.parser import EXIT_OK
from frontdesk.export.monthly import export_month
from frontdesk.services.reports import parse_month


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    parser.add_argument(
        "--month",
        required=True,
        metavar="YYYY-MM",
        help=QCoreApplication.translate("cli", "the month, e.g. 2026-12"),
    )
    parser.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help=QCoreApplication.translate("cli", "the .xlsx file to write"),
    )
    parser.add_argument(
        "--with-personal-data",
        dest="with_personal_data",
        action="store_true",
        help=QCoreApplication.translate(
            "cli", "write phone numbers unmasked (recorded in the audit log)"
        ),
    )


def run(args: argparse.Namespace) -> int:
    return execute(args, export)


def export(run: Run) -> int:
    desk = run.desk()
    year, month = parse_month(run.args.month)
    path = export_month(
        desk, year, month, run.args.out, include_personal=bool(run.args.with_personal_data)
    )
    out(str(path))
    return EXIT_OK
