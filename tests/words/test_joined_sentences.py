"""Sentences put together into one message end each once with 。 and join without ASCII
separators or stray spaces: the refused rows of an import, several rule findings, and the
refusal of an import whose volunteer changed meanwhile."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from frontdesk import i18n
from frontdesk.core.findings import Code, error
from frontdesk.services import errors as se
from frontdesk.words.errors import describe_error
from frontdesk.words.findings import describe_findings
from frontdesk.words.sentences import ended, sentences


@pytest.fixture
def zh(qapp: object) -> Iterator[None]:
    i18n.install("zh_TW")
    yield
    i18n.install("en")


def _mixed(text: str) -> list[str]:
    """Doubled or mixed punctuation and stray spaces a Chinese message must not have."""
    bad = ["。。", "。；", "; ", ";", "。 ", " 欄", " 儲存格", "：。"]
    return [b for b in bad if b in text]


def test_one_bad_row_ends_once(zh: None) -> None:
    text = describe_error(se.InvalidInput("x", rows=[(7778, "weekly_max", "invalid")]))
    assert text == "沒有匯入任何資料，有 1 列需要修正：第 7778 列：每週上限須為 1 到 14 的整數。"


def test_several_kinds_of_rows_join_the_chinese_way(zh: None) -> None:
    rows = [
        (3, "phone", "invalid"),
        (5, "code", "duplicate"),
        (7, "name", "required"),
        (8, "weekly_max", "invalid", 15),
        (9, "status", "formula"),
    ]
    text = describe_error(se.InvalidInput("x", rows=rows))
    assert _mixed(text) == []
    assert "第 7 列：姓名欄是空的。第 8 列：每週上限須為 1 到 14 的整數（收到的是 15）。" in text
    assert "狀態儲存格是公式；請直接輸入數值。" in text
    assert text.count("。") == len(rows) and text.endswith("。")


def test_rows_beyond_ten_are_counted_in_a_sentence_of_their_own(zh: None) -> None:
    rows = [(r, "name", "required") for r in range(2, 14)]
    text = describe_error(se.InvalidInput("x", rows=rows))
    assert text.endswith("第 11 列：姓名欄是空的。另有 2 列也需要修正。")
    assert _mixed(text) == []


def test_english_rows_are_sentences_too(qapp: object) -> None:
    text = describe_error(
        se.InvalidInput("x", rows=[(3, "weekly_max", "invalid"), (7, "name", "required")])
    )
    assert text == (
        "Nothing was imported, 2 rows need fixing: row 3: the weekly maximum must be a whole "
        "number from 1 to 14. row 7: the name (姓名) column is empty."
    )


def test_several_findings_join_without_a_space(zh: None) -> None:
    facts = {"day": date(2025, 2, 8), "slot": "AM", "label": "春節", "maximum": 2, "count": 2}
    text = describe_findings(
        [
            error(Code.NOT_DUTY_DAY, **facts),
            error(Code.OVER_WEEKLY_MAXIMUM, weekly_count=5, weekly_max=5, **facts),
        ]
    )
    assert "。 " not in text and text.count("。") >= 2 and _mixed(text) == []


def test_a_closing_bracket_ends_a_sentence_only_after_its_stop(zh: None) -> None:
    assert ended("請按「確定」") == "請按「確定」。"
    assert ended("（已於上午簽退。）") == "（已於上午簽退。）"
    assert sentences("上限 14（收到的是 15）", "好。") == "上限 14（收到的是 15）。好。"


def test_a_volunteer_changed_during_an_import_is_named(zh: None) -> None:
    exc = se.Conflict("x", reason="changed_meanwhile", codes=["V001", "V007"])
    text = describe_error(exc)
    assert "V001、V007" in text and "再匯入一次" in text and _mixed(text) == []
    assert "資料剛剛有變動" in describe_error(se.Conflict("x"))
