"""Site settings with their defaults and validation; stored as key/value rows by the store."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from frontdesk.core import desk_texts, notices
from frontdesk.core.timeutil import at


class SettingError(ValueError):
    """A setting value that cannot be used; names the setting."""

    def __init__(self, key: str, value: object, reason: str) -> None:
        super().__init__(f"setting {key!r}: {reason} (got {value!r})")
        self.key = key
        self.value = value
        self.reason = reason


@dataclass(frozen=True, slots=True)
class SlotDef:
    """A duty slot of the day: code, Taipei wall-clock start and end, staffing bounds."""

    code: str
    start: time
    end: time
    min_staff: int = 1
    max_staff: int = 2

    @property
    def minutes(self) -> int:
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)


def slot_start(day: date, slot: SlotDef) -> datetime:
    """The aware UTC instant `slot` starts on `day` (its Taipei wall-clock start).

    The one answer to "when does this duty start" for sign-in windows, lateness, the
    swap notice rule (7 x 24 hours before the start, 志工服務規範) and expiry.
    """
    return at(day, slot.start)


def slot_end(day: date, slot: SlotDef) -> datetime:
    """The aware UTC instant `slot` ends on `day` (its Taipei wall-clock end)."""
    return at(day, slot.end)


DEFAULT_SLOTS = (
    SlotDef("AM", time(8, 30), time(11, 30)),
    SlotDef("PM", time(13, 30), time(16, 30)),
)


@dataclass(frozen=True, slots=True)
class DeskSettings:
    """Every business setting of a site, with the defaults from the duty rules."""

    agency_name: str = "○○衛生所"
    desk_name: str = "服務台"
    slots: tuple[SlotDef, ...] = DEFAULT_SLOTS
    swap_notice_days: int = 7
    signin_window_minutes: int = 30
    late_grace_minutes: int = 5
    early_leave_grace_minutes: int = 5
    autoclose_margin_minutes: int = 30
    repeat_scan_seconds: int = 60
    weekly_max_shifts: int = 5
    makeup_saturday_is_duty: bool = True
    kiosk_idle_seconds: int = 30
    answer_seconds: int = 8  # the answer to a scan stays this long, then the desk goes home
    # a shared server that has not answered a scan within this many seconds is taken as
    # out of reach: the desk answers from its local replica (services.offline)
    server_timeout_seconds: int = 2
    sound_volume: int = 70  # percent; 0 = no sound
    supervisor_idle_minutes: int = 5
    require_pin: bool = False
    language: str = "zh_TW"
    retention_days: int = 365 * 2
    # 志工服務規範 四、值班要點 and 六、電話禮貌, edited by the supervisor (core.desk_texts)
    duty_points: str = desk_texts.DUTY_POINTS
    phone_script: str = desk_texts.PHONE_SCRIPT
    # the phone courtesy test (core.phone_tests): a volunteer's test under this score waits
    # for a follow-up; the kiosk's phone tab shows the desk's latest score when asked to
    phone_test_threshold: int = 80
    phone_test_show_score: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)

    def slot(self, code: str) -> SlotDef | None:
        for s in self.slots:
            if s.code == code:
                return s
        return None


class SettingKind(StrEnum):
    TEXT = "text"  # lo..hi characters
    LINES = "lines"  # lo..hi characters in at most desk_texts.MAX_LINES lines (clean_lines)
    INT = "int"  # a whole number from lo to hi
    BOOL = "bool"
    CHOICE = "choice"  # one of `choices`
    SLOTS = "slots"  # the duty slots (parse_slots), staffing 0..SLOT_STAFF_MAX


@dataclass(frozen=True, slots=True)
class SettingSpec:
    """One business setting: its stored key, kind, bounds and default.

    The settings screen is drawn from the specs with `on_screen`, in their order, and
    parse_settings checks every stored value against its spec; the words that label a
    setting live with the screen, keyed by `key`.
    """

    key: str
    kind: SettingKind
    lo: int | None = None
    hi: int | None = None
    choices: tuple[str, ...] = ()
    on_screen: bool = True  # False: set from the command line only


SLOT_STAFF_MAX = 20  # the most volunteers a slot may ask for
_K = SettingKind
# In the order of the settings screen.
SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("agency_name", _K.TEXT, 1, 60),
    SettingSpec("desk_name", _K.TEXT, 1, 60),
    SettingSpec("slots", _K.SLOTS, 0, SLOT_STAFF_MAX),
    # 提前一週 (志工服務規範): a week by default
    SettingSpec("swap_notice_days", _K.INT, 0, 60),
    SettingSpec("signin_window_minutes", _K.INT, 0, 180),
    SettingSpec("late_grace_minutes", _K.INT, 0, 120),
    SettingSpec("early_leave_grace_minutes", _K.INT, 0, 120),
    SettingSpec("autoclose_margin_minutes", _K.INT, 0, 720),
    SettingSpec("weekly_max_shifts", _K.INT, 1, 14),
    SettingSpec("kiosk_idle_seconds", _K.INT, 5, 3600),
    SettingSpec("answer_seconds", _K.INT, 3, 120),
    SettingSpec("server_timeout_seconds", _K.INT, 1, 30),
    SettingSpec("sound_volume", _K.INT, 0, 100),
    SettingSpec("supervisor_idle_minutes", _K.INT, 1, 240),
    SettingSpec("language", _K.CHOICE, choices=("zh_TW", "en")),
    SettingSpec("makeup_saturday_is_duty", _K.BOOL),
    # a tapped name or a typed number asks the volunteer's PIN (services.pins)
    SettingSpec("require_pin", _K.BOOL),
    SettingSpec("duty_points", _K.LINES, 1, 600),
    SettingSpec("phone_script", _K.LINES, 1, 1500),
    SettingSpec("phone_test_threshold", _K.INT, 0, 100),
    SettingSpec("phone_test_show_score", _K.BOOL),
    SettingSpec("repeat_scan_seconds", _K.INT, 0, 3600, on_screen=False),
    SettingSpec("retention_days", _K.INT, 30, 365 * 50, on_screen=False),
)


def spec(key: str) -> SettingSpec | None:
    """The spec of a DeskSettings field, None for an extra key or no setting."""
    return next((s for s in SPECS if s.key == key), None)


def screen_specs() -> tuple[SettingSpec, ...]:
    """The settings the settings screen shows, in its order."""
    return tuple(s for s in SPECS if s.on_screen)


# Settings kept as text in DeskSettings.extra, read by the part that needs them.
SERVICE_CATEGORY = "national_service_category"  # the hours export's 服務類別
SERVICE_ITEM = "national_service_item"  # a desk duty's 服務項目 on the service record
HOURS_STEP = "national_hours_step_minutes"  # credited minutes cut to this step (30: 0.5 h)
TEMPLATE_MAPPING = "national_template_mapping"  # the county template's columns (JSON)
EXTRA_KEYS = (
    frozenset({SERVICE_CATEGORY, SERVICE_ITEM, HOURS_STEP, TEMPLATE_MAPPING}) | notices.KEYS
)


def known_keys() -> frozenset[str]:
    """Every setting name a site may set: the DeskSettings fields and EXTRA_KEYS."""
    return frozenset(f.name for f in dataclasses.fields(DeskSettings) if f.name != "extra") | (
        EXTRA_KEYS
    )


def check_key(key: str) -> None:
    """SettingError for a name that is no setting (a typo would otherwise be stored unseen)."""
    if key not in known_keys():
        raise SettingError(key, key, "unknown_key")


def _parse_time(key: str, raw: str) -> time:
    try:
        hh, mm = raw.strip().split(":")
        return time(int(hh), int(mm))
    except (ValueError, AttributeError):
        raise SettingError(key, raw, "expected a time as HH:MM") from None


def _parse_bool(key: str, raw: str) -> bool:
    value = str(raw).strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise SettingError(key, raw, "expected true or false")


def _parse_int(key: str, raw: str, lo: int, hi: int) -> int:
    try:
        value = int(str(raw).strip())
    except ValueError:
        raise SettingError(key, raw, "expected a whole number") from None
    if not lo <= value <= hi:
        raise SettingError(key, raw, f"must be between {lo} and {hi}")
    return value


def parse_slots(raw: str) -> tuple[SlotDef, ...]:
    """Parse 'AM=08:30-11:30/1-2;PM=13:30-16:30/1-2' into slot definitions."""
    slots: list[SlotDef] = []
    for part in [p for p in raw.split(";") if p.strip()]:
        try:
            code, rest = part.split("=")
            span, _, bounds = rest.partition("/")
            start_raw, end_raw = span.split("-")
            lo_raw, hi_raw = (bounds or "1-2").split("-")
        except ValueError:
            raise SettingError("slots", raw, f"cannot read slot {part.strip()!r}") from None
        code = code.strip()
        if not code.isalnum():
            raise SettingError("slots", raw, f"slot code {code!r} must be letters or digits")
        start, end = _parse_time("slots", start_raw), _parse_time("slots", end_raw)
        if end <= start:
            raise SettingError("slots", raw, f"slot {code} ends before it starts")
        try:
            lo, hi = int(lo_raw), int(hi_raw)
        except ValueError:
            raise SettingError(
                "slots", raw, f"slot {code} staffing bounds must be numbers"
            ) from None
        if lo < 0 or hi < 1 or lo > hi or hi > SLOT_STAFF_MAX:
            raise SettingError(
                "slots",
                raw,
                f"slot {code} staffing bounds must be 0 ≤ min ≤ max ≤ {SLOT_STAFF_MAX}",
            )
        slots.append(SlotDef(code, start, end, lo, hi))
    if not slots:
        raise SettingError("slots", raw, "at least one slot is needed")
    codes = [s.code for s in slots]
    if len(set(codes)) != len(codes):
        raise SettingError("slots", raw, "slot codes must be unique")
    ordered = sorted(slots, key=lambda s: s.start)
    for a, b in itertools.pairwise(ordered):
        if b.start < a.end:
            raise SettingError("slots", raw, f"slots {a.code} and {b.code} overlap")
    return tuple(ordered)


def format_slots(slots: tuple[SlotDef, ...]) -> str:
    return ";".join(
        f"{s.code}={s.start:%H:%M}-{s.end:%H:%M}/{s.min_staff}-{s.max_staff}" for s in slots
    )


def parse_settings(rows: Mapping[str, str]) -> DeskSettings:
    """Build settings from stored text values; unknown keys are kept in `extra`."""
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, raw in rows.items():
        s = spec(key)
        if s is None:
            extra[key] = raw
        else:
            values[key] = _parse_value(s, raw)
    return DeskSettings(**values, extra=extra)


def _parse_value(s: SettingSpec, raw: str) -> Any:
    """The value of a stored text under its spec; SettingError naming it otherwise."""
    if s.kind is SettingKind.INT:
        assert s.lo is not None and s.hi is not None
        return _parse_int(s.key, raw, s.lo, s.hi)
    if s.kind is SettingKind.BOOL:
        return _parse_bool(s.key, raw)
    if s.kind is SettingKind.SLOTS:
        return parse_slots(raw)
    if s.kind is SettingKind.CHOICE:
        if raw not in s.choices:
            raise SettingError(s.key, raw, f"must be one of {', '.join(s.choices)}")
        return raw
    assert s.lo is not None and s.hi is not None
    if s.kind is SettingKind.LINES:
        return _parse_lines(s.key, raw, s.lo, s.hi)
    text = str(raw).strip()
    if not s.lo <= len(text) <= s.hi:
        raise SettingError(s.key, raw, f"must be {s.lo} to {s.hi} characters")
    return text


def _parse_lines(key: str, raw: str, lo: int, hi: int) -> str:
    """A multi-line text cleaned (desk_texts.clean_lines) and within its bounds."""
    text = desk_texts.clean_lines(raw)
    if not lo <= len(text) <= hi:
        raise SettingError(key, raw, f"must be {lo} to {hi} characters")
    if len(desk_texts.lines(text)) > desk_texts.MAX_LINES:
        raise SettingError(key, raw, f"must be at most {desk_texts.MAX_LINES} lines")
    return text


def settings_to_rows(settings: DeskSettings) -> dict[str, str]:
    """The stored text form of every setting."""
    rows: dict[str, str] = {}
    for f in dataclasses.fields(settings):
        value = getattr(settings, f.name)
        if f.name == "extra":
            rows.update({k: str(v) for k, v in value.items()})
        elif f.name == "slots":
            rows["slots"] = format_slots(value)
        elif isinstance(value, bool):
            rows[f.name] = "true" if value else "false"
        else:
            rows[f.name] = str(value)
    return rows
