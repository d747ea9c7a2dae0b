"""The kiosk PIN rule (frontdesk.core.pins), asked by the pad, the form, the CLI and services."""

from __future__ import annotations

import pytest

from frontdesk.core.pins import PIN_DIGITS, is_valid_pin


def test_a_pin_is_exactly_pin_digits_ascii_digits() -> None:
    assert PIN_DIGITS == 4
    assert is_valid_pin("0000") and is_valid_pin("2468")


@pytest.mark.parametrize("pin", ["", "123", "12345", "12a4", "1234\n", " 1234", "１２３４", "١٢٣٤"])
def test_anything_else_is_not_a_pin(pin: str) -> None:
    assert not is_valid_pin(pin)
