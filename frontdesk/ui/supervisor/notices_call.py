"""The call for help offered with a step's answer: when a removal on the roster page or an
approved swap leaves a slot under its minimum, 複製徵求支援訊息 beside the message line
copies that slot's LINE call (issue 18: the supervisor posts it to the volunteers' group)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from frontdesk.services import notices
from frontdesk.services.context import Desk
from frontdesk.ui.supervisor.answer import Answer
from frontdesk.ui.widgets.form import Banner
from frontdesk.words.notices import vacancy_call


def call_for(desk: Desk, day: date, slot: str) -> str:
    """The LINE call for the slot if it is short now, else ''."""
    shortage = notices.slot_shortage(desk, day, slot)
    return vacancy_call(shortage) if shortage is not None else ""


class CallOffer(QPushButton):
    """複製徵求支援訊息 (objectName copy_call): shown while the last answer has a call."""

    def __init__(self, banner: Banner, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("notices", "Copy the call for help"), parent)
        self.setObjectName("copy_call")
        self.banner = banner
        self.call = ""
        self.hide()
        self.clicked.connect(lambda: self.copy())

    def offer(self, answer: Answer) -> None:
        """Offer the answer's call, or take the button away when it has none."""
        self.call = answer.call
        self.setVisible(bool(self.call))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.call)
        self.banner.ok(
            QCoreApplication.translate(
                "notices", "Copied: paste it into the volunteers' LINE group."
            )
            + "\n"
            + self.call
        )
        self.hide()


def banner_with_call(banner: Banner) -> tuple[QVBoxLayout, CallOffer]:
    """The message line with its 複製徵求支援訊息 under it (right-aligned), for a page's
    layout; the button takes no room while hidden, so the page is no taller."""
    column = QVBoxLayout()
    column.setSpacing(2)
    offer = CallOffer(banner)
    column.addWidget(banner)
    column.addWidget(offer, 0, Qt.AlignmentFlag.AlignRight)
    return column, offer
