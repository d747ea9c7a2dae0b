"""Handover notes at the kiosk: who writes is asked first, so every note has its author;
and nothing typed is lost when a card, the idle return or 取消 closes the note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from frontdesk.core.attendance import ScanOutcome
from frontdesk.services import kiosk, volunteers
from frontdesk.services.context import Desk
from frontdesk.store.models import HandoverNote
from frontdesk.ui.kiosk.notes import place_over_pages
from frontdesk.ui.kiosk.pages import NoteDialog
from frontdesk.ui.kiosk.window import KioskWindow
from tests.ui.conftest import MONDAY
from tests.ui.test_kiosk import attendance_rows, label, scan, tap
from tests.ui.test_kiosk_pad import type_on_pad


def open_note(window: KioskWindow, qtbot: QtBot) -> None:
    window.home.tabs.setCurrentIndex(2)
    tap(qtbot, window, "noteButton")


def note_dialog(window: KioskWindow) -> NoteDialog:
    found = [d for d in window.findChildren(NoteDialog) if d.isVisible()]
    assert len(found) == 1
    return found[0]


def authors(desk: Desk) -> list[tuple[int | None, str]]:
    with desk.db.read() as s:
        return [(n.author_id, n.body) for n in s.scalars(select(HandoverNote))]


def test_a_note_asks_who_writes_and_names_them(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """A note written at the kiosk had no author: nobody was asked."""
    open_note(window, qtbot)
    assert window.pages.currentIndex() == window.NOTE_ASK
    assert not [d for d in window.findChildren(NoteDialog) if d.isVisible()]
    asked = label(window, "noteAsk")
    assert "哪一位要寫交班事項" in asked and "不會簽到" in asked
    QTest.keyClicks(QWidget.focusWidget(window) or window, "99")
    QTest.keyClick(QWidget.focusWidget(window) or window, Qt.Key.Key_Return)
    assert "查無編號 99" in label(window, "noteAsk")
    scan(window, "A002")
    dialog = note_dialog(window)
    assert dialog.question.text().startswith("李美華，")
    dialog.editor.setPlainText("影印機卡紙")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    a002 = volunteers.find_by_code(kiosk_desk, "A002").id
    assert authors(kiosk_desk) == [(a002, "影印機卡紙")]
    assert attendance_rows(kiosk_desk) == 0 and window.last_result is None  # nobody signed
    qtbot.waitUntil(lambda: "李美華（志工）】\n影印機卡紙" in label(window, "notes"))


def test_the_number_pad_names_the_writer(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    open_note(window, qtbot)
    tap(qtbot, window, "padButton")
    type_on_pad(window, qtbot, "1")  # A001, typed without its letter
    tap(qtbot, window, "padOk")
    assert note_dialog(window).question.text().startswith("王小明，")
    assert attendance_rows(kiosk_desk) == 0


def test_the_volunteer_who_just_scanned_writes_at_once(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    scan(window, "A001")
    window.write_note()  # from the answer, before the kiosk went home
    assert note_dialog(window).question.text().startswith("王小明，")


def test_a_card_burst_keeps_the_half_typed_note(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """A half-typed note was thrown away when the next volunteer's card came."""
    open_note(window, qtbot)
    scan(window, "A001")
    dialog = note_dialog(window)
    dialog.editor.setFocus()
    dialog.editor.setPlainText("影印機卡紙，已通")
    scan(window, "A002")  # the next volunteer's card, into the note's editor
    assert not dialog.isVisible()
    assert window.last_result is not None and window.last_result.name == "李美華"
    assert window.last_result.outcome is ScanOutcome.SIGNED_IN
    window.go_home()
    # another volunteer's note starts empty: a draft is only its writer's
    open_note(window, qtbot)
    scan(window, "A002")
    other = note_dialog(window)
    assert other.text() == "" and not other.restored.isVisible()
    qtbot.mouseClick(other.findChild(QWidget, "noteCancel"), Qt.MouseButton.LeftButton)
    # the writer comes back: the draft is given back, said so, and saved in their name
    open_note(window, qtbot)
    scan(window, "A001")
    again = note_dialog(window)
    assert again.text() == "影印機卡紙，已通" and again.restored.isVisible()
    assert "沒寫完" in again.restored.text()
    again.editor.setPlainText(again.text() + "知總務。")
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    a001 = volunteers.find_by_code(kiosk_desk, "A001").id
    assert authors(kiosk_desk) == [(a001, "影印機卡紙，已通知總務。")]
    # saved: no draft any more
    open_note(window, qtbot)
    scan(window, "A001")
    assert note_dialog(window).text() == ""


def test_the_idle_return_and_cancel_keep_the_draft_too(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    open_note(window, qtbot)
    scan(window, "A003")
    note_dialog(window).editor.setPlainText("門口的傘架壞了")
    window.go_home()  # what the idle timer does
    open_note(window, qtbot)
    scan(window, "A003")
    dialog = note_dialog(window)
    assert dialog.text() == "門口的傘架壞了"
    qtbot.mouseClick(dialog.findChild(QWidget, "noteCancel"), Qt.MouseButton.LeftButton)
    open_note(window, qtbot)
    scan(window, "A003")
    assert note_dialog(window).text() == "門口的傘架壞了"
    assert authors(kiosk_desk) == []


def test_a_note_without_a_writer_says_so(window: KioskWindow, kiosk_desk: Desk) -> None:
    """Notes written before the writer was asked are shown as unnamed, not without a name."""
    kiosk.add_note(kiosk_desk, MONDAY, "AM", None, "冷氣太冷")
    window.refresh()
    assert "未具名（服務台）】\n冷氣太冷" in label(window, "notes")


def test_the_next_day_the_notes_tab_has_no_count_left(
    window: KioskWindow, kiosk_desk: Desk, clock: object
) -> None:
    """The tab said 交班事項（1） over 今天還沒有交班事項 the next day."""
    from datetime import time, timedelta

    from frontdesk.core.timeutil import at

    kiosk.add_note(kiosk_desk, MONDAY, "AM", None, "冷氣太冷")
    window.refresh()
    assert window.home.tabs.tabText(2) == "交班事項（1）"
    clock.now = at(MONDAY + timedelta(days=1), time(8, 0))  # type: ignore[attr-defined]
    window.refresh()
    assert window.home.tabs.tabText(2) == "交班事項"


def test_with_pins_on_a_typed_number_names_the_writer_after_the_pin(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """Typing someone else's number must not write a note in their name at a desk that
    asks for PINs; a card still names its holder at once."""
    from frontdesk.services import pins
    from frontdesk.services.setup import update_settings

    a001 = volunteers.find_by_code(kiosk_desk, "A001").id
    pins.set_pin(kiosk_desk, a001, "1357")
    update_settings(kiosk_desk, {"require_pin": "true"})
    window.refresh()
    open_note(window, qtbot)
    tap(qtbot, window, "padButton")
    type_on_pad(window, qtbot, "A001")
    tap(qtbot, window, "padOk")
    assert window.pages.currentIndex() == window.PIN
    assert not [d for d in window.findChildren(NoteDialog) if d.isVisible()]
    for digit in "1357":
        tap(qtbot, window, f"pinKey{digit}")
    assert note_dialog(window).question.text().startswith("王小明，")
    assert attendance_rows(kiosk_desk) == 0 and window.last_result is None
    window.go_home()
    open_note(window, qtbot)
    scan(window, "A002")  # a card: no PIN
    assert note_dialog(window).question.text().startswith("李美華，")


def test_a_card_interrupting_a_note_says_the_draft_is_kept(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """The note vanished under the next card and nothing said it was kept."""
    open_note(window, qtbot)
    scan(window, "A001")
    note_dialog(window).editor.setPlainText("影印機卡紙")
    scan(window, "A002")
    assert window.pages.currentIndex() == window.RESULT
    assert "您剛才寫的交班事項已先保留" in label(window, "notices")
    assert window.result_page.notices.isVisible()
    # the walk-in question says it too
    window.go_home()
    open_note(window, qtbot)
    scan(window, "A001")
    note_dialog(window).editor.setPlainText("影印機卡紙")
    scan(window, "A003")
    assert window.pages.currentIndex() == window.QUESTION
    assert "您剛才寫的交班事項已先保留" in label(window, "question")


def test_who_writes_names_the_buttons_on_its_screen(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """It said 按「輸入號碼簽到」 (a button that signs in elsewhere), the footer said to tap
    one's name (no names there), and 志工卡 where everything else says 志工證."""
    open_note(window, qtbot)
    asked = label(window, "noteAsk")
    pad = window.findChild(QWidget, "padButton")
    assert pad is not None and pad.isVisible()
    assert f"「{pad.text()}」" in asked  # type: ignore[attr-defined]
    assert "簽到" not in pad.text()  # type: ignore[attr-defined]
    assert "志工證" in asked and "志工卡" not in asked
    hint = label(window, "hint")
    assert "名字" not in hint and "志工證" in hint
    window.go_home()
    assert "點選自己的名字" in label(window, "hint")  # home: names are there to tap


def test_one_word_for_the_badge_in_the_kiosk() -> None:
    from pathlib import Path

    ts = Path(__file__).parents[2] / "resources" / "i18n" / "frontdesk_zh_TW.ts"
    assert "志工卡" not in ts.read_text(encoding="utf-8")


def test_the_note_sits_framed_below_the_status_bar(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    """The handover dialog had no frame and covered the status bar."""
    from PySide6.QtCore import QPoint

    open_note(window, qtbot)
    scan(window, "A001")
    dialog = note_dialog(window)
    qtbot.waitExposed(dialog)
    status_bottom = window.status.mapToGlobal(QPoint(0, window.status.height())).y()
    assert dialog.geometry().top() >= status_bottom
    image = dialog.grab().toImage()
    edge = image.pixelColor(1, image.height() // 2)
    assert edge.name() == "#0d47a1"  # a visible frame in the kiosk's blue
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.height() == 768)
    place_over_pages(dialog, window.pages)
    below = window.status.mapToGlobal(QPoint(0, window.status.height())).y()
    assert dialog.geometry().top() >= below  # the status bar stays in sight
    assert dialog.geometry().bottom() <= window.geometry().bottom()
