"""One text rule for every free-text field: nothing invisible, NFC, idempotent, workbook-safe."""

from __future__ import annotations

import io
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from frontdesk.core import text
from frontdesk.core.text import TextRefused, TextRule, checked, clean, for_cell

# Every code point, surrogates and unassigned ones included (st.text() leaves out Cs).
anything = st.text(st.characters(exclude_categories=()), max_size=60)
hostile = st.text(
    st.one_of(
        st.characters(exclude_categories=()),
        st.sampled_from(
            "\x00\x01\x07\x1b\x7f\x85\x9f\t\n\r\x0b\x0c\u2028\u2029"
            "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
            "\u2066\u2067\u2068\u2069\ufeff\u00ad\ud800\udfff\ufffe\uffff\U0001fffe"
            "e\u0301\u3000 　衛生所"
        ),
    ),
    max_size=60,
)
texts = st.one_of(anything, hostile)


def _no_invisible(s: str, allowed: str = "") -> bool:
    return all(
        ch in allowed or unicodedata.category(ch) not in ("Cc", "Cf", "Cs") for ch in s
    ) and not any((ord(ch) & 0xFFFE) == 0xFFFE or 0xFDD0 <= ord(ch) <= 0xFDEF for ch in s)


def _workbook_takes(s: str) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"] = s  # raises IllegalCharacterError on a control character
    wb.save(io.BytesIO())  # fails to encode a lone surrogate


@given(texts, st.booleans())
def test_cleaned_text_shows_only_what_can_be_seen(value: str, multiline: bool) -> None:
    s = clean(value, multiline=multiline)
    assert _no_invisible(s, allowed="\n" if multiline else "")
    assert unicodedata.is_normalized("NFC", s)
    assert s == s.strip()
    if not multiline:
        assert "\n" not in s and "  " not in s
    assert clean(s, multiline=multiline) == s  # idempotent


@settings(max_examples=60)
@given(texts, st.booleans())
def test_cleaned_text_survives_a_workbook(value: str, multiline: bool) -> None:
    _workbook_takes(clean(value, multiline=multiline))


@settings(max_examples=60)
@given(texts)
def test_a_cell_keeps_line_breaks_and_drops_the_rest(value: str) -> None:
    s = for_cell(value)
    assert _no_invisible(s, allowed="\t\n\r")
    _workbook_takes(s)


@given(
    texts,
    st.builds(
        TextRule,
        max_length=st.integers(1, 40),
        multiline=st.booleans(),
        required=st.booleans(),
        cut=st.booleans(),
    ),
)
def test_a_field_rule_cleans_limits_or_refuses(value: str, rule: TextRule) -> None:
    try:
        s = checked(value, rule)
    except TextRefused as exc:
        cleaned = clean(value, multiline=rule.multiline)
        if exc.reason == "too_long":
            assert not rule.cut and len(cleaned) > rule.max_length
        else:
            assert exc.reason == "empty" and rule.required and not cleaned[: rule.max_length]
        return
    assert len(s) <= rule.max_length
    assert not rule.required or s
    assert checked(s, rule) == s


@pytest.mark.parametrize(
    ("value", "multiline", "expected"),
    [
        ("王\x00小明", False, "王小明"),  # a NUL broke the volunteer export
        ("陳\u202e淑芬", False, "陳淑芬"),  # a right-to-left override reversed the kiosk text
        ("\u2067林\u2069 \u200b美玲\ufeff", False, "林 美玲"),
        ("  A\tB\r\nC  ", False, "A B C"),
        ("e\u0301", False, "é"),  # NFC: one code point sequence for one look
        ("第一行\r\n第二行\u2028\x07第三行\t \n\n", True, "第一行\n第二行\n第三行"),
        ("\x00\u202e", False, ""),
        (None, False, ""),
        (42, False, "42"),
    ],
)
def test_examples(value: object, multiline: bool, expected: str) -> None:
    assert clean(value, multiline=multiline) == expected


def test_refusals_name_their_reason() -> None:
    with pytest.raises(TextRefused) as exc:
        checked("\u202e\x00 ", text.PERSON_NAME)
    assert (exc.value.reason, exc.value.max_length) == ("empty", 60)
    with pytest.raises(TextRefused) as exc:
        checked("名" * 61, text.PERSON_NAME)
    assert exc.value.reason == "too_long"
    assert checked("備" * 2500, text.VOLUNTEER_NOTES) == "備" * 2000  # notes are cut, as before
