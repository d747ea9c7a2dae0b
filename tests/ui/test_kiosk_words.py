"""Every sentence the kiosk says is checked as a volunteer would read it: no ISO date, no
character the desk's font cannot draw (it shows as a box), no two clauses run together.

Three sources, each in Traditional Chinese and in English: every message of the kiosk's
translation contexts with sample facts in its placeholders; the words functions (scan,
kiosk, swaps) called with sample facts for every outcome and state; and the texts on the
kiosk window itself while its flows are walked.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, time, timedelta

import pytest
from PySide6.QtGui import QFont, QRawFont
from pytestqt.qtbot import QtBot

from frontdesk import i18n
from frontdesk.core.attendance import AttendanceStatus, ScanOutcome, SlotPhase
from frontdesk.core.board import Board, BoardEntry, SlotBoard
from frontdesk.core.calendar import DayInfo, DayKind
from frontdesk.core.roster import ShiftKey
from frontdesk.core.settings import DeskSettings
from frontdesk.core.swaps import SwapKind, SwapState
from frontdesk.core.timeutil import at
from frontdesk.services import roster
from frontdesk.services.attendance import AutoClosedNotice, ScanResult
from frontdesk.services.context import Desk
from frontdesk.services.swap_views import SwapView
from frontdesk.ui import style
from frontdesk.ui.kiosk.window import KioskWindow
from frontdesk.words import kiosk as kiosk_words
from frontdesk.words import scan as scan_words
from frontdesk.words import swaps as swap_words
from frontdesk.words.dates import day_text, long_date
from frontdesk.words.labels import slot_title
from tests.support.words import ISO_DATE
from tests.ui.test_kiosk import scan, texts
from tests.ui.test_swaps_kiosk import NOV5, NOV16, ids, tap, tap_text

TS = i18n.resource("i18n", "frontdesk_zh_TW.ts")
# The translation contexts of everything the kiosk shows (its pages, its words, the swap
# steps, the slot names, the notices of the messages context it shows).
KIOSK_CONTEXTS = {
    "Kiosk",
    "KioskWindow",
    "ResultPage",
    "QuestionPage",
    "PinPage",
    "ShiftsPage",
    "NoteDialog",
    "Swaps",
    "labels",
    "StartingWindow",
}
CJK = "\u3400-\u9fff"
# a time, then a Chinese word with nothing between: 「11:30從」
TIME_THEN_WORD = re.compile(rf"\d{{1,2}}:\d{{2}}[{CJK}]")
# two Chinese clauses with only a space between: 「今天已在值班中 這個班還是由您值」
CLAUSES_BY_SPACE = re.compile(rf"[{CJK}]{{4,}}[ \u3000][{CJK}]{{4,}}")
# English: a sentence running into the next one with no space, or with no stop before
# one of the kiosk's sentence openings
SENTENCES_RUN_ON = re.compile(r"[a-z][.!?][A-Z]|[a-z,] (?:The|You|Your|Until|Reason|Please)\b")
MONDAY = date(2026, 11, 2)
NOW = at(MONDAY, time(8, 27))
AM = DeskSettings().slots[0]


def kiosk_font() -> QRawFont:
    """The first family the app selects (ui.style): the font the desk draws with."""
    families = style.base_font().families()
    assert families, "no Traditional Chinese font installed (fonts-noto-cjk)"
    raw = QRawFont.fromFont(QFont(families[0]))
    assert raw.isValid() and raw.familyName() in families, (families, raw.familyName())
    return raw


def problems(text: str, font: QRawFont, *, chinese: bool) -> list[str]:
    """What a volunteer would trip over in `text`."""
    found = []
    if ISO_DATE.search(text):
        found.append(f"ISO date {ISO_DATE.search(text)[0]!r}")  # type: ignore[index]
    missing = sorted(
        {ch for ch in text if not ch.isspace() and not font.supportsCharacter(ord(ch))}
    )
    if missing:
        found.append(f"no glyph for {' '.join(f'U+{ord(c):04X}' for c in missing)}")
    for pattern in (TIME_THEN_WORD, CLAUSES_BY_SPACE) if chinese else (SENTENCES_RUN_ON,):
        m = pattern.search(text)
        if m:
            found.append(f"clauses run together at {m[0]!r}")
    return found


@pytest.fixture(params=["zh_TW", "en"])
def language(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    i18n.install(request.param)
    yield request.param
    i18n.install("en")


# --- every message of the kiosk's contexts, with sample facts ---------------------------


def sample_facts() -> dict[str, str]:
    """Placeholder values as the kiosk fills them (a slot is its title with its times)."""
    day = date(2026, 11, 25)
    return {
        "slot": slot_title(AM),
        "own": slot_title(AM),
        "time": "11:30",
        "start": "08:30",
        "end": "11:30",
        "name": "王小明",
        "requester": "王小明",
        "colleague": "李美華",
        "who": "李美華",
        "given": swap_words.shift_text(ShiftKey(day, "AM"), DeskSettings()),
        "taken": swap_words.shift_text(ShiftKey(day, "PM"), DeskSettings()),
        "shift": swap_words.shift_text(ShiftKey(day, "AM"), DeskSettings()),
        "day": "25",
        "month": "11",
        "roc": "115",
        "weekday": "星期三",
        "date": day_text(day),
        "code": "A001",
        "reason": "家裡有事",
        "agency": "苓雅區衛生所",
        "state": "等待督導",
        "label": "颱風停止上班",
        "what": "上午班",
        "why": "資料庫暫時無法使用。",
    }


def filled(template: str) -> str:
    facts = sample_facts()
    return re.sub(r"\{(\w+)(?::[^}]*)?\}", lambda m: facts.get(m[1], "3"), template)


def kiosk_messages() -> list[tuple[str, str, str]]:
    root = ET.parse(TS).getroot()
    return [
        (c.findtext("name") or "", m.findtext("source") or "", m.findtext("translation") or "")
        for c in root.findall("context")
        if c.findtext("name") in KIOSK_CONTEXTS
        for m in c.findall("message")
    ]


def test_every_kiosk_message_reads_well_with_sample_facts(zh: None) -> None:
    font = kiosk_font()
    messages = kiosk_messages()
    assert len(messages) > 150
    bad = []
    for context, source, translation in messages:
        for text, chinese in ((filled(translation), True), (filled(source), False)):
            found = problems(text, font, chinese=chinese)
            if found:
                bad.append((context, text, found))
    assert bad == [], "\n".join(map(str, bad))


def test_every_shipped_translation_can_be_drawn_in_the_desk_font(qapp: object) -> None:
    """Supervisor screens too: a glyph the font lacks is a box wherever it is."""
    font = kiosk_font()
    root = ET.parse(TS).getroot()
    bad = [
        (m.findtext("source"), problems(m.findtext("translation") or "", font, chinese=False))
        for m in root.iter("message")
        if any(
            not ch.isspace() and not font.supportsCharacter(ord(ch))
            for ch in (m.findtext("translation") or "") + (m.findtext("source") or "")
        )
    ]
    assert bad == [], "\n".join(map(str, bad))


def test_sentences_end_and_join_the_languages_way(language: str) -> None:
    from frontdesk.words.sentences import ended, sentences

    if language == "zh_TW":
        assert (
            sentences("今天已在值班中", "這個班還是由您值。")
            == "今天已在值班中。這個班還是由您值。"
        )
        assert sentences("好！", "", "  ") == "好！"
    else:
        assert sentences("ok", "The duty stays yours.") == "ok. The duty stays yours."
    assert ended("") == "" and sentences() == ""


# --- the words functions, with sample facts --------------------------------------------


def result(outcome: ScanOutcome, **kw: object) -> ScanResult:
    base: dict[str, object] = {
        "at": at(MONDAY, time(11, 31)),
        "volunteer_id": 1,
        "name": "王小明",
        "code": "A001",
        "slot": AM,
        "opens_at": at(MONDAY, time(8, 0)),
        "previous_at": at(MONDAY, time(8, 20)),
        "auto_closed": (AutoClosedNotice(date(2026, 10, 30), "AM"),),
    }
    base.update(kw)
    return ScanResult(outcome, **base)  # type: ignore[arg-type]


def scan_texts() -> Iterator[str]:
    for outcome in ScanOutcome:
        for kw in (
            {},
            {"status": AttendanceStatus.WALK_IN},
            {"late_minutes": 11},
            {"early_leave_minutes": 90, "credited_minutes": 90},
            {"credited_minutes": 180},
            {"own_slot": AM},  # the volunteer's own duty of the day, this slot
            {"own_slot": DeskSettings().slots[1], "slot": AM},  # another slot
        ):
            view = scan_words.scan_view(result(outcome, **kw))
            yield from (view.headline, view.detail, *view.notices, f"{view.name}　{view.time}")
            yield scan_words.walk_in_question(result(outcome, **kw))
            yield from scan_words.sign_out_question(result(outcome, **kw))
            still = scan_words.still_on_duty(result(outcome, **kw))
            yield from (still.headline, still.detail)
    yield scan_words.describe_auto_closed(date(2026, 11, 25), "AM")
    yield from scan_words.sign_out_answers()
    yield scan_words.undo_label()
    yield scan_words.scan_view(result(ScanOutcome.UNKNOWN_CARD), "A001").detail
    yield scan_words.unknown_number("7", "V001")
    yield scan_words.unknown_number("7", "V001", digits_alone=False)
    yield kiosk_words.note_who()
    yield kiosk_words.note_who(unknown="99")
    refused = scan_words.undo_refused(NOW)
    yield from (refused.headline, refused.detail)
    over = scan_words.undo_refused(NOW, duty_over=True)
    yield from (over.headline, over.detail)
    yield from scan_words.undo_answers()
    yield scan_words.undo_question(result(ScanOutcome.SIGNED_OUT))


def board_texts() -> Iterator[str]:
    cfg = DeskSettings()
    am, pm = cfg.slots
    ins = at(MONDAY, time(8, 41))
    entries = (
        BoardEntry(1, "王小明", "A001", True, ins, None, 11, AttendanceStatus.LATE.value),
        BoardEntry(2, "李美華", "A002", True, ins, at(MONDAY, time(11, 31)), 0, "on_time"),
        BoardEntry(3, "陳大同", "A003", False, ins, None, 0, AttendanceStatus.NO_SIGN_OUT.value),
        BoardEntry(4, "林小芳", "A004", True, None, None, 0, AttendanceStatus.ABSENT.value),
        BoardEntry(5, "張志明", "A005", True),
        BoardEntry(6, "羅信秀", "A006", True, ins, None, 0, "open", slot_over=True),
    )
    for phase in (SlotPhase.BEFORE, SlotPhase.WINDOW, SlotPhase.ON_DUTY, SlotPhase.OVER):
        for people in (entries, entries[3:], ()):
            slot = SlotBoard(am, phase, people)
            yield kiosk_words.staffing(slot)
            yield from (kiosk_words.entry_state(e, slot) for e in people)
            for current in (slot, None):
                for kind in DayKind:
                    info = DayInfo(MONDAY, kind, kind is DayKind.WORKDAY, "颱風停止上班")
                    board = Board(
                        NOW,
                        MONDAY,
                        info,
                        "苓雅區衛生所",
                        "服務台",
                        (slot, SlotBoard(pm, SlotPhase.BEFORE, ())),
                        current,
                    )
                    yield kiosk_words.status_line(board)
    yield kiosk_words.staffing(SlotBoard(am, SlotPhase.CLOSED, (), closed=True))
    for kind in DayKind:
        yield from kiosk_words.closed_day(DayInfo(MONDAY, kind, False, ""))
    yield from kiosk_words.duty_points(cfg.duty_points)
    yield kiosk_words.privacy_reminder()
    for head, words in kiosk_words.phone_script(cfg.phone_script, "苓雅區衛生所"):
        yield f"{head}：{words}"
    yield long_date(MONDAY)


def swap_view(state: SwapState, kind: SwapKind, **kw: object) -> SwapView:
    base: dict[str, object] = {
        "id": 7,
        "kind": kind,
        "state": state,
        "requester_id": 1,
        "requester": "王小明",
        "colleague_id": 2,
        "colleague": "李美華",
        "given": ShiftKey(date(2026, 11, 25), "AM"),
        "taken": ShiftKey(date(2026, 11, 27), "PM") if kind is SwapKind.EXCHANGE else None,
        "requested_at": NOW,
        "agreed_at": None,
        "decided_at": None,
        "decided_by": None,
        "notice_minutes": 3000,
        "by_supervisor": False,
        "reason": "家裡有事",
        "outcome_reason": "",
        "declined": False,
        "superseded_by": None,
    }
    base.update(kw)
    return SwapView(**base)  # type: ignore[arg-type]


def swap_texts() -> Iterator[str]:
    cfg = DeskSettings()
    for state in SwapState:
        for kind in SwapKind:
            for kw in (
                {},
                {"declined": True},
                {"superseded_by": 9},
                # a supervisor's reason is typed without a full stop more often than not
                {"outcome_reason": "今天已在值班中"},
                {"outcome_reason": "ok"},
            ):
                v = swap_view(state, kind, **kw)
                yield swap_words.request_text(v, cfg)
                yield swap_words.kind_text(kind)
                yield swap_words.state_text(state)
                yield swap_words.why_text(v)
                for me in (1, 2):
                    yield swap_words.outcome_text(v, me, cfg)
    for left in (timedelta(hours=5), timedelta(days=3, hours=2), timedelta(minutes=-5)):
        yield swap_words.notice_text(left)
    for taken in (None, ShiftKey(date(2026, 11, 27), "PM")):
        yield swap_words.summary_text("李美華", ShiftKey(date(2026, 11, 25), "AM"), taken, cfg)
    for agreed in (True, False):
        yield swap_words.sent_text("李美華", agreed)
        yield swap_words.reply_text(agreed, "王小明")


def test_every_sentence_of_the_words_reads_well(language: str) -> None:
    font = kiosk_font()
    chinese = language == "zh_TW"
    said = [t for t in (*scan_texts(), *board_texts(), *swap_texts()) if t]
    assert len(said) > 300
    bad = sorted({(t, tuple(found)) for t in said if (found := problems(t, font, chinese=chinese))})
    assert bad == [], "\n".join(map(str, bad))


# --- the kiosk window itself, walked through its flows ----------------------------------


def test_the_kiosk_window_reads_well_in_every_flow(
    window: KioskWindow, kiosk_desk: Desk, qtbot: QtBot
) -> None:
    font = kiosk_font()
    v = ids(kiosk_desk)
    roster.assign(kiosk_desk, NOV16, v["A001"])
    roster.assign(kiosk_desk, NOV5, v["A001"])
    steps = [
        lambda: None,
        lambda: scan(window, "A001"),
        lambda: tap(qtbot, window, "myShiftsButton"),
        lambda: tap(qtbot, window, "swapButton"),
        lambda: tap_text(qtbot, window, "11月16日"),
        lambda: tap(qtbot, window, "swapCover"),
        lambda: tap(qtbot, window, f"swapColleague{v['A003']}"),
        lambda: tap(qtbot, window, "swapBack"),
        lambda: tap_text(qtbot, window, "11月5日"),
        lambda: tap(qtbot, window, "reasonIll"),
        lambda: tap(qtbot, window, "swapCancel"),
        lambda: scan(window, "A003"),
        lambda: tap(qtbot, window, "walkInYes"),
        lambda: window.go_home(),
    ]
    bad = []
    for step in steps:
        step()
        for t in texts(window):
            found = problems(t, font, chinese=True)
            if found:
                bad.append((t, found))
    assert bad == [], "\n".join(map(str, bad))


def test_a_sign_out_taken_back_after_the_end_is_not_told_in_green() -> None:
    running = scan_words.scan_view(result(ScanOutcome.SIGN_OUT_UNDONE, at=at(MONDAY, time(10))))
    assert running.tone == "ok"
    after = scan_words.scan_view(result(ScanOutcome.SIGN_OUT_UNDONE, at=at(MONDAY, time(11, 40))))
    assert after.tone != "ok" and "您還在值班" not in after.detail


def test_a_nothing_recorded_answer_is_never_green() -> None:
    still = scan_words.still_on_duty(result(ScanOutcome.CONFIRM_SIGN_OUT))
    assert still.tone == scan_words.INFO != scan_words.OK
