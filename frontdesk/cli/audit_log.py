"""`frontdesk audit export --out FILE [--from DATE] [--to DATE] [--who WHO] [--what ACTION]`:
the audit log, filtered as on the supervisor's screen, written to an Excel workbook.

Prints the path of the workbook and how many entries it holds; exit 0 done, 2 bad input
(a date that is none, an action that is none, a folder that does not exist), 1 the file
could not be written. The export itself is recorded in the log.
"""

from __future__ import annotations

import argparse

from PySide6.QtCore import QCoreApplication

from frontdesk.cli.common import Run, dispatch, out, parse_date
from frontdesk.cli.parser import EXIT_OK, action, actions
from frontdesk.export.audit_log import export_audit
from frontdesk.services.audit_view import AuditQuery
from frontdesk.services.errors import InvalidInput
from frontdesk.words.audit import ACTIONS

# Who may be named by a word of their own; anyone else by a supervisor's user name or as
# the log stores them (volunteer:V001, cli:it).
_FIXED_ACTORS = ("kiosk", "system", "setup", "demo", "selftest", "cli")


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    cs = actions(parser)
    c = action(
        cs,
        "export",
        QCoreApplication.translate("cli", "write the audit log (or part of it) to an Excel file"),
    )
    c.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help=QCoreApplication.translate("cli", "the .xlsx file to write"),
    )
    c.add_argument(
        "--from",
        dest="first_day",
        metavar="YYYY-MM-DD",
        help=QCoreApplication.translate("cli", "the first day (Taipei time); default: the start"),
    )
    c.add_argument(
        "--to",
        dest="last_day",
        metavar="YYYY-MM-DD",
        help=QCoreApplication.translate("cli", "the last day, included; default: today"),
    )
    c.add_argument(
        "--who",
        metavar="WHO",
        help=QCoreApplication.translate(
            "cli", "only what this person did: a supervisor's user name, or e.g. volunteer:V001"
        ),
    )
    c.add_argument(
        "--what",
        metavar="ACTION",
        help=QCoreApplication.translate(
            "cli", "only this kind of action, e.g. settings.update or attendance.correct"
        ),
    )


def run(args: argparse.Namespace) -> int:
    return dispatch(args, {"export": export})


def _actor(raw: str | None) -> str | None:
    """A supervisor's bare user name means their entries; anything else as the log has it."""
    who = (raw or "").strip()
    if not who:
        return None
    if ":" in who or who in _FIXED_ACTORS:
        return who
    return f"supervisor:{who}"


def _action(raw: str | None) -> str | None:
    what = (raw or "").strip()
    if not what:
        return None
    if what not in ACTIONS:
        raise InvalidInput(f"no action {what!r}", field="audit_action", value=what)
    return what


def export(run: Run) -> int:
    args = run.args
    query = AuditQuery(
        actor=_actor(args.who),
        action=_action(args.what),
        first_day=parse_date(args.first_day) if args.first_day else None,
        last_day=parse_date(args.last_day) if args.last_day else None,
    )
    query.check()
    path, count = export_audit(run.desk(), query, args.out)
    out(str(path))
    out(QCoreApplication.translate("cli", "{n} entries.").format(n=count))
    return EXIT_OK
