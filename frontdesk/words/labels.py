"""Words for stored codes: slots, volunteer and attendance statuses, kinds of day.

Shared by the kiosk, the supervisor workspace and the command line (the workbook has its
fixed Chinese forms in words.workbook). Translation contexts are kept from where each
word was first written: "labels" for tables, "Kiosk" for the kiosk's slot titles,
"messages" for slots inside sentences and "cli" for the command line's kinds of day.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import time

from PySide6.QtCore import QCoreApplication

from frontdesk.core.calendar import DayInfo, DayKind
from frontdesk.core.settings import SlotDef

# --- slots ----------------------------------------------------------------------------


def slot_short(code: str) -> str:
    """上午 / 下午 for tables; any other slot code as it is."""
    if code == "AM":
        return QCoreApplication.translate("labels", "AM")
    if code == "PM":
        return QCoreApplication.translate("labels", "PM")
    return code


def slot_name(code: object) -> str:
    """上午班 / 下午班 inside a sentence; any other slot code as it is."""
    if code == "AM":
        return QCoreApplication.translate("messages", "morning (AM)")
    if code == "PM":
        return QCoreApplication.translate("messages", "afternoon (PM)")
    return str(code or "")


def time_range(slot: SlotDef) -> str:
    """08:30–11:30: a slot's hours (Taipei time, an en dash between), the one way every
    screen, sentence and workbook writes them."""
    return clock_span(slot.start, slot.end)


def clock_span(start: time, end: time) -> str:
    """08:00–12:00: two times of day (Taipei time) with an en dash between, as time_range."""
    return f"{start:%H:%M}–{end:%H:%M}"


def slot_title(slot: SlotDef) -> str:
    """上午班 08:30–11:30: a slot with its hours, as the kiosk shows it."""
    if slot.code == "AM":
        name = QCoreApplication.translate("Kiosk", "Morning duty")
    elif slot.code == "PM":
        name = QCoreApplication.translate("Kiosk", "Afternoon duty")
    else:
        name = QCoreApplication.translate("Kiosk", "Duty {code}").format(code=slot.code)
    return f"{name} {time_range(slot)}"


# --- statuses -------------------------------------------------------------------------


def volunteer_status(code: str) -> str:
    return {
        "trainee": QCoreApplication.translate("labels", "Trainee"),
        "active": QCoreApplication.translate("labels", "Active"),
        "inactive": QCoreApplication.translate("labels", "Inactive"),
    }.get(code, code)


def attendance_status(code: str) -> str:
    return {
        "open": QCoreApplication.translate("labels", "On duty"),
        "on_time": QCoreApplication.translate("labels", "On time"),
        "late": QCoreApplication.translate("labels", "Late"),
        "early_leave": QCoreApplication.translate("labels", "Left early"),
        "late_early_leave": QCoreApplication.translate("labels", "Late and left early"),
        "no_sign_out": QCoreApplication.translate("labels", "No sign-out"),
        "absent": QCoreApplication.translate("labels", "Absent"),
        "walk_in": QCoreApplication.translate("labels", "Walk-in"),
        "cancelled": QCoreApplication.translate("labels", "Cancelled (closed)"),
    }.get(code, code)


# --- kinds of day ---------------------------------------------------------------------


def day_kind(info: DayInfo) -> str:
    """What kind of day, in words, with its label (holiday name, closure reason) when known."""
    if info.kind is DayKind.WORKDAY:
        text = ""
    elif info.kind is DayKind.WEEKEND:
        text = QCoreApplication.translate("labels", "Weekend")
    elif info.kind is DayKind.HOLIDAY:
        text = info.label or QCoreApplication.translate("labels", "Holiday")
        return text
    elif info.kind is DayKind.MAKEUP_WORKDAY:
        text = QCoreApplication.translate("labels", "Make-up workday (補行上班)")
        if not info.is_duty_day:
            text += QCoreApplication.translate("labels", ", no desk duty")
        return text
    elif info.kind is DayKind.CLOSED:
        return QCoreApplication.translate("labels", "Closed: {reason}").format(
            reason=info.label or QCoreApplication.translate("labels", "office closed")
        )
    elif info.kind is DayKind.MANUAL_OPEN:
        text = QCoreApplication.translate("labels", "Opened by hand")
    else:
        text = QCoreApplication.translate("labels", "Closed by hand")
    if info.label and info.kind is not DayKind.WORKDAY:
        text = f"{text}: {info.label}"
    elif info.label:
        text = info.label
    return text


_KIND_WORDS: dict[DayKind, Callable[[], str]] = {
    DayKind.WORKDAY: lambda: QCoreApplication.translate("cli", "workday"),
    DayKind.WEEKEND: lambda: QCoreApplication.translate("cli", "weekend"),
    DayKind.HOLIDAY: lambda: QCoreApplication.translate("cli", "holiday"),
    DayKind.MAKEUP_WORKDAY: lambda: QCoreApplication.translate("cli", "make-up workday"),
    DayKind.CLOSED: lambda: QCoreApplication.translate("cli", "closure"),
    DayKind.MANUAL_OPEN: lambda: QCoreApplication.translate("cli", "opened by hand"),
    DayKind.MANUAL_CLOSED: lambda: QCoreApplication.translate("cli", "closed by hand"),
}


def kind_word(kind: DayKind) -> str:
    """One word for a kind of day (workday, holiday, closure …), as the command line lists it."""
    words = _KIND_WORDS.get(kind)
    return words() if words is not None else kind.value


# --- people ---------------------------------------------------------------------------

_APP_ACTORS: dict[str, Callable[[], str]] = {
    "kiosk": lambda: QCoreApplication.translate("audit", "Desk PC"),
    "system": lambda: QCoreApplication.translate("audit", "The app (automatic)"),
    "setup": lambda: QCoreApplication.translate("audit", "Installation"),
    "demo": lambda: QCoreApplication.translate("audit", "Demo data"),
    "selftest": lambda: QCoreApplication.translate("audit", "Self-test"),
}


def volunteer_label(code: str, name: str) -> str:
    """V004 郭春正: a volunteer in a list, a table or a choice, code first as on the badge and
    the roster; the same on every page (the swaps page wrote 郭春正 (V004))."""
    return f"{code} {name}".strip()


def volunteer_name_of(label: str) -> str:
    """The name in a volunteer_label (郭春正 from V004 郭春正)."""
    return label.partition(" ")[2] or label


def person_name(actor: str, names: Mapping[str, str]) -> str:
    """Who did it, as a person reads it: the name services.people.actor_names found for the
    actor (王督導 for 'supervisor:boss'), the app's own part in words (服務台電腦, 系統), else
    the account or code without its kind ('supervisor:ghost' → ghost); never a login id."""
    if actor in names:
        return names[actor]
    fixed = _APP_ACTORS.get(actor)
    if fixed is not None:
        return fixed()
    kind, _, who = actor.partition(":")
    if kind == "cli":
        return QCoreApplication.translate("audit", "Command line ({user})").format(user=who or "?")
    return who or actor
