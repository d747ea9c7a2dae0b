"""Dates for people: ROC forms everywhere, and no ISO date in anything said to a person."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QTranslator

from frontdesk import i18n
from frontdesk.core.attendance import ScanOutcome
from frontdesk.core.calendar import DayInfo, DayKind
from frontdesk.core.findings import Code, error
from frontdesk.core.roster import ShiftKey
from frontdesk.core.settings import DeskSettings, SlotDef
from frontdesk.core.swaps import SwapKind, SwapState
from frontdesk.services import errors as se
from frontdesk.services.attendance import AutoClosedNotice, ScanResult
from frontdesk.services.swap_views import SwapView
from frontdesk.words.dates import (
    day_text,
    format_roc_date,
    format_roc_month,
    format_roc_short,
    long_date,
    roc_day,
    stamp,
    weekday_name,
    weekday_zh,
)
from frontdesk.words.errors import describe_error
from frontdesk.words.findings import describe_finding
from frontdesk.words.kiosk import closed_day
from frontdesk.words.scan import describe_auto_closed, scan_view
from frontdesk.words.swaps import outcome_text, request_text, shift_text, why_text
from tests.support.words import ISO_DATE


def test_weekday_zh() -> None:
    assert weekday_zh(date(2026, 12, 1)) == "二"
    assert weekday_zh(date(2025, 2, 8)) == "六"
    assert weekday_zh(date(2025, 2, 9)) == "日"
    assert [weekday_zh(date(2025, 3, 3) + timedelta(days=i)) for i in range(7)] == list(
        "一二三四五六日"
    )


def test_roc_formats() -> None:
    assert format_roc_date(date(2026, 12, 1)) == "民國115年12月1日(二)"
    assert format_roc_date(date(2026, 12, 1), weekday=False) == "民國115年12月1日"
    assert format_roc_month(2026, 12) == "民國115年12月"
    assert format_roc_short(date(2026, 12, 1)) == "115/12/01"
    assert format_roc_short(date(2011, 1, 9)) == "100/01/09"
    assert format_roc_short(date(1921, 1, 9)) == "10/01/09"
    assert roc_day(date(2026, 11, 27)) == "115/11/27 (五)"


def test_day_text_is_the_roc_short_form() -> None:
    assert day_text(date(2026, 11, 27)) == "115/11/27"
    # an instant is shown in Taipei: 16:30 UTC is 00:30 the next day
    assert day_text(datetime(2026, 11, 26, 16, 30, tzinfo=UTC)) == "115/11/27 00:30"
    assert stamp(datetime(2026, 11, 26, 16, 30, 5, tzinfo=UTC)) == "115/11/27 00:30:05"
    assert day_text(None) == "" and day_text("V001") == "V001"
    # a date before the ROC calendar (a typing slip) is still written, never a crash
    assert day_text(date(1900, 3, 1)) == "1900/03/01"


def test_weekday_name_takes_a_date_or_a_number() -> None:
    assert weekday_name(date(2026, 11, 27)) == weekday_name(4) == "Friday"


@pytest.fixture(params=["en", "zh_TW"])
def language(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    i18n.install(request.param)
    yield request.param
    i18n.install("en")


DAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 27, 0, 20, tzinfo=UTC)  # 08:20 Taipei, a Friday
AM = SlotDef("AM", time(8, 30), time(11, 30))
FACTS = {
    "day": DAY,
    "slot": "AM",
    "volunteer_id": 3,
    "label": "颱風",
    "count": 2,
    "maximum": 2,
    "minimum": 1,
    "weekly_count": 5,
    "weekly_max": 5,
    "notice_hours": 30,
    "required_days": 7,
}


def _swap(state: SwapState, *, declined: bool = False) -> SwapView:
    return SwapView(
        id=7, kind=SwapKind.EXCHANGE, state=state, requester_id=1, requester="陳淑芬",
        colleague_id=2, colleague="林志明", given=ShiftKey(DAY, "AM"),
        taken=ShiftKey(DAY + timedelta(days=7), "PM"), requested_at=NOW, agreed_at=NOW,
        decided_at=NOW, decided_by="督導", notice_minutes=3000, by_supervisor=False,
        reason="", outcome_reason="", declined=declined, superseded_by=None,
    )  # fmt: skip


def _sentences() -> list[str]:
    """Everything the words package says about dated facts, for one sample of each."""
    said = [describe_finding(error(code, **FACTS), names={3: "陳淑芬"}) for code in Code]
    said += [
        describe_error(se.NotAllowed("x", reason="locked", until=NOW)),
        describe_error(
            se.NotAllowed("x", reason="retention", code="V001", retention_days=365, possible_on=DAY)
        ),
        describe_error(se.RuleViolation([error(Code.SLOT_CLOSED, **FACTS)])),
        describe_auto_closed(DAY, "AM"),
        long_date(DAY),
        closed_day(DayInfo(DAY, DayKind.CLOSED, False, "颱風"))[0],
    ]
    result = ScanResult(
        ScanOutcome.SIGNED_IN, NOW, volunteer_id=1, name="陳淑芬", code="V001", slot=AM,
        auto_closed=(AutoClosedNotice(DAY, "AM"),),
    )  # fmt: skip
    view = scan_view(result)
    said += [view.headline, view.detail, *view.notices]
    cfg = DeskSettings()
    said += [shift_text(ShiftKey(DAY, "AM"), cfg), request_text(_swap(SwapState.APPROVED), cfg)]
    for state in SwapState:
        if state not in (SwapState.PENDING_COLLEAGUE, SwapState.PENDING_SUPERVISOR):
            said += [outcome_text(_swap(state), 1, cfg), outcome_text(_swap(state), 2, cfg)]
            said.append(why_text(_swap(state)))
    said += [outcome_text(_swap(SwapState.REJECTED, declined=True), me, cfg) for me in (1, 2)]
    return said


def test_no_iso_date_is_said_to_a_person(language: str) -> None:
    """Findings, errors, scan notices, the kiosk's date and swap words write ROC dates."""
    said = _sentences()
    assert not [s for s in said if ISO_DATE.search(s)]
    joined = "\n".join(said)
    assert "115/11/25" in joined  # the facts' date is there, in ROC form
    if language == "zh_TW":
        assert "您 115/11/25 的上午班沒有簽退" in joined
        assert "民國115年11月25日 星期三" in joined


# Messages that tell how to type a date where the command line takes ISO dates (--date
# YYYY-MM-DD): the example must be what is typed. Any other ISO date in the catalogue fails.
TYPED_ISO = {"{raw} is not a date; write it as YYYY-MM-DD, e.g. 2025-02-08."}


def _catalogue() -> list[tuple[str, str, str]]:
    root = ET.parse(i18n.resource("i18n", "frontdesk_zh_TW.ts")).getroot()
    return [
        (
            c.findtext("name") or "",
            m.findtext("source") or "",
            "|".join(t for tr in m.iterfind("translation") for t in tr.itertext()),
        )
        for c in root.findall("context")
        for m in c.findall("message")
    ]


def test_no_translated_sentence_of_any_context_holds_an_iso_date(qapp: object) -> None:
    """Every context of the .ts and of the shipped .qm, not only the kiosk's."""
    messages = _catalogue()
    contexts = {c for c, _, _ in messages}
    assert {"Kiosk", "messages", "cli", "SwapsPage", "RosterMonthModel"} <= contexts
    assert len(messages) > 1000
    translator = QTranslator()
    assert translator.load(str(i18n.resource("i18n", "frontdesk_zh_TW.qm")))
    bad = []
    for context, source, translation in messages:
        if source in TYPED_ISO:
            continue
        shipped = translator.translate(context, source, None, 1)  # the .qm as the app reads it
        assert shipped and shipped in translation, (context, source)
        bad += [(context, t) for t in (source, translation, shipped) if ISO_DATE.search(t)]
    assert bad == []
    assert all(any(s == t for _, s, _ in messages) for t in TYPED_ISO)
