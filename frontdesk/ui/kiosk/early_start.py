"""The kiosk's first second on a desk PC: today's roster, then the database layer loading
behind it (issue 19: the roster within 4x a bare window's start-up on a five-year desk,
5x on a 255 MB one; the file's checks and the first sweep after it).

frontdesk.app shows the starting screen (ui.kiosk.starting), then, before anything of the
database layer is imported: `show_early_board` puts today's board read without it
(services.early_board) on that screen, and `load_database_layer` imports the layer on a
worker thread while the screen keeps its clock and keeps the scans and taps, which the
kiosk then handles in order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from frontdesk import i18n

if TYPE_CHECKING:
    from frontdesk.ui.kiosk.starting import StartingWindow

log = logging.getLogger("frontdesk")


def show_early_board(app: QApplication, starting: StartingWindow, db_url: str | None) -> bool:
    """Today's board on the starting screen, read from the SQLite file without the database
    layer (services.early_board) and painted before it is imported; False (the starting
    screen stays) on a PostgreSQL desk or whenever the file declines. Issue 19: the roster
    within 4x a bare window's start-up, the file's checks after it."""
    from frontdesk.services.early_board import early_board

    try:
        found = early_board(db_url, datetime.now(UTC))
    except Exception:  # the ordinary start says what is wrong
        log.exception("early board not shown")
        return False
    if found is None:
        return False
    board, cfg = found
    if cfg.language != i18n.DEFAULT_LANGUAGE:
        i18n.install(cfg.language)  # the desk's language, as the kiosk will speak
    starting.show_board(board, cfg)
    app.processEvents()  # painted now, not after the imports that follow
    return True


def import_database_layer() -> None:
    """What the start imports next, plain Python without Qt: SQLAlchemy, the models,
    opening the desk and the kiosk's use cases (about 2.4x a bare window's start-up on
    their own)."""
    import frontdesk.services.attendance
    import frontdesk.services.housekeeping
    import frontdesk.services.kiosk
    import frontdesk.services.opening  # noqa: F401


def load_database_layer(
    app: QApplication, importing: Callable[[], object] = import_database_layer
) -> None:
    """Run `importing` (the database layer's imports) on a worker thread while the GUI
    thread goes on serving the starting screen (its clock, a number being typed, a name
    tapped), and return once it is done. An import that fails is left to the ordinary
    start, which imports it again and says what is wrong."""
    import threading

    done = threading.Event()

    def load() -> None:
        try:
            importing()
        except BaseException:  # raised again where the start imports it
            log.debug("loading the database layer ahead failed", exc_info=True)
        finally:
            done.set()

    threading.Thread(target=load, name="frontdesk-load", daemon=True).start()
    while not done.wait(0.01):  # seconds: a key or a tick waits at most this long
        app.processEvents()
