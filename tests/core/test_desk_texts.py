"""The desk's standing texts: the rules' defaults and how an edited text is kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdesk.core import desk_texts
from frontdesk.core.settings import DeskSettings, SettingError, parse_settings, settings_to_rows


def test_the_defaults_are_the_rules_texts_without_blanks() -> None:
    s = DeskSettings()
    assert s.duty_points == desk_texts.DUTY_POINTS and s.phone_script == desk_texts.PHONE_SCRIPT
    assert len(desk_texts.lines(s.duty_points)) == 6  # 值班要點 (一)–(四): six duties
    assert "○" not in s.duty_points + s.phone_script
    assert desk_texts.AGENCY in s.phone_script
    assert parse_settings(settings_to_rows(s)) == s


def test_the_agency_and_headings() -> None:
    text = desk_texts.with_agency("接話：「{機關名稱}您好」", "苓雅區衛生所")
    assert text == "接話：「苓雅區衛生所您好」"
    assert desk_texts.heading_and_words(text) == ("接話", "「苓雅區衛生所您好」")
    assert desk_texts.heading_and_words("請微笑") == ("", "請微笑")
    assert desk_texts.heading_and_words("：開頭") == ("", "：開頭")


def test_an_edited_text_is_cleaned() -> None:
    raw = " 注意\u202e門禁 \r\n\r\n\t協助　量血壓\x00 \n"
    assert desk_texts.clean_lines(raw) == "注意門禁\n協助 量血壓"
    assert parse_settings({"duty_points": raw}).duty_points == "注意門禁\n協助 量血壓"


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("duty_points", " \n "),
        ("duty_points", "字" * 601),
        ("phone_script", "\n".join("行" for _ in range(21))),
    ],
)
def test_empty_long_or_too_many_lines_are_refused(key: str, raw: str) -> None:
    with pytest.raises(SettingError) as caught:
        parse_settings({key: raw})
    assert caught.value.key == key


@given(st.text(max_size=300))
def test_cleaning_is_stable(raw: str) -> None:
    once = desk_texts.clean_lines(raw)
    assert desk_texts.clean_lines(once) == once
    assert all(line == line.strip() and line for line in once.split("\n") if once)
