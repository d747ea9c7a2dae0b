"""Logging in from the kiosk's 督導 button, and the first start of a new desk."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from frontdesk.core import accounts
from frontdesk.services import setup, supervisors
from frontdesk.services.context import Database, Desk
from frontdesk.services.errors import FrontdeskError, NotAllowed
from frontdesk.services.supervisors import SupervisorRow
from frontdesk.ui.supervisor.common import WORKSPACE_QSS, title_label
from frontdesk.ui.widgets.form import FormDialog
from frontdesk.words.errors import describe_error


class LoginDialog(FormDialog):
    """User name and password; wrong passwords count in the database and lock the account."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Supervisor login"), self.tr("Log in"), self.tr("Back to the desk"), parent
        )
        self.desk = desk
        self.supervisor: SupervisorRow | None = None
        self.setStyleSheet(WORKSPACE_QSS)  # the workspace's text size, from the first screen
        self.setMinimumWidth(480)
        self.body.insertWidget(0, title_label(self.tr("Supervisor login")))
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Password"), self.password)
        self.login_button = self.ok_button
        # Enter in the user name goes to the password; Enter in the password logs in once.
        self.submit_with(self.try_login, chain=(self.username, self.password))

    def try_login(self) -> None:
        try:
            self.supervisor = supervisors.authenticate(
                self.desk, self.username.text(), self.password.text()
            )
        except NotAllowed as exc:
            # One sentence for an unknown name, a wrong password and a locked account
            # (services.supervisors.authenticate): it never says which.
            self.password.clear()
            self.banner.error(describe_error(exc))
            self.adjustSize()  # room for the message's lines
            return
        except FrontdeskError as exc:
            self.banner.error(describe_error(exc))
            self.adjustSize()
            return
        self.accept()


class FirstRunWizard(FormDialog):
    """First start: name the agency and the desk, create the first supervisor account."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Setting up the desk"),
            self.tr("Start using the desk"),
            self.tr("Cancel"),
            parent,
        )
        self.db = db
        self.site_id: int | None = None
        self.setStyleSheet(WORKSPACE_QSS)
        self.setMinimumWidth(520)
        self.body.insertWidget(0, title_label(self.tr("Welcome! Let's set up this desk")))
        intro = QLabel(
            self.tr(
                "Name the agency and the desk as volunteers should see them, "
                "and create the first supervisor (志工督導) account."
            )
        )
        intro.setWordWrap(True)
        self.body.insertWidget(1, intro)
        form = self.form
        self.agency = QLineEdit()
        self.agency.setPlaceholderText(self.tr("e.g. 高雄市○○區衛生所"))
        self.desk_name = QLineEdit(self.tr("Service desk"))
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.password = QLineEdit()
        self.password2 = QLineEdit()
        for w in (self.password, self.password2):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Agency name"), self.agency)
        form.addRow(self.tr("Desk name"), self.desk_name)
        form.addRow(self.tr("Supervisor user name"), self.username)
        form.addRow(self.tr("Supervisor's name"), self.display_name)
        form.addRow(
            self.tr("Password (at least {n} characters)").format(n=accounts.MIN_PASSWORD),
            self.password,
        )
        form.addRow(self.tr("Password again"), self.password2)
        fields = (self.agency, self.desk_name, self.username, self.display_name)
        self.submit_with(self.finish, chain=(*fields, self.password, self.password2))

    def finish(self) -> None:
        # Check what can be checked before anything is written, so a refusal leaves no half setup.
        if not self.agency.text().strip():
            self.banner.error(self.tr("Please enter the agency name."))
            return
        if not self.username.text().strip():
            self.banner.error(self.tr("Please enter a user name for the supervisor."))
            return
        if not accounts.password_long_enough(self.password.text()):
            self.banner.error(
                self.tr("The password needs at least {n} characters.").format(
                    n=accounts.MIN_PASSWORD
                )
            )
            return
        if self.password.text() != self.password2.text():
            self.banner.error(self.tr("The two passwords are not the same."))
            return
        try:
            desk_name = self.desk_name.text().strip() or self.tr("Service desk")
            site_id = setup.init_site(self.db, self.agency.text(), desk_name)
            desk = Desk(db=self.db, site_id=site_id, actor="setup")
            if supervisors.count(desk) == 0:
                supervisors.create(
                    desk, self.username.text(), self.password.text(), self.display_name.text()
                )
        except FrontdeskError as exc:
            self.banner.error(describe_error(exc))
            return
        self.site_id = site_id
        self.accept()
