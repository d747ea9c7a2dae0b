"""Volunteer codes as readers, keyboards and Chinese input methods type them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from frontdesk.core.codes import (
    ascii_width,
    code_char,
    is_valid_code,
    may_show_code,
    normalise_code,
)

CODE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-"
codes = st.text(alphabet=CODE_CHARS, min_size=1, max_size=32)
blanks = st.text(alphabet=" \t\u3000", max_size=3)


def full_width(text: str) -> str:
    """What a Zhuyin or Cangjie input method in full-width mode types for `text`."""
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


@given(codes, blanks, blanks)
def test_full_width_and_blanks_and_case_make_no_other_code(code: str, lead: str, tail: str) -> None:
    expected = code.upper()
    assert normalise_code(code) == expected
    assert normalise_code(lead + full_width(code) + tail) == expected
    assert normalise_code(f"{lead}{code.lower()}{tail}") == expected
    assert is_valid_code(normalise_code(full_width(code)))


@given(st.text(max_size=40))
def test_normalising_is_idempotent_and_leaves_no_full_width_ascii(raw: str) -> None:
    once = normalise_code(raw)
    assert normalise_code(once) == once
    assert once == once.strip()
    assert not any("\uff01" <= ch <= "\uff5e" for ch in once)


@given(st.text(max_size=40))
def test_ascii_width_changes_nothing_but_full_width_forms(raw: str) -> None:
    folded = ascii_width(raw)
    assert len(folded) == len(raw)
    for before, after in zip(raw, folded, strict=True):
        if "\uff01" <= before <= "\uff5e":
            assert ord(after) == ord(before) - 0xFEE0
        elif before == "\u3000":
            assert after == " "
        else:
            assert after == before


def test_examples() -> None:
    assert normalise_code(" ｖ００１　") == "V001"
    assert normalise_code("ａ－１２") == "A-12"
    assert normalise_code(None) == ""
    assert not is_valid_code("V 001") and not is_valid_code("") and not is_valid_code("志工")
    assert not is_valid_code("A" * 33) and is_valid_code("A" * 32)


@given(st.sampled_from(CODE_CHARS))
def test_a_key_of_a_code_counts_in_either_width(ch: str) -> None:
    assert code_char(ch) == ch
    assert code_char(full_width(ch)) == ch


def test_keys_that_type_nothing_of_a_code() -> None:
    for text in ("", " ", "\u3000", "中", "ㄅ", "é", "ab", "\r", "＿", "."):
        assert code_char(text) == "", text


# --- a card reader's burst, told from typing ---------------------------------------------


def test_a_readers_burst_is_a_card() -> None:
    from frontdesk.core.codes import is_card_burst

    assert is_card_burst("V802", [0.0, 0.01, 0.02, 0.03], 0.04)
    assert is_card_burst("ｖ８０２", [0.0, 0.05, 0.1, 0.15], 0.2)  # an input method's full width
    # slow typing, a pause before Enter, too short, not a code, times not matching
    assert not is_card_burst("V802", [0.0, 0.3, 0.6, 0.9], 1.0)
    assert not is_card_burst("V802", [0.0, 0.01, 0.02, 0.03], 0.5)
    assert not is_card_burst("V802", [0.0, 0.01, 0.2, 0.21], 0.22)
    assert not is_card_burst("12", [0.0, 0.01], 0.02)
    assert not is_card_burst("V8 2", [0.0, 0.01, 0.02, 0.03], 0.04)
    assert not is_card_burst("V802", [0.0, 0.01], 0.04)
    assert not is_card_burst("V802", [0.0, 0.01, 0.005, 0.03], 0.04)  # out of order


@given(codes, st.lists(st.floats(0, 0.05), min_size=32, max_size=32))
def test_every_code_read_fast_is_a_card(code: str, gaps: list[float]) -> None:
    from itertools import accumulate

    from frontdesk.core.codes import BURST_MIN_CHARS, is_card_burst

    times = list(accumulate(gaps[: len(code)], initial=0.0))[1:]
    assert is_card_burst(code, times, times[-1] + 0.01) is (len(code) >= BURST_MIN_CHARS)


def test_the_next_code_follows_the_desks_numbering() -> None:
    from frontdesk.core.codes import FIRST_CODE, next_code

    assert next_code([]) == FIRST_CODE == "V001"
    assert next_code(["V001", "V002", "V028"]) == "V029"
    assert next_code(["v009", "Ｖ０１０"]) == "V011"  # as typed through an input method
    assert next_code(["V099"]) == "V100"  # widens past its padding
    assert next_code(["A-104", "A-105", "V001", "STAFF"]) == "A-106"  # the most used series
    assert next_code(["GUEST", "STAFF"]) == FIRST_CODE  # nothing numbered


def test_a_number_typed_without_its_letters() -> None:
    from frontdesk.core.codes import typed_number_codes

    codes = ["V001", "V007", "V070", "A-12", "B7X"]
    assert typed_number_codes("7", codes) == ["V007"]
    assert typed_number_codes("007", codes) == ["V007"]
    assert typed_number_codes("７", codes) == ["V007"]  # full width from an input method
    assert typed_number_codes("70", codes) == ["V070"]
    assert typed_number_codes("12", codes) == ["A-12"]
    assert typed_number_codes("8", codes) == []
    assert typed_number_codes("7", ["V007", "A007"]) == ["V007", "A007"]  # the caller refuses


def test_a_code_typed_with_its_letters_but_without_zero_padding() -> None:
    from frontdesk.core.codes import typed_number_codes

    codes = ["V001", "V007", "V012", "A-12", "B7X"]
    assert typed_number_codes("V12", codes) == ["V012"]
    assert typed_number_codes("v7", codes) == ["V007"]
    assert typed_number_codes("Ｖ０７", codes) == ["V007"]
    assert typed_number_codes("A-012", codes) == ["A-12"]
    assert typed_number_codes("A12", codes) == []  # other letters: not A-12, not V012
    assert typed_number_codes("V8", codes) == []
    assert typed_number_codes("V12", ["V012", "V0012"]) == ["V012", "V0012"]  # the caller refuses


def test_the_digits_alone_hint_only_when_no_number_is_shared() -> None:
    from frontdesk.core.codes import digits_alone_are_enough

    assert digits_alone_are_enough(["V001", "V002", "STAFF"])
    assert not digits_alone_are_enough(["V012", "A012"])
    assert not digits_alone_are_enough(["V12", "A-012"])


def test_the_old_digits_rules_hold() -> None:
    from frontdesk.core.codes import typed_number_codes

    codes = ["V001", "V007", "V070", "A-12", "B7X"]
    assert typed_number_codes("8", codes) == []
    assert typed_number_codes("7", ["V007", "A007"]) == ["V007", "A007"]  # the caller refuses


def test_a_code_example_is_written_like_the_desks_codes() -> None:
    from frontdesk.core.codes import FIRST_CODE, code_example

    assert code_example(["V001", "V028", "X9"]) == "V001"
    assert code_example(["A-104", "A-105"]) == "A-001"
    assert code_example([]) == FIRST_CODE == "V001"


def test_only_what_looks_like_a_number_may_be_shown_back() -> None:
    for code in ("V001", "A-105", "801", "AB12"):
        assert may_show_code(code), code
    for code in ("DEMO-PASSWORD", "PASSWORD", "ABCDEFGHIJ1234567", "12345678901", "V00-1", ""):
        assert not may_show_code(code), code
