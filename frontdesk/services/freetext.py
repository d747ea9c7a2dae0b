"""The one text rule (core.text) at every use case that stores what a person typed."""

from __future__ import annotations

from frontdesk.core.text import TextRefused, TextRule, checked
from frontdesk.services.errors import InvalidInput


def free_text(value: object, rule: TextRule, field: str) -> str:
    """`value` cleaned by `rule`; refused as InvalidInput naming `field` (reason, max)."""
    try:
        return checked(value, rule)
    except TextRefused as exc:
        raise InvalidInput(
            f"{field}: {exc}", field=field, reason=exc.reason, max=exc.max_length
        ) from None
