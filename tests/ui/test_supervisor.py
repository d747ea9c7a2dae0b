"""pytest-qt flows of the supervisor workspace on a SQLite desk."""

from __future__ import annotations

import os
from datetime import date, time, timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QTableView

from frontdesk.core.calendar import DayKind
from frontdesk.core.roster import ShiftKey
from frontdesk.core.timeutil import at
from frontdesk.services import (
    attendance,
    calendar,
    roster,
    supervisors,
    volunteer_io,
    volunteers,
    workspace,
)
from frontdesk.services.context import Desk, settings
from frontdesk.services.setup import first_site_id
from frontdesk.ui.models.roster import CellState
from frontdesk.ui.supervisor import FirstRunWizard, LoginDialog, SupervisorWindow, common
from frontdesk.ui.supervisor.attendance import AcceptDialog, AttendancePage
from frontdesk.ui.supervisor.calendar import CalendarPage
from frontdesk.ui.supervisor.roster import RosterPage
from frontdesk.ui.supervisor.volunteer_form import VolunteerDialog
from frontdesk.ui.supervisor.volunteers import VolunteersPage
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)
from tests.ui.supervisor_fixtures import PASSWORD

DEC1 = date(2026, 12, 1)  # Tuesday
SAT = date(2026, 12, 5)


# --- getting in -------------------------------------------------------------------------


def test_login_then_lockout_after_five_wrong_passwords(qtbot, desk, boss):
    dialog = LoginDialog(desk)
    qtbot.addWidget(dialog)
    dialog.username.setText("nobody")
    dialog.password.setText(PASSWORD)
    dialog.try_login()
    unknown = dialog.banner.text()
    assert "Wrong user name or password" in unknown and "unlock" in unknown
    dialog.username.setText("boss")
    for _ in range(5):
        dialog.password.setText("wrong-password")
        dialog.try_login()
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.banner.text() == unknown  # the 5th locks, in the same words
    assert supervisors.supervisor_rows(desk)[0].locked  # the accounts page tells it
    # Now even the right password is refused, in the same words: a guess is not confirmed.
    dialog.password.setText(PASSWORD)
    dialog.try_login()
    assert dialog.supervisor is None
    assert dialog.banner.text() == unknown
    assert dialog.password.text() == ""


def test_login_accepts_the_right_password(qtbot, desk, boss):
    dialog = LoginDialog(desk)
    qtbot.addWidget(dialog)
    dialog.username.setText("boss")
    dialog.password.setText(PASSWORD)
    dialog.try_login()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.supervisor is not None and dialog.supervisor.display_name == "王督導"


def test_first_run_creates_the_agency_and_the_first_account(qtbot, sqlite_db):
    wizard = FirstRunWizard(sqlite_db)
    qtbot.addWidget(wizard)
    wizard.agency.setText("高雄市測試區衛生所")
    wizard.username.setText("chief")
    wizard.password.setText("long-enough-1")
    wizard.password2.setText("not-the-same")
    wizard.finish()
    assert "not the same" in wizard.banner.text()
    assert first_site_id(sqlite_db) is None  # nothing half done
    wizard.password2.setText("long-enough-1")
    wizard.finish()
    assert wizard.result() == QDialog.DialogCode.Accepted
    desk = Desk(db=sqlite_db, site_id=wizard.site_id)
    assert settings(desk).agency_name == "高雄市測試區衛生所"
    assert supervisors.authenticate(desk, "chief", "long-enough-1").username == "chief"


def test_password_sentences_quote_the_rule_in_core(qtbot, sqlite_db, desk, boss, monkeypatch):  # type: ignore[no-untyped-def]
    """The forms, the error words and the lock message state core.accounts' limits (the
    words said 8 and five whatever the code checked)."""
    from PySide6.QtWidgets import QFormLayout

    from frontdesk.core import accounts
    from frontdesk.services.errors import InvalidInput
    from frontdesk.ui.supervisor.accounts import NewAccountDialog
    from frontdesk.words.errors import describe_error

    monkeypatch.setattr(accounts, "MIN_PASSWORD", 11)
    monkeypatch.setattr(accounts, "MAX_ATTEMPTS", 3)

    def form_labels(widget) -> list[str]:  # type: ignore[no-untyped-def]
        form = widget.findChild(QFormLayout)
        return [
            form.itemAt(r, QFormLayout.ItemRole.LabelRole).widget().text()
            for r in range(form.rowCount())
            if form.itemAt(r, QFormLayout.ItemRole.LabelRole) is not None
        ]

    wizard = FirstRunWizard(sqlite_db)
    qtbot.addWidget(wizard)
    assert "Password (at least 11 characters)" in form_labels(wizard)
    wizard.agency.setText("高雄市測試區衛生所")
    wizard.username.setText("chief")
    wizard.password.setText("ten-chars!")  # 10 characters: enough for 8, not for 11
    wizard.password2.setText("ten-chars!")
    wizard.finish()
    assert wizard.banner.text() == "The password needs at least 11 characters."
    assert supervisors.count(desk) == 1  # only boss: nothing was written
    account = NewAccountDialog(desk)
    qtbot.addWidget(account)
    assert "Password (at least 11 characters)" in form_labels(account)
    with pytest.raises(InvalidInput) as refused:
        supervisors.create(desk, "clerk", "ten-chars!")
    assert describe_error(refused.value) == "The password needs at least 11 characters."
    dialog = LoginDialog(desk)
    qtbot.addWidget(dialog)
    dialog.username.setText("boss")
    for _ in range(3):
        dialog.password.setText("wrong-password")
        dialog.try_login()
    assert "After 3 wrong passwords in a row an account is locked" in dialog.banner.text()


def test_idle_workspace_locks_and_goes_back(qtbot, desk, boss):
    window = SupervisorWindow(desk, "boss", "王督導")
    qtbot.addWidget(window)
    window.show()
    assert window.idle.interval() == 5 * 60_000  # the setting's default
    window.idle.setInterval(50)
    window.idle.start()
    with qtbot.waitSignal(window.locked, timeout=2000):
        pass
    assert not window.isVisible()


def test_every_page_opens(qtbot, desk, boss, make_volunteer):
    make_volunteer()
    window = SupervisorWindow(desk, "boss", "王督導")
    qtbot.addWidget(window)
    for page in window.pages:
        window.nav.setCurrentRow(window.pages.index(page))
        assert window.stack.currentWidget() is page
    assert "✓" in window.audit.chain.text()
    assert window.accounts.model.rowCount() == 1


# --- volunteers ------------------------------------------------------------------------


def test_add_and_edit_a_volunteer(qtbot, desk):
    page = VolunteersPage(desk)
    qtbot.addWidget(page)
    dialog = VolunteerDialog(desk, None, page)
    dialog.code.setText("v100")
    dialog.name.setText("林美華")
    dialog.phone.setText("0987-654-321")
    dialog.add_training_row("basic", "基礎訓練", date(2026, 3, 1), 12)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    page.refresh()
    assert page.model.rowCount() == 1
    row = page.model.row_at(0)
    assert (row.code, row.phone_masked, row.basic_training) == ("V100", "0987-***-321", True)

    edit = VolunteerDialog(desk, row.id, page)
    assert edit.phone.text() == "0987-654-321"  # visible only in the form
    edit.name.setText("")
    edit.save()
    assert "name" in edit.banner.text().lower() and edit.result() != QDialog.DialogCode.Accepted
    edit.name.setText("林美華")
    edit.weekly_max.setValue(3)
    edit.save()
    assert edit.result() == QDialog.DialogCode.Accepted
    assert workspace.volunteer_detail(desk, row.id).weekly_max == 3


def test_the_volunteer_form_sets_and_removes_the_desk_pin(qtbot, desk, make_volunteer):
    """PINs could be set from no screen: the form sets one (hashed), refuses anything but 4
    digits before saving, and removes it."""
    from frontdesk.services import pins

    vid = make_volunteer("A01")
    dialog = VolunteerDialog(desk, vid)
    qtbot.addWidget(dialog)
    assert not dialog.pin_clear.isVisibleTo(dialog)
    dialog.pin.setText("24")
    dialog.save()
    assert "4 digits" in dialog.banner.text() and not pins.has_pin(desk, vid)
    dialog.pin.setText("2468")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert pins.check_pin(desk, vid, "2468").answer is pins.PinAnswer.RIGHT
    again = VolunteerDialog(desk, vid)
    qtbot.addWidget(again)
    assert again.pin_clear.isVisibleTo(again) and again.pin.text() == ""
    again.save()  # an empty field keeps the PIN
    assert pins.has_pin(desk, vid)
    third = VolunteerDialog(desk, vid)
    qtbot.addWidget(third)
    third.pin_clear.setChecked(True)
    third.save()
    assert not pins.has_pin(desk, vid)


def test_deactivate_never_deletes(qtbot, desk, make_volunteer, monkeypatch):
    vid = make_volunteer("A01")
    page = VolunteersPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    page.select_code("A01")
    monkeypatch.setattr(common, "confirm", lambda *a: True)
    page.deactivate()
    assert page.proxy.rowCount() == 0  # inactive hidden by default
    page.show_inactive.setChecked(True)
    assert page.proxy.rowCount() == 1
    assert workspace.volunteer_detail(desk, vid).status == "inactive"


def test_import_with_a_bad_row_imports_nothing_and_names_the_row(qtbot, desk, tmp_path):
    path = volunteer_io.write_template(tmp_path / "list.xlsx")
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    ws.append(["V001", "陳一", "0912-111-222", "國語", "在職", 3, "2026-01-05", 12, ""])
    ws.append(["V002", "", "0912-333-444", "國語", "在職", None, None, None, ""])
    wb.save(path)
    page = VolunteersPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    page.import_excel(str(path))  # off the GUI thread: the answer comes when it ends
    qtbot.waitUntil(lambda: not page.importing.busy, timeout=10_000)
    assert "row 3" in page.banner.text()
    assert "Nothing was imported" in page.banner.text()
    assert page.model.rowCount() == 0
    assert workspace.volunteer_choices(desk, include_inactive=True) == []
    assert page.import_button.isEnabled()


def test_badge_sheet_is_a_pdf(qtbot, desk, make_volunteer, tmp_path):
    for _ in range(11):
        make_volunteer()
    page = VolunteersPage(desk)
    qtbot.addWidget(page)
    out = tmp_path / "badges.pdf"
    page.badges(str(out))
    data = out.read_bytes()
    assert (
        data.startswith(b"%PDF") and data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") >= 1
    )
    assert "11" in page.banner.text()


# --- the roster ---------------------------------------------------------------------------


@pytest.fixture
def roster_page(qtbot, desk):
    page = RosterPage(desk)
    qtbot.addWidget(page)
    page.picker.set_month(2026, 12)
    page.refresh()
    return page


def test_assign_blocked_by_an_error(roster_page, desk, make_volunteer):
    a, b, c = make_volunteer(), make_volunteer(), make_volunteer()
    roster_page.refresh()
    # A Saturday: the live answer says no, and the button is off.
    roster_page.select_shift(ShiftKey(SAT, "AM"))
    roster_page.choose(a)
    assert roster_page.verdict.text().startswith("×")
    assert not roster_page.assign_button.isEnabled()
    # A full slot: assigning is refused with the sentence, nothing changes.
    roster.assign(desk, ShiftKey(DEC1, "AM"), a)
    roster.assign(desk, ShiftKey(DEC1, "AM"), b)
    roster_page.refresh()
    roster_page.select_shift(ShiftKey(DEC1, "AM"))
    roster_page.choose(c)
    assert "at most 2" in roster_page.verdict.text()
    roster_page.assign()
    assert "at most 2" in roster_page.banner.text()
    assert len(roster.month_view(desk, 2026, 12).cells[ShiftKey(DEC1, "AM")]) == 2


def test_assign_with_a_warning_asks_first(roster_page, desk, make_volunteer, monkeypatch):
    untrained = make_volunteer("N01", trained=False)
    roster_page.refresh()
    roster_page.select_shift(ShiftKey(DEC1, "PM"))
    roster_page.choose(untrained)
    assert roster_page.verdict.text().startswith("⚠")
    assert roster_page.assign_button.isEnabled()
    asked = []
    monkeypatch.setattr(common, "confirm", lambda _p, _t, text: asked.append(text) or False)
    roster_page.assign()
    assert "basic training" in asked[0]
    assert ShiftKey(DEC1, "PM") not in roster.month_view(desk, 2026, 12).cells
    monkeypatch.setattr(common, "confirm", lambda *a: True)
    roster_page.assign()
    assert roster_page.model.cell_state(ShiftKey(DEC1, "PM")) is CellState.AT_MINIMUM
    assert "志工N01" in roster_page.model.index_of(ShiftKey(DEC1, "PM")).data()


def test_remove_below_minimum_asks(roster_page, desk, make_volunteer, monkeypatch):
    a = make_volunteer()
    roster.assign(desk, ShiftKey(DEC1, "AM"), a)
    roster_page.refresh()
    roster_page.select_shift(ShiftKey(DEC1, "AM"))
    roster_page.people.setCurrentRow(0)
    monkeypatch.setattr(common, "confirm", lambda *a: True)
    roster_page.remove()
    assert roster_page.model.cell_state(ShiftKey(DEC1, "AM")) is CellState.UNDER


def test_removing_always_asks_naming_who_and_which_duty(
    roster_page, desk, make_volunteer, monkeypatch
):
    """Even when the duty keeps its minimum, a removal is asked about first; a 'no' leaves
    the volunteer on the duty."""
    a, b = make_volunteer("A01"), make_volunteer("B01")
    for vid in (a, b):
        roster.assign(desk, ShiftKey(DEC1, "AM"), vid)
    roster_page.refresh()
    roster_page.select_shift(ShiftKey(DEC1, "AM"))
    roster_page.people.setCurrentRow(0)
    asked = []
    monkeypatch.setattr(common, "confirm", lambda _p, _t, text: asked.append(text) or False)
    roster_page.remove()
    assert len(asked) == 1
    assert "志工A01" in asked[0] and "115/12/01" in asked[0] and "AM" in asked[0]
    assert "Nothing was changed" in roster_page.banner.text()
    assert len(roster.month_view(desk, 2026, 12).cells[ShiftKey(DEC1, "AM")]) == 2
    monkeypatch.setattr(common, "confirm", lambda *a: True)
    roster_page.remove()
    assert len(roster.month_view(desk, 2026, 12).cells[ShiftKey(DEC1, "AM")]) == 1
    assert "taken off" in roster_page.banner.text()


def test_the_below_minimum_question_writes_the_date_for_people(
    roster_page, desk, make_volunteer, monkeypatch, zh
):
    a = make_volunteer("A01")
    roster.assign(desk, ShiftKey(DEC1, "AM"), a)
    roster_page.refresh()
    roster_page.select_shift(ShiftKey(DEC1, "AM"))
    roster_page.people.setCurrentRow(0)
    asked = []
    monkeypatch.setattr(common, "confirm", lambda _p, _t, text: asked.append(text) or False)
    roster_page.remove()
    [question] = asked
    assert "志工A01" in question and "115/12/01" in question, question
    assert "2026" not in question and "12-01" not in question, question  # never ISO
    assert "至少" in question, question  # the minimum it would fall under, in Chinese


def test_the_roster_headings_show_whole_at_1366x768(desk, boss, make_volunteer, clock, qtbot, zh):
    """The table of weeks under the minimum cut its headings ("班人數／最少人", "J以支援的志工")."""
    make_volunteer("A01")
    clock.set(date(2026, 11, 30), 9)
    w = SupervisorWindow(desk, boss, "王督導")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.nav.setCurrentRow(w.pages.index(w.roster))
    qtbot.wait(50)
    for view in (w.roster.table, w.roster.coverage_view):
        header = view.horizontalHeader()
        model = view.model()
        assert header.length() <= view.viewport().width() + 1, view
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            widest = max(header.fontMetrics().horizontalAdvance(t) for t in title.splitlines())
            assert widest <= header.sectionSize(column), (title, header.sectionSize(column))
    w.close()


def test_generate_the_month_twice_adds_once(roster_page, desk, make_volunteer, monkeypatch):
    a, b = make_volunteer(), make_volunteer()
    volunteers.add_pattern(desk, a, 1, "AM", date(2026, 11, 1))  # Tuesdays
    volunteers.add_pattern(desk, b, 3, "PM", date(2026, 11, 1))  # Thursdays
    asked: list[str] = []
    monkeypatch.setattr(common, "confirm", lambda _p, _t, text: asked.append(text) or True)
    roster_page.generate()
    assert len(asked) == 1 and "Add 10 duties" in asked[0] and "kept" in asked[0]
    first = roster_page.last_report
    assert len(first.added) == 10  # 5 Tuesdays + 5 Thursdays in December 2026
    assert "Added 10" in roster_page.banner.text()
    before = roster.month_view(desk, 2026, 12).cells
    roster_page.generate()
    assert len(asked) == 1  # nothing to add: nothing to ask
    assert roster_page.last_report.added == []
    assert "Nothing to add" in roster_page.banner.text()
    assert roster.month_view(desk, 2026, 12).cells == before


def test_generating_the_month_asks_first_and_a_no_adds_nothing(
    roster_page, desk, make_volunteer, monkeypatch
):
    """依固定班產生本月班表 ran without a question; now it says what it would do and waits."""
    a = make_volunteer()
    volunteers.add_pattern(desk, a, 1, "AM", date(2026, 11, 1))  # 5 Tuesdays in December
    asked: list[str] = []
    monkeypatch.setattr(common, "confirm", lambda _p, _t, text: asked.append(text) or False)
    roster_page.generate()
    assert len(asked) == 1 and "Add 5 duties" in asked[0]
    assert "Nothing was changed" in roster_page.banner.text()
    assert not roster.month_view(desk, 2026, 12).cells.get(ShiftKey(DEC1, "AM"))


def test_generation_keeps_a_manual_removal(roster_page, desk, make_volunteer, monkeypatch):
    a = make_volunteer()
    volunteers.add_pattern(desk, a, 1, "AM", date(2026, 11, 1))
    monkeypatch.setattr(common, "confirm", lambda *a: True)
    roster_page.generate()
    roster_page.select_shift(ShiftKey(DEC1, "AM"))
    roster_page.people.setCurrentRow(0)
    roster_page.remove()
    roster_page.generate()
    assert roster_page.last_report.added == []
    assert roster_page.model.cell_state(ShiftKey(DEC1, "AM")) is CellState.UNDER


def test_coverage_list_suggests_and_opens_the_duty(roster_page, desk, make_volunteer, clock):
    a = make_volunteer()
    clock.set(date(2026, 11, 30), 9)  # a Monday: the next four weeks are in December
    roster_page.refresh()
    assert roster_page.coverage.rowCount() > 0
    gap = roster_page.coverage.row_at(0)
    assert gap.suggestions[0].volunteer_id == a
    roster_page.go_to_gap(roster_page.coverage.index(0, 0))
    assert roster_page.shift == gap.shift
    assert roster_page.choice.currentData() == a


# --- attendance -----------------------------------------------------------------------------


def test_correction_needs_a_reason_and_shows_in_history(qtbot, desk, make_volunteer, clock):
    a = make_volunteer()
    roster.assign(desk, ShiftKey(DEC1, "AM"), a)
    clock.set(DEC1, 8, 50)
    attendance.scan(desk, "V001")
    clock.set(DEC1, 12, 30)
    attendance.sweep(desk)  # forgot to sign out: auto-closed, flagged
    page = AttendancePage(desk)
    qtbot.addWidget(page)
    page.refresh()
    assert page.review.rowCount() == 1
    page.select_row(0)
    record = page.selected()
    assert record is not None and record.auto_closed
    dialog = page.times_dialog(record)
    assert not dialog.signed_out.isChecked()
    dialog.out_time.setTime(QTime(11, 25))
    assert dialog.signed_out.isChecked()
    dialog.save()
    assert "reason" in dialog.banner.text()
    assert workspace.attendance_history(desk, record.id) == []
    dialog.reason.setText("簽退單上寫 11:25")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    page.refresh()
    assert page.review.rowCount() == 0
    page.tabs.setCurrentIndex(2)
    page.month_picker.set_month(2026, 12)
    page.select_row(0)
    assert page.history.rowCount() == 1
    assert page.history.index(0, page.history.REASON).data() == "簽退單上寫 11:25"
    assert page.month_model.index(0, page.month_model.OUT).data() == "11:25"


def test_an_unticked_time_is_not_editable_and_a_correction_must_change_something(
    qtbot, desk, make_volunteer, clock
):
    """The fault: the sign-out field took focus while its box was unticked, 16:35 typed there
    was ignored and the correction saved "13:34 → 13:34" with no sign-out."""
    a = make_volunteer()
    roster.assign(desk, ShiftKey(DEC1, "PM"), a)
    clock.set(DEC1, 13, 34)
    attendance.scan(desk, "V001")
    clock.set(DEC1, 14, 0)
    page = AttendancePage(desk)
    qtbot.addWidget(page)
    (record,) = workspace.attendance_day(desk, DEC1)
    dialog = page.times_dialog(record)
    dialog.show()
    assert not dialog.signed_out.isChecked()
    assert not dialog.out_time.isEnabled()  # its value would be ignored: not editable
    assert dialog.in_time.isEnabled()
    dialog.signed_out.click()
    assert dialog.out_time.isEnabled()
    qtbot.waitUntil(dialog.out_time.hasFocus)  # ticking moves on to the time
    dialog.out_time.setTime(QTime(16, 35))
    dialog.reason.setText("忘了簽退")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    (after,) = workspace.attendance_day(desk, DEC1)
    assert after.out_at == at(DEC1, time(16, 35))
    assert len(workspace.attendance_history(desk, record.id)) == 1
    # The same times again: refused with a sentence, nothing written.
    again = page.times_dialog(after)
    qtbot.addWidget(again)
    again.reason.setText("再存一次")
    again.save()
    assert again.result() != QDialog.DialogCode.Accepted
    assert "nothing to correct" in again.banner.text()
    assert len(workspace.attendance_history(desk, record.id)) == 1


def test_manual_entry_and_accept_with_reason(qtbot, desk, make_volunteer, clock, monkeypatch):
    a = make_volunteer()
    clock.set(DEC1, 17)
    page = AttendancePage(desk)
    qtbot.addWidget(page)
    dialog = page.times_dialog(None)
    dialog.volunteer.setCurrentIndex(dialog.volunteer.findData(a))
    dialog.day.setDate(QDate(2026, 12, 1))
    dialog.reason.setText("停電，紙本簽到")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    rows = workspace.attendance_day(desk, DEC1)
    assert len(rows) == 1 and rows[0].in_at == at(DEC1, time(8, 30))
    # A walk-in flagged for review is accepted with a reason.
    clock.set(DEC1 + timedelta(days=1), 8, 40)
    attendance.scan(desk, "V001", confirm_walk_in=True)
    clock.set(DEC1 + timedelta(days=1), 11, 31)
    attendance.scan(desk, "V001")
    page.refresh()
    assert page.review.rowCount() == 1
    page.select_row(0)
    answers = iter(["", "臨時支援，督導同意"])

    def answer(dialog: AcceptDialog) -> int:
        for text in answers:
            dialog.reason.setText(text)
            dialog.save()
            if dialog.result() == QDialog.DialogCode.Accepted:
                break
            # An empty reason is asked for again: the dialog stays open, saying why.
            assert "reason" in dialog.banner.text() and page.review.rowCount() == 1
        return dialog.result()

    monkeypatch.setattr(AcceptDialog, "exec", answer)
    page.accept_selected()
    page.refresh()
    assert page.review.rowCount() == 0


# --- calendar and settings --------------------------------------------------------------


def test_typhoon_closure_from_the_calendar_page(qtbot, desk, make_volunteer, monkeypatch):
    a = make_volunteer()
    roster.assign(desk, ShiftKey(DEC1, "AM"), a)
    page = CalendarPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    page.close_day.setDate(QDate(2026, 12, 1))
    page.close_reason.setText("凱米颱風停止上班")
    asked: list[str] = []
    monkeypatch.setattr(common, "confirm", lambda _p, _t, text: asked.append(text) or False)
    page.close_selected()  # a closure cancels the day's duties: asked first, and declined
    assert len(asked) == 1 and "1 rostered duties" in asked[0], asked
    assert calendar.day(desk, DEC1).kind is not DayKind.CLOSED
    monkeypatch.setattr(common, "confirm", lambda *a: True)
    page.close_selected()
    info = calendar.day(desk, DEC1)
    assert info.kind is DayKind.CLOSED and info.label == "凱米颱風停止上班"
    assert "nobody is absent" in page.banner.text()
    view = roster.month_view(desk, 2026, 12)
    assert not any(f.facts["day"] == DEC1 for f in view.findings)  # no under-staffing alarm
    roster_page = RosterPage(desk)
    qtbot.addWidget(roster_page)
    roster_page.picker.set_month(2026, 12)
    roster_page.refresh()
    assert roster_page.model.cell_state(ShiftKey(DEC1, "PM")) is CellState.NO_DUTY
    assert "凱米颱風" in roster_page.model.index(0, 0).data()
    page.reopen_selected()
    assert calendar.day(desk, DEC1).is_duty_day
    assert "open again" in page.banner.text()


def test_closing_needs_a_reason(qtbot, desk):
    page = CalendarPage(desk)
    qtbot.addWidget(page)
    page.close_reason.setText(" ")
    page.close_selected()
    assert page.banner.text()
    assert calendar.day(desk, page.close_day.date().toPython()).kind is not DayKind.CLOSED


def test_a_wrong_calendar_file_is_refused(qtbot, desk, tmp_path):
    bad = tmp_path / "not-a-calendar.csv"
    bad.write_text("name,phone\n王,0912\n", encoding="utf-8")
    page = CalendarPage(desk)
    qtbot.addWidget(page)
    page.import_csv(str(bad))
    assert "nothing changed" in page.banner.text()


def test_settings_errors_name_the_field_and_save_nothing(qtbot, desk, monkeypatch):
    monkeypatch.setattr(common, "confirm", lambda *_a: True)  # yes to the list of changes
    page = CalendarPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    _code, _start, _end, lo, hi = page.slot_rows[0]
    lo.setValue(3)
    hi.setValue(2)
    page.save_settings()
    assert "Duty times and staffing" in page.banner.text()
    assert settings(desk).slot("AM").min_staff == 1
    page.refresh()
    page.spins["swap_notice_days"].setValue(10)
    page.makeup.setChecked(False)
    page.save_settings()
    assert settings(desk).swap_notice_days == 10
    assert settings(desk).makeup_saturday_is_duty is False


def test_the_settings_form_is_drawn_from_the_core_spec(qtbot, desk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Fields, order and bounds come from core.settings.SPECS (the bounds were copied into
    the screen before, so a changed rule and the screen disagreed)."""
    import dataclasses

    from frontdesk.core import settings as core_settings
    from frontdesk.core.settings import SettingKind

    changed = {"swap_notice_days": (1, 30), "weekly_max_shifts": (2, 9), "slots": (0, 7)}
    specs = tuple(
        dataclasses.replace(s, lo=changed[s.key][0], hi=changed[s.key][1])
        if s.key in changed
        else s
        for s in core_settings.SPECS
    )
    monkeypatch.setattr(core_settings, "SPECS", specs)
    page = CalendarPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    ints = [s for s in specs if s.on_screen and s.kind is SettingKind.INT]
    assert list(page.spins) == [s.key for s in ints]
    for s in ints:
        assert (page.spins[s.key].minimum(), page.spins[s.key].maximum()) == (s.lo, s.hi)
    assert "repeat_scan_seconds" not in page.spins and "retention_days" not in page.spins
    _code, _start, _end, lo, hi = page.slot_rows[0]
    assert (lo.maximum(), hi.maximum()) == (7, 7)
    assert list(page.texts) == ["agency_name", "desk_name"]
    assert page.texts["agency_name"].text() == "測試衛生所"
    assert list(page.checks) == ["makeup_saturday_is_duty", "require_pin", "phone_test_show_score"]
    assert list(page.choices) == ["language"]
    assert page.changes() == {}  # every field shows the stored value


def test_the_pin_option_can_be_switched_on_in_the_settings(qtbot, desk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Kiosk PINs were a setting no screen showed: the supervisor could not switch them on."""
    monkeypatch.setattr(common, "confirm", lambda *_a: True)  # yes to the list of changes
    page = CalendarPage(desk)
    qtbot.addWidget(page)
    page.refresh()
    assert not page.checks["require_pin"].isChecked()
    assert "PIN" in page.checks["require_pin"].accessibleName()
    page.checks["require_pin"].setChecked(True)
    page.save_settings()
    assert settings(desk).require_pin is True


def test_about_names_the_version_and_where_the_data_is(qtbot, desk, boss) -> None:  # type: ignore[no-untyped-def]
    import frontdesk

    window = SupervisorWindow(desk, boss, "王督導")
    qtbot.addWidget(window)
    assert frontdesk.__version__ in window.windowTitle()
    text = window.about_text()
    assert frontdesk.__version__ in text and desk.db.describe() in text
    assert os.environ["FRONTDESK_HOME"] in text  # the data folder tests point at
    assert desk.db.path is not None and str(desk.db.path.absolute()) in text  # the file
    assert "sqlite+" not in text and "://" not in text  # not SQLAlchemy's URL


def test_the_workspace_and_its_forms_fit_a_1366x768_screen(qtbot, qapp, desk, boss, make_volunteer):
    """With the kiosk's 20 pt app font applied, the workspace still fits the desk PC's screen:
    it and the dialogs it opens use the workspace's own text size."""
    from frontdesk.ui import style

    style.apply(qapp)
    try:
        vid = make_volunteer()
        window = SupervisorWindow(desk, "boss", "王督導")
        qtbot.addWidget(window)
        window.show()
        for page in window.pages:
            window.nav.setCurrentRow(window.pages.index(page))
            window.layout().activate()
            hint = window.minimumSizeHint()
            assert hint.height() <= 740, page  # a title bar above it
            assert hint.width() <= 1366, (page, hint.width())  # it came out 1369 px wide
        table = window.volunteers.findChild(QTableView)
        assert table is not None and table.font().pointSize() == common.WORKSPACE_PT
        dialog = VolunteerDialog(desk, vid, window)  # the tallest form
        qtbot.addWidget(dialog)
        dialog.show()
        hint = dialog.sizeHint()
        assert hint.width() <= 1366 and hint.height() <= 700, hint
        assert dialog.code.font().pointSize() == common.WORKSPACE_PT
    finally:
        qapp.setStyleSheet("")
        qapp.setFont(QFont())


def test_an_import_runs_off_the_gui_thread_and_the_window_keeps_working(
    qtbot, desk, tmp_path, monkeypatch
):
    """The supervisor's import ran on the thread that also serves the kiosk."""
    import threading

    from frontdesk.services import volunteer_io as vio

    path = volunteer_io.write_template(tmp_path / "list.xlsx")
    wb = load_workbook(path)
    wb.worksheets[0].append(["V001", "陳一", "0912-111-222", "國語", "在職", 3, None, None, ""])
    wb.save(path)
    page = VolunteersPage(desk)
    qtbot.addWidget(page)
    release, seen = threading.Event(), []
    real = vio.import_volunteers

    def slow(*args, **kwargs):
        seen.append(threading.current_thread() is threading.main_thread())
        assert release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(vio, "import_volunteers", slow)
    page.import_excel(str(path))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [False]  # another thread
    assert not page.import_button.isEnabled() and "Importing list.xlsx" in page.banner.text()
    page.import_excel(str(path))  # a second one while the first runs starts nothing
    release.set()
    qtbot.waitUntil(lambda: not page.importing.busy, timeout=10_000)
    assert "Imported: 1 added, 0 updated, 0 unchanged." in page.banner.text()
    assert page.model.rowCount() == 1 and page.import_button.isEnabled()
    assert len(seen) == 1
