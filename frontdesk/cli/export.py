"""`frontdesk export --month 2026-12 [--out FILE|FOLDER] [--overwrite] [--with-personal-data]`,
for IT to schedule.

Writes 志工值勤月報_115年12月.xlsx (words.workbook.file_name) in the current folder, or in
--out when that is a folder; an existing file is replaced only with --overwrite. Records of
the month still waiting for review are reported on stderr in the workspace's sentence, and
the month is exported all the same. Prints the path of the workbook written; exit 0 done,
2 bad input (a month that is none, a folder that does not exist, a file that exists), 1 the
file could not be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from frontdesk.cli.common import Run, execute, out
from frontdesk.cli.parser import EXIT_OK
from frontdesk.export.monthly import export_month, export_target
from frontdesk.services.exports import waiting_for_review
from frontdesk.services.reports import parse_month
from frontdesk.words.exports import review_waiting
from frontdesk.words.workbook import file_name


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    parser.add_argument(
        "--month",
        required=True,
        metavar="YYYY-MM",
        help=QCoreApplication.translate("cli", "the month, e.g. 2026-12"),
    )
    parser.add_argument(
        "--out",
        metavar="FILE",
        help=QCoreApplication.translate(
            "cli",
            "the .xlsx file to write, or a folder for it (default: the month's workbook "
            "name in the current folder)",
        ),
    )
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help=QCoreApplication.translate("cli", "replace the file if it already exists"),
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


def target(raw: str | None, year: int, month: int) -> Path:
    """--out as given, the month's workbook name inside it when it is a folder, or that
    name in the current folder when it is not given."""
    if not raw:
        return Path.cwd() / file_name(year, month)
    path = Path(raw).expanduser()
    return path / file_name(year, month) if path.is_dir() else path


def export(run: Run) -> int:
    year, month = parse_month(run.args.month)
    desk = run.desk()
    overwrite = bool(run.args.overwrite)
    path = export_target(
        desk, target(run.args.out, year, month), overwrite=overwrite, option="--overwrite"
    )
    waiting = review_waiting(waiting_for_review(desk, year, month), year, month)
    if waiting:
        print(waiting, file=sys.stderr)
    written = export_month(
        desk,
        year,
        month,
        path,
        include_personal=bool(run.args.with_personal_data),
        overwrite=overwrite,
    )
    out(str(written))
    return EXIT_OK
