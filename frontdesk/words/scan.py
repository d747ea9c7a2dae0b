"""What a scan at the kiosk meant, in words: the big confirmation, the walk-in question and
the notice of a forgotten sign-out the system closed.

Translation contexts: "Kiosk" for the confirmation, "messages" for the notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from frontdesk.core.attendance import AttendanceStatus
from frontdesk.words.dates import clock, day_text
from frontdesk.words.labels import slot_name, slot_title

if TYPE_CHECKING:
    from frontdesk.services.attendance import ScanResult

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
    """The confirmation for a scan's result; a walk-in to confirm is asked by walk_in_question."""
    from frontdesk.services.attendance import ScanOutcome

    o = result.outcome
    name = result.name
    at = clock(result.at)
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
            ).format(time=clock(result.previous_at or result.at)),
            notices,
        )
    if o is ScanOutcome.TOO_EARLY:
        return ScanView(
            WARN,
            QCoreApplication.translate("Kiosk", "Too early to sign in"),
            name,
            at,
            QCoreApplication.translate("Kiosk", "Sign-in for {slot} opens at {time}.").format(
                slot=slot, time=clock(result.opens_at)
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
    """Asked when someone not on the roster scans: sign in as extra help?"""
    slot = slot_title(result.slot) if result.slot is not None else ""
    return QCoreApplication.translate(
        "Kiosk",
        "{name}, you are not on today's roster for {slot}.\n"
        "Sign in as extra help (walk-in)? The supervisor will be told.",
    ).format(name=result.name, slot=slot)


def describe_auto_closed(day: date, slot: str) -> str:
    """Told to a volunteer at the next scan: a forgotten sign-out was closed by the system."""
    return QCoreApplication.translate(
        "messages",
        "Your {slot} duty of {day} had no sign-out; it was closed automatically "
        "and the supervisor will check it.",
    ).format(slot=slot_name(slot), day=day_text(day))
