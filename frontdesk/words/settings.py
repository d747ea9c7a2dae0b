"""The desk's settings in words: each setting's label and a list of what a save changes.

Labels are keyed by core.settings.SPECS keys; values are written by each spec's kind, so
a new setting is described as soon as it has a label. The labels keep the translation
context of the settings page ("CalendarPage"), where they were first written.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from frontdesk.core.settings import (
    SPECS,
    DeskSettings,
    SettingError,
    SettingKind,
    SlotDef,
    parse_settings,
    settings_to_rows,
    spec,
)
from frontdesk.words.labels import slot_short, time_range

# The names of choice values, in their own language whatever the screen's.
CHOICE_NAMES = {"zh_TW": "繁體中文", "en": "English"}
PREVIEW_CHARS = 24  # a long text is shown by its start in a list of changes


def setting_labels() -> dict[str, str]:
    """The words for each setting key of core.settings.SPECS shown on the settings page."""
    return {
        "agency_name": QCoreApplication.translate("CalendarPage", "Agency name"),
        "desk_name": QCoreApplication.translate("CalendarPage", "Desk name"),
        "slots": QCoreApplication.translate("CalendarPage", "Duty times and staffing"),
        "swap_notice_days": QCoreApplication.translate("CalendarPage", "Swap notice (days)"),
        "signin_window_minutes": QCoreApplication.translate(
            "CalendarPage", "Sign-in opens before the duty (minutes)"
        ),
        "late_grace_minutes": QCoreApplication.translate(
            "CalendarPage", "Late after (minutes of grace)"
        ),
        "early_leave_grace_minutes": QCoreApplication.translate(
            "CalendarPage", "Early leave before (minutes of grace)"
        ),
        "autoclose_margin_minutes": QCoreApplication.translate(
            "CalendarPage", "Close a forgotten sign-out after (minutes)"
        ),
        "weekly_max_shifts": QCoreApplication.translate(
            "CalendarPage", "Default weekly maximum of duties"
        ),
        "kiosk_idle_seconds": QCoreApplication.translate(
            "CalendarPage", "Desk screen back to start after (seconds)"
        ),
        "answer_seconds": QCoreApplication.translate(
            "CalendarPage", "The answer to a scan stays on screen for (seconds)"
        ),
        "server_timeout_seconds": QCoreApplication.translate(
            "CalendarPage", "Shared server out of reach after no answer for (seconds)"
        ),
        "sound_volume": QCoreApplication.translate(
            "CalendarPage", "Desk sound volume (0 = no sound)"
        ),
        "supervisor_idle_minutes": QCoreApplication.translate(
            "CalendarPage", "Supervisor screen locks after (minutes)"
        ),
        "language": QCoreApplication.translate("CalendarPage", "Language"),
        "makeup_saturday_is_duty": QCoreApplication.translate(
            "CalendarPage", "Make-up working Saturdays (補行上班) are desk duty days"
        ),
        "require_pin": QCoreApplication.translate(
            "CalendarPage",
            "Ask for the volunteer's PIN when signing in without the card "
            "(tapping a name or typing the number)",
        ),
        "duty_points": QCoreApplication.translate(
            "CalendarPage", "Duty points on the desk screen (one a line)"
        ),
        "phone_script": QCoreApplication.translate(
            "CalendarPage", "Phone script on the desk screen"
        ),
        "phone_test_threshold": QCoreApplication.translate(
            "CalendarPage", "Phone courtesy test: a follow-up is needed under (points)"
        ),
        "phone_test_show_score": QCoreApplication.translate(
            "CalendarPage", "Show the desk's latest phone courtesy test score on the desk screen"
        ),
    }


def slot_label(code: str) -> str:
    """上午班: a duty slot as the settings page labels its row."""
    return QCoreApplication.translate("CalendarPage", "{slot} duty").format(slot=slot_short(code))


def _value_words(key: str, value: object) -> str:
    """A setting's value as a person reads it: 是/否, 繁體中文, a short text in quotes."""
    known = spec(key)
    kind = known.kind if known is not None else SettingKind.TEXT
    if kind is SettingKind.BOOL:
        return (
            QCoreApplication.translate("CalendarPage", "yes")
            if value
            else QCoreApplication.translate("CalendarPage", "no")
        )
    if kind is SettingKind.CHOICE:
        return CHOICE_NAMES.get(str(value), str(value))
    if kind is SettingKind.INT:
        return str(value)
    text = " / ".join(line.strip() for line in str(value).splitlines() if line.strip())
    if len(text) > PREVIEW_CHARS:
        text = text[:PREVIEW_CHARS] + "…"
    return f"「{text}」"


def _change(label: str, old: str, new: str) -> str:
    return QCoreApplication.translate("CalendarPage", "{setting}: {old} → {new}").format(
        setting=label, old=old, new=new
    )


def _slot_changes(old: tuple[SlotDef, ...], new: tuple[SlotDef, ...]) -> list[str]:
    """上午班 時間 08:30–11:30 → 09:00–12:00, 上午班 至少 1 → 0, … slot by slot."""
    lines: list[str] = []
    before = {s.code: s for s in old}
    for slot in new:
        was = before.get(slot.code)
        name = slot_label(slot.code)
        hours = time_range(slot)
        if was is None:
            lines.append(_change(name, "—", hours))
            continue
        was_hours = time_range(was)
        if was_hours != hours:
            lines.append(
                _change(
                    QCoreApplication.translate("CalendarPage", "{slot} times").format(slot=name),
                    was_hours,
                    hours,
                )
            )
        if was.min_staff != slot.min_staff:
            least = QCoreApplication.translate("CalendarPage", "{slot} at least").format(slot=name)
            lines.append(_change(least, str(was.min_staff), str(slot.min_staff)))
        if was.max_staff != slot.max_staff:
            most = QCoreApplication.translate("CalendarPage", "{slot} at most").format(slot=name)
            lines.append(_change(most, str(was.max_staff), str(slot.max_staff)))
    return lines


def describe_changes(current: DeskSettings, changes: Mapping[str, str]) -> list[str]:
    """One line per changed value, old → new, in the order of the settings page.

    `changes` are stored text forms (core.settings.settings_to_rows) of the settings to
    save; a key whose value equals the stored one is left out, a value the rules refuse is
    shown as typed (the save then names what is wrong with it).
    """
    labels = setting_labels()
    stored = settings_to_rows(current)
    lines: list[str] = []
    for key in sorted(changes, key=_screen_order):
        raw = changes[key]
        if stored.get(key) == raw:
            continue
        try:
            new_value: object = getattr(parse_settings({key: raw}), key)
        except (SettingError, AttributeError):
            new_value = raw
        if key == "slots" and isinstance(new_value, tuple):
            lines.extend(_slot_changes(current.slots, new_value))
            continue
        old_value = getattr(current, key, stored.get(key, ""))
        lines.append(
            _change(
                labels.get(key, key), _value_words(key, old_value), _value_words(key, new_value)
            )
        )
    return lines


def _screen_order(key: str) -> int:
    keys = [s.key for s in SPECS]
    return keys.index(key) if key in keys else len(keys)
