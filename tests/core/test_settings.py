"""Site settings: defaults, parsing of stored text, validation and the round trip."""

from __future__ import annotations

import dataclasses
from datetime import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontdesk.core.settings import (
    DEFAULT_SLOTS,
    DeskSettings,
    SettingError,
    SlotDef,
    format_slots,
    parse_settings,
    parse_slots,
    settings_to_rows,
)


def test_defaults_follow_the_duty_rules() -> None:
    s = DeskSettings()
    assert [slot.code for slot in s.slots] == ["AM", "PM"]
    am, pm = s.slots
    assert (am.start, am.end, pm.start, pm.end) == (
        time(8, 30),
        time(11, 30),
        time(13, 30),
        time(16, 30),
    )
    assert am.minutes == pm.minutes == 180
    assert (am.min_staff, am.max_staff) == (1, 2)
    assert s.swap_notice_days == 7
    assert s.makeup_saturday_is_duty is True
    assert s.language == "zh_TW"
    assert s.slot("PM") == pm
    assert s.slot("EVE") is None


def test_settings_are_frozen() -> None:
    s = DeskSettings()
    with pytest.raises(AttributeError):
        s.swap_notice_days = 3  # type: ignore[misc]


def test_parse_empty_rows_gives_defaults() -> None:
    assert parse_settings({}) == DeskSettings()


def test_parse_values() -> None:
    s = parse_settings(
        {
            "swap_notice_days": " 3 ",
            "makeup_saturday_is_duty": "false",
            "require_pin": "YES",
            "slots": "AM=08:00-12:00/2-3",
            "agency_name": "  高雄市前鎮區衛生所 ",
            "language": "en",
            "future_key": "x",
        }
    )
    assert s.swap_notice_days == 3
    assert s.makeup_saturday_is_duty is False
    assert s.require_pin is True
    assert s.slots == (SlotDef("AM", time(8), time(12), 2, 3),)
    assert s.agency_name == "高雄市前鎮區衛生所"
    assert s.language == "en"
    assert s.extra == {"future_key": "x"}


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("swap_notice_days", "-1"),
        ("swap_notice_days", "61"),
        ("swap_notice_days", "seven"),
        ("weekly_max_shifts", "0"),
        ("retention_days", "29"),
        ("makeup_saturday_is_duty", "maybe"),
        ("language", "fr"),
        ("agency_name", "   "),
        ("desk_name", "x" * 61),
        ("slots", ""),
    ],
)
def test_parse_refuses_bad_values(key: str, raw: str) -> None:
    with pytest.raises(SettingError) as info:
        parse_settings({key: raw})
    assert info.value.key == key
    assert info.value.value == raw
    assert key in str(info.value)


def test_parse_slots_sorts_and_defaults_bounds() -> None:
    slots = parse_slots("PM=13:30-16:30; AM=08:30-11:30/0-1;")
    assert [s.code for s in slots] == ["AM", "PM"]
    assert (slots[0].min_staff, slots[0].max_staff) == (0, 1)
    assert (slots[1].min_staff, slots[1].max_staff) == (1, 2)


@pytest.mark.parametrize(
    "raw",
    [
        "AM",
        "AM=08:30",
        "AM=8h-11:30",
        "A-M=08:30-11:30",
        "AM=11:30-08:30",
        "AM=08:30-08:30",
        "AM=08:30-11:30/x-2",
        "AM=08:30-11:30/2-1",
        "AM=08:30-11:30/0-0",
        "AM=08:30-11:30/1-21",
        "AM=08:30-11:30;AM=13:30-16:30",
        "AM=08:30-11:30;PM=11:00-16:30",
        " ; ",
    ],
)
def test_parse_slots_refuses(raw: str) -> None:
    with pytest.raises(SettingError) as info:
        parse_slots(raw)
    assert info.value.key == "slots"


def test_adjacent_slots_are_allowed() -> None:
    slots = parse_slots("AM=08:30-11:30;MID=11:30-13:30;PM=13:30-16:30")
    assert [s.code for s in slots] == ["AM", "MID", "PM"]


def test_format_slots() -> None:
    assert format_slots(DEFAULT_SLOTS) == "AM=08:30-11:30/1-2;PM=13:30-16:30/1-2"
    assert parse_slots(format_slots(DEFAULT_SLOTS)) == DEFAULT_SLOTS


def test_rows_round_trip_defaults() -> None:
    rows = settings_to_rows(DeskSettings())
    assert rows["makeup_saturday_is_duty"] == "true"
    assert rows["require_pin"] == "false"
    assert rows["swap_notice_days"] == "7"
    assert "extra" not in rows
    assert parse_settings(rows) == DeskSettings()


slot_lists = st.lists(
    st.tuples(st.integers(1, 120), st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=4
)


@settings(max_examples=100, deadline=None)
@given(
    lengths=slot_lists,
    notice=st.integers(0, 60),
    weekly=st.integers(1, 14),
    makeup=st.booleans(),
    pin=st.booleans(),
    language=st.sampled_from(["zh_TW", "en"]),
    extra=st.dictionaries(st.sampled_from(["theme", "kiosk_font", "x_note"]), st.text(max_size=5)),
)
def test_rows_round_trip(
    lengths: list[tuple[int, int, int]],
    notice: int,
    weekly: int,
    makeup: bool,
    pin: bool,
    language: str,
    extra: dict[str, str],
) -> None:
    slots = []
    minute = 7 * 60
    for i, (length, lo, span) in enumerate(lengths):
        start, end = minute, minute + length
        slots.append(
            SlotDef(
                f"S{i}",
                time(start // 60, start % 60),
                time(end // 60, end % 60),
                lo,
                max(1, lo + span),
            )
        )
        minute = end
    original = DeskSettings(
        slots=tuple(slots),
        swap_notice_days=notice,
        weekly_max_shifts=weekly,
        makeup_saturday_is_duty=makeup,
        require_pin=pin,
        language=language,
        extra=extra,
    )
    assert parse_settings(settings_to_rows(original)) == original


def test_every_setting_has_one_spec_with_its_default() -> None:
    from frontdesk.core.settings import SPECS, SettingKind, screen_specs, spec

    fields = [f.name for f in dataclasses.fields(DeskSettings) if f.name != "extra"]
    assert sorted(s.key for s in SPECS) == sorted(fields)
    for s in SPECS:
        assert spec(s.key) is s
        default = getattr(DeskSettings(), s.key)
        if s.kind in (SettingKind.INT, SettingKind.TEXT):
            assert s.lo is not None and s.hi is not None and s.lo <= s.hi
        if s.kind is SettingKind.INT:
            assert s.lo <= default <= s.hi  # type: ignore[operator]
    assert [s.key for s in screen_specs()][:3] == ["agency_name", "desk_name", "slots"]
    assert {s.key for s in SPECS} - {s.key for s in screen_specs()} == {
        "repeat_scan_seconds",
        "retention_days",
    }
    # the PIN option can be switched on in the settings screen (it could not)
    assert spec("require_pin") in screen_specs()


def test_stored_values_are_checked_against_the_spec(monkeypatch: pytest.MonkeyPatch) -> None:
    from frontdesk.core import settings as core_settings

    specs = tuple(
        dataclasses.replace(s, hi=9) if s.key == "swap_notice_days" else s
        for s in core_settings.SPECS
    )
    monkeypatch.setattr(core_settings, "SPECS", specs)
    assert parse_settings({"swap_notice_days": "9"}).swap_notice_days == 9
    with pytest.raises(SettingError, match="between 0 and 9"):
        parse_settings({"swap_notice_days": "10"})
