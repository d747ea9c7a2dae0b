"""The roster page's decisions, apart from its widgets: the month and the volunteers to
choose from, the live answer for a volunteer on a duty, and what assigning, removing and
generating come to.

`RosterSteps` runs the use cases and words their answers; `RosterPage`
(frontdesk.ui.supervisor.roster) only lays them out and asks the questions, so the steps
are driven in tests without a widget. Sentences keep the page's translation context
("RosterPage").
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from frontdesk.core.findings import Code, Finding, Severity
from frontdesk.core.roster import ShiftKey
from frontdesk.services import roster, workspace
from frontdesk.services.context import Desk
from frontdesk.services.errors import FrontdeskError, NeedsConfirmation, RuleViolation
from frontdesk.services.roster import GenerationReport, MonthView
from frontdesk.services.workspace import Choice, CoverageGap
from frontdesk.ui.supervisor.answer import Answer, Tone
from frontdesk.ui.supervisor.notices_call import call_for
from frontdesk.words.dates import format_roc_date, format_roc_month, roc_day
from frontdesk.words.errors import describe_error
from frontdesk.words.findings import describe_finding, describe_findings
from frontdesk.words.labels import slot_short

ADDED_SHOWN = 12  # lines of duties a generation added, before "… and n more"
SKIPPED_SHOWN = 8


@dataclass(frozen=True)
class Verdict:
    """The live answer for the chosen volunteer on the chosen duty."""

    text: str = ""
    tone: Tone | None = None  # None: nothing to say (no duty or nobody chosen)
    can_assign: bool = False


def duty_text(shift: ShiftKey) -> str:
    """A duty in people's words: the ROC date and the slot's short name."""
    return f"{format_roc_date(shift.day)} {slot_short(shift.slot)}"


class RosterSteps:
    """The chosen month's roster, the chosen duty, and changing who is on it."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.shift: ShiftKey | None = None
        self.choices: list[Choice] = []
        self.last_report: GenerationReport | None = None  # the last generation's

    # --- reading ---------------------------------------------------------------------------

    def month(self, year: int, month: int) -> MonthView:
        return roster.month_view(self.desk, year, month)

    def load_choices(self) -> list[Choice]:
        """The active volunteers one may put on a duty."""
        self.choices = workspace.volunteer_choices(self.desk)
        return self.choices

    def names(self) -> dict[int, str]:
        return {c.id: c.name for c in self.choices}

    def coverage(self) -> list[CoverageGap]:
        """The next four weeks' duties under the minimum, with suggestions."""
        return workspace.coverage_gaps(self.desk)

    @staticmethod
    def coverage_note(gaps: int) -> str:
        if gaps == 0:
            return QCoreApplication.translate(
                "RosterPage", "Every duty of the next four weeks has its minimum."
            )
        return QCoreApplication.translate(
            "RosterPage", "Click a line to open that duty; suggested volunteers are free that day."
        )

    def verdict(self, volunteer_id: int | None) -> Verdict:
        """May `volunteer_id` take the chosen duty: yes, yes with warnings, or no and why."""
        if self.shift is None or volunteer_id is None:
            return Verdict()
        try:
            findings = roster.check(self.desk, self.shift, volunteer_id)
        except FrontdeskError as exc:
            return Verdict(describe_error(exc), Tone.ERROR)
        if not findings:
            return Verdict(
                QCoreApplication.translate("RosterPage", "✓ Can take this duty."), Tone.OK, True
            )
        errors = any(f.severity is Severity.ERROR for f in findings)
        prefix = (
            QCoreApplication.translate("RosterPage", "× Not possible: ")
            if errors
            else QCoreApplication.translate("RosterPage", "⚠ Possible, but: ")
        )
        names = self.names()
        return Verdict(
            prefix + describe_findings(findings, names),
            Tone.ERROR if errors else Tone.INFO,
            not any(f.blocking for f in findings),
        )

    # --- changing --------------------------------------------------------------------------

    @staticmethod
    def _nothing_changed() -> str:
        return QCoreApplication.translate("RosterPage", "Nothing was changed.")

    def assign(self, volunteer_id: int, *, confirmed: bool = False) -> Answer:
        """Put `volunteer_id` on the chosen duty; a warning is asked about first."""
        shift = self.shift
        if shift is None:
            return Answer()
        names = self.names()
        try:
            roster.assign(self.desk, shift, volunteer_id, confirm_warnings=confirmed)
        except RuleViolation as exc:
            return Answer.refused(describe_findings(exc.findings, names))
        except NeedsConfirmation as exc:
            if confirmed:
                return Answer.refused(describe_error(exc, names))
            anyway = QCoreApplication.translate("RosterPage", "Assign anyway?")
            return Answer(
                question=describe_findings(exc.findings, names) + "\n\n" + anyway,
                if_declined=self._nothing_changed(),
            )
        except FrontdeskError as exc:
            return Answer.refused(describe_error(exc, names))
        return Answer(
            QCoreApplication.translate(
                "RosterPage", "{name} is on the {slot} duty of {day}."
            ).format(
                name=names.get(volunteer_id, ""),
                slot=slot_short(shift.slot),
                day=format_roc_date(shift.day),
            ),
            reload=True,
        )

    def remove(self, volunteer_id: int, name: str, *, confirmed: bool = False) -> Answer:
        """Take `volunteer_id` (called `name`) off the chosen duty. Always asked first,
        naming who and which duty, and what the duty would be left short of."""
        shift = self.shift
        if shift is None:
            return Answer(
                QCoreApplication.translate("RosterPage", "Select a volunteer of this duty first."),
                Tone.INFO,
            )
        names = {volunteer_id: name}
        try:
            if not confirmed:
                return self._removal_question(shift, volunteer_id, name)
            # the page asks no reason: none is recorded (the account name was, as one)
            roster.unassign(self.desk, shift, volunteer_id, confirm_warnings=True)
        except RuleViolation as exc:
            return Answer.refused(describe_findings(exc.findings, names), reload=True)
        except (FrontdeskError, OSError) as exc:
            return Answer.refused(describe_error(exc, names))
        return Answer(
            QCoreApplication.translate("RosterPage", "{name} was taken off this duty.").format(
                name=name
            ),
            reload=True,
            call=call_for(self.desk, shift.day, shift.slot),
        )

    def _removal_question(self, shift: ShiftKey, volunteer_id: int, name: str) -> Answer:
        """'Take 王小明 off the morning duty of 115/12/08 (二)?', and the shortage it leaves;
        a removal the rules refuse (not on the duty any more) is refused at once."""
        names = {volunteer_id: name}
        findings = roster.check_removal(self.desk, shift, volunteer_id)
        errors = [f for f in findings if f.severity is Severity.ERROR]
        if errors:
            return Answer.refused(describe_findings(errors, names), reload=True)
        question = QCoreApplication.translate(
            "RosterPage", "Take {name} off the {slot} duty of {day}?"
        ).format(name=name, slot=slot_short(shift.slot), day=roc_day(shift.day))
        if findings:
            question += "\n\n" + describe_findings(findings, names)
        return Answer(question=question, if_declined=self._nothing_changed())

    def generate(self, year: int, month: int, *, confirmed: bool = False) -> Answer:
        """Fill the month from the weekly duties; the answer lists what was added and what
        the rules refused. Unconfirmed, it only asks, saying how many duties would be added
        and that the duties already there are kept (a bulk step is never taken unasked)."""
        try:
            report = roster.generate_month(self.desk, year, month, dry_run=not confirmed)
        except (FrontdeskError, OSError) as exc:
            return Answer.refused(describe_error(exc))
        if not confirmed and report.added:
            question = QCoreApplication.translate(
                "RosterPage",
                "Add {n} duties to {month} from the weekly duties? The duties already on "
                "the roster are kept as they are (those changed by hand, swapped or removed "
                "too).",
            ).format(n=len(report.added), month=format_roc_month(year, month))
            if report.skipped:
                question += "\n\n" + QCoreApplication.translate(
                    "RosterPage", "{n} weekly duties will be skipped: the rules refuse them."
                ).format(n=len(report.skipped))
            return Answer(question=question, if_declined=self._nothing_changed())
        self.last_report = report
        if not report.added and not report.skipped:
            return Answer(
                QCoreApplication.translate(
                    "RosterPage", "Nothing to add: the month already has every weekly duty."
                ),
                Tone.INFO,
                reload=True,
            )
        names = {
            c.id: c.name for c in workspace.volunteer_choices(self.desk, include_inactive=True)
        }
        lines = [
            QCoreApplication.translate(
                "RosterPage", "Added {n} duties from the weekly duties."
            ).format(n=len(report.added))
        ]
        added = sorted(report.added)
        for shift, vid in added[:ADDED_SHOWN]:
            lines.append(f"  + {duty_text(shift)} {names.get(vid, vid)}")
        if len(added) > ADDED_SHOWN:
            lines.append(
                QCoreApplication.translate("RosterPage", "  … and {n} more").format(
                    n=len(added) - ADDED_SHOWN
                )
            )
        if report.skipped:
            lines.append(
                QCoreApplication.translate(
                    "RosterPage", "Skipped {n} (the rules refuse them):"
                ).format(n=len(report.skipped))
            )
            for shift, vid, code in report.skipped[:SKIPPED_SHOWN]:
                facts = {"day": shift.day, "slot": shift.slot, "volunteer_id": vid}
                finding = Finding(Code(code), Severity.ERROR, facts)
                lines.append("  − " + describe_finding(finding, names))
        return Answer("\n".join(lines), reload=True)
