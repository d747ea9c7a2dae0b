"""The audit log's part of `frontdesk check`, in words: its triggers, its chain, its anchors."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from frontdesk.services.anchoring import BEYOND, OFF_CHAIN, AnchorProblem
from frontdesk.services.maintenance import CheckReport

_SHOWN = 5  # anchor problems listed one per line; the rest are counted


def audit_lines(report: CheckReport) -> list[tuple[bool, str]]:
    """(passed, sentence) for the triggers, the chain, the anchors and the head to copy."""
    if report.current_revision is None:
        return []
    lines = [_guard_line(name, what) for name, what in report.audit_guard]
    if not report.audit_guard:
        lines.append(
            (True, QCoreApplication.translate("cli", "audit log triggers in place and enabled"))
        )
    if report.audit_broken_at is None:
        text = QCoreApplication.translate("cli", "audit log: {n} entries, chain intact").format(
            n=report.audit_entries
        )
    else:
        text = QCoreApplication.translate(
            "cli", "audit log broken at entry {id}: {problem}"
        ).format(id=report.audit_broken_at, problem=report.audit_problem)
    lines.append((report.audit_broken_at is None, text))
    lines.extend(_anchor_lines(report))
    if report.head is not None:
        text = QCoreApplication.translate(
            "cli", "audit anchor now (copy it to check later with --anchor): {pair}"
        ).format(pair=report.head.pair)
        lines.append((True, text))
    return lines


def _guard_line(name: str, what: str) -> tuple[bool, str]:
    if what == "missing":
        text = QCoreApplication.translate(
            "cli", "audit log trigger {name} is missing: the log can be changed unnoticed"
        )
    elif what == "disabled":
        text = QCoreApplication.translate(
            "cli", "audit log trigger {name} is disabled: the log can be changed unnoticed"
        )
    else:
        text = QCoreApplication.translate(
            "cli", "audit log trigger {name} was altered: the log can be changed unnoticed"
        )
    return False, text.format(name=name)


def _anchor_lines(report: CheckReport) -> list[tuple[bool, str]]:
    found = report.anchors
    lines = [_problem_line(p) for p in found.problems[:_SHOWN]]
    more = len(found.problems) - _SHOWN
    if more > 0:
        lines.append(
            (False, QCoreApplication.translate("cli", "{n} more audit anchors fail").format(n=more))
        )
    if not found.problems:
        text = QCoreApplication.translate(
            "cli", "{n} audit anchors (anchor file, backups, workbooks) lie on the chain"
        ).format(n=found.checked)
        lines.append((True, text))
    if found.superseded:
        text = QCoreApplication.translate(
            "cli", "{n} older audit anchors were superseded by a restore"
        ).format(n=found.superseded)
        lines.append((True, text))
    if report.paper is not None and report.paper_ok:
        text = QCoreApplication.translate("cli", "the anchor {pair} lies on the chain").format(
            pair=report.paper.pair
        )
        lines.append((True, text))
    return lines


def _problem_line(problem: AnchorProblem) -> tuple[bool, str]:
    a = problem.anchor
    where = f"{a.source} {a.note}".strip()
    if problem.reason == BEYOND:
        text = QCoreApplication.translate(
            "cli",
            "audit anchor {pair} ({where}) counted {count} entries, the log now has {n}: "
            "entries were removed",
        )
    elif problem.reason == OFF_CHAIN:
        text = QCoreApplication.translate(
            "cli",
            "audit anchor {pair} ({where}) does not match entry {count}: entries were "
            "altered, replaced or re-hashed",
        )
    else:
        text = QCoreApplication.translate(
            "cli", "audit anchor {pair} ({where}) cannot be verified: the chain breaks first"
        )
    return False, text.format(pair=a.pair, where=where, count=a.count, n=problem.chain_entries)
