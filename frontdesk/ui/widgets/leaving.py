"""Leaving a page with unsaved edits asks first: save, discard, or stay.

The settings page lost every edit without a word when another page was chosen (the page
read its values again on coming back). A page holding a form implements `HoldsEdits`; the
workspace asks `may_leave(page)` before it shows another page or closes, and the one
question with its three answers is asked here.
"""

from __future__ import annotations

from enum import Enum
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class LeaveChoice(Enum):
    SAVE = "save"  # save the edits, then leave (stay when saving did not go through)
    DISCARD = "discard"  # put the saved values back, then leave
    STAY = "stay"  # keep the page and its edits


@runtime_checkable
class HoldsEdits(Protocol):
    """A page with a form whose edits are saved by a button."""

    def has_unsaved_edits(self) -> bool:
        """True when a field differs from what is saved."""
        ...

    def save_edits(self) -> bool:
        """Save the edits as the page's own button does; True when they were saved."""
        ...

    def discard_edits(self) -> None:
        """Put the saved values back into the fields."""
        ...


def ask_leave(parent: QWidget | None) -> LeaveChoice:
    """Ask what to do with unsaved edits: 儲存 / 不儲存 / 留在這一頁 (Escape stays)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("leaving", "Unsaved changes"),
        QCoreApplication.translate(
            "leaving", "This page has changes that are not saved yet. Save them before leaving?"
        ),
        parent=parent,
    )
    save = box.addButton(
        QCoreApplication.translate("leaving", "Save"), QMessageBox.ButtonRole.AcceptRole
    )
    discard = box.addButton(
        QCoreApplication.translate("leaving", "Don't save"), QMessageBox.ButtonRole.DestructiveRole
    )
    stay = box.addButton(
        QCoreApplication.translate("leaving", "Stay on this page"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(save)
    box.setEscapeButton(stay)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return LeaveChoice.SAVE
    if clicked is discard:
        return LeaveChoice.DISCARD
    return LeaveChoice.STAY


def may_leave(page: QWidget | None) -> bool:
    """True when `page` may be left: nothing unsaved, or the person saved or discarded it."""
    if not isinstance(page, HoldsEdits) or not page.has_unsaved_edits():
        return True
    choice = ask_leave(page)
    if choice is LeaveChoice.SAVE:
        return page.save_edits()
    if choice is LeaveChoice.DISCARD:
        page.discard_edits()
        return True
    return False
