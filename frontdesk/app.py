"""The desktop app: one kiosk window per data folder on the desk's database."""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import traceback
from datetime import UTC, datetime
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)

from frontdesk import __version__, i18n
from frontdesk.services.errors import log_failure, person_errors
from frontdesk.services.places import data_folder, log_handler
from frontdesk.ui import style
from frontdesk.ui.single_instance import (
    SERVER_NAME,
    SUPERVISOR_NAME,
    SingleInstance,
    already_running_text,
)
from frontdesk.ui.widgets import wheel

if TYPE_CHECKING:
    from frontdesk.core.board import BoardEntry
    from frontdesk.services.context import Desk
    from frontdesk.services.offline.desk import OfflineDesk
    from frontdesk.services.opening import Opened
    from frontdesk.services.safety import Damage
    from frontdesk.ui.daily_backup import DailyBackups
    from frontdesk.ui.kiosk.starting import StartingWindow
    from frontdesk.ui.kiosk.window import KioskWindow

log = logging.getLogger("frontdesk")


def _install_excepthook() -> None:
    """Log unexpected errors and keep the kiosk running; no traceback for the volunteer."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))

    sys.excepthook = hook


def _setup_logging() -> None:
    root = logging.getLogger()
    root.addHandler(log_handler())
    root.setLevel(logging.INFO)


def _error_box(text: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Critical, QCoreApplication.translate("App", "Front desk"), text
    )
    box.exec()


def _start_errors() -> tuple[type[BaseException], ...]:
    """What can stop the start on a bad database, folder or URL: answered in words."""
    return person_errors()


def _warning_box(text: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning, QCoreApplication.translate("App", "Front desk"), text
    )
    box.exec()


def damaged_box(damage: Damage) -> tuple[QMessageBox, QPushButton | None]:
    """The question shown when the start-up check finds the database file damaged."""
    from frontdesk.words.dates import day_text

    text = QCoreApplication.translate(
        "App",
        "The database file {path} is damaged ({problem}). The app will not use it.",
    ).format(path=damage.path, problem=damage.first_problem)
    box = QMessageBox(
        QMessageBox.Icon.Critical, QCoreApplication.translate("App", "Front desk"), ""
    )
    restore = None
    if damage.good_backup is not None:
        when = datetime.fromtimestamp(damage.good_backup.stat().st_mtime, UTC)
        text += "\n\n" + QCoreApplication.translate(
            "App",
            "The newest good backup is from {when} ({file}). Restore it? The damaged file is "
            "kept aside; duties signed after the backup must be entered again from the paper "
            "sheet.",
        ).format(when=day_text(when), file=damage.good_backup.name)
        restore = box.addButton(
            QCoreApplication.translate("App", "Restore the backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
    else:
        text += "\n\n" + QCoreApplication.translate(
            "App", "No sound backup was found. Keep the file as it is and ask for help."
        )
    box.setText(text)
    box.setDefaultButton(
        box.addButton(QCoreApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    )
    return box, restore


def ask_restore(damage: Damage) -> bool:
    """True when the person chose to restore the newest good backup."""
    box, restore = damaged_box(damage)
    box.exec()
    return restore is not None and box.clickedButton() is restore


def _open(db_url: str | None) -> Opened | None:
    """The one way to open a desk (services.opening.open_desk) with the daily backup; a
    damaged file offers the newest good backup. None after an error was shown (or the
    person chose not to restore); an empty database comes back with no site."""
    from frontdesk.services.errors import DatabaseDamaged
    from frontdesk.services.opening import open_desk as open_service

    declined: list[Damage] = []

    def restore_or_not(damage: Damage) -> bool:
        if ask_restore(damage):
            return True
        declined.append(damage)
        return False

    try:
        # The daily backup comes after the window shows, off the GUI thread (keep_backups).
        return open_service(db_url, need_site=False, on_damage=restore_or_not)
    except _start_errors() as exc:
        if isinstance(exc, DatabaseDamaged) and declined:
            return None  # the damaged-file question was the message
        log.error("cannot start: %s", exc)
        _error_box(describe_error(exc))
        return None


def describe_error(exc: BaseException) -> str:
    """frontdesk.words.errors.describe_error, imported when an error is worded, not at start."""
    from frontdesk.words.errors import describe_error as describe

    return describe(exc)


def _data_folder_text(path: object) -> str:
    from frontdesk.services.errors import DataFolderUnusable

    return describe_error(DataFolderUnusable("data folder unusable", path=str(path)))


def open_desk(db_url: str | None) -> Desk | None:
    """The desk of the database; on an empty one, the first-run wizard names the agency and
    the desk and creates the first supervisor account."""
    opened = _open(db_url)
    if opened is not None and opened.site_id is None:
        from frontdesk.ui.supervisor import FirstRunWizard

        wizard = FirstRunWizard(opened.db)
        named = wizard.exec() == QDialog.DialogCode.Accepted and wizard.site_id is not None
        opened.db.dispose()
        opened = _open(db_url) if named else None  # again, now named
    if opened is None or opened.site_id is None:
        return None
    return opened.desk


def keep_backups(desk: Desk, parent: QObject) -> DailyBackups:
    """Today's backup of the desk, once the window shows and every few minutes, off the GUI
    thread (ui.daily_backup); the first failure of the run is said in a box asking to tell
    the supervisor, every one is logged."""
    from frontdesk.ui.daily_backup import DailyBackups

    told: list[BaseException] = []

    def failed(exc: BaseException) -> None:
        if told:
            return
        told.append(exc)
        _warning_box(
            QCoreApplication.translate(
                "App",
                "Today's backup could not be written: {why} The desk works, but please "
                "tell the supervisor.",
            ).format(why=describe_error(exc))
        )

    backups = DailyBackups(desk, failed, parent)
    backups.start()
    return backups


def connect_supervisor(window: KioskWindow, desk: Desk) -> None:
    """The kiosk's 督導 button opens the supervisor login, then the workspace; locking the
    workspace (by hand or when idle) hands the screen back to the kiosk, refreshed."""

    def back_to_kiosk() -> None:
        window.refresh()
        window.show()
        window.raise_()
        window.activateWindow()

    connected: list[QWidget] = []  # open_supervisor hands back the open workspace again

    def open_workspace() -> None:
        # imported on the first tap: the supervisor screens cost ~40 ms of the kiosk's start
        from frontdesk.ui.supervisor import open_supervisor

        workspace = open_supervisor(desk, window)
        if workspace is None or workspace in connected:
            return
        connected.append(workspace)

        def locked() -> None:
            if workspace in connected:
                connected.remove(workspace)
            back_to_kiosk()

        workspace.locked.connect(locked)

    window.set_supervisor_handler(open_workspace)


def run_supervisor(desk: Desk, app: QApplication) -> int:
    """`frontdesk --supervisor`: straight to the supervisor login; a lock asks again, and
    leaving the login quits."""
    from frontdesk.ui.supervisor import open_supervisor

    app.setQuitOnLastWindowClosed(False)
    keep_backups(desk, app)

    def ask() -> None:
        workspace = open_supervisor(desk, None)
        if workspace is None:
            app.quit()
            return
        workspace.locked.connect(lambda: QTimer.singleShot(0, ask))

    QTimer.singleShot(0, ask)
    return int(app.exec())


def app_icon() -> QIcon:
    """The desk-bell icon in every size shipped (title bar, task bar, Alt+Tab)."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(i18n.resource("icons", f"frontdesk-{size}.png")))
    return icon


def _application(qt_args: list[str]) -> QApplication:
    """The Qt application, named, with the icon, the default language, the app's style and
    the wheel rule of every field (ui.widgets.wheel)."""
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    assert isinstance(app, QApplication)
    app.setApplicationName("frontdesk")
    app.setOrganizationName("frontdesk")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    i18n.install(i18n.DEFAULT_LANGUAGE)
    style.apply(app)
    wheel.install(app)
    return app


def run(db_url: str | None, argv: list[str]) -> int:
    """Start the kiosk. `argv` are Qt/kiosk arguments (e.g. --fullscreen), or --supervisor to
    open straight to the supervisor login (the Start-menu shortcut of the supervisor)."""
    parser = argparse.ArgumentParser(prog="frontdesk", add_help=False)
    parser.add_argument("--fullscreen", action="store_true")
    parser.add_argument("--supervisor", action="store_true")
    args, qt_args = parser.parse_known_args(argv)
    _setup_logging()
    app = _application(qt_args)

    # The supervisor's own shortcut may run beside the kiosk on the same PC.
    try:
        instance = SingleInstance(SUPERVISOR_NAME if args.supervisor else SERVER_NAME)
    except OSError as exc:
        _error_box(_data_folder_text(exc.filename or data_folder()))
        return 1
    if not instance.acquire():
        if instance.lock.error() != QLockFile.LockError.LockFailedError:
            _error_box(_data_folder_text(data_folder()))
            return 1
        if instance.wake_running():
            print(
                QCoreApplication.translate(
                    "App", "The front desk app is already running; its window was brought forward."
                )
            )
            return 0
        _error_box(already_running_text(instance.folder))
        return 1
    starting = None if args.supervisor else first_screen(app, db_url, args.fullscreen)
    held = contextlib.ExitStack()
    try:
        # The database layer is imported from here on (most of the start-up time).
        if not hold_database(held, db_url, "supervisor" if args.supervisor else "kiosk"):
            return 1
        # a desk restarted while its shared server is away starts from its replica
        resumed = None if args.supervisor else _resume_offline(db_url)
        desk = resumed.server if resumed is not None else open_desk(db_url)
        if desk is None:
            return 1
        from frontdesk.services.context import settings
        from frontdesk.ui.kiosk.window import KioskWindow

        i18n.install(settings(resumed.local if resumed is not None else desk).language)
        _install_excepthook()
        if args.supervisor:
            return run_supervisor(desk, app)
        offline = _run_offline(held, resumed or _offline_desk(desk))
        window = KioskWindow(desk, offline=offline)
        connect_supervisor(window, desk)
        instance.on_wake(window)
        early: list[str | BoardEntry] = []
        if starting is not None:
            app.processEvents()  # keys typed while loading still reach the starting screen
            early = starting.scans()
        from frontdesk.ui.screens import fill_screen

        fill_screen(window, fullscreen=args.fullscreen)  # the whole screen it is on
        if starting is not None:
            starting.close()
            starting = None

        def first() -> None:
            window.sweep()
            for kept in early:  # scanned (or a name tapped) while the desk opened, in order
                if isinstance(kept, str):
                    window.submit(kept)
                else:
                    window.tap(kept)
            keep_backups(desk, window)

        QTimer.singleShot(0, first)
        return int(app.exec())
    finally:
        if starting is not None:
            starting.close()
        held.close()
        instance.release()


def _run_offline(held: contextlib.ExitStack, offline: OfflineDesk | None) -> OfflineDesk | None:
    """Start the offline desk's background sync, stopped when the app ends."""
    if offline is not None:
        held.callback(offline.stop)
        offline.start()
    return offline


def _resume_offline(db_url: str | None) -> OfflineDesk | None:
    """services.offline.desk.resume for the data folder: None unless the shared server is
    away at start-up and this PC keeps a replica of it."""
    from frontdesk.services.offline.desk import resume

    try:
        return resume(db_url, data_folder())
    except Exception:  # the ordinary start says what is wrong
        log.exception("offline start impossible")
        return None


def _offline_desk(desk: Desk) -> OfflineDesk | None:
    """A desk on a shared PostgreSQL server keeps scanning without it, from a replica
    in the data folder (services.offline); a SQLite desk needs none."""
    if desk.db.is_sqlite:
        return None
    from frontdesk.services.offline.desk import OfflineDesk

    offline = OfflineDesk(desk, data_folder())
    try:
        offline.refresh()
    except Exception as exc:  # the background sync tries again
        log_failure(log, "offline replica not refreshed", exc)
    return offline


def hold_database(stack: contextlib.ExitStack, db_url: str | None, role: str) -> bool:
    """Hold the SQLite file for as long as the app runs, so `frontdesk restore` refuses
    instead of swapping it under the kiosk (services.opening.held_by_app); waits for a
    restore under way. False after the reason was shown."""
    from frontdesk.services.opening import held_by_app

    try:
        stack.enter_context(held_by_app(db_url, role))
    except TimeoutError as exc:
        _error_box(
            QCoreApplication.translate(
                "App",
                "The database {path} is being restored or used by another frontdesk program; "
                "try again when it has finished.",
            ).format(path=exc.filename or "")
        )
        return False
    except _start_errors() as exc:
        _error_box(describe_error(exc))
        return False
    except OSError as exc:
        _error_box(_data_folder_text(exc.filename or ""))
        return False
    return True


def first_screen(app: QApplication, db_url: str | None, fullscreen: bool) -> StartingWindow:
    """The starting screen, then today's board on it read without the database layer, then
    that layer loaded off the GUI thread while the screen keeps its clock and the scans
    (ui.kiosk.early_start)."""
    from frontdesk.ui.kiosk.early_start import load_database_layer, show_early_board

    starting = show_starting(app, fullscreen=fullscreen)
    show_early_board(app, starting, db_url)  # today's roster, before the database layer
    load_database_layer(app)
    return starting


def show_starting(app: QApplication, *, fullscreen: bool = False) -> StartingWindow:
    """The starting screen, painted before the database layer is imported."""
    from frontdesk.ui.kiosk.starting import StartingWindow
    from frontdesk.ui.screens import fill_screen

    starting = StartingWindow()
    fill_screen(starting, fullscreen=fullscreen)
    starting.activateWindow()
    starting.setFocus()
    app.processEvents()  # painted now, not after the imports that follow
    return starting


if __name__ == "__main__":  # pragma: no cover - `python -m frontdesk.app`
    url = None
    rest = sys.argv[1:]
    if rest[:1] == ["--db"] and len(rest) > 1:
        url, rest = rest[1], rest[2:]
    raise SystemExit(run(url, rest))
