"""The kiosk's words: dates, slots, the board, the duty points and what a scan meant.

Every sentence goes through Qt translation (context "Kiosk"); English is the source,
Traditional Chinese the default. Placeholders are {name} fields filled after translation.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from frontdesk.core.attendance import AttendanceStatus
from frontdesk.core.calendar import DayInfo, DayKind
from frontdesk.core.settings import SlotDef
from frontdesk.services.attendance import ScanOutcome, ScanResult
from frontdesk.services.kiosk import Board, BoardEntry, SlotBoard, SlotPhase

# The dates live in a light module (the starting screen shows them before the database
# layer loads); the kiosk's callers keep finding them here.
from frontdesk.ui.kiosk.dates import hhmm as hhmm
from frontdesk.ui.kiosk.dates import long_date as long_date
from frontdesk.ui.kiosk.dates import weekday_name as weekday_name


def slot_title(slot: SlotDef) -> str:
    if slot.code == "AM":
        name = QCoreApplication.translate("Kiosk", "Morning duty")
    elif slot.code == "PM":
        name = QCoreApplication.translate("Kiosk", "Afternoon duty")
    else:
        name = QCoreApplication.translate("Kiosk", "Duty {code}").format(code=slot.code)
    return f"{name} {slot.start:%H:%M}–{slot.end:%H:%M}"


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
    parts = [QCoreApplication.translate("Kiosk", "in {time}").format(time=hhmm(entry.in_at))]
    if entry.late_minutes:
        parts.append(
            QCoreApplication.translate("Kiosk", "late {minutes} min").format(
                minutes=entry.late_minutes
            )
        )
    if entry.out_at is not None:
        parts.append(
            QCoreApplication.translate("Kiosk", "out {time}").format(time=hhmm(entry.out_at))
        )
    if entry.out_at is None and entry.status == AttendanceStatus.NO_SIGN_OUT.value:
        parts.append(QCoreApplication.translate("Kiosk", "no sign-out"))
    if not entry.assigned:
        parts.append(QCoreApplication.translate("Kiosk", "walk-in"))
    return " · ".join(parts)


def staffing(slot: SlotBoard) -> str:
    if slot.closed:
        return QCoreApplication.translate("Kiosk", "Closed")
    if slot.staff_count == 0:
        return QCoreApplication.translate("Kiosk", "Nobody on duty: please tell the supervisor")
    if slot.understaffed:
        return QCoreApplication.translate("Kiosk", "Short of volunteers ({have} of {need})").format(
            have=slot.staff_count, need=slot.slot.min_staff
        )
    return ""


def status_line(board: Board) -> str:
    """The current slot and its state, e.g. 上午班 08:30–11:30 · 值班中：王小明 08:27 簽到."""
    if not board.is_duty_day:
        return closed_day(board.info)[0]
    current = board.current
    if current is not None:
        title = slot_title(current.slot)
        present = [e for e in current.entries if e.on_duty]
        if present:
            who = "、".join(
                QCoreApplication.translate("Kiosk", "{name} {time}").format(
                    name=e.name, time=hhmm(e.in_at)
                )
                for e in present
            )
            return QCoreApplication.translate("Kiosk", "{slot} · on duty: {who}").format(
                slot=title, who=who
            )
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


def duty_points() -> list[str]:
    """值班要點 of the rules, in their order."""
    return [
        QCoreApplication.translate("Kiosk", "Safety: keep people and property safe"),
        QCoreApplication.translate("Kiosk", "5S: keep the desk clean and tidy"),
        QCoreApplication.translate("Kiosk", "Reception: welcome visitors"),
        QCoreApplication.translate("Kiosk", "Phone: answer and transfer calls"),
        QCoreApplication.translate("Kiosk", "Announcements over the PA"),
        QCoreApplication.translate("Kiosk", "Emergencies: act, then tell the head of office"),
    ]


def privacy_reminder() -> str:
    return QCoreApplication.translate(
        "Kiosk",
        "Never give out anyone's phone number, address or personal data.",
    )


def phone_script(agency_name: str) -> list[tuple[str, str]]:
    """The phone courtesy lines of the rules (電話禮貌), with the agency's name."""
    return [
        (
            QCoreApplication.translate("Kiosk", "Answer"),
            QCoreApplication.translate("Kiosk", "Within 3 rings (10 seconds)."),
        ),
        (
            QCoreApplication.translate("Kiosk", "Greeting"),
            QCoreApplication.translate(
                "Kiosk", "“{agency}, hello, it is a pleasure to serve you.”"
            ).format(agency=agency_name),
        ),
        (
            QCoreApplication.translate("Kiosk", "Transfer"),
            QCoreApplication.translate(
                "Kiosk", "“One moment please, I will put you through to ○○○, extension ○○.”"
            ),
        ),
        (
            QCoreApplication.translate("Kiosk", "Busy"),
            QCoreApplication.translate(
                "Kiosk",
                "“Sorry, the officer is on another call. May I take your contact details? "
                "Mr/Ms ○ will call you back.”",
            ),
        ),
        (
            QCoreApplication.translate("Kiosk", "Closing"),
            QCoreApplication.translate(
                "Kiosk", "“Thank you.” “Goodbye.” Let the caller hang up first."
            ),
        ),
    ]


# --- scan results ------------------------------------------------------------------------

OK, WARN, BAD = "ok", "warn", "bad"


@dataclass(frozen=True)
class ScanView:
    """What the big confirmation shows."""

    tone: str  # ok / warn / bad
    headline: str
    name: str
    time: str
    detail: str
    notices: tuple[str, ...] = ()


def scan_view(result: ScanResult) -> ScanView:
    from frontdesk.messages import describe_auto_closed

    o = result.outcome
    name = result.name
    at = hhmm(result.at)
    slot = slot_title(result.slot) if result.slot is not None else ""
    notices = tuple(describe_auto_closed(n.day, n.slot) for n in result.auto_closed)
    if o is ScanOutcome.SIGNED_IN:
        head = QCoreApplication.translate("Kiosk", "Signed in")
        if result.status is AttendanceStatus.WALK_IN:
            detail = QCoreApplication.translate(
                "Kiosk", "{slot} · extra help (walk-in); the supervisor will be told."
            ).format(slot=slot)
            tone = WARN
        elif result.late_minutes:
            detail = QCoreApplication.translate(
                "Kiosk", "{slot} · late by {minutes} minutes"
            ).format(slot=slot, minutes=result.late_minutes)
            tone = WARN
        else:
            detail = QCoreApplication.translate("Kiosk", "{slot} · on time. Thank you!").format(
                slot=slot
            )
            tone = OK
        return ScanView(tone, head, name, at, detail, notices)
    if o is ScanOutcome.SIGNED_OUT:
        head = QCoreApplication.translate("Kiosk", "Signed out")
        hours = f"{result.credited_minutes / 60:.1f}"
        if result.early_leave_minutes:
            detail = QCoreApplication.translate(
                "Kiosk", "Left {minutes} minutes early · {hours} hours served"
            ).format(minutes=result.early_leave_minutes, hours=hours)
            tone = WARN
        else:
            detail = QCoreApplication.translate(
                "Kiosk", "{hours} hours served. Thank you for your help!"
            ).format(hours=hours)
            tone = OK
        return ScanView(tone, head, name, at, detail, notices)
    if o is ScanOutcome.REPEAT:
        return ScanView(
            OK,
            QCoreApplication.translate("Kiosk", "Already recorded"),
            name,
            at,
            QCoreApplication.translate(
                "Kiosk", "You already scanned at {time}; nothing more to do."
            ).format(time=hhmm(result.previous_at or result.at)),
            notices,
        )
    if o is ScanOutcome.TOO_EARLY:
        return ScanView(
            WARN,
            QCoreApplication.translate("Kiosk", "Too early to sign in"),
            name,
            at,
            QCoreApplication.translate("Kiosk", "Sign-in for {slot} opens at {time}.").format(
                slot=slot, time=hhmm(result.opens_at)
            ),
            notices,
        )
    if o is ScanOutcome.NO_MORE_SLOTS:
        return ScanView(
            WARN,
            QCoreApplication.translate("Kiosk", "No more duty today"),
            name,
            at,
            QCoreApplication.translate("Kiosk", "Today's desk duties are over. Thank you!"),
            notices,
        )
    if o is ScanOutcome.NOT_DUTY_DAY:
        return ScanView(
            WARN,
            QCoreApplication.translate("Kiosk", "No desk duty today"),
            name,
            at,
            QCoreApplication.translate("Kiosk", "Volunteers do not need to sign in today."),
            notices,
        )
    if o is ScanOutcome.UNKNOWN_CARD:
        return ScanView(
            BAD,
            QCoreApplication.translate("Kiosk", "Card not recognised"),
            "",
            at,
            QCoreApplication.translate(
                "Kiosk", "The number {code} is not known. Please ask the desk staff."
            ).format(code=result.code or "—"),
            notices,
        )
    if o is ScanOutcome.INACTIVE:
        return ScanView(
            BAD,
            QCoreApplication.translate("Kiosk", "Cannot sign in"),
            name,
            at,
            QCoreApplication.translate(
                "Kiosk", "You are not an active volunteer at the moment. Please see the supervisor."
            ),
            notices,
        )
    return ScanView(WARN, str(o), name, at, "", notices)


def walk_in_question(result: ScanResult) -> str:
    slot = slot_title(result.slot) if result.slot is not None else ""
    return QCoreApplication.translate(
        "Kiosk",
        "{name}, you are not on today's roster for {slot}.\n"
        "Sign in as extra help (walk-in)? The supervisor will be told.",
    ).format(name=result.name, slot=slot)
