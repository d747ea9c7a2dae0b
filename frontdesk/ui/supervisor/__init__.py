"""The supervisor (志工督導) workspace: login, first-run setup and the workspace window.

The kiosk's 督導 button calls `open_supervisor(desk, parent)`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from frontdesk.services.context import Desk
from frontdesk.ui.supervisor.login import FirstRunWizard, LoginDialog
from frontdesk.ui.supervisor.window import SupervisorWindow

__all__ = ["FirstRunWizard", "LoginDialog", "SupervisorWindow", "open_supervisor"]

_open: list[SupervisorWindow] = []  # keeps the open window alive while it is shown


def open_supervisor(desk: Desk, parent: QWidget | None = None) -> SupervisorWindow | None:
    """Ask for a login; on success show the workspace until it is locked (idle or by hand)."""
    if _open:
        window = _open[0]
        window.raise_()
        window.activateWindow()
        return window
    dialog = LoginDialog(desk, parent)
    if not dialog.exec() or dialog.supervisor is None:
        return None
    s = dialog.supervisor
    window = SupervisorWindow(desk, s.username, s.display_name)
    _open.append(window)
    window.locked.connect(lambda: _open.remove(window) if window in _open else None)
    window.showMaximized()
    return window
