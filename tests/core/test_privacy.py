"""Personal data masked for lists, exports and the audit log: one rule, property-tested."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdesk.core.privacy import mask_phone


def test_mask_phone() -> None:
    assert mask_phone("0912-345-678") == "0912-***-678"
    assert mask_phone(None) == ""
    assert "345" not in mask_phone("0912345678")


def _visible_runs(original: str, masked: str) -> list[str]:
    """The original's digits still shown, split where a digit was hidden."""
    runs, run = [], ""
    for before, after in zip(original, masked, strict=True):
        if before.isdigit() and after == before:
            run += after
        elif before.isdigit():
            runs.append(run)
            run = ""
    return [r for r in [*runs, run] if r]


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("2345678", "2***678"),  # a 7-digit landline was shown whole
        ("(07)2345678", "(07)2***678"),
        ("07-234-5678", "07-2**-*678"),
        ("07-2345678#123", "07-23*****#123"),
        ("+886 912 345 678", "+886 9** *** 678"),
        ("０９１２３４５６７８", "０９１２***６７８"),
        ("0912 345 678", "0912 *** 678"),
        ("123456", "******"),
    ],
)
def test_every_format_hides_the_middle(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked
    assert max(map(len, _visible_runs(phone, masked)), default=0) <= 4


_DIGITS = "0123456789０１２３４５６７８９"
_SEPARATORS = " -()+#.／－（）　ext"
phones = st.text(alphabet=st.sampled_from(_DIGITS + _SEPARATORS), max_size=40)


@given(st.one_of(phones, st.text(max_size=40)))
def test_no_run_of_more_than_four_original_digits_survives(phone: str) -> None:
    masked = mask_phone(phone)
    assert len(masked) == len(phone)
    assert max(map(len, _visible_runs(phone, masked)), default=0) <= 4
    digits = sum(ch.isdigit() for ch in phone)
    shown = sum(ch.isdigit() for ch in masked)
    assert digits - shown >= min(digits, 3)  # always at least 3 hidden (all when 6 or fewer)
    # a longer number keeps its format: only digits are ever replaced by *
    for before, after in zip(phone, masked, strict=True):
        assert after == before or (after == "*" and (before.isdigit() or digits <= 6))


@given(st.text(alphabet=st.sampled_from(_DIGITS + "-"), min_size=7, max_size=20))
def test_a_recognisable_part_stays(phone: str) -> None:
    digits = [ch for ch in phone if ch.isdigit()]
    if len(digits) >= 7:
        shown = re.sub(r"[^\d]", "", mask_phone(phone))
        assert shown.endswith("".join(digits[-3:]))
