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
    if o is ScanOutcome.SIGNED_IN:
        tone, head, detail = _signed_in(result)
    elif o is ScanOutcome.SIGNED_OUT:
        tone, head, detail = _signed_out(result)
    else:
        tone, head, detail = _nothing_written(result)
    name = "" if o is ScanOutcome.UNKNOWN_CARD else result.name
    notices = tuple(describe_auto_closed(n.day, n.slot) for n in result.auto_closed)
    return ScanView(tone, head, name, clock(result.at), detail, notices)


def _slot(result: ScanResult) -> str:
    return slot_title(result.slot) if result.slot is not None else ""


def _signed_in(result: ScanResult) -> tuple[str, str, str]:
    """(tone, headline, detail) of a sign-in: walk-in, late or on time."""
    head = QCoreApplication.translate("Kiosk", "Signed in")
    slot = _slot(result)
    if result.status is AttendanceStatus.WALK_IN:
        detail = QCoreApplication.translate(
            "Kiosk", "{slot} · extra help (walk-in); the supervisor will be told."
        ).format(slot=slot)
        return WARN, head, detail
    if result.late_minutes:
        detail = QCoreApplication.translate("Kiosk", "{slot} · late by {minutes} minutes").format(
            slot=slot, minutes=result.late_minutes
        )
        return WARN, head, detail
    detail = QCoreApplication.translate("Kiosk", "{slot} · on time. Thank you!").format(slot=slot)
    return OK, head, detail


def _signed_out(result: ScanResult) -> tuple[str, str, str]:
    """(tone, headline, detail) of a sign-out: the hours served, and leaving early."""
    head = QCoreApplication.translate("Kiosk", "Signed out")
    hours = f"{result.credited_minutes / 60:.1f}"
    if result.early_leave_minutes:
        detail = QCoreApplication.translate(
            "Kiosk", "Left {minutes} minutes early · {hours} hours served"
        ).format(minutes=result.early_leave_minutes, hours=hours)
        return WARN, head, detail
    detail = QCoreApplication.translate(
        "Kiosk", "{hours} hours served. Thank you for your help!"
    ).format(hours=hours)
    return OK, head, detail


def _nothing_written(result: ScanResult) -> tuple[str, str, str]:
    """(tone, headline, detail) of a scan that recorded nothing, and why."""
    from frontdesk.services.attendance import ScanOutcome

    o = result.outcome
    if o is ScanOutcome.REPEAT:
        return (
            OK,
            QCoreApplication.translate("Kiosk", "Already recorded"),
            QCoreApplication.translate(
                "Kiosk", "You already scanned at {time}; nothing more to do."
            ).format(time=clock(result.previous_at or result.at)),
        )
    if o is ScanOutcome.TOO_EARLY:
        return (
            WARN,
            QCoreApplication.translate("Kiosk", "Too early to sign in"),
            QCoreApplication.translate("Kiosk", "Sign-in for {slot} opens at {time}.").format(
                slot=_slot(result), time=clock(result.opens_at)
            ),
        )
    if o is ScanOutcome.NO_MORE_SLOTS:
        return (
            WARN,
            QCoreApplication.translate("Kiosk", "No more duty today"),
            QCoreApplication.translate("Kiosk", "Today's desk duties are over. Thank you!"),
        )
    if o is ScanOutcome.NOT_DUTY_DAY:
        return (
            WARN,
            QCoreApplication.translate("Kiosk", "No desk duty today"),
            QCoreApplication.translate("Kiosk", "Volunteers do not need to sign in today."),
        )
    if o is ScanOutcome.UNKNOWN_CARD:
        return (
            BAD,
            QCoreApplication.translate("Kiosk", "Card not recognised"),
            QCoreApplication.translate(
                "Kiosk", "The number {code} is not known. Please ask the desk staff."
            ).format(code=result.code or "—"),
        )
    if o is ScanOutcome.INACTIVE:
        return (
            BAD,
            QCoreApplication.translate("Kiosk", "Cannot sign in"),
            QCoreApplication.translate(
                "Kiosk", "You are not an active volunteer at the moment. Please see the supervisor."
            ),
        )
    return WARN, str(o), ""


def walk_in_question(result: ScanResult) -> str:
    """Asked when someone not on the roster scans: sign in as extra help?"""
    slot = _slot(result)
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
