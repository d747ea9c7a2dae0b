"""`frontdesk report year --year 115 [--out FILE|FOLDER] [--overwrite]`: the year's service
report workbook for the January report (年度提升服務成果報告).

Writes 志工服務年度報告_115年.xlsx (words.year_report.file_name) in the current folder, or
in --out when that is a folder; the year is an ROC year (115) or a Gregorian one (2026). An
existing file is replaced only with --overwrite. Prints the path written; exit 0 done, 2 bad
input, 1 the file could not be written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from frontdesk.cli.common import Run, dispatch, out
from frontdesk.cli.parser import EXIT_OK, action, actions
from frontdesk.export.year import export_year
from frontdesk.services.year_report import parse_year
from frontdesk.words.year_report import file_name


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    cs = actions(parser)
    c = action(
        cs,
        "year",
        QCoreApplication.translate(
            "cli", "write the year's service report workbook (for the January report)"
        ),
    )
    c.add_argument(
        "--year",
        required=True,
        metavar="YEAR",
        help=QCoreApplication.translate("cli", "the year, in ROC years (115) or as 2026"),
    )
    c.add_argument(
        "--out",
        metavar="FILE",
        help=QCoreApplication.translate(
            "cli",
            "the .xlsx file to write, or a folder for it (default: the year's report name "
            "in the current folder)",
        ),
    )
    c.add_argument(
        "--overwrite",
        action="store_true",
        help=QCoreApplication.translate("cli", "replace the file if it already exists"),
    )


def run(args: argparse.Namespace) -> int:
    return dispatch(args, {"year": year})


def target(raw: str | None, year: int) -> Path:
    """--out as given, the year's report name inside it when it is a folder, or that name in
    the current folder when it is not given."""
    if not raw:
        return Path.cwd() / file_name(year)
    path = Path(raw).expanduser()
    return path / file_name(year) if path.is_dir() else path


def year(run: Run) -> int:
    y = parse_year(run.args.year)
    written = export_year(
        run.desk(), y, target(run.args.out, y), overwrite=bool(run.args.overwrite)
    )
    out(str(written))
    return EXIT_OK
