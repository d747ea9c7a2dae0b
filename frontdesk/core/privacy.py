"""Personal data shown only as much as a task needs (個人資料保護法 art. 5: proportionality)."""

from __future__ import annotations


def mask_phone(phone: str | None) -> str:
    """0912-345-678 → 0912-***-678: enough to recognise, not to call."""
    if not phone:
        return ""
    digits = [i for i, ch in enumerate(phone) if ch.isdigit()]
    if len(digits) <= 6:
        return "*" * len(phone)
    hidden = set(digits[4:-3])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(phone))
