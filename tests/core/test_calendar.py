"""Duty calendar and DGPA CSV import.

The fixtures tests/core/data/dgpa_{2024,2025,2026}.csv are the official DGPA calendar
「中華民國政府行政機關辦公日曆表」 (data.gov.tw), reconstructed in its CSV format from
public mirrors of the open data:
- 2025: jacktdry/TaiwanCalendar, origin/114年中華民國政府行政機關辦公日曆表修正版.csv
  (the official CSV itself, revised edition with 9/29, 10/24 and 12/25 off); same
  characters and CRLF line ends, plain UTF-8.
- 2024: ruyut/TaiwanCalendar, data/2024.json (date, week, isHoliday, description),
  written as UTF-8 with a BOM and LF line ends.
- 2026: embersoul/TaiwanCalendar, 115yearCalendar.json (date, day_of_week,
  is_holiday 0/2, note), written in Big5 (cp950) with CRLF line ends.
The three encodings deliberately exercise every encoding the importer accepts.
"""

from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from frontdesk.core.calendar import (
    CalendarFileError,
    DayInfo,
    DayKind,
    DutyCalendar,
    OfficialDay,
    Override,
    OverrideKind,
    official_overrides,
    parse_dgpa_csv,
)

DATA = Path(__file__).parent / "data"
YEARS = (2024, 2025, 2026)
HEADER = "西元日期,星期,是否放假,備註"
WEEKDAYS = "一二三四五六日"


def official(year: int) -> list[OfficialDay]:
    return parse_dgpa_csv((DATA / f"dgpa_{year}.csv").read_bytes())


def year_csv(year: int, *, skip: set[date] | None = None) -> str:
    rows = [HEADER]
    d = date(year, 1, 1)
    while d.year == year:
        if not skip or d not in skip:
            flag = "2" if d.weekday() >= 5 else "0"
            rows.append(f"{d:%Y%m%d},{WEEKDAYS[d.weekday()]},{flag},")
        d += timedelta(days=1)
    return "\n".join(rows) + "\n"


def all_days(year: int) -> list[date]:
    start = date(year, 1, 1)
    return [start + timedelta(days=i) for i in range((date(year + 1, 1, 1) - start).days)]


# --- the official calendar, 2024-2026 -------------------------------------------------


@pytest.mark.parametrize("year", YEARS)
def test_official_file_parses_whole_year(year: int) -> None:
    rows = official(year)
    assert [r.day for r in rows] == all_days(year)
    # every row is plausible: an ordinary weekday is work, an ordinary weekend is off
    weekend_work = [r.day for r in rows if r.day.weekday() >= 5 and not r.is_off]
    assert all(r.note == "補行上班" for r in rows if r.day in weekend_work)


def test_official_files_key_days() -> None:
    by_day = {r.day: r for y in YEARS for r in official(y)}
    assert by_day[date(2024, 2, 17)] == OfficialDay(date(2024, 2, 17), False, "補行上班")
    assert by_day[date(2024, 2, 8)] == OfficialDay(date(2024, 2, 8), True, "小年夜")
    assert by_day[date(2025, 2, 8)] == OfficialDay(date(2025, 2, 8), False, "補行上班")
    assert by_day[date(2025, 1, 27)] == OfficialDay(date(2025, 1, 27), True, "小年夜")
    assert by_day[date(2025, 9, 29)] == OfficialDay(date(2025, 9, 29), True, "")
    assert by_day[date(2026, 5, 1)] == OfficialDay(date(2026, 5, 1), True, "勞動節")
    assert by_day[date(2026, 1, 2)] == OfficialDay(date(2026, 1, 2), False, "")
    makeup = sorted(d for d, r in by_day.items() if d.weekday() >= 5 and not r.is_off)
    assert makeup == [date(2024, 2, 17), date(2025, 2, 8)]


@pytest.mark.parametrize("year", YEARS)
def test_holidays_library_agrees_with_official_calendar(year: int) -> None:
    cal = DutyCalendar()
    disagreements = [
        (r.day, r.is_off, cal.day(r.day).kind)
        for r in official(year)
        if cal.is_duty_day(r.day) == r.is_off
    ]
    assert disagreements == []


@pytest.mark.parametrize("year", YEARS)
def test_official_overrides_match_file_exactly(year: int) -> None:
    rows = official(year)
    cal = DutyCalendar(official_overrides(rows))
    for r in rows:
        info = cal.day(r.day)
        assert info.is_duty_day is (not r.is_off), r
        weekend = r.day.weekday() >= 5
        if not r.is_off:
            assert info.kind is (DayKind.MAKEUP_WORKDAY if weekend else DayKind.WORKDAY)
        elif not weekend:
            assert info.kind is DayKind.HOLIDAY
        if r.note:
            assert info.label == r.note


@pytest.mark.parametrize("year", YEARS)
def test_official_overrides_without_makeup_duty(year: int) -> None:
    rows = official(year)
    cal = DutyCalendar(official_overrides(rows), makeup_saturday_is_duty=False)
    for r in rows:
        makeup = r.day.weekday() >= 5 and not r.is_off
        assert cal.is_duty_day(r.day) is (not r.is_off and not makeup)


def test_makeup_saturday_2025() -> None:
    cal = DutyCalendar()
    sat = cal.day(date(2025, 2, 8))
    assert sat.kind is DayKind.MAKEUP_WORKDAY
    assert sat.is_duty_day
    assert sat.label == "補行上班"
    bridge = cal.day(date(2025, 1, 27))
    assert bridge.kind is DayKind.HOLIDAY
    assert not bridge.is_duty_day
    assert "2025-02-08" in bridge.label  # 放假日（2025-02-08 補班）


def test_makeup_saturday_not_duty_when_setting_off() -> None:
    cal = DutyCalendar(makeup_saturday_is_duty=False)
    sat = cal.day(date(2025, 2, 8))
    assert sat.kind is DayKind.MAKEUP_WORKDAY
    assert not sat.is_duty_day
    assert not cal.slot_open(date(2025, 2, 8), "AM")
    assert not DutyCalendar(makeup_saturday_is_duty=False).is_duty_day(date(2024, 2, 17))


# --- kinds and labels from the holidays library --------------------------------------


def test_plain_days() -> None:
    cal = DutyCalendar()
    assert cal.day(date(2025, 3, 3)) == DayInfo(date(2025, 3, 3), DayKind.WORKDAY, True)
    assert cal.day(date(2025, 3, 1)) == DayInfo(date(2025, 3, 1), DayKind.WEEKEND, False)
    assert cal.day(date(2025, 3, 2)).kind is DayKind.WEEKEND


def test_holiday_labels_are_chinese_names() -> None:
    cal = DutyCalendar()
    assert cal.day(date(2025, 10, 10)).label == "國慶日"
    assert cal.day(date(2025, 1, 1)).kind is DayKind.HOLIDAY
    # a holiday on a Saturday is shown as the holiday
    assert cal.day(date(2025, 5, 31)) == DayInfo(
        date(2025, 5, 31), DayKind.HOLIDAY, False, "端午節"
    )


def test_month_view() -> None:
    cal = DutyCalendar()
    feb = cal.month(2025, 2)
    assert [i.day for i in feb] == [date(2025, 2, d) for d in range(1, 29)]
    assert sum(i.is_duty_day for i in feb) == 19 + 1  # weekdays but 2/28, the make-up Saturday
    assert len(cal.month(2024, 2)) == 29
    assert len(cal.month(2025, 12)) == 31
    assert cal.month(2025, 12)[-1].day == date(2025, 12, 31)


def test_month_is_fast() -> None:
    start = time.perf_counter()
    for _ in range(20):
        cal = DutyCalendar([Override(date(2025, 7, 1), OverrideKind.CLOSURE)])
        for m in range(1, 13):
            cal.month(2025, m)
    assert time.perf_counter() - start < 1.0


def test_years_far_apart_work() -> None:
    cal = DutyCalendar()
    assert cal.day(date(2019, 1, 1)).kind is DayKind.HOLIDAY
    assert cal.day(date(2027, 1, 4)).is_duty_day


# --- overrides and precedence ---------------------------------------------------------


def test_whole_day_closure() -> None:
    d = date(2025, 7, 7)
    cal = DutyCalendar([Override(d, OverrideKind.CLOSURE, label="颱風停止上班")])
    info = cal.day(d)
    assert info.kind is DayKind.CLOSED
    assert not info.is_duty_day
    assert info.label == "颱風停止上班"
    assert not info.slot_open("AM")


def test_slot_closure_keeps_day_on_duty() -> None:
    d = date(2025, 7, 7)
    cal = DutyCalendar([Override(d, OverrideKind.CLOSURE, slot="PM", label="下午停班")])
    info = cal.day(d)
    assert info.kind is DayKind.WORKDAY
    assert info.is_duty_day
    assert info.closed_slots == frozenset({"PM"})
    assert info.label == "下午停班"
    assert cal.slot_open(d, "AM")
    assert not cal.slot_open(d, "PM")


def test_two_slot_closures() -> None:
    d = date(2025, 7, 7)
    cal = DutyCalendar(
        [Override(d, OverrideKind.CLOSURE, slot="AM"), Override(d, OverrideKind.CLOSURE, slot="PM")]
    )
    assert cal.day(d).closed_slots == frozenset({"AM", "PM"})


def test_closure_beats_manual_open_and_official_work() -> None:
    d = date(2025, 2, 8)
    cal = DutyCalendar(
        [
            Override(d, OverrideKind.MANUAL_OPEN),
            Override(d, OverrideKind.OFFICIAL_WORK),
            Override(d, OverrideKind.CLOSURE),
        ]
    )
    assert cal.day(d).kind is DayKind.CLOSED
    assert not cal.is_duty_day(d)


def test_manual_closed_beats_official_work() -> None:
    d = date(2025, 3, 3)
    cal = DutyCalendar(
        [
            Override(d, OverrideKind.OFFICIAL_WORK),
            Override(d, OverrideKind.MANUAL_CLOSED, label="所慶"),
        ]
    )
    assert cal.day(d) == DayInfo(d, DayKind.MANUAL_CLOSED, False, "所慶")


def test_manual_open_on_weekend_and_holiday() -> None:
    sat = date(2025, 3, 1)
    national = date(2025, 10, 10)
    cal = DutyCalendar(
        [
            Override(sat, OverrideKind.MANUAL_OPEN, label="健康講座"),
            Override(national, OverrideKind.MANUAL_OPEN),
        ],
        makeup_saturday_is_duty=False,
    )
    assert cal.day(sat) == DayInfo(sat, DayKind.MANUAL_OPEN, True, "健康講座")
    assert cal.is_duty_day(national)


def test_manual_open_with_slot_closure() -> None:
    sat = date(2025, 3, 1)
    cal = DutyCalendar(
        [Override(sat, OverrideKind.MANUAL_OPEN), Override(sat, OverrideKind.CLOSURE, slot="PM")]
    )
    info = cal.day(sat)
    assert info.kind is DayKind.MANUAL_OPEN
    assert info.slot_open("AM")
    assert not info.slot_open("PM")


def test_official_beats_library() -> None:
    weekday = date(2025, 3, 3)  # a plain Monday for the library
    sat = date(2025, 3, 8)
    holiday = date(2025, 10, 10)
    cal = DutyCalendar(
        [
            Override(weekday, OverrideKind.OFFICIAL_OFF, label="調整放假"),
            Override(sat, OverrideKind.OFFICIAL_WORK, label="補行上班"),
            Override(holiday, OverrideKind.OFFICIAL_WORK),
        ]
    )
    assert cal.day(weekday) == DayInfo(weekday, DayKind.HOLIDAY, False, "調整放假")
    assert cal.day(sat) == DayInfo(sat, DayKind.MAKEUP_WORKDAY, True, "補行上班")
    assert cal.day(holiday).kind is DayKind.WORKDAY
    assert cal.is_duty_day(holiday)


def test_official_off_without_note_uses_library_name_or_plain_weekend() -> None:
    cal = DutyCalendar(
        [
            Override(date(2025, 9, 29), OverrideKind.OFFICIAL_OFF),
            Override(date(2025, 3, 1), OverrideKind.OFFICIAL_OFF),
        ]
    )
    assert cal.day(date(2025, 9, 29)).kind is DayKind.HOLIDAY
    assert "孔子誕辰紀念日" in cal.day(date(2025, 9, 29)).label
    assert cal.day(date(2025, 3, 1)).kind is DayKind.WEEKEND


def test_official_makeup_obeys_setting() -> None:
    sat = date(2025, 3, 8)
    cal = DutyCalendar([Override(sat, OverrideKind.OFFICIAL_WORK)], makeup_saturday_is_duty=False)
    assert cal.day(sat).kind is DayKind.MAKEUP_WORKDAY
    assert cal.day(sat).label == "補行上班"
    assert not cal.is_duty_day(sat)


def test_last_manual_override_wins() -> None:
    d = date(2025, 3, 3)
    cal = DutyCalendar(
        [Override(d, OverrideKind.MANUAL_CLOSED), Override(d, OverrideKind.MANUAL_OPEN)]
    )
    assert cal.day(d).kind is DayKind.MANUAL_OPEN


def test_day_info_slot_open() -> None:
    info = DayInfo(date(2025, 3, 3), DayKind.WORKDAY, True, closed_slots=frozenset({"PM"}))
    assert info.slot_open("AM")
    assert not info.slot_open("PM")
    assert not DayInfo(date(2025, 3, 1), DayKind.WEEKEND, False).slot_open("AM")


def test_official_overrides() -> None:
    rows = [
        OfficialDay(date(2025, 2, 8), False, "補行上班"),
        OfficialDay(date(2025, 1, 27), True, "小年夜"),
    ]
    assert official_overrides(rows) == [
        Override(date(2025, 2, 8), OverrideKind.OFFICIAL_WORK, label="補行上班"),
        Override(date(2025, 1, 27), OverrideKind.OFFICIAL_OFF, label="小年夜"),
    ]
    assert official_overrides([]) == []


# --- parse_dgpa_csv: accepted inputs --------------------------------------------------


def test_parse_str_and_all_encodings() -> None:
    text = year_csv(2025)
    expected = parse_dgpa_csv(text)
    assert len(expected) == 365
    assert parse_dgpa_csv(text.encode("utf-8")) == expected
    assert parse_dgpa_csv(text.encode("utf-8-sig")) == expected
    assert parse_dgpa_csv(text.encode("cp950")) == expected
    assert parse_dgpa_csv(text.encode("big5")) == expected
    assert parse_dgpa_csv("\ufeff" + text) == expected


def test_parse_tolerates_whitespace_crlf_and_blank_lines() -> None:
    lines = year_csv(2025).splitlines()
    messy = ["  " + lines[0] + "  "] + [
        " , ".join(c for c in line.split(",")) for line in lines[1:]
    ]
    text = "\r\n".join(messy) + "\r\n\r\n   \r\n\n"
    assert parse_dgpa_csv(text) == parse_dgpa_csv(year_csv(2025))


def test_parse_keeps_notes_and_quoted_commas() -> None:
    text = (
        year_csv(2025)
        .replace("20250101,三,0,", '20250101,三,2,"開國紀念日,元旦"')
        .replace("20250208,六,2,", "20250208,六,0,補行上班")
    )
    rows = {r.day: r for r in parse_dgpa_csv(text)}
    assert rows[date(2025, 1, 1)] == OfficialDay(date(2025, 1, 1), True, "開國紀念日,元旦")
    assert rows[date(2025, 2, 8)] == OfficialDay(date(2025, 2, 8), False, "補行上班")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp950"])
def test_a_csv_resaved_by_excel_keeps_its_labels_clean(encoding: str) -> None:
    # Excel writes every row as wide as the widest: 小年夜,, and an empty note as ,,,
    text = (
        year_csv(2025)
        .replace(HEADER, HEADER + ",,", 1)
        .replace("20250127,一,0,", "20250127,一,2,小年夜,,")
        .replace("20250128,二,0,", '20250128,二,2,"除夕,春節" ,,')
        .replace("20250129,三,0,", "20250129,三,2,春節\u200b\u202e , ,")
        .replace("20250130,四,0,", "20250130,四,0,,,")
        .replace("\n", "\r\n")
    )
    rows = {r.day: r for r in parse_dgpa_csv(text.encode(encoding, errors="ignore"))}
    assert rows[date(2025, 1, 27)].note == "小年夜"
    assert rows[date(2025, 1, 28)].note == "除夕,春節"
    assert rows[date(2025, 1, 29)].note == "春節"
    assert rows[date(2025, 1, 30)] == OfficialDay(date(2025, 1, 30), False, "")


def test_parse_header_with_trailing_empty_column() -> None:
    text = year_csv(2024).replace(HEADER, HEADER + ",", 1)
    assert len(parse_dgpa_csv(text)) == 366


def test_parse_returns_rows_sorted() -> None:
    lines = year_csv(2025).splitlines()
    shuffled = [lines[0], *reversed(lines[1:])]
    rows = parse_dgpa_csv("\n".join(shuffled))
    assert [r.day for r in rows] == all_days(2025)


# --- parse_dgpa_csv: refusals ---------------------------------------------------------


def refusal(data: bytes | str) -> CalendarFileError:
    with pytest.raises(CalendarFileError) as info:
        parse_dgpa_csv(data)
    return info.value


def replace_line(text: str, line_no: int, new: str) -> str:
    lines = text.split("\n")
    lines[line_no - 1] = new
    return "\n".join(lines)


@pytest.mark.parametrize("data", [b"", "", "\n\n  \n", b"\xef\xbb\xbf"])
def test_refuses_empty(data: bytes | str) -> None:
    err = refusal(data)
    assert err.reason == "empty"
    assert err.line is None


def test_refuses_header_only() -> None:
    assert refusal(HEADER + "\n").reason == "empty"


def test_refuses_bad_encoding_with_line() -> None:
    text = year_csv(2025).encode("utf-8")
    lines = text.split(b"\n")
    lines[9] = lines[9] + b"\xff\xfe\xff"  # line 10
    err = refusal(b"\n".join(lines))
    assert err.reason == "bad_encoding"
    assert err.line == 10


def test_refuses_bad_encoding_in_bom_file() -> None:
    data = b"\xef\xbb\xbf" + HEADER.encode() + b"\n20250101,\xff,2,\n"
    err = refusal(data)
    assert (err.reason, err.line) == ("bad_encoding", 2)


@pytest.mark.parametrize(
    "header",
    ["日期,星期,是否放假,備註", "西元日期,星期,是否放假", "20250101,三,2,", "a,b,c,d,e"],
)
def test_refuses_bad_header(header: str) -> None:
    err = refusal(replace_line(year_csv(2025), 1, header))
    assert (err.reason, err.line) == ("bad_header", 1)


@pytest.mark.parametrize(
    "raw", ["2025011", "2025-01-01", "20251301", "20250230", "２０２５０１０１", "x"]
)
def test_refuses_bad_date(raw: str) -> None:
    err = refusal(replace_line(year_csv(2025), 5, f"{raw},三,0,"))
    assert (err.reason, err.line) == ("bad_date", 5)


@pytest.mark.parametrize("flag", ["1", "", "是", "02", "true"])
def test_refuses_bad_flag(flag: str) -> None:
    err = refusal(replace_line(year_csv(2025), 3, f"20250102,四,{flag},"))
    assert (err.reason, err.line) == ("bad_flag", 3)


@pytest.mark.parametrize("weekday", ["五", "", "Thu", "4"])
def test_refuses_weekday_mismatch(weekday: str) -> None:
    err = refusal(replace_line(year_csv(2025), 3, f"20250102,{weekday},0,"))
    assert (err.reason, err.line) == ("weekday_mismatch", 3)


def test_refuses_short_row() -> None:
    err = refusal(replace_line(year_csv(2025), 3, "20250102,四"))
    assert (err.reason, err.line) == ("bad_row", 3)


def test_refuses_duplicate_date() -> None:
    err = refusal(replace_line(year_csv(2025), 4, "20250102,四,0,"))
    assert (err.reason, err.line) == ("duplicate_date", 4)


def test_refuses_mixed_years() -> None:
    text = year_csv(2025) + "20260101,四,2,開國紀念日\n"
    err = refusal(text)
    assert (err.reason, err.line) == ("mixed_years", 367)


def test_refuses_incomplete_year() -> None:
    err = refusal(year_csv(2025, skip={date(2025, 6, 30)}))
    assert err.reason == "incomplete_year"
    assert err.line is None
    assert "2025-06-30" in err.detail


def test_refuses_single_row() -> None:
    err = refusal(HEADER + "\n20250101,三,2,開國紀念日\n")
    assert err.reason == "incomplete_year"


def test_error_message_names_line_and_reason() -> None:
    err = CalendarFileError("bad_flag", 7, "x")
    assert str(err) == "line 7: bad_flag: x"
    assert str(CalendarFileError("empty")) == "empty"
    assert isinstance(err, ValueError)


def test_refuses_stray_carriage_return_inside_a_row() -> None:
    err = refusal(replace_line(year_csv(2025), 3, "20250102,四\r,0,"))
    assert (err.reason, err.line) == ("bad_row", 3)


def test_refuses_nul_bytes_in_a_row() -> None:
    err = refusal(replace_line(year_csv(2025), 4, "20250103,五,0,\x00\x00"))
    assert (err.reason, err.line) == ("bad_row", 4)
    assert "\x00" not in err.detail


def test_make_up_saturday_names_the_day_off_it_pays_back() -> None:
    cal = DutyCalendar()
    assert cal.makes_up_for(date(2025, 2, 8)) == [date(2025, 1, 27)]
    assert cal.made_up_by(date(2025, 1, 27)) == date(2025, 2, 8)
    assert cal.makes_up_for(date(2024, 2, 17)) == [date(2024, 2, 8)]
    assert cal.makes_up_for(date(2025, 2, 10)) == []  # an ordinary Monday
    assert cal.made_up_by(date(2025, 2, 28)) is None  # a holiday, not a bridge day
