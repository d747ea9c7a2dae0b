"""`frontdesk check`, `backup`, `restore` and `sweep`: what IT and the evening task run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from frontdesk.cli.audit_check import audit_lines
from frontdesk.cli.common import Run, execute, out
from frontdesk.cli.parser import EXIT_FAILURE, EXIT_OK
from frontdesk.services import anchoring
from frontdesk.services.errors import DatabaseUnreachable, InvalidInput
from frontdesk.services.housekeeping import sweep as housekeeping
from frontdesk.services.maintenance import CheckReport, backup, check, restore
from frontdesk.services.offline.check import desk_lines
from frontdesk.services.opening import sqlite_file
from frontdesk.words.clock import clock_jump
from frontdesk.words.errors import describe_error
from frontdesk.words.offline import desks_go_on


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    if command == "check":
        parser.add_argument(
            "--anchor",
            metavar="COUNT:HASH",
            help=QCoreApplication.translate(
                "cli", "also verify this audit anchor, copied from a workbook or from paper"
            ),
        )
    elif command == "backup":
        parser.add_argument(
            "--out",
            metavar="FILE",
            help=QCoreApplication.translate("cli", "where to write it (default: backups folder)"),
        )
    elif command == "restore":
        parser.add_argument("file", metavar="FILE")
        parser.add_argument(
            "--yes",
            action="store_true",
            help=QCoreApplication.translate("cli", "confirm replacing the database"),
        )


def run(args: argparse.Namespace) -> int:
    handlers = {"check": check_database, "backup": back_up, "restore": restore_file, "sweep": sweep}
    return execute(args, handlers[args.command])


def check_database(run: Run) -> int:
    paper = None
    if run.args.anchor:
        try:
            paper = anchoring.parse(run.args.anchor)
        except ValueError:
            raise InvalidInput(
                "not an audit anchor", field="anchor", reason="format", value=run.args.anchor
            ) from None
    try:
        db = run.database(upgrade=False, must_exist=True, quick_check=False)
    except DatabaseUnreachable as exc:
        if run.db_path() is not None:
            raise
        # a shared server: the desks go on without it, said in the same line
        print(f"{describe_error(exc)} {desks_go_on()}", file=sys.stderr)
        return EXIT_FAILURE
    report = check(db, anchor=paper)
    for ok, text in _check_lines(report) + audit_lines(report):
        mark = (
            QCoreApplication.translate("cli", "OK")
            if ok
            else QCoreApplication.translate("cli", "PROBLEM")
        )
        out(f"{mark:8} {text}")
    if not db.is_sqlite:
        label = QCoreApplication.translate("cli", "DESK")
        for line in desk_lines(db):
            out(f"{label:8} {line}")
    if not report.ok:
        print(
            QCoreApplication.translate("cli", "The database check found problems."), file=sys.stderr
        )
        return EXIT_FAILURE
    return EXIT_OK


def _check_lines(report: CheckReport) -> list[tuple[bool, str]]:
    """What `check` found, one (passed, sentence) per line, in the order it checks."""
    lines: list[tuple[bool, str]] = []
    if report.migrations_current:
        text = QCoreApplication.translate("cli", "schema is current ({rev})").format(
            rev=report.head_revision
        )
    else:
        text = QCoreApplication.translate(
            "cli", "schema is {current}, this version uses {head}; open the app to upgrade"
        ).format(
            current=report.current_revision or QCoreApplication.translate("cli", "empty"),
            head=report.head_revision,
        )
    lines.append((report.migrations_current, text))
    if report.dialect == "sqlite":
        if report.integrity:
            text = QCoreApplication.translate("cli", "integrity check: {first}").format(
                first=report.integrity[0]
            )
        else:
            text = QCoreApplication.translate("cli", "integrity check passed")
        lines.append((not report.integrity, text))
        if report.foreign_keys:
            text = QCoreApplication.translate(
                "cli", "{n} broken references, first: {first}"
            ).format(n=len(report.foreign_keys), first=report.foreign_keys[0])
        else:
            text = QCoreApplication.translate("cli", "no broken references")
        lines.append((not report.foreign_keys, text))
    return lines


def back_up(run: Run) -> int:
    target = Path(run.args.out) if run.args.out else None
    path = backup(run.database(upgrade=False, must_exist=True), target)
    out(QCoreApplication.translate("cli", "Backup written to {path}.").format(path=path))
    return EXIT_OK


def restore_file(run: Run) -> int:
    target = sqlite_file(run.args.db)
    if target is None:
        raise InvalidInput("restore needs a SQLite file", field="restore_target")
    if not run.args.yes:
        raise InvalidInput("restore needs --yes", field="yes")
    aside = restore(target, Path(run.args.file))
    text = QCoreApplication.translate("cli", "Restored the database from {file}.").format(
        file=run.args.file
    )
    if aside is not None:
        text += " " + QCoreApplication.translate(
            "cli", "The replaced database was kept as {aside}."
        ).format(aside=aside)
    out(text)
    return EXIT_OK


def sweep(run: Run) -> int:
    # What a scheduled task runs each evening: the kiosk's housekeeping, including the
    # daily backup for a desk whose app was not opened that day (idempotent when it was).
    done = housekeeping(run.desk(), mail_wait=True)
    jump = done.attendance.clock_jump_seconds
    if jump is not None:  # nothing closed or judged on a clock off the trusted time
        out(clock_jump(jump, done.attendance.clock_seen_at))
    else:
        out(
            QCoreApplication.translate(
                "cli", "Closed {closed} forgotten sign-outs and recorded {absent} absences."
            ).format(closed=done.attendance.auto_closed, absent=done.attendance.absences)
        )
    if done.expired_swaps:
        out(
            QCoreApplication.translate(
                "cli", "{n} swap requests not decided before their duty expired."
            ).format(n=done.expired_swaps)
        )
    if done.backup_error is not None:
        raise done.backup_error
    if done.backup is not None and done.backup.path is not None:
        out(
            QCoreApplication.translate("cli", "Daily backup written to {path}.").format(
                path=done.backup.path
            )
        )
    return EXIT_OK if jump is None else EXIT_FAILURE  # a scheduled task shows it failed
