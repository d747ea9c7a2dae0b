"""帳號: supervisor accounts, and changing one's own password."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core import accounts
from frontdesk.services import supervisors
from frontdesk.services.context import Desk
from frontdesk.services.errors import Conflict, FrontdeskError
from frontdesk.ui.models.accounts import SupervisorModel
from frontdesk.ui.supervisor.common import Banner, attempt, title_label
from frontdesk.ui.widgets.enter import enter_runs
from frontdesk.ui.widgets.form import FormDialog
from frontdesk.ui.widgets.tables import ColumnFit
from frontdesk.words.errors import describe_error


def _password() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class NewAccountDialog(FormDialog):
    """A new supervisor account: user name, name, and a password typed twice."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("New supervisor account"), self.tr("Create"), self.tr("Cancel"), parent
        )
        self.desk = desk
        form = self.form
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.password = _password()
        self.password2 = _password()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Name"), self.display_name)
        form.addRow(
            self.tr("Password (at least {n} characters)").format(n=accounts.MIN_PASSWORD),
            self.password,
        )
        form.addRow(self.tr("Password again"), self.password2)
        fields = (self.username, self.display_name, self.password, self.password2)
        self.submit_with(self.create_account, chain=fields)

    def create_account(self) -> None:
        if self.password.text() != self.password2.text():
            self.banner.error(self.tr("The two passwords are not the same."))
            return
        ok, _ = attempt(
            self.banner,
            supervisors.create,
            self.desk,
            self.username.text(),
            self.password.text(),
            self.display_name.text(),
        )
        if ok:
            self.accept()


class SetPasswordDialog(FormDialog):
    """A new password for another account, typed twice and hidden; it also lifts the lock."""

    def __init__(self, desk: Desk, username: str, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Set a new password"), self.tr("Set the password"), self.tr("Cancel"), parent
        )
        self.desk = desk
        self.username = username
        self.password = _password()
        self.password2 = _password()
        self.form.addRow(
            self.tr("New password for {name} (at least {n} characters)").format(
                name=username, n=accounts.MIN_PASSWORD
            ),
            self.password,
        )
        self.form.addRow(self.tr("Password again"), self.password2)
        self.submit_with(self.save, chain=(self.password, self.password2))

    def save(self) -> None:
        if self.password.text() != self.password2.text():
            self.banner.error(self.tr("The two passwords are not the same."))
            return
        ok, _ = attempt(
            self.banner, supervisors.set_password, self.desk, self.username, self.password.text()
        )
        if ok:
            self.accept()


class AccountsPage(QWidget):
    def __init__(self, desk: Desk, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.username = username
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Supervisor accounts")))
        self.banner = Banner()
        layout.addWidget(self.banner)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("New account…"))
        self.reset_button = QPushButton(self.tr("Set a new password…"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setToolTip(
            self.tr("Lift the lock after wrong passwords, so the account may log in again")
        )
        self.toggle_button = QPushButton(self.tr("Disable / enable"))
        for b in (self.add_button, self.reset_button, self.unlock_button, self.toggle_button):
            bar.addWidget(b)
        bar.addStretch()
        layout.addLayout(bar)
        self.model = SupervisorModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        ColumnFit(self.table, (SupervisorModel.STATE,), elide=True)
        layout.addWidget(self.table, 1)

        own = QGroupBox(self.tr("Change my password"))
        form = QFormLayout(own)
        self.old = _password()
        self.new = _password()
        self.new2 = _password()
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.new2)
        self.change_button = QPushButton(self.tr("Change my password"))
        form.addRow("", self.change_button)
        layout.addWidget(own)

        self.add_button.clicked.connect(self.add)
        self.reset_button.clicked.connect(self.reset)
        self.unlock_button.clicked.connect(self.unlock)
        enter_runs(self, (self.old, self.new, self.new2), self.change_own)
        self.toggle_button.clicked.connect(self.toggle)
        self.change_button.clicked.connect(self.change_own)

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page starts without the message of the last visit."""
        if not event.spontaneous():
            self.banner.dismiss()
        super().showEvent(event)

    def refresh(self) -> None:
        self.model.set_rows(supervisors.supervisor_rows(self.desk))

    def selected(self) -> supervisors.SupervisorRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def add(self) -> None:
        self.banner.dismiss()  # a new step: the last one's message has had its say
        dialog = NewAccountDialog(self.desk, self)
        if dialog.exec():
            self.banner.ok(self.tr("Account {name} created.").format(name=dialog.username.text()))
            self.refresh()

    def reset(self) -> None:
        self.banner.dismiss()
        row = self.selected()
        if row is None:
            self.banner.info(self.tr("Select an account first."))
            return
        if SetPasswordDialog(self.desk, row.username, self).exec():
            self.banner.ok(
                self.tr("The password of {name} was set; tell them in person.").format(
                    name=row.username
                )
            )
            self.refresh()

    def unlock(self) -> None:
        """Let a colleague locked out by wrong passwords (or by someone at the desk) back in."""
        self.banner.dismiss()
        row = self.selected()
        if row is None:
            self.banner.info(self.tr("Select an account first."))
            return
        ok, lifted = attempt(self.banner, supervisors.unlock, self.desk, row.username)
        if not ok:
            return
        if lifted:
            self.banner.ok(
                self.tr("{name} is unlocked and may log in again.").format(name=row.username)
            )
        else:
            self.banner.info(self.tr("{name} was not locked.").format(name=row.username))
        self.refresh()

    def toggle(self) -> None:
        self.banner.dismiss()
        row = self.selected()
        if row is None:
            self.banner.info(self.tr("Select an account first."))
            return
        try:
            supervisors.set_supervisor_active(self.desk, row.username, not row.active)
        except Conflict:
            self.banner.error(self.tr("The last active account cannot be disabled."))
            return
        except FrontdeskError as exc:
            self.banner.error(describe_error(exc))
            return
        self.refresh()

    def change_own(self) -> None:
        self.banner.dismiss()
        if self.new.text() != self.new2.text():
            self.banner.error(self.tr("The two new passwords are not the same."))
            return
        ok, _ = attempt(
            self.banner,
            supervisors.change_password,
            self.desk,
            self.username,
            self.old.text(),
            self.new.text(),
        )
        for w in (self.old, self.new, self.new2):
            w.clear()
        if ok:
            self.banner.ok(self.tr("Your password was changed."))
