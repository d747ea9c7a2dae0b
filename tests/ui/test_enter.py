"""One key press is one action: Enter in every field of every dialog submits at most once,
or moves on to the next field, never both and never twice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QDialog, QLineEdit, QWidget
from sqlalchemy import func, select

from frontdesk.services import supervisors
from frontdesk.services.context import Desk
from frontdesk.store.models import AuditEntry, Supervisor
from frontdesk.ui.kiosk.pages import NoteDialog
from frontdesk.ui.kiosk.swap_pages import ReasonDialog
from frontdesk.ui.supervisor.accounts import AccountsPage, NewAccountDialog, SetPasswordDialog
from frontdesk.ui.supervisor.attendance import TimesDialog
from frontdesk.ui.supervisor.login import FirstRunWizard, LoginDialog
from frontdesk.ui.supervisor.swaps import ArrangeDialog
from frontdesk.ui.supervisor.volunteers import VolunteerDialog
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)
from tests.ui.supervisor_fixtures import PASSWORD

# Every dialog of the app with a field to press Enter in, and the method that submits it.
DIALOGS: dict[str, tuple[type[QWidget], str, Callable[[Desk], QWidget]]] = {
    "login": (LoginDialog, "try_login", lambda desk: LoginDialog(desk)),
    "first start": (FirstRunWizard, "finish", lambda desk: FirstRunWizard(desk.db)),
    "new account": (NewAccountDialog, "create_account", lambda desk: NewAccountDialog(desk)),
    "set password": (SetPasswordDialog, "save", lambda desk: SetPasswordDialog(desk, "boss")),
    "volunteer": (VolunteerDialog, "save", lambda desk: VolunteerDialog(desk)),
    "attendance times": (TimesDialog, "save", lambda desk: TimesDialog(desk, "補登")),
    "arrange swap": (ArrangeDialog, "arrange", lambda desk: ArrangeDialog(desk)),
    "kiosk swap reason": (ReasonDialog, "accept", lambda desk: ReasonDialog()),
}


def _counting(monkeypatch: pytest.MonkeyPatch, cls: type, name: str) -> list[int]:
    """Count the calls of cls.name (still running it); patched before the dialog is built,
    so the connections its __init__ makes go through the count."""
    calls: list[int] = []
    original = getattr(cls, name)

    def counted(self: Any, *args: Any) -> Any:
        calls.append(1)
        return original(self, *args)

    monkeypatch.setattr(cls, name, counted)
    return calls


def _enter(qtbot: Any, widget: QWidget, field: QWidget) -> QWidget | None:
    """Focus `field`, press Enter on the focused widget; the widget focused afterwards."""
    field.setFocus()
    focused = widget.focusWidget()
    assert focused is field
    QTest.keyClick(focused, Qt.Key.Key_Return)
    qtbot.wait(10)
    return widget.focusWidget()


def _fields(widget: QWidget) -> list[QWidget]:
    """Every field one can type in or choose from: line edits, number, date and time
    fields, and lists to choose from (not the line edits inside those)."""
    found: list[QWidget] = []
    for w in widget.findChildren(QWidget):
        if not (w.isVisibleTo(widget) and w.isEnabled()):
            continue
        if (
            isinstance(w, QLineEdit)
            and not isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox)
        ) or isinstance(w, QAbstractSpinBox | QComboBox):
            found.append(w)
    return found


def _line_edits(widget: QWidget) -> list[QLineEdit]:
    return [w for w in _fields(widget) if isinstance(w, QLineEdit)]


@pytest.mark.parametrize("which", list(DIALOGS))
def test_enter_in_any_field_is_one_action(qtbot, monkeypatch, desk, boss, which) -> None:  # type: ignore[no-untyped-def]
    cls, submit, make = DIALOGS[which]
    count = len(_fields(make(desk)))
    assert count, which
    for index in range(count):
        calls = _counting(monkeypatch, cls, submit)
        dialog = make(desk)
        qtbot.addWidget(dialog)
        dialog.show()
        field = _fields(dialog)[index]
        after = _enter(qtbot, dialog, field)
        assert len(calls) <= 1, (which, index, "Enter submitted twice")
        if not calls:  # then it moved on to the next field, which is what it did instead
            assert after in _fields(dialog) and after is not field, (which, index)
        monkeypatch.undo()
        dialog.close()
    # Enter in the field where the form ends submits it, exactly once.
    calls = _counting(monkeypatch, cls, submit)
    dialog = make(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    _enter(qtbot, dialog, _line_edits(dialog)[-1])
    assert len(calls) == 1, which


def _failed_logins(desk: Desk) -> int:
    with desk.db.read() as session:
        return int(
            session.scalar(
                select(func.count(AuditEntry.id)).where(
                    AuditEntry.action == "supervisor.login_failed"
                )
            )
            or 0
        )


def test_one_enter_at_the_login_counts_one_wrong_password(qtbot, desk, boss) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("boss")
    assert _enter(qtbot, dialog, dialog.username) is dialog.password  # on to the password
    assert _failed_logins(desk) == 0  # not a try with an empty password
    dialog.password.setText("wrong-password")
    _enter(qtbot, dialog, dialog.password)
    assert _failed_logins(desk) == 1
    dialog.password.setText(PASSWORD)
    _enter(qtbot, dialog, dialog.password)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _failed_logins(desk) == 1


def test_enter_on_an_empty_password_is_not_an_attempt(qtbot, desk, boss) -> None:  # type: ignore[no-untyped-def]
    """Careless Enters on an empty password use none of the tries before the lock, and the
    answer is the same whether the name exists or not."""
    dialog = LoginDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    answers = set()
    for name in ("boss", "boss", "nobody-here"):
        dialog.username.setText(name)
        dialog.password.clear()
        _enter(qtbot, dialog, dialog.password)
        answers.add(dialog.banner.text())
    assert _failed_logins(desk) == 0
    assert answers == {"Please enter the password."}
    assert dialog.result() != QDialog.DialogCode.Accepted
    with desk.db.read() as session:
        tries = session.scalar(
            select(Supervisor.failed_attempts).where(Supervisor.username == "boss")
        )
    assert tries == 0


def test_enter_in_a_handover_note_is_a_new_line_not_a_save(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls = _counting(monkeypatch, NoteDialog, "_save")
    dialog = NoteDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editor.setPlainText("影印機沒紙")
    dialog.editor.moveCursor(dialog.editor.textCursor().MoveOperation.End)
    _enter(qtbot, dialog, dialog.editor)
    assert calls == [] and dialog.editor.toPlainText() == "影印機沒紙\n"


def test_enter_changes_my_password_once(qtbot, monkeypatch, desk, boss) -> None:  # type: ignore[no-untyped-def]
    calls = _counting(monkeypatch, AccountsPage, "change_own")
    page = AccountsPage(desk, "boss")
    qtbot.addWidget(page)
    page.show()
    page.old.setText(PASSWORD)
    assert _enter(qtbot, page, page.old) is page.new and calls == []
    page.new.setText("a-new-password-2")
    page.new2.setText("a-new-password-2")
    _enter(qtbot, page, page.new2)
    assert len(calls) == 1
    assert "changed" in page.banner.text()
    assert supervisors.authenticate(desk, "boss", "a-new-password-2").username == "boss"


def test_a_supervisor_unlocks_a_colleague_on_the_accounts_page(qtbot, desk, boss) -> None:  # type: ignore[no-untyped-def]
    supervisors.create(desk, "lin", PASSWORD, "林督導")
    for _ in range(5):
        with pytest.raises(supervisors.NotAllowed):
            supervisors.authenticate(desk, "lin", "wrong-password")
    page = AccountsPage(desk, "boss")
    qtbot.addWidget(page)
    page.refresh()
    row = [r.username for r in supervisors.supervisor_rows(desk)].index("lin")
    assert "Locked" in page.model.texts(page.model.row_at(row))[2]
    page.table.selectRow(row)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    assert "lin is unlocked" in page.banner.text()
    assert "Locked" not in page.model.texts(page.model.row_at(row))[2]
    assert supervisors.authenticate(desk, "lin", PASSWORD).username == "lin"


def test_setting_a_colleagues_password_is_hidden_and_typed_twice(qtbot, desk, boss) -> None:  # type: ignore[no-untyped-def]
    dialog = SetPasswordDialog(desk, "boss")
    qtbot.addWidget(dialog)
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    dialog.password.setText("another-one-1")
    dialog.password2.setText("another-one-2")
    dialog.save()
    assert "not the same" in dialog.banner.text()
    dialog.password2.setText("another-one-1")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert supervisors.authenticate(desk, "boss", "another-one-1")
