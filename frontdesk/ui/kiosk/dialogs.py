"""Dialogs over the kiosk look like the kiosk: every dialog shown on top of the kiosk
window (the handover note, the swap reason, the supervisor's login, a message box) gets
the kiosk's large type and 64 px touch sizes, scaled with the window's height like the
rest (ui.screens). One place, so a dialog added later is not small by default."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from frontdesk.ui import screens, style

LOOK = "kiosk_dialog"  # resources/style/kiosk_dialog.qss
_APPLIED = "kioskLook"  # a dialog's property: the scale its look was applied at


def apply_look(dialog: QDialog, scale: float) -> None:
    """Append the kiosk's dialog look at `scale` to `dialog`'s own stylesheet (once per
    scale): appended rules win over the dialog's own of the same weight."""
    if dialog.property(_APPLIED) == scale:
        return
    own = dialog.property("ownStyleSheet")
    if own is None:
        own = dialog.styleSheet()
        dialog.setProperty("ownStyleSheet", own)
    dialog.setStyleSheet(f"{own}\n{screens.scaled(style.stylesheet(LOOK), scale)}")
    dialog.setProperty(_APPLIED, scale)
    dialog.adjustSize()
