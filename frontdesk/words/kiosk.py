"""The kiosk's words: the day's headline, the board, the duty points and the phone script.

Every sentence goes through Qt translation (context "Kiosk"); English is the source,
Traditional Chinese the default. Placeholders are {name} fields filled after translation.
The duty points and the phone script are the agency's own texts (settings the supervisor
edits, the duty rules' texts by default), shown as they are kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from frontdesk.core import desk_texts
from frontdesk.core.attendance import AttendanceStatus, SlotPhase
from frontdesk.core.calendar import DayInfo, DayKind
from frontdesk.core.codes import may_show_code
from frontdesk.words.dates import clock, duration_text
from frontdesk.words.labels import slot_title

if TYPE_CHECKING:
    from frontdesk.core.board import Board, BoardEntry, SlotBoard


def closed_day(info: DayInfo) -> tuple[str, str]:
    """Headline and explanation for a day without desk duty."""
    label = info.label
    if info.kind is DayKind.WEEKEND:
        head = QCoreApplication.translate("Kiosk", "No desk duty today: it is the weekend.")
    elif info.kind is DayKind.HOLIDAY:
        head = QCoreApplication.translate("Kiosk", "No desk duty today: it is a holiday.")
    elif info.kind is DayKind.CLOSED:
        head = QCoreApplication.translate("Kiosk", "The office is closed today.")
    elif info.kind is DayKind.MAKEUP_WORKDAY:
        head = QCoreApplication.translate(
            "Kiosk", "Today is a make-up working day without desk duty."
        )
    else:
        head = QCoreApplication.translate("Kiosk", "No desk duty today.")
    detail = (
        label
        if label
        else QCoreApplication.translate("Kiosk", "Volunteers do not need to sign in today.")
    )
    return head, detail


def entry_state(entry: BoardEntry, slot: SlotBoard) -> str:
    """What the board says about one person: times and marks, no personal data."""

    if entry.status == AttendanceStatus.ABSENT.value:
        return QCoreApplication.translate("Kiosk", "absent")
    if entry.in_at is None:
        if slot.phase == SlotPhase.OVER:
            return QCoreApplication.translate("Kiosk", "did not sign in")
        return QCoreApplication.translate("Kiosk", "not signed in yet")
    parts = [QCoreApplication.translate("Kiosk", "in {time}").format(time=clock(entry.in_at))]
    if entry.late_minutes:
        parts.append(
            QCoreApplication.translate("Kiosk", "late {duration}").format(
                duration=duration_text(entry.late_minutes)
            )
        )
    if entry.out_at is not None:
        parts.append(
            QCoreApplication.translate("Kiosk", "out {time}").format(time=clock(entry.out_at))
        )
    if entry.forgot_sign_out and entry.status == AttendanceStatus.NO_SIGN_OUT.value:
        parts.append(QCoreApplication.translate("Kiosk", "no sign-out: closed automatically"))
    elif entry.forgot_sign_out:
        # Not "will be closed automatically": read as that, a volunteer goes home unscanned.
        parts.append(
            QCoreApplication.translate("Kiosk", "not signed out yet: please scan to sign out")
        )
    if not entry.assigned:
        parts.append(QCoreApplication.translate("Kiosk", "walk-in"))
    return " · ".join(parts)


def staffing(slot: SlotBoard) -> str:
    """The staffing warning of a slot ('' when it is staffed well)."""
    if slot.closed:
        return QCoreApplication.translate("Kiosk", "Closed")
    if slot.staff_count == 0:
        return QCoreApplication.translate("Kiosk", "Nobody on duty: please tell the supervisor")
    if slot.understaffed:
        return QCoreApplication.translate("Kiosk", "Short of volunteers ({have} of {need})").format(
            have=slot.staff_count, need=slot.slot.min_staff
        )
    return ""


def status_line(board: Board, fits: Callable[[str], bool] | None = None) -> str:
    """The current slot and its state, e.g. 上午班 08:30–11:30 · 值班中：王小明 08:27 簽到.

    `fits` tells whether a line fits where it is shown: then as many of the people on duty
    are named as fit, and the rest counted (…、王小明 08:27 簽到 等 12 位), so a busy slot
    (walk-ins too) never grows the line without bound; at least one is always named."""

    if not board.is_duty_day:
        return closed_day(board.info)[0]
    current = board.current
    if current is not None:
        title = slot_title(current.slot)
        present = [e for e in current.entries if e.on_duty]
        if present:
            names = [
                QCoreApplication.translate("Kiosk", "{name} {time}").format(
                    name=e.name, time=clock(e.in_at)
                )
                for e in present
            ]
            line = ""
            for shown in range(len(names), 0, -1):
                who = "、".join(names[:shown])
                if shown < len(names):
                    who = QCoreApplication.translate("Kiosk", "{names} and {count} more").format(
                        names=who, count=len(names) - shown
                    )
                line = QCoreApplication.translate("Kiosk", "{slot} · on duty: {who}").format(
                    slot=title, who=who
                )
                if fits is None or fits(line):
                    break
            return line
        if current.phase == SlotPhase.WINDOW:
            return QCoreApplication.translate("Kiosk", "{slot} · sign-in is open").format(
                slot=title
            )
        return QCoreApplication.translate("Kiosk", "{slot} · nobody is on duty now").format(
            slot=title
        )
    upcoming = [s for s in board.slots if s.phase == SlotPhase.BEFORE]
    if upcoming:
        return QCoreApplication.translate("Kiosk", "Next: {slot}").format(
            slot=slot_title(upcoming[0].slot)
        )
    return QCoreApplication.translate("Kiosk", "Today's desk duties are over. Thank you!")


def duty_points(text: str) -> list[str]:
    """值班要點 as the supervisor keeps them (the duty_points setting; the rules' by
    default, core.desk_texts), one point a line."""
    return desk_texts.lines(text)


def privacy_reminder() -> str:
    """The reminder under the duty points: personal data is never given out."""
    return QCoreApplication.translate(
        "Kiosk",
        "Never give out anyone's phone number, address or personal data.",
    )


def phone_script(text: str, agency_name: str) -> list[tuple[str, str]]:
    """The phone courtesy lines (電話禮貌) as the supervisor keeps them (the phone_script
    setting; the rules' by default), with the agency's name: (heading, words) per line."""
    return [
        desk_texts.heading_and_words(line)
        for line in desk_texts.lines(desk_texts.with_agency(text, agency_name))
    ]


def pin_wrong(left: int) -> str:
    """Under the PIN pad after a wrong PIN: how many tries are left today."""
    return QCoreApplication.translate(
        "Kiosk", "That PIN is not right. You can try {left} more times today."
    ).format(left=left)


def pin_refused(locked: bool) -> tuple[str, str]:
    """Headline and detail when a name cannot be used without the card: locked for the
    day after too many wrong PINs, or no PIN set yet."""
    if locked:
        return (
            QCoreApplication.translate("Kiosk", "Too many wrong PINs"),
            QCoreApplication.translate(
                "Kiosk",
                "Signing in without the card is locked for today. "
                "Please scan your card, or ask the supervisor.",
            ),
        )
    return (
        QCoreApplication.translate("Kiosk", "No PIN set yet"),
        QCoreApplication.translate(
            "Kiosk",
            "This desk asks for a PIN without the card. "
            "Please scan your card, or ask the supervisor to set your PIN.",
        ),
    )


def walk_in_declined() -> tuple[str, str]:
    """Headline and detail after 'no' to the walk-in question, when swap news follows."""
    return (
        QCoreApplication.translate("Kiosk", "Not signed in"),
        QCoreApplication.translate("Kiosk", "Nothing was recorded."),
    )


def note_who_hint() -> str:
    """The footer while 'who writes the note?' is asked (no name to tap there)."""
    return QCoreApplication.translate(
        "Kiosk", "Scan your volunteer card, or type your number and press Enter."
    )


def note_kept() -> str:
    """Told when a card closed a handover note being written: its text is not lost."""
    return QCoreApplication.translate(
        "Kiosk",
        "The handover note you were writing has been kept: it comes back when you write "
        "a note again today.",
    )


def note_who(unknown: str = "") -> str:
    """Asked before a handover note is written, so every note names its writer; with the
    number that was not known when one was given."""
    ask = QCoreApplication.translate(
        "Kiosk",
        "Who is writing the note? Please scan your volunteer card, or tap 'Type my number' "
        "below (only to name the writer: nothing is signed in).",
    )
    if not unknown:
        return ask
    if not may_show_code(unknown):  # never echoed: it may be a secret typed fast
        return QCoreApplication.translate("Kiosk", "This card could not be read.") + "\n" + ask
    return (
        QCoreApplication.translate("Kiosk", "The number {code} is not known.").format(code=unknown)
        + "\n"
        + ask
    )
