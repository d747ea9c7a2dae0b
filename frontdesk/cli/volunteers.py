"""`frontdesk volunteers`: the volunteer list in and out of Excel, and deleting a departed
volunteer's personal data after the retention period."""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from frontdesk.cli.common import Run, dispatch, out, read_pin, volunteer_by_code
from frontdesk.cli.parser import EXIT_OK, action, actions
from frontdesk.core.codes import normalise_code
from frontdesk.core.pins import PIN_DIGITS
from frontdesk.services import pins
from frontdesk.services.errors import InvalidInput
from frontdesk.services.purge import Purged, purge_due, purge_personal_data
from frontdesk.services.volunteer_io import export_volunteers, import_volunteers, write_template
from frontdesk.words.dates import day_text


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    vs = actions(parser)
    c = action(
        vs,
        "import",
        QCoreApplication.translate("cli", "add or update volunteers from an .xlsx sheet"),
    )
    c.add_argument("file", metavar="FILE.xlsx")
    c = action(
        vs,
        "export",
        QCoreApplication.translate("cli", "write the volunteer list to an .xlsx file"),
    )
    c.add_argument("file", metavar="FILE.xlsx")
    c.add_argument(
        "--with-personal-data",
        action="store_true",
        help=QCoreApplication.translate("cli", "include full phone numbers (the export is logged)"),
    )
    c = action(
        vs,
        "template",
        QCoreApplication.translate("cli", "write an empty volunteer sheet to fill in"),
    )
    c.add_argument("file", metavar="FILE.xlsx")
    c = action(
        vs,
        "purge",
        QCoreApplication.translate(
            "cli",
            "delete a departed volunteer's personal data after the retention period "
            "(duties and hours are kept)",
        ),
    )
    c.add_argument("--code", required=True, metavar="CODE", type=normalise_code)
    c.add_argument(
        "--yes",
        action="store_true",
        help=QCoreApplication.translate("cli", "confirm deleting the personal data"),
    )
    c = action(
        vs,
        "set-pin",
        QCoreApplication.translate(
            "cli",
            "set a volunteer's {digits}-digit PIN for signing in at the desk without the card",
        ).format(digits=PIN_DIGITS),
    )
    c.add_argument("code", metavar="CODE", type=normalise_code)
    how = c.add_mutually_exclusive_group()
    how.add_argument(
        "--pin-stdin",
        action="store_true",
        help=QCoreApplication.translate(
            "cli", "read the PIN from the first line of standard input"
        ),
    )
    how.add_argument(
        "--clear",
        action="store_true",
        help=QCoreApplication.translate("cli", "remove the volunteer's PIN"),
    )
    action(
        vs,
        "purge-due",
        QCoreApplication.translate(
            "cli", "list departed volunteers whose personal data may now be deleted"
        ),
    )


def run(args: argparse.Namespace) -> int:
    return dispatch(
        args,
        {
            "import": import_,
            "export": export,
            "template": template,
            "purge": purge,
            "purge-due": purge_list,
            "set-pin": set_pin,
        },
    )


def import_(run: Run) -> int:
    path = Path(run.args.file)
    report = import_volunteers(run.desk(), path)
    out(
        QCoreApplication.translate(
            "cli",
            "Imported {file}: {added} volunteers added, {updated} updated, {unchanged} unchanged.",
        ).format(
            file=path.name,
            added=len(report.added),
            updated=len(report.updated),
            unchanged=len(report.unchanged),
        )
    )
    if report.updated:
        out(
            QCoreApplication.translate("cli", "Updated codes: {codes}").format(
                codes=", ".join(report.updated)
            )
        )
    return EXIT_OK


def export(run: Run) -> int:
    path = Path(run.args.file)
    rows = export_volunteers(run.desk(), path, include_personal=run.args.with_personal_data)
    if run.args.with_personal_data:
        text = QCoreApplication.translate(
            "cli", "Wrote {n} volunteers to {file} WITH phone numbers; the export is logged."
        )
    else:
        text = QCoreApplication.translate(
            "cli", "Wrote {n} volunteers to {file} (phone numbers masked)."
        )
    out(text.format(n=rows, file=path))
    return EXIT_OK


def template(run: Run) -> int:
    path = write_template(Path(run.args.file), db_path=run.db_path())
    out(
        QCoreApplication.translate("cli", "Wrote an empty volunteer sheet to {file}.").format(
            file=path
        )
    )
    return EXIT_OK


def purge(run: Run) -> int:
    desk = run.desk()
    v = volunteer_by_code(desk, run.args.code)
    if not run.args.yes:
        raise InvalidInput("purge needs --yes", field="purge_yes", value=v.code)
    done = purge_personal_data(desk, v.id)
    out(
        QCoreApplication.translate(
            "cli",
            "Deleted the personal data of {code}; the volunteer is now {pseudonym}, "
            "with duties and hours kept.",
        ).format(code=v.code, pseudonym=done.pseudonym)
    )
    for line in _still_held(done):
        out(line)
    return EXIT_OK


def _still_held(done: Purged) -> list[str]:
    """Where the purged person still is: backups until they age out, kept backups."""
    lines = []
    if done.backups and done.backups_until is not None:
        lines.append(
            QCoreApplication.translate(
                "cli",
                "{n} daily backups made before today still hold this data; retention deletes "
                "the last of them on {date}.",
            ).format(n=done.backups, date=day_text(done.backups_until))
        )
    if done.kept_backups:
        lines.append(
            QCoreApplication.translate(
                "cli",
                "These backups were made by hand or before an upgrade and are kept until "
                "someone deletes them; they still hold this data: {files}",
            ).format(files=", ".join(done.kept_backups))
        )
    if not done.scrubbed:
        lines.append(
            QCoreApplication.translate(
                "cli",
                "Another desk was reading the database: its -wal file may hold an old copy "
                "until every desk app on it is closed.",
            )
        )
    return lines


def purge_list(run: Run) -> int:
    due = purge_due(run.desk())
    if not due:
        out(QCoreApplication.translate("cli", "No departed volunteer's data is due for deletion."))
        return EXIT_OK
    for item in due:
        out(
            QCoreApplication.translate(
                "cli", "{code}  left {left}, may be deleted since {since}"
            ).format(
                code=item.code,
                left=day_text(item.deactivated_on),
                since=day_text(item.possible_on),
            )
        )
    return EXIT_OK


def set_pin(run: Run) -> int:
    """Set (hashed with argon2, audited) or clear a volunteer's kiosk PIN."""
    desk = run.desk()
    v = volunteer_by_code(desk, run.args.code)
    pin = None if run.args.clear else read_pin(run.args.pin_stdin)
    pins.set_pin(desk, v.id, pin)
    if pin is None:
        text = QCoreApplication.translate("cli", "The PIN of {code} {name} was removed.")
    else:
        text = QCoreApplication.translate("cli", "The PIN of {code} {name} was set.")
    out(text.format(code=v.code, name=v.name))
    return EXIT_OK
