"""Today's board before the database layer is loaded: the kiosk's first roster on a SQLite
desk.

Importing SQLAlchemy and the models takes about 2.4x a bare window's start-up, the file's
quick check 0.4 s on a 255 MB desk; a volunteer arriving as the PC starts looks for their
name. The rows of today's board are read with the standard library (store.early) and the
board is built by the kiosk's own function (core.board.build_board) from the same rows the
ORM reads, so the early board is the kiosk's board. The ordinary start (migration, checks,
the first sweep) follows, and the kiosk then shows the board it reads itself.

Imports nothing of SQLAlchemy: tests/ui/test_early_board.py checks it.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime

from frontdesk.core.board import Board, Note, build_board
from frontdesk.core.calendar import DutyCalendar, Override, OverrideKind
from frontdesk.core.errors import FrontdeskError
from frontdesk.core.settings import DeskSettings, parse_settings
from frontdesk.core.timeutil import local_day
from frontdesk.store import early

log = logging.getLogger(__name__)


def early_board(url: str | None, now: datetime) -> tuple[Board, DeskSettings] | None:
    """Today's board at `now` (aware UTC) of the SQLite desk `url` names, and its settings;
    None on a PostgreSQL desk, a desk not opened yet, or whenever the file declines
    (store.early.read_today) or cannot be read: the starting screen stays until the
    ordinary start, which says what is wrong."""
    path = early.sqlite_path(url)
    if path is None:
        return None
    today = local_day(now)
    try:
        rows = early.read_today(path, today)
    except (sqlite3.Error, OSError, ValueError) as exc:
        log.info("no early board: %s", exc)
        return None
    if rows is None:
        return None
    try:
        settings = parse_settings(rows.settings)
        overrides = [
            Override(day=d, kind=OverrideKind(kind), slot=slot, label=label)
            for d, kind, slot, label in rows.overrides
        ]
    except (
        ValueError,
        FrontdeskError,
    ) as exc:  # a setting or a day out of its rule: the ordinary start says
        log.info("no early board: %s", exc)
        return None
    calendar = DutyCalendar(overrides, makeup_saturday_is_duty=settings.makeup_saturday_is_duty)
    notes = [
        Note(nid, day, slot, author, body, created, by_supervisor=by)
        for nid, day, slot, author, body, created, by in rows.notes
    ]
    score = rows.phone_score if settings.phone_test_show_score else None
    board = build_board(
        now, today, settings, calendar.day(today), rows.rostered, rows.served, notes, score
    )
    return board, settings
