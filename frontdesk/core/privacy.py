"""Personal data shown only as much as a task needs (個人資料保護法 art. 5: proportionality)."""

from __future__ import annotations

KEEP_LAST = 3  # digits left at the end: enough to tell two numbers of one person apart
KEEP_FIRST_MAX = 4  # digits left at the start at most: the mobile prefix 09xx, an area code
HIDE_AT_LEAST = 3  # digits always hidden, so a shown number is never callable


def mask_phone(phone: str | None) -> str:
    """0912-345-678 → 0912-***-678, 2345678 → 2***678: enough to recognise, not to call.

    The one masking rule for every list, export and audit entry. Every character that is
    a digit (full-width ０-９ too) counts, whatever the format around it (area code in
    brackets, dashes, spaces, +886, an extension after #); separators stay as they are.
    The last 3 digits and at most the first 4 stay visible, with at least 3 hidden in
    between, so no run of more than 4 of the original digits is ever shown. A number of
    6 digits or fewer is hidden completely.
    """
    if not phone:
        return ""
    digits = [i for i, ch in enumerate(phone) if ch.isdigit()]
    if len(digits) <= KEEP_LAST + HIDE_AT_LEAST:
        return "*" * len(phone)
    first = min(KEEP_FIRST_MAX, len(digits) - KEEP_LAST - HIDE_AT_LEAST)
    hidden = set(digits[first:-KEEP_LAST])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(phone))
