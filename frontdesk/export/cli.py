"""`frontdesk export --month 2026-12 --out FILE [--with-personal-data]`, for IT to schedule.

The CLI owner wires it: `add_parser(subparsers)` adds the sub-command, `run(args, desk)`
runs it and returns the exit code (0 done, 2 bad input, 1 the file could not be written).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from frontdesk.services.context import Desk


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser] | None = None,
) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "export",
        parents=parents or [],
        help=QCoreApplication.translate(
            "cli", "write a month's workbook (roster, attendance, hours, swaps)"
        ),
        description=QCoreApplication.translate(
            "cli",
            "Write the monthly Excel workbook for the agency's records and the national "
            "volunteer system.",
        ),
    )
    p.add_argument(
        "--month",
        required=True,
        metavar="YYYY-MM",
        help=QCoreApplication.translate("cli", "the month, e.g. 2026-12"),
    )
    p.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help=QCoreApplication.translate("cli", "the .xlsx file to write"),
    )
    p.add_argument(
        "--with-personal-data",
        dest="with_personal_data",
        action="store_true",
        help=QCoreApplication.translate(
            "cli", "write phone numbers unmasked (recorded in the audit log)"
        ),
    )
    p.set_defaults(command="export")
    return p


def run(args: argparse.Namespace, desk: Desk) -> int:
    # Imported here so that building the command line (and so starting the kiosk) stays light.
    from frontdesk.export.monthly import ExportFailed, export_month
    from frontdesk.messages import describe_error
    from frontdesk.services.errors import InvalidInput
    from frontdesk.services.reports import parse_month

    try:
        year, month = parse_month(args.month)
        path = export_month(
            desk, year, month, args.out, include_personal=bool(args.with_personal_data)
        )
    except InvalidInput as exc:
        print(describe_error(exc), file=sys.stderr)
        return 2
    except ExportFailed as exc:
        print(describe_error(exc), file=sys.stderr)
        return 1
    print(path)
    return 0
