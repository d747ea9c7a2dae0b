"""The kiosk PIN rule: what a PIN is and how many wrong ones a day allows.

A PIN stands in for the card at the desk (setting `require_pin`). The kiosk's pad, the
supervisor's volunteer form, the command line and the use case (services.pins) all ask
here, and the sentences that tell people about it quote PIN_DIGITS.
"""

from __future__ import annotations

PIN_DIGITS = 4  # a PIN is exactly this many ASCII digits 0-9
PIN_TRIES = 5  # wrong PINs in a day before the name is locked for the rest of that day


def is_valid_pin(pin: str) -> bool:
    """Exactly PIN_DIGITS ASCII digits, nothing else (no blanks, no line break, no
    full-width digits: the pad and the form only type 0-9)."""
    return len(pin) == PIN_DIGITS and all("0" <= ch <= "9" for ch in pin)
