"""The LINE group message: next week's roster in short lines, the short slots with a call
for help, approved swaps, the desk's phone; and `frontdesk notices line`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from frontdesk import i18n
from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal
from frontdesk.services import notices, roster, swaps
from frontdesk.services.setup import update_settings
from frontdesk.store.db import Database
from frontdesk.words.notices import line_message
from tests.support.clocks import Clock
from tests.support.notices import MON, PHONE, THU, Team, make_team

CALL = "12/10（四）上午班缺 1 位，可以支援的請回覆或刷卡登記"


@pytest.fixture
def team(db: Database, clock: Clock) -> Team:
    return make_team(db, clock)


@pytest.fixture
def zh(qapp: object) -> Iterator[None]:
    """The words in Traditional Chinese, as the desk speaks them."""
    i18n.install("zh_TW")
    yield
    i18n.install("en")


def test_the_week_reads_well_on_a_phone(team: Team, zh: None) -> None:
    update_settings(team.desk, {"slots": "AM=08:30-11:30/1-2;PM=13:30-16:30/0-2"})
    roster.unassign(team.desk, ShiftKey(THU, "AM"), team.wang, confirm_warnings=True)
    text = line_message(notices.week_notice(team.desk, MON))
    lines = text.splitlines()
    assert lines[0] == "【苓雅區衛生所服務台】值班表 12/7（一）～12/13（日）"
    assert "12/7（一）" in lines
    assert "上午班 李美華、王小明" in lines or "上午班 王小明、李美華" in lines
    assert CALL in lines
    # Tuesday and Wednesday mornings are short too; afternoons need nobody
    assert "12/8（二）上午班缺 1 位，可以支援的請回覆或刷卡登記" in lines
    assert not any("下午班缺" in line for line in lines)
    assert lines[-1] == f"換班請洽服務台：{PHONE}"
    assert max(len(line) for line in lines) <= 40, "short lines for a phone"
    assert "2026" not in text and "-12-" not in text


def test_an_approved_swap_is_listed(team: Team, zh: None) -> None:
    proposal = SwapProposal(SwapKind.COVER, team.wang, ShiftKey(THU, "AM"), team.chen)
    swaps.arrange(team.desk, proposal, "家中有事", confirm_warnings=True)
    text = line_message(notices.week_notice(team.desk, MON))
    assert "已核准換班" in text
    assert "12/10（四） 上午班 王小明 → 陳大同" in text
    assert CALL not in text


def test_a_shortage_of_one_slot(team: Team) -> None:
    assert notices.shortage_of(team.desk, ShiftKey(THU, "AM")) is None
    roster.unassign(team.desk, ShiftKey(THU, "AM"), team.wang, confirm_warnings=True)
    short = notices.shortage_of(team.desk, ShiftKey(THU, "AM"))
    assert short == notices.Shortage(THU, "AM", 1)
    assert notices.shortage_of(team.desk, ShiftKey(date(2026, 12, 12), "AM")) is None  # Sat
