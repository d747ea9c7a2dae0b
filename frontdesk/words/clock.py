"""The PC's clock found off the trusted time, told to the supervisor in one sentence.

Translation context "Clock". Used by the workspace's banner and `frontdesk sweep`.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from frontdesk.words.dates import day_text
from frontdesk.words.sentences import sentences


def _amount(seconds: float) -> str:
    """About how far: in days, hours or minutes, whichever reads naturally."""
    seconds = abs(seconds)
    if seconds >= 86_400:
        return QCoreApplication.translate("Clock", "{n} days").format(n=round(seconds / 86_400, 1))
    if seconds >= 3_600:
        return QCoreApplication.translate("Clock", "{n} hours").format(n=round(seconds / 3_600, 1))
    return QCoreApplication.translate("Clock", "{n} minutes").format(n=round(seconds / 60))


def clock_jump(jump_seconds: float, seen_at: datetime | None) -> str:
    """What a suspect clock means for the supervisor, and the two ways out."""
    amount, when = _amount(jump_seconds), day_text(seen_at) if seen_at else "?"
    if jump_seconds > 0:
        head = QCoreApplication.translate(
            "Clock",
            "This computer's clock is about {amount} ahead of the time it last trusted "
            "(noticed at {when} on its clock).",
        )
    else:
        head = QCoreApplication.translate(
            "Clock",
            "This computer's clock is about {amount} behind the time it last trusted "
            "(noticed at {when} on its clock).",
        )
    return sentences(
        head.format(amount=amount, when=when),
        QCoreApplication.translate(
            "Clock",
            "Until it is settled no forgotten sign-out is closed and no absence recorded, "
            "and every scan is marked for review. Set the clock right, or confirm that it "
            "is right.",
        ),
    )
