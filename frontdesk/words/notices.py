"""The reminders and notices in people's words: the LINE group message, the e-mails, the
calendar file's event texts and the paper slip's lines.

Short lines that read well on a phone; dates as 12/10（四） (words.dates.month_day) for the
coming weeks, ROC dates elsewhere; a slot's hours from words.labels.time_range.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from frontdesk.core.settings import SlotDef
from frontdesk.words.dates import format_roc_month, month_day
from frontdesk.words.labels import slot_name, time_range

if TYPE_CHECKING:
    from frontdesk.services.notices import DeskFacts, Shortage, WeekNotice


def swap_rule(notice_days: int) -> str:
    """The swap rule in one line (志工服務規範: 提前一週與其他志工更換並告知志工督導)."""
    return QCoreApplication.translate(
        "notices",
        "Swaps: arrange with a colleague at least {days} days ahead and tell the "
        "supervisor, or ask the supervisor to arrange it.",
    ).format(days=notice_days)


def phone_line(facts: DeskFacts) -> str:
    """換班請洽服務台 07-…; empty when the desk has no phone set."""
    if not facts.phone:
        return ""
    return QCoreApplication.translate("notices", "For a swap call the desk: {phone}").format(
        phone=facts.phone
    )


def vacancy_call(shortage: Shortage) -> str:
    """12/10（四）上午班缺 1 位，可以支援的請回覆或刷卡登記."""
    return QCoreApplication.translate(
        "notices",
        "{day} {slot}: {count} more needed. If you can help, reply or sign in at the desk.",
    ).format(day=month_day(shortage.day), slot=slot_name(shortage.slot), count=shortage.missing)


def line_message(week: WeekNotice) -> str:
    """The text the supervisor posts in the volunteers' LINE group: next week's roster,
    the slots still short with a call for help, the approved swaps, the desk's phone."""
    title = QCoreApplication.translate("notices", "【{agency} {desk}】Duties {first} – {last}")
    lines = [
        title.format(
            agency=week.desk.agency,
            desk=week.desk.desk,
            first=month_day(week.start),
            last=month_day(week.end),
        )
    ]
    day: date | None = None
    for d, slot, names in week.roster:
        if d != day:
            lines += ["", month_day(d)]
            day = d
        who = "、".join(names) if names else QCoreApplication.translate("notices", "(nobody yet)")
        lines.append(f"{slot_name(slot)} {who}")
    if not week.roster:
        lines += ["", QCoreApplication.translate("notices", "No duties this week.")]
    if week.shortages:
        lines += ["", QCoreApplication.translate("notices", "⚠ Still short")]
        lines += [vacancy_call(s) for s in week.shortages]
    if week.swaps:
        lines += ["", QCoreApplication.translate("notices", "Approved swaps")]
        lines += [
            f"{month_day(s.day)} {slot_name(s.slot)} {s.gives} → {s.takes}" for s in week.swaps
        ]
    tail = phone_line(week.desk)
    return "\n".join([*lines, *(["", tail] if tail else [])])


# --- e-mails ---------------------------------------------------------------------------


def _sign_off(facts: DeskFacts) -> list[str]:
    out = ["", swap_rule(facts.swap_notice_days)]
    if facts.phone:
        out.append(phone_line(facts))
    return [*out, "", f"{facts.agency} {facts.desk}"]


class Reminders:
    """The reminder e-mails of one desk: the words every message shares are translated once,
    each duty's once, so a month of reminders costs one formatting per message."""

    def __init__(self, facts: DeskFacts) -> None:
        self._facts = facts
        self._tail = "\n".join(_sign_off(facts))
        self._subject = QCoreApplication.translate("notices", "Duty reminder: {when}")
        self._dear = QCoreApplication.translate("notices", "Dear {name},")
        self._on_duty = QCoreApplication.translate(
            "notices", "You are on duty at the {desk} on {when}."
        )
        self._when: dict[tuple[date, str], tuple[str, str]] = {}

    def mail(self, name: str, day: date, slot: SlotDef) -> tuple[str, str]:
        """(subject, body) of the reminder sent some days before a duty."""
        found = self._when.get((day, slot.code))
        if found is None:
            when = f"{month_day(day)} {slot_name(slot.code)} {time_range(slot)}"
            found = (
                self._subject.format(when=when),
                self._on_duty.format(desk=self._facts.desk, when=when),
            )
            self._when[(day, slot.code)] = found
        subject, line = found
        return subject, f"{self._dear.format(name=name)}\n\n{line}\n{self._tail}"


def reminder_mail(facts: DeskFacts, name: str, day: date, slot: SlotDef) -> tuple[str, str]:
    """(subject, body) of the reminder sent some days before a duty."""
    return Reminders(facts).mail(name, day, slot)


def swap_decision_mail(
    facts: DeskFacts, name: str, day: date, slot: str, approved: bool, why: str
) -> tuple[str, str]:
    """(subject, body) telling a volunteer the supervisor's decision on a swap."""
    when = f"{month_day(day)} {slot_name(slot)}"
    if approved:
        subject = QCoreApplication.translate("notices", "Swap approved: {when}")
        said = QCoreApplication.translate(
            "notices", "The swap of the duty on {when} was approved. The roster is changed."
        )
    else:
        subject = QCoreApplication.translate("notices", "Swap not approved: {when}")
        said = QCoreApplication.translate(
            "notices", "The swap of the duty on {when} was not approved. The duty stays as it was."
        )
    body = [
        QCoreApplication.translate("notices", "Dear {name},").format(name=name),
        "",
        said.format(when=when),
    ]
    if why:
        body.append(
            QCoreApplication.translate("notices", "Supervisor's note: {why}").format(why=why)
        )
    return subject.format(when=when), "\n".join([*body, *_sign_off(facts)])


def vacancy_mail(facts: DeskFacts, name: str, shortage: Shortage) -> tuple[str, str]:
    """(subject, body) of the call for help when a slot falls under its minimum."""
    when = f"{month_day(shortage.day)} {slot_name(shortage.slot)}"
    subject = QCoreApplication.translate("notices", "Help needed: {when}").format(when=when)
    body = [
        QCoreApplication.translate("notices", "Dear {name},").format(name=name),
        "",
        vacancy_call(shortage),
        *_sign_off(facts),
    ]
    return subject, "\n".join(body)


# --- calendar file and paper slip ---------------------------------------------------------


def event_summary(facts: DeskFacts, slot: str) -> str:
    """苓雅區衛生所 服務台 上午班: the event's title in a phone's calendar."""
    return f"{facts.agency} {facts.desk} {slot_name(slot)}"


def event_description(facts: DeskFacts) -> str:
    return "\n".join(
        line for line in (swap_rule(facts.swap_notice_days), phone_line(facts)) if line
    )


def alarm_text(slot: str) -> str:
    return QCoreApplication.translate("notices", "Tomorrow: {slot} at the desk").format(
        slot=slot_name(slot)
    )


def slip_month(year: int, month: int) -> str:
    """民國115年12月值班: the slip's second line, under the volunteer's name."""
    return QCoreApplication.translate("notices", "{month} duties").format(
        month=format_roc_month(year, month)
    )


def slip_duty(day: date, slot: SlotDef) -> str:
    return f"{month_day(day)} {slot_name(slot.code)} {time_range(slot)}"


def slip_no_duty() -> str:
    return QCoreApplication.translate("notices", "No duties this month.")
