"""What a scan at the kiosk meant, in words: the big confirmation, the walk-in question, the
question before a running duty is ended early, its undo, and the notice of a forgotten
sign-out the system closed. Every answer to a volunteer on today's roster names their own
duty of the day.

Translation contexts: "Kiosk" for the confirmation, "messages" for the notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from frontdesk.core.attendance import AttendanceStatus, ScanOutcome
from frontdesk.core.codes import may_show_code
from frontdesk.core.settings import slot_end
from frontdesk.core.timeutil import local_day
from frontdesk.words.dates import clock, day_text, duration_text
from frontdesk.words.labels import slot_name, slot_title
from frontdesk.words.records import kiosk_hours_line, kiosk_news

if TYPE_CHECKING:
    from frontdesk.services.attendance import ScanResult

OK, WARN, BAD = "ok", "warn", "bad"
INFO = "info"  # nothing was recorded: neither a success nor a fault


@dataclass(frozen=True)
class ScanView:
    """What the big confirmation shows."""

    tone: str  # ok / warn / bad
    headline: str
    name: str
    time: str
    detail: str
    notices: tuple[str, ...] = ()


def scan_view(result: ScanResult, code_example: str = "", *, digits_alone: bool = True) -> ScanView:
    """The confirmation for a scan's result; a walk-in to confirm is asked by walk_in_question.
    `code_example` (how the desk's codes look, "V001") is told with an unknown number, and
    that the digits alone find a volunteer only when `digits_alone` (no number shared)."""

    o = result.outcome
    if o is ScanOutcome.SIGNED_IN:
        tone, head, detail = _signed_in(result)
    elif o is ScanOutcome.SIGNED_OUT:
        tone, head, detail = _signed_out(result)
        detail = _with_standing(detail, result)
    elif o is ScanOutcome.SIGN_OUT_UNDONE:
        tone, head, detail = _undone(result)
    else:
        tone, head, detail = _nothing_written(result)
    if o is ScanOutcome.UNKNOWN_CARD and not may_show_code(result.code or ""):
        detail = not_a_number()  # never echoed: it may be a secret typed fast
    elif o is ScanOutcome.UNKNOWN_CARD and code_example:
        detail = unknown_number(result.code, code_example, digits_alone=digits_alone)
    name = "" if o is ScanOutcome.UNKNOWN_CARD else result.name
    notices = tuple(describe_auto_closed(n.day, n.slot) for n in result.auto_closed)
    if result.offline:  # decided from the desk's replica: sent when the server is back
        from frontdesk.words.offline import kept_for_upload

        notices = (kept_for_upload(), *notices)
    return ScanView(tone, head, name, clock(result.at), detail, notices)


def _undone(result: ScanResult) -> tuple[str, str, str]:
    """(tone, headline, detail) of a sign-out taken back: green only while the duty runs
    (the service refuses after its end; should one slip through, it is not told as done)."""
    head = QCoreApplication.translate("Kiosk", "Sign-out taken back")
    running = result.slot is not None and result.at < slot_end(local_day(result.at), result.slot)
    if running:
        detail = QCoreApplication.translate("Kiosk", "You are still on duty: {slot}.").format(
            slot=_slot(result)
        )
        return OK, head, detail
    detail = QCoreApplication.translate(
        "Kiosk", "{slot} has ended: please scan again to sign out, or tell the supervisor."
    ).format(slot=_slot(result))
    return WARN, head, detail


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
        detail = QCoreApplication.translate("Kiosk", "{slot} · late by {duration}").format(
            slot=slot, duration=duration_text(result.late_minutes)
        )
        return WARN, head, detail
    detail = QCoreApplication.translate("Kiosk", "{slot} · on time. Thank you!").format(slot=slot)
    return OK, head, detail


def _signed_out(result: ScanResult) -> tuple[str, str, str]:
    """(tone, headline, detail) of a sign-out: the hours served, and leaving early."""
    head = QCoreApplication.translate("Kiosk", "Signed out")
    served = duration_text(result.credited_minutes)
    if result.early_leave_minutes:
        detail = QCoreApplication.translate("Kiosk", "Left {early} early · {served} served").format(
            early=duration_text(result.early_leave_minutes), served=served
        )
        return WARN, head, detail
    detail = QCoreApplication.translate(
        "Kiosk", "{served} served. Thank you for your help!"
    ).format(served=served)
    return OK, head, detail


def _nothing_written(result: ScanResult) -> tuple[str, str, str]:
    """(tone, headline, detail) of a scan that recorded nothing, and why."""

    o = result.outcome
    if o is ScanOutcome.REPEAT:
        return (
            OK,
            QCoreApplication.translate("Kiosk", "Already recorded"),
            QCoreApplication.translate(
                "Kiosk", "You already scanned at {time}; nothing more to do."
            ).format(time=clock(result.previous_at or result.at)),
        )
    if o is ScanOutcome.ALREADY_IN:
        start = f"{result.slot.start:%H:%M}" if result.slot else ""
        return (
            OK,
            QCoreApplication.translate("Kiosk", "Already signed in"),
            QCoreApplication.translate(
                "Kiosk", "You signed in at {time}; your duty starts at {start}."
            ).format(time=clock(result.previous_at or result.at), start=start),
        )
    if o is ScanOutcome.ALREADY_OUT:
        return (
            OK,
            QCoreApplication.translate("Kiosk", "You have already signed out"),
            QCoreApplication.translate(
                "Kiosk", "You signed out of {slot} at {time}. Thank you for your help today!"
            ).format(slot=_slot(result), time=clock(result.previous_at or result.at)),
        )
    if o is ScanOutcome.CONFIRM_SIGN_OUT:  # asked on its own page (sign_out_question)
        return (WARN, *sign_out_question(result))
    if o is ScanOutcome.TOO_EARLY:
        return WARN, QCoreApplication.translate("Kiosk", "Too early to sign in"), _too_early(result)
    if o is ScanOutcome.NO_MORE_SLOTS:
        over = QCoreApplication.translate("Kiosk", "Today's desk duties are over. Thank you!")
        if result.own_slot is not None:
            over = QCoreApplication.translate(
                "Kiosk", "Your duty today ({slot}) is over. Thank you!"
            ).format(slot=slot_title(result.own_slot))
        return WARN, QCoreApplication.translate("Kiosk", "No more duty today"), over
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


def not_a_number() -> str:
    """The answer to a burst that does not look like a volunteer number: what was typed
    is not repeated on the public screen (core.codes.may_show_code)."""
    return QCoreApplication.translate(
        "Kiosk", "This card could not be read. Please try again or ask the desk staff."
    )


def unknown_number(code: str, example: str, *, digits_alone: bool = True) -> str:
    """An unknown number, with how the desk's numbers look; that the digits alone do only
    when `digits_alone` (core.codes.digits_alone_are_enough), else to type the letters."""
    if digits_alone:
        return QCoreApplication.translate(
            "Kiosk",
            "The number {code} is not known. Volunteer numbers look like {example} "
            "(typing just the digits is fine). Please try again or ask the volunteer "
            "supervisor.",
        ).format(code=code or "—", example=example)
    return QCoreApplication.translate(
        "Kiosk",
        "The number {code} is not known. Volunteer numbers look like {example}: please "
        "type the letters too. Please try again or ask the volunteer supervisor.",
    ).format(code=code or "—", example=example)


def _too_early(result: ScanResult) -> str:
    """When sign-in opens, for the volunteer's own duty when they have one today."""
    own, slot, opens = result.own_slot, _slot(result), clock(result.opens_at)
    if own is None:
        return QCoreApplication.translate("Kiosk", "Sign-in for {slot} opens at {time}.").format(
            slot=slot, time=opens
        )
    if own == result.slot:
        return QCoreApplication.translate(
            "Kiosk", "Your duty today is {slot}; sign-in opens at {time}."
        ).format(slot=slot, time=opens)
    return QCoreApplication.translate(
        "Kiosk", "Your duty today ({own}) is over. Sign-in for {slot} opens at {time}."
    ).format(own=slot_title(own), slot=slot, time=opens)


def walk_in_question(result: ScanResult) -> str:
    """Asked when someone not on this slot's roster scans: sign in as extra help? A
    volunteer whose own duty today is over hears of it too."""
    slot = _slot(result)
    if result.own_slot is not None and result.own_slot != result.slot:
        return QCoreApplication.translate(
            "Kiosk",
            "{name}, your duty today ({own}) is over; you are not on the roster for {slot}.\n"
            "Sign in as extra help (walk-in)? The supervisor will be told.",
        ).format(name=result.name, own=slot_title(result.own_slot), slot=slot)
    return QCoreApplication.translate(
        "Kiosk",
        "{name}, you are not on today's roster for {slot}.\n"
        "Sign in as extra help (walk-in)? The supervisor will be told.",
    ).format(name=result.name, slot=slot)


def sign_out_question(result: ScanResult) -> tuple[str, str]:
    """Asked in big type before a running duty is ended early: (question, who and since)."""
    end = f"{result.slot.end:%H:%M}" if result.slot else ""
    question = QCoreApplication.translate("Kiosk", "Sign out now? It is not {end} yet.").format(
        end=end
    )
    who = QCoreApplication.translate("Kiosk", "{name}: {slot}, signed in at {time}.").format(
        name=result.name, slot=_slot(result), time=clock(result.previous_at or result.at)
    )
    return question, who


def sign_out_answers() -> tuple[str, str]:
    """The two answers to sign_out_question: sign out, or stay on duty (the safe one)."""
    return (
        QCoreApplication.translate("Kiosk", "Sign out"),
        QCoreApplication.translate("Kiosk", "No, I am still on duty"),
    )


def still_on_duty(result: ScanResult) -> ScanView:
    """The early sign-out was declined: nothing recorded, the duty goes on."""
    return ScanView(
        INFO,
        QCoreApplication.translate("Kiosk", "Still on duty"),
        result.name,
        clock(result.at),
        QCoreApplication.translate(
            "Kiosk", "Nothing was recorded: {slot}, signed in at {time}."
        ).format(slot=_slot(result), time=clock(result.previous_at or result.at)),
    )


def undo_label() -> str:
    """The button that takes a sign-out back, for a few seconds after it."""
    return QCoreApplication.translate("Kiosk", "Pressed by mistake?")


def undo_answers() -> tuple[str, str]:
    """是 / 不是 under the question before a sign-out is taken back."""
    return (
        QCoreApplication.translate("Kiosk", "Yes, I am still on duty"),
        QCoreApplication.translate("Kiosk", "No, keep the sign-out"),
    )


def undo_question(result: ScanResult) -> str:
    """Asked after 按錯了？, before the sign-out `result` is taken back."""
    return QCoreApplication.translate(
        "Kiosk", "{name}, take back the sign-out of {time}? You will be on duty again ({slot})."
    ).format(name=result.name, time=clock(result.at), slot=_slot(result))


def undo_refused(at: datetime, *, duty_over: bool = False) -> ScanView:
    """The sign-out could not be taken back: the duty has ended (`duty_over`), or too late
    or already changed."""
    if duty_over:
        detail = QCoreApplication.translate(
            "Kiosk",
            "The duty has ended, so the sign-out stands. If you are still helping, "
            "please tell the volunteer supervisor.",
        )
    else:
        detail = QCoreApplication.translate(
            "Kiosk", "It is too late to take this sign-out back. Please tell the supervisor."
        )
    return ScanView(
        BAD,
        QCoreApplication.translate("Kiosk", "Cannot take the sign-out back"),
        "",
        clock(at),
        detail,
    )


def describe_auto_closed(day: date, slot: str) -> str:
    """Told to a volunteer at the next scan: a forgotten sign-out was closed by the system."""
    return QCoreApplication.translate(
        "messages",
        "Your {slot} duty of {day} had no sign-out; it was closed automatically "
        "and the supervisor will check it.",
    ).format(slot=slot_name(slot), day=day_text(day))


def _with_standing(detail: str, result: ScanResult) -> str:
    """After a sign-out: the month's and all service hours, and one line of good news when
    there is some (words.records), under what the duty itself came to. Not while the desk
    is offline: its replica's few days would give a wrong total."""
    s = result.standing
    if s is None or result.offline:  # the offline replica holds only the recent days
        return detail
    lines = [kiosk_hours_line(s.month_minutes, s.total_minutes), kiosk_news(s.news)]
    return "\n".join([detail, *(line for line in lines if line)])
