"""通知 › 電子郵件: who agreed to e-mail (addresses masked), recording a consent or its
withdrawal, and the messages that failed or wait to be tried again. The mail server's
settings are set with the other settings; its password is kept in the system's
credential store from here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.notices import (
    DEFAULT_PORTS,
    REMINDER_DAYS,
    REMINDER_DAYS_DEFAULT,
    SECURITY_CHOICES,
    SMTP_CA_FILE,
    SMTP_FROM,
    SMTP_HOST,
    SMTP_PORT,
    SMTP_SECURITY,
    SMTP_USER,
    MessageState,
)
from frontdesk.services import mailer, outbox
from frontdesk.services.context import Desk, settings
from frontdesk.services.workspace import volunteer_choices
from frontdesk.ui.supervisor.common import Banner, attempt
from frontdesk.words.dates import stamp


def ask_password(parent: QWidget) -> str | None:
    """The mail server's password, typed hidden; None when cancelled (tests answer it)."""
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("notices", "Mail server password"),
        QCoreApplication.translate(
            "notices", "Password (kept in this PC's credential store, not in the database):"
        ),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None


class MailTab(QWidget):
    def __init__(
        self, desk: Desk, parent: QWidget | None = None, *, banner: Banner | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.person = QComboBox()
        for c in volunteer_choices(desk):
            self.person.addItem(f"{c.code} {c.name}", c.id)
        self.address = QLineEdit()
        self.address.setPlaceholderText("name@example.com")
        form.addRow(self.tr("Volunteer"), self.person)
        form.addRow(self.tr("E-mail address"), self.address)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.opt_in = QPushButton(self.tr("Agrees to e-mail (record today)"))
        self.opt_out = QPushButton(self.tr("No more e-mail"))
        self.password_button = QPushButton(self.tr("Mail server password…"))
        for b in (self.opt_in, self.opt_out):
            row.addWidget(b)
        row.addStretch()
        row.addWidget(self.password_button)
        layout.addLayout(row)
        if banner is None:  # on its own; on the notices page it speaks through the page's
            banner = Banner()
            layout.addWidget(banner)
        self.banner = banner
        layout.addWidget(self._server_form())
        lists = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(QLabel(self.tr("Agreed to e-mail")))
        self.consents = QListWidget()
        left.addWidget(self.consents)
        self.counts = QLabel()
        right.addWidget(self.counts)
        self.troubles = QListWidget()
        right.addWidget(self.troubles)
        lists.addLayout(left, 1)
        lists.addLayout(right, 2)
        layout.addLayout(lists, 1)
        self.opt_in.clicked.connect(lambda: self.record(True))
        self.opt_out.clicked.connect(lambda: self.record(False))
        self.password_button.clicked.connect(lambda: self.set_password())
        self.refresh()

    def _server_form(self) -> QGroupBox:
        """The mail server and the reminder's days before a duty (the desk's phone is a
        notices basic, ui.supervisor.notices_basics). Every field shows the value in force,
        defaults included, and the encryption is chosen in words."""
        box = QGroupBox(self.tr("Mail server and reminders"))
        grid = QGridLayout(box)
        self.fields: dict[str, QLineEdit] = {}
        self.security = QComboBox()
        for code, text in (
            ("starttls", self.tr("STARTTLS (recommended)")),
            ("tls", self.tr("SSL/TLS")),
            ("none", self.tr("No encryption")),
        ):
            self.security.addItem(text, code)
        rows: tuple[tuple[str, str, QWidget], ...] = (
            (SMTP_HOST, self.tr("Server"), QLineEdit()),
            (SMTP_SECURITY, self.tr("Encryption"), self.security),
            (SMTP_PORT, self.tr("Port"), QLineEdit()),
            (SMTP_USER, self.tr("Account"), QLineEdit()),
            (SMTP_FROM, self.tr("Sender address"), QLineEdit()),
            (REMINDER_DAYS, self.tr("Reminder, days before a duty"), QLineEdit()),
            (SMTP_CA_FILE, self.tr("Private CA certificate (PEM file)"), QLineEdit()),
        )
        for n, (key, label, edit) in enumerate(rows):
            if isinstance(edit, QLineEdit):
                self.fields[key] = edit
            grid.addWidget(QLabel(label), n // 2, (n % 2) * 2)
            grid.addWidget(edit, n // 2, (n % 2) * 2 + 1)
        self.fields[REMINDER_DAYS].setPlaceholderText(str(REMINDER_DAYS_DEFAULT))
        self.fields[SMTP_CA_FILE].setPlaceholderText(self.tr("empty: this PC's trusted ones"))
        self.save_button = QPushButton(self.tr("Save"))
        grid.addWidget(self.save_button, 3, 3)
        self.save_button.clicked.connect(lambda: self.save_server())
        self.security.currentIndexChanged.connect(lambda _i: self._port_hint())
        self.show_server()
        return box

    def _port_hint(self) -> None:
        code = self.security.currentData() or SECURITY_CHOICES[0]
        self.fields[SMTP_PORT].setPlaceholderText(str(DEFAULT_PORTS[code]))

    def show_server(self) -> None:
        """The stored values; the reminder's days and the encryption show their defaults."""
        extra = settings(self.desk).extra
        for key, edit in self.fields.items():
            edit.setText(str(extra.get(key, "") or ""))
        if not self.fields[REMINDER_DAYS].text().strip():
            self.fields[REMINDER_DAYS].setText(str(REMINDER_DAYS_DEFAULT))
        stored = str(extra.get(SMTP_SECURITY, "") or "").strip().lower() or SECURITY_CHOICES[0]
        self.security.setCurrentIndex(max(0, self.security.findData(stored)))
        self._port_hint()

    def save_server(self) -> None:
        values = {key: edit.text().strip() for key, edit in self.fields.items()}
        # A blank number means its default, as the field showed it.
        values[REMINDER_DAYS] = values[REMINDER_DAYS] or str(REMINDER_DAYS_DEFAULT)
        values[SMTP_SECURITY] = str(self.security.currentData())
        ok, _ = attempt(self.banner, mailer.save_settings, self.desk, values)
        if ok:
            self.show_server()
            self.banner.ok(self.tr("Recorded."))

    def record(self, opt_in: bool) -> None:
        vid = self.person.currentData(Qt.ItemDataRole.UserRole)
        if vid is None:
            return
        address = self.address.text() if opt_in else ""
        ok, _ = attempt(self.banner, outbox.set_email, self.desk, int(vid), address, opt_in=opt_in)
        if ok:
            self.address.clear()
            self.banner.ok(self.tr("Recorded."))
            self.refresh()

    def set_password(self, secret: str | None = None) -> None:
        smtp = mailer.smtp_of(self.desk)
        if not smtp.host:
            self.banner.error(self.tr("Set the mail server in the settings first."))
            return
        secret = secret or ask_password(self)
        if secret:
            mailer.store_password(smtp, secret)
            self.banner.ok(self.tr("The password is kept in this PC's credential store."))

    def refresh(self) -> None:
        self.show_server()
        names = {c.id: f"{c.code} {c.name}" for c in volunteer_choices(self.desk)}
        self.consents.clear()
        for vid, c in sorted(outbox.consents(self.desk).items()):
            self.consents.addItem(f"{names.get(vid, vid)}  {c.masked}  {stamp(c.opted_in_at)}")
        counts = outbox.counts(self.desk)
        self.counts.setText(
            self.tr("E-mail: {sent} sent, {queued} waiting, {failed} failed").format(
                sent=counts.get(MessageState.SENT, 0),
                queued=counts.get(MessageState.QUEUED, 0),
                failed=counts.get(MessageState.FAILED, 0),
            )
        )
        self.troubles.clear()
        for t in outbox.troubles(self.desk):
            if t.state is MessageState.FAILED:
                when = self.tr("failed")
            else:
                when = self.tr("next try {at}").format(at=stamp(t.next_try))
            self.troubles.addItem(f"{t.volunteer}  {t.subject}  ({when}: {t.error})")
