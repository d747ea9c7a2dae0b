"""Audit anchors: where the chain's position is written down outside the table, and how
`frontdesk check` compares each with the chain (store.anchors says why this matters).

Anchors are written by each sweep whose head moved (the kiosk sweeps every minute), each
backup, each monthly workbook, each sound check and each restore; they are read from the
anchor file, from every backup in the backups folder, and from paper (`--anchor`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from frontdesk.store import anchors
from frontdesk.store.anchors import Anchor, parse
from frontdesk.store.audit import ChainReport
from frontdesk.store.backup import backups_newest_first
from frontdesk.store.db import Database

log = logging.getLogger(__name__)

__all__ = ["Anchor", "AnchorFindings", "AnchorProblem", "gather", "judge", "note", "parse"]

BEYOND = "beyond"  # the anchor counted more entries than the chain now holds
OFF_CHAIN = "off_chain"  # the entry at that position has another hash
UNVERIFIABLE = "unverifiable"  # the chain breaks before that position


@dataclass(frozen=True, slots=True)
class AnchorProblem:
    """An anchor that no longer lies on the chain, and why (BEYOND, OFF_CHAIN, UNVERIFIABLE)."""

    anchor: Anchor
    reason: str
    chain_entries: int


@dataclass(frozen=True)
class AnchorFindings:
    """What the anchors say: how many were compared, which fail, which a restore superseded."""

    checked: int = 0
    superseded: int = 0
    problems: list[AnchorProblem] = field(default_factory=list)


def note(db: Database, source: str, anchor: Anchor | None = None, detail: str = "") -> bool:
    """Append the chain's current head (or `anchor`) to the anchor file; never raises.

    A failure to write (a read-only or full folder) is logged: the anchor file guards the
    log, it must not stop the desk. Returns True when a line was written.
    """
    try:
        file = anchors.file_for(db)
        if anchor is None:
            with db.read() as session:
                anchor = anchors.head(session, anchors.last(file))
        found = Anchor(anchor.count, anchor.hash, source, detail or anchor.note)
        return anchors.append(file, found)
    except (OSError, SQLAlchemyError) as exc:
        log.warning("could not write the audit anchor (%s): %s", source, exc)
        return False


def note_restore(db_path: Path, backup: Path) -> None:
    """After a restore: the restored chain's head, marking older, longer anchors superseded."""
    head = anchors.of_sqlite_file(db_path)
    if head is None:
        return
    try:
        anchors.append(
            anchors.file_beside(db_path),
            Anchor(head.count, head.hash, anchors.RESTORE, backup.name),
            skip_same=False,
        )
    except OSError as exc:
        log.warning("could not write the audit anchor of the restore: %s", exc)


def gather(db: Database) -> tuple[list[Anchor], int]:
    """Every anchor to compare with the chain, and how many a restore superseded."""
    written = anchors.read(anchors.file_for(db))
    restores = [a for a in written if a.source == anchors.RESTORE]
    found = list(written)
    if db.path is not None:
        for backup in backups_newest_first(db.path):
            anchor = anchors.of_sqlite_file(backup)
            if anchor is not None:
                found.append(anchor)
    kept = [a for a in found if not anchors.superseded(a, restores)]
    return kept, len(found) - len(kept)


def judge(chain: ChainReport, found: list[Anchor], superseded: int = 0) -> AnchorFindings:
    """Compare anchors with a chain walked with their positions (audit.verify)."""
    problems = []
    for a in found:
        if a.count in chain.at_counts:
            if chain.at_counts[a.count] != a.hash:
                problems.append(AnchorProblem(a, OFF_CHAIN, chain.entries))
        elif chain.ok:
            problems.append(AnchorProblem(a, BEYOND, chain.entries))
        else:
            problems.append(AnchorProblem(a, UNVERIFIABLE, chain.entries))
    return AnchorFindings(len(found), superseded, problems)
