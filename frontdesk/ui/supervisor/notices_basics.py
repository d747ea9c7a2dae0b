"""通知 › the notices' basics: the desk's phone, which every slip, LINE message and e-mail
gives for a swap. It is set here, above the tabs, not among the mail server's settings
(a desk without e-mail needs it too), and its absence is said on the page, in the LINE
tab and beside the slips, so nothing goes out without a number unnoticed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from frontdesk.core.notices import DESK_PHONE
from frontdesk.services import mailer
from frontdesk.services.context import Desk, settings
from frontdesk.ui.supervisor.common import ERROR_STYLE, Banner, attempt


def desk_phone(desk: Desk) -> str:
    """The desk's phone as stored ('' when not set)."""
    return str(settings(desk).extra.get(DESK_PHONE, "") or "").strip()


def no_phone_text() -> str:
    return QCoreApplication.translate(
        "notices",
        "The desk phone is not set: the slips and the LINE message will have no number "
        "to call for a swap. Set it under Notices basics.",
    )


def no_phone_short() -> str:
    return QCoreApplication.translate(
        "notices", "The desk phone is not set: slips and LINE messages go out without it."
    )


class PhoneWarning(QLabel):
    """A red line shown while the desk has no phone (objectName no_desk_phone); `short`
    for the line beside the phone field itself."""

    def __init__(self, parent: QWidget | None = None, *, short: bool = False) -> None:
        super().__init__(parent)
        self.short = short
        self.setObjectName("no_desk_phone")
        self.setWordWrap(True)
        self.setStyleSheet(ERROR_STYLE)
        self.hide()

    def update_for(self, desk: Desk) -> None:
        missing = not desk_phone(desk)
        said = no_phone_short() if self.short else no_phone_text()
        self.setText(said if missing else "")
        self.setVisible(missing)


class NoticeBasics(QGroupBox):
    """服務台電話 with its own 儲存; `changed` fires after a save (previews refresh)."""

    changed = Signal()

    def __init__(
        self, desk: Desk, parent: QWidget | None = None, *, banner: Banner | None = None
    ) -> None:
        super().__init__(QCoreApplication.translate("notices", "Notices basics"), parent)
        self.desk = desk
        row = QHBoxLayout(self)
        row.addWidget(QLabel(QCoreApplication.translate("notices", "Desk phone")))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("07-123-4567")
        self.phone.setMaximumWidth(220)
        row.addWidget(self.phone)
        self.phone.setToolTip(
            QCoreApplication.translate("notices", "(on slips, LINE messages, e-mail)")
        )
        self.save_button = QPushButton(QCoreApplication.translate("notices", "Save"))
        row.addWidget(self.save_button)
        self.warning = PhoneWarning(short=True)
        self.warning.setWordWrap(False)
        row.addWidget(self.warning)
        # On the notices page it speaks through the page's full-width line below it: a
        # refusal squeezed beside the field wrapped and pushed every control down.
        if banner is None:
            banner = Banner(lines=1)
            row.addWidget(banner, 1)
        else:
            row.addStretch(1)
        self.banner = banner
        self.save_button.clicked.connect(lambda: self.save())
        self.refresh()

    def save(self) -> None:
        ok, _ = attempt(
            self.banner, mailer.save_settings, self.desk, {DESK_PHONE: self.phone.text()}
        )
        if ok:
            self.refresh()
            if desk_phone(self.desk):
                self.banner.ok(QCoreApplication.translate("notices", "Recorded."))
            self.changed.emit()

    def refresh(self) -> None:
        self.phone.setText(desk_phone(self.desk))
        self.warning.update_for(self.desk)
