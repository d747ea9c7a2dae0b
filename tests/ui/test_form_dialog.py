"""The shared form dialog and the message line: an old message never stands beside a new step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QStackedWidget, QWidget

from frontdesk.ui.supervisor import accounts, arrange, attendance, login, volunteer_form
from frontdesk.ui.supervisor.accounts import AccountsPage, NewAccountDialog
from frontdesk.ui.widgets.form import FormDialog
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)
from tests.ui.supervisor_fixtures import PASSWORD


class _Ask(FormDialog):
    def __init__(self) -> None:
        super().__init__("ask", "OK", "Cancel")
        self.field = QLineEdit()
        self.form.addRow("field", self.field)
        self.runs = 0
        self.submit_with(self.run, chain=(self.field,))

    def run(self) -> None:
        self.runs += 1
        if not self.field.text():
            self.banner.error("empty")


def test_ok_runs_the_action_once_and_clears_the_last_message_first(qtbot: Any) -> None:
    dialog = _Ask()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.runs == 1 and dialog.banner.isVisible() and dialog.banner.text() == "empty"
    dialog.field.setText("filled")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.runs == 2
    assert not dialog.banner.isVisible() and dialog.banner.text() == ""
    assert dialog.ok_button.isDefault()


def test_every_form_dialog_is_built_on_the_base() -> None:
    """No copied skeleton is left: the dialogs that ask for a form share one base."""
    for cls in (
        login.LoginDialog,
        login.FirstRunWizard,
        accounts.NewAccountDialog,
        accounts.SetPasswordDialog,
        arrange.ArrangeDialog,
        attendance.TimesDialog,
        volunteer_form.VolunteerDialog,
    ):
        assert issubclass(cls, FormDialog), cls
    for module in (login, accounts, arrange, attendance, volunteer_form):
        assert not hasattr(module, "QDialogButtonBox"), module.__name__
    assert QDialogButtonBox  # the base's own


def _refuse_mismatch(page: AccountsPage) -> None:
    page.old.setText(PASSWORD)
    page.new.setText("a-new-password-1")
    page.new2.setText("a-new-password-2")
    page.change_own()
    assert page.banner.isVisible() and "not the same" in page.banner.text()


def test_an_old_refusal_goes_when_the_supervisor_acts_again(qtbot, monkeypatch, desk, boss) -> None:  # type: ignore[no-untyped-def]
    page = AccountsPage(desk, "boss")
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    _refuse_mismatch(page)
    # Opening the new-account form and cancelling it says nothing: the refusal is gone.
    monkeypatch.setattr(NewAccountDialog, "exec", lambda self: 0)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert not page.banner.isVisible() and page.banner.text() == ""
    # Disabling and enabling an account says nothing either.
    _refuse_mismatch(page)
    from frontdesk.services import supervisors

    supervisors.create(desk, "lin", PASSWORD, "林督導")
    page.refresh()
    page.table.selectRow([r.username for r in supervisors.supervisor_rows(desk)].index("lin"))
    qtbot.mouseClick(page.toggle_button, Qt.MouseButton.LeftButton)
    assert not page.banner.isVisible()


def test_an_old_refusal_is_gone_when_the_page_is_shown_again(qtbot, desk, boss) -> None:  # type: ignore[no-untyped-def]
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    page = AccountsPage(desk, "boss")
    other = QWidget()
    stack.addWidget(page)
    stack.addWidget(other)
    stack.show()
    qtbot.waitExposed(stack)
    _refuse_mismatch(page)
    stack.setCurrentWidget(other)
    stack.setCurrentWidget(page)
    assert not page.banner.isVisible() and page.banner.text() == ""
