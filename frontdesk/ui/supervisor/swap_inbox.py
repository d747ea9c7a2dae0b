"""The swap inbox's decisions, apart from its widgets: which requests it lists and what their
lines say, who may cover a 'please arrange', and what approving or rejecting comes to.

`SwapInbox` runs the use cases and words their answers; `SwapsPage`
(frontdesk.ui.supervisor.swaps) only lays the lines out and asks the questions, so the
inbox is driven in tests without a widget. Its sentences keep the page's translation
context ("SwapsPage").
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication

from frontdesk.core.swaps import SwapKind, is_short_notice
from frontdesk.services import swap_views, swaps
from frontdesk.services.context import Desk, settings
from frontdesk.services.errors import FrontdeskError, NeedsConfirmation, RuleViolation
from frontdesk.services.swap_views import SwapView
from frontdesk.ui.supervisor.answer import Answer
from frontdesk.ui.supervisor.notices_call import call_for
from frontdesk.words.dates import day_text
from frontdesk.words.errors import describe_error
from frontdesk.words.findings import describe_findings
from frontdesk.words.labels import person_name
from frontdesk.words.swaps import (
    kind_text,
    notice_text,
    shift_short,
    shift_text,
    state_text,
    why_text,
)

COVER_CHOICES = 20  # suggestions offered for a 'please arrange', fewest duties first
HISTORY_ROWS = 500


def _when(value: object) -> str:
    """An instant of the request in words (words.dates.day_text: 115/12/01 14:05), or ""."""
    return day_text(value) if isinstance(value, datetime) else ""


def _notice_given(v: SwapView) -> str:
    """The notice the volunteer gave when asking (the history's record)."""
    days, hours = v.notice
    return QCoreApplication.translate("SwapsPage", "{days} d {hours} h").format(
        days=days, hours=hours
    )


class SwapInbox:
    """The requests waiting for the supervisor and the history, and deciding them."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.cfg = settings(desk)
        self.waiting: list[SwapView] = []
        self.past: list[SwapView] = []

    # --- reading ---------------------------------------------------------------------------

    def expire_due(self) -> None:
        """Requests whose duty has started can no longer be decided (raises FrontdeskError)."""
        swaps.expire_due(self.desk)

    def load(self) -> None:
        """Read the waiting requests and the history again (raises FrontdeskError)."""
        self.cfg = settings(self.desk)
        waiting = swap_views.pending(self.desk)
        self.past = swap_views.history(self.desk, limit=HISTORY_ROWS)
        self.waiting = sorted(waiting, key=self._urgency)

    def _urgency(self, v: SwapView) -> tuple[date, time, datetime, int]:
        """Soonest duty first (a request for today above one for next week), then the
        oldest request; a slot the settings no longer have goes last on its day."""
        slot = self.cfg.slot(v.given.slot)
        return (v.given.day, slot.start if slot is not None else time.max, v.requested_at, v.id)

    def inbox_rows(self) -> list[tuple[int, list[str]]]:
        return [(v.id, self._inbox_cells(v)) for v in self.waiting]

    def history_rows(self) -> list[tuple[int, list[str]]]:
        return [(v.id, self._history_cells(v)) for v in self.past]

    def _other(self, v: SwapView) -> str:
        if v.kind is SwapKind.ARRANGE:
            return QCoreApplication.translate("SwapsPage", "please arrange")
        if v.kind is SwapKind.EXCHANGE and v.taken is not None:
            return QCoreApplication.translate("SwapsPage", "{colleague}, who gives {taken}").format(
                colleague=v.colleague, taken=shift_text(v.taken, self.cfg)
            )
        return v.colleague

    def _inbox_cells(self, v: SwapView) -> list[str]:
        return [
            v.requester,
            shift_text(v.given, self.cfg),
            kind_text(v.kind),
            self._other(v),
            self.left(v) + (" ⚠" if self._asked_late(v) else ""),
            v.reason,
            _when(v.agreed_at) if v.kind is not SwapKind.ARRANGE else "—",
            _when(v.requested_at),
        ]

    def _history_cells(self, v: SwapView) -> list[str]:
        decided = _when(v.decided_at)
        if v.decided_by:  # the supervisor's name as a person is named, never the login name
            who = person_name(v.decided_by, {v.decided_by: v.decider} if v.decider else {})
            decided = f"{decided} {who}".strip()
        reason = why_text(v)
        if v.reason and v.reason != reason:
            reason = f"{v.reason} / {reason}" if reason else v.reason
        by_supervisor = QCoreApplication.translate("SwapsPage", " (by supervisor)")
        return [
            str(v.id),
            v.requester,
            shift_short(v.given),
            kind_text(v.kind) + (by_supervisor if v.by_supervisor else ""),
            v.colleague,
            state_text(v.state),
            reason,
            shift_short(v.taken) if v.taken is not None else "",
            _notice_given(v),
            _when(v.requested_at),
            decided,
        ]

    def left(self, v: SwapView) -> str:
        """Time from now to the duty given away: the same words in the table and the detail
        ("—" for a slot the settings no longer have)."""
        if self.cfg.slot(v.given.slot) is None:
            return "—"
        return notice_text(swap_views.notice_of(self.desk, v.given))

    def _asked_late(self, v: SwapView) -> bool:
        """Asked with less than the notice the rule wants (a 'please arrange' may be)."""
        return is_short_notice(timedelta(minutes=v.notice_minutes), self.cfg)

    def at(self, row: int) -> SwapView | None:
        """The waiting request on `row` of the inbox, if there is one."""
        return self.waiting[row] if 0 <= row < len(self.waiting) else None

    def describe(self, v: SwapView) -> str:
        """The detail under the inbox: who gives what to whom, and when the duty starts."""
        given = shift_text(v.given, self.cfg)
        if v.kind is SwapKind.ARRANGE:
            text = QCoreApplication.translate(
                "SwapsPage", "{requester} cannot serve {given} and asks you to arrange it."
            ).format(requester=v.requester, given=given)
            text += " " + QCoreApplication.translate(
                "SwapsPage", "Suggested: free and trained, fewest duties first."
            )
        elif v.kind is SwapKind.EXCHANGE and v.taken is not None:
            text = QCoreApplication.translate(
                "SwapsPage", "{requester} gives {given} to {colleague} and takes {taken}."
            ).format(
                requester=v.requester,
                given=given,
                colleague=v.colleague,
                taken=shift_text(v.taken, self.cfg),
            )
        else:
            text = QCoreApplication.translate(
                "SwapsPage", "{colleague} covers {given} for {requester}."
            ).format(requester=v.requester, given=given, colleague=v.colleague)
        starts = QCoreApplication.translate("SwapsPage", "Duty starts: {left}.")
        return text + "\n" + starts.format(left=self.left(v))

    def cover_choices(self, v: SwapView) -> list[tuple[str, int | None]]:
        """Who may cover a 'please arrange' (free and trained, fewest duties first), as
        (label, volunteer id); one line without an id when nobody is free. Raises
        FrontdeskError."""
        found = swap_views.suggest(self.desk, v.given, leaving=v.requester_id)
        choices: list[tuple[str, int | None]] = [
            (f"{s.name} ({s.code})", s.volunteer_id) for s in found[:COVER_CHOICES]
        ]
        if not choices:
            nobody = QCoreApplication.translate("SwapsPage", "nobody is free for this duty")
            choices.append((nobody, None))
        else:
            # Nobody is chosen for the supervisor: 核准 with the first suggestion already
            # in place approved someone never chosen.
            choose = QCoreApplication.translate("SwapsPage", "— choose who covers —")
            choices.insert(0, (choose, None))
        return choices

    def approved_text(self, v: SwapView, cover_name: str = "") -> str:
        """What an approval did, in words: who serves which duty in whose place."""
        given = shift_text(v.given, self.cfg)
        if v.kind is SwapKind.EXCHANGE and v.taken is not None:
            text = QCoreApplication.translate(
                "SwapsPage", "Approved: {requester} gives {given} to {colleague} and takes {taken}."
            ).format(
                requester=v.requester,
                given=given,
                colleague=v.colleague,
                taken=shift_text(v.taken, self.cfg),
            )
        else:
            colleague = cover_name if v.kind is SwapKind.ARRANGE else v.colleague
            text = QCoreApplication.translate(
                "SwapsPage", "Approved: {colleague} serves {given} in place of {requester}."
            ).format(colleague=colleague, given=given, requester=v.requester)
        return (
            text
            + " "
            + QCoreApplication.translate("SwapsPage", "The roster shows the change with ⇄.")
        )

    # --- deciding --------------------------------------------------------------------------

    def approve(
        self,
        v: SwapView,
        cover: int | None = None,
        cover_name: str = "",
        *,
        confirmed: bool = False,
    ) -> Answer:
        """Approve `v` (a 'please arrange' with `cover` serving the duty). Every check runs
        again in the use case: a stale request is refused with its reason, nothing changed."""
        if v.kind is SwapKind.ARRANGE and cover is None:
            return Answer.refused(
                QCoreApplication.translate("SwapsPage", "Choose who covers the duty first.")
            )
        names = {v.requester_id: v.requester}
        if v.colleague_id:
            names[v.colleague_id] = v.colleague
        if cover is not None:
            names[int(cover)] = cover_name
        colleague = cover if v.kind is SwapKind.ARRANGE else None
        try:
            swaps.approve(self.desk, v.id, colleague_id=colleague, confirm_warnings=confirmed)
        except NeedsConfirmation as exc:
            if not confirmed:
                anyway = QCoreApplication.translate("SwapsPage", "Approve anyway?")
                return Answer(question=describe_findings(exc.findings, names) + "\n\n" + anyway)
            return Answer.refused(describe_error(exc, names), reload=True)
        except RuleViolation as exc:
            return Answer.refused(
                QCoreApplication.translate(
                    "SwapsPage", "Request #{id} cannot be approved now: {why} Nothing was changed."
                ).format(id=v.id, why=describe_error(exc, names)),
                reload=True,
            )
        except FrontdeskError as exc:
            return Answer.refused(describe_error(exc, names), reload=True)
        shifts = [v.given] + ([v.taken] if v.taken is not None else [])
        calls = [call_for(self.desk, k.day, k.slot) for k in shifts]
        return Answer(
            self.approved_text(v, cover_name),
            reload=True,
            call="\n".join(c for c in calls if c),
        )

    def reject_prompt(self, v: SwapView) -> str:
        """The question for the rejection's reason, naming who will read it: the requester,
        and the colleague when one is named (a 'please arrange' has none)."""
        if v.colleague_id is None or not v.colleague:
            return QCoreApplication.translate(
                "SwapsPage", "Why? {requester} will see this at the desk."
            ).format(requester=v.requester)
        return QCoreApplication.translate(
            "SwapsPage", "Why? {requester} and {colleague} will both see this at the desk."
        ).format(requester=v.requester, colleague=v.colleague)

    def reject(self, v: SwapView, reason: str) -> Answer:
        """Reject `v` with the supervisor's reason (required: the volunteers read it)."""
        if not reason:
            return Answer.refused(
                QCoreApplication.translate("SwapsPage", "A rejection needs a reason.")
            )
        try:
            swaps.reject(self.desk, v.id, reason)
        except FrontdeskError as exc:
            return Answer.refused(describe_error(exc))
        return Answer(
            QCoreApplication.translate("SwapsPage", "Rejected: request #{id}.").format(id=v.id),
            reload=True,
        )

    def arranged(self, request_id: int | None) -> str:
        """The message after the supervisor arranged a swap themselves."""
        return QCoreApplication.translate(
            "SwapsPage", "Arranged: swap #{id}. The roster shows the change with ⇄."
        ).format(id=request_id)
