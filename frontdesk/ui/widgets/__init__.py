"""Shared widgets: big touch buttons, a badge button, cards."""

from frontdesk.ui.widgets.common import BadgeButton, BigButton, Card, wrap_label

__all__ = ["BadgeButton", "BigButton", "Card", "wrap_label"]
