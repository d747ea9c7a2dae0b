"""The phone courtesy test in words: the form's items and bands, a refused score, the
kiosk's phone rules and the latest score (translation context "PhoneTests").

The printed form keeps the paper form's own Traditional Chinese (words.phone_form); these
are the screen's words, which follow the UI language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from frontdesk.core import phone_tests as rules
from frontdesk.core.phone_tests import Item

ITEM_NAMES: dict[str, Callable[[], str]] = {
    Item.ANSWER: lambda: QCoreApplication.translate("PhoneTests", "answer speed"),
    Item.UNIT: lambda: QCoreApplication.translate("PhoneTests", "states the unit or surname"),
    Item.GREETING: lambda: QCoreApplication.translate("PhoneTests", "greeting"),
    Item.TONE: lambda: QCoreApplication.translate("PhoneTests", "tone"),
    Item.CLOSING: lambda: QCoreApplication.translate("PhoneTests", "polite closing"),
    Item.CONTENT: lambda: QCoreApplication.translate("PhoneTests", "content of the answer"),
    "ring_seconds": lambda: QCoreApplication.translate("PhoneTests", "ring seconds"),
    "transfers": lambda: QCoreApplication.translate("PhoneTests", "transfers"),
}

BAND_NAMES: dict[str, Callable[[], str]] = {
    "warm": lambda: QCoreApplication.translate("PhoneTests", "warm and courteous"),
    "plain": lambda: QCoreApplication.translate("PhoneTests", "plain, acceptable"),
    "impatient": lambda: QCoreApplication.translate("PhoneTests", "hurried, impatient"),
    "rude": lambda: QCoreApplication.translate("PhoneTests", "rude"),
    "detailed": lambda: QCoreApplication.translate("PhoneTests", "explained in detail"),
    "adequate": lambda: QCoreApplication.translate("PhoneTests", "explained adequately"),
    "unclear": lambda: QCoreApplication.translate("PhoneTests", "mostly unclear"),
    "none": lambda: QCoreApplication.translate("PhoneTests", "could not explain"),
    "satisfying": lambda: QCoreApplication.translate("PhoneTests", "a full, satisfying answer"),
    "simple": lambda: QCoreApplication.translate(
        "PhoneTests", "asked others, a simple answer or took the caller's contact"
    ),
    "not_ours": lambda: QCoreApplication.translate(
        "PhoneTests", "not our business: took a number or gave a contact"
    ),
    "later": lambda: QCoreApplication.translate("PhoneTests", "asked the caller to call again"),
    "nothing": lambda: QCoreApplication.translate("PhoneTests", "no answer and no contact taken"),
}


def item_name(item: str) -> str:
    name = ITEM_NAMES.get(item)
    return name() if name is not None else item


def band_name(code: str) -> str:
    name = BAND_NAMES.get(code)
    return name() if name is not None else code


def band_text(b: rules.Band) -> str:
    """'warm and courteous (8–10)': a band as the form's checkbox reads."""
    span = f"{b.lo}" if b.lo == b.hi else f"{b.lo}–{b.hi}"
    return QCoreApplication.translate("PhoneTests", "{band} ({span})").format(
        band=band_name(b.code), span=span
    )


def score_refused(facts: Mapping[str, Any]) -> str:
    """A mark outside its band, naming the item: 'tone: 12 is not allowed …'."""
    item = item_name(str(facts.get("item", "")))
    lo, hi, band = facts.get("lo"), facts.get("hi"), str(facts.get("band") or "")
    if band and band != "?" and band in BAND_NAMES:
        return QCoreApplication.translate(
            "PhoneTests",
            "{item}: {value} points is outside the band ticked, {band} ({lo}–{hi}); "
            "nothing was recorded.",
        ).format(item=item, value=facts.get("value"), band=band_name(band), lo=lo, hi=hi)
    return QCoreApplication.translate(
        "PhoneTests",
        "{item}: {value} is not possible on the form (from {lo} to {hi}); nothing was recorded.",
    ).format(item=item, value=facts.get("value"), lo=lo, hi=hi)


def desk_rules() -> list[str]:
    """The three phone rules of the 志工服務規範 (answer, transfer, close) as short words for
    the kiosk's phone tab, which writes them on one line under the script."""
    return [
        QCoreApplication.translate("PhoneTests", "Answer within {seconds} s").format(
            seconds=rules.WITHIN_SECONDS
        ),
        QCoreApplication.translate("PhoneTests", "Transfer with the extension"),
        QCoreApplication.translate("PhoneTests", "Caller hangs up first"),
    ]


def rules_head() -> str:
    """The head of the rules' line on the phone tab, beside 接聽, 轉接 …"""
    return QCoreApplication.translate("PhoneTests", "Rules")


def latest_score(total: int) -> str:
    """最近一次電話禮貌測試：92 分"""
    return QCoreApplication.translate(
        "PhoneTests", "Latest phone courtesy test: {total} points"
    ).format(total=total)
