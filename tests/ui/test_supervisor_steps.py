"""The swap inbox's and the roster page's decisions, driven without their widgets."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal
from frontdesk.services import roster, swap_views, swaps
from frontdesk.services.context import Desk
from frontdesk.services.workspace import audit_log
from frontdesk.ui.supervisor.answer import Tone
from frontdesk.ui.supervisor.roster_steps import RosterSteps
from frontdesk.ui.supervisor.swap_inbox import SwapInbox
from frontdesk.words.dates import day_text
from frontdesk.words.swaps import shift_text
from tests.support.clocks import Clock
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)

DEC8 = date(2026, 12, 8)  # Tuesday
AM8 = ShiftKey(DEC8, "AM")


def test_the_inbox_approves_a_cover_and_reads_the_lists_again(
    desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    a, c = make_volunteer("A01"), make_volunteer("C01")
    roster.assign(desk, AM8, a)
    rid = swaps.request(desk, SwapProposal(SwapKind.COVER, a, AM8, c), colleague_agrees_now=True)
    inbox = SwapInbox(desk)
    inbox.load()
    [(row_id, cells)] = inbox.inbox_rows()
    assert row_id == rid and cells[0] == "志工A01" and cells[3] == "志工C01"
    v0 = inbox.at(0)
    assert v0 is not None and cells[7] == day_text(v0.requested_at)  # 115/12/01 09:00: ROC
    assert cells[7].startswith("115/") and cells[4].startswith(inbox.left(v0))
    v = inbox.at(0)
    assert v is not None and inbox.at(1) is None
    assert "志工C01 covers" in inbox.describe(v)
    answer = inbox.approve(v)
    assert answer.tone is Tone.OK and answer.reload
    # Who serves which duty in whose place, not a request number.
    assert "志工C01 serves" in answer.text and "in place of 志工A01" in answer.text
    assert shift_text(AM8, inbox.cfg) in answer.text and f"#{rid}" not in answer.text
    inbox.load()
    assert inbox.waiting == [] and [p.id for p in inbox.past] == [rid]


def test_the_inbox_wants_a_cover_and_a_reason(
    desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    a = make_volunteer("A01")
    roster.assign(desk, AM8, a)
    swaps.ask_supervisor(desk, a, AM8, "生病")
    inbox = SwapInbox(desk)
    inbox.load()
    v = inbox.waiting[0]
    answer = inbox.approve(v, None)
    assert answer.tone is Tone.ERROR and not answer.reload and "covers" in answer.text
    assert inbox.cover_choices(v)[0][1] is None  # nobody else exists: one line, no id
    refused = inbox.reject(v, "")
    assert refused.tone is Tone.ERROR and "reason" in refused.text
    assert len(swap_views.pending(desk)) == 1
    assert inbox.reject(v, "人力足夠").reload and swap_views.pending(desk) == []


def test_roster_steps_answer_for_a_volunteer_on_a_duty(
    desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    a = make_volunteer("A01")
    steps = RosterSteps(desk)
    steps.load_choices()
    assert steps.verdict(a).tone is None  # no duty chosen
    steps.shift = AM8
    verdict = steps.verdict(a)
    assert verdict.can_assign and verdict.tone is Tone.OK
    answer = steps.assign(a)
    assert answer.reload and "志工A01" in answer.text and "115年12月8日" in answer.text
    assert not steps.verdict(a).can_assign  # already on it


def test_a_removal_records_no_made_up_reason(
    desk: Desk, clock: Clock, make_volunteer: Callable[..., int]
) -> None:
    """Taking someone off a duty from the roster page asked no reason, yet the audit entry
    read '原因：supervisor' (the account name passed as the reason)."""
    a = make_volunteer("A01")
    steps = RosterSteps(desk)
    steps.load_choices()
    steps.shift = AM8
    steps.assign(a)
    answer = steps.remove(a, "志工A01", confirmed=True)
    assert answer.reload and "志工A01" in answer.text
    entry = audit_log(desk, limit=1)[0]
    assert entry.action == "roster.unassign"
    assert "supervisor" not in json.dumps(entry.after), entry.after
