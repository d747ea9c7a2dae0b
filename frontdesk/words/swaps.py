"""Swap requests in words: the duty, the notice left, the request, its kind, state and
outcome (志工服務規範 附則二). Shared by the kiosk and the supervisor's swaps inbox;
translation context "Swaps".
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from frontdesk.core.roster import ShiftKey
from frontdesk.core.settings import DeskSettings
from frontdesk.core.swaps import SwapKind, SwapState
from frontdesk.words.dates import day_long, duration_text, roc_day
from frontdesk.words.labels import slot_short, slot_title
from frontdesk.words.sentences import sentences

if TYPE_CHECKING:
    from frontdesk.services.swap_views import SwapView


def shift_text(shift: ShiftKey, cfg: DeskSettings) -> str:
    """115年12月8日（星期二）上午班 08:30–11:30: the day (words.dates.day_long, with its ROC
    year) and the slot with its hours."""
    slot = cfg.slot(shift.slot)
    name = slot_title(slot) if slot is not None else shift.slot
    return QCoreApplication.translate("Swaps", "{day} {slot}").format(
        day=day_long(shift.day), slot=name
    )


def shift_short(shift: ShiftKey) -> str:
    """115/12/08 (二) 上午: a duty in a table of many rows, the compact ROC form of tables
    (words.dates.roc_day) with its year; sentences use shift_text."""
    return f"{roc_day(shift.day)} {slot_short(shift.slot)}"


def notice_text(left: timedelta) -> str:
    """'3 days 5 hours left', '21 minutes left' (never negative; words.dates.duration_text),
    the same on the kiosk, in the supervisor's inbox and its detail, and in the arrange
    dialog."""
    return QCoreApplication.translate("Swaps", "{duration} left").format(
        duration=duration_text(left)
    )


def request_text(v: SwapView, cfg: DeskSettings) -> str:
    """What the colleague is asked."""
    given = shift_text(v.given, cfg)
    if v.kind is SwapKind.EXCHANGE and v.taken is not None:
        return QCoreApplication.translate(
            "Swaps",
            "{requester} asks you to serve their duty on {given}, "
            "and will serve your duty on {taken} in return.",
        ).format(requester=v.requester, given=given, taken=shift_text(v.taken, cfg))
    return QCoreApplication.translate(
        "Swaps", "{requester} asks you to serve their duty on {given} (cover)."
    ).format(requester=v.requester, given=given)


def kind_text(kind: SwapKind) -> str:
    """Exchange / cover / please arrange."""
    return {
        SwapKind.EXCHANGE: QCoreApplication.translate("Swaps", "Exchange"),
        SwapKind.COVER: QCoreApplication.translate("Swaps", "Cover"),
        SwapKind.ARRANGE: QCoreApplication.translate("Swaps", "Please arrange"),
    }[kind]


def state_text(state: SwapState) -> str:
    """Where a request stands, in words."""
    return {
        SwapState.PENDING_COLLEAGUE: QCoreApplication.translate(
            "Swaps", "Waiting for the colleague"
        ),
        SwapState.PENDING_SUPERVISOR: QCoreApplication.translate(
            "Swaps", "Waiting for the supervisor"
        ),
        SwapState.APPROVED: QCoreApplication.translate("Swaps", "Approved"),
        SwapState.REJECTED: QCoreApplication.translate("Swaps", "Not approved"),
        SwapState.CANCELLED: QCoreApplication.translate("Swaps", "Withdrawn"),
        SwapState.EXPIRED: QCoreApplication.translate("Swaps", "Expired"),
        SwapState.INVALID: QCoreApplication.translate("Swaps", "No longer possible"),
    }[state]


def own_request_text(v: SwapView) -> str:
    """A volunteer's own request under its duty: where it stands and whom it asked
    (換班：已請 羅信秀 代班・等待對方回覆)."""
    if not v.colleague:
        return QCoreApplication.translate("Swaps", "Swap: {state}").format(
            state=state_text(v.state)
        )
    return QCoreApplication.translate("Swaps", "Swap: {colleague} asked · {state}").format(
        colleague=v.colleague, state=state_text(v.state)
    )


def why_text(v: SwapView) -> str:
    """Why a request ended as it did, in words ('' when approved without a note)."""
    if v.state is SwapState.INVALID:
        if v.superseded_by is not None:
            return QCoreApplication.translate(
                "Swaps", "Another approved swap (#{id}) changed this duty first."
            ).format(id=v.superseded_by)
        return QCoreApplication.translate(
            "Swaps", "The roster changed and this swap is no longer possible."
        )
    if v.declined:
        return QCoreApplication.translate("Swaps", "{colleague} said no.").format(
            colleague=v.colleague or QCoreApplication.translate("Swaps", "The colleague")
        )
    if v.state is SwapState.EXPIRED:
        return QCoreApplication.translate("Swaps", "It was not decided before the duty started.")
    if v.state is SwapState.CANCELLED:
        return QCoreApplication.translate("Swaps", "Withdrawn by {requester}.").format(
            requester=v.requester
        )
    return v.supervisor_reason


def outcome_text(v: SwapView, me: int, cfg: DeskSettings) -> str:
    """The outcome as told to `me` (the requester or the colleague) at the kiosk."""
    given = shift_text(v.given, cfg)
    taken = shift_text(v.taken, cfg) if v.taken is not None else ""
    mine = v.requester_id == me
    if v.state is SwapState.APPROVED:
        if v.kind is SwapKind.EXCHANGE and v.taken is not None:
            if mine:
                text = QCoreApplication.translate(
                    "Swaps", "Swap approved: you now serve {taken} instead of {given}."
                )
            else:
                text = QCoreApplication.translate(
                    "Swaps", "Swap approved: you now serve {given} instead of {taken}."
                )
        elif mine:
            text = QCoreApplication.translate(
                "Swaps", "Swap approved: {colleague} serves your duty on {given}."
            )
        else:
            text = QCoreApplication.translate(
                "Swaps", "Swap approved: you now serve {given} in place of {requester}."
            )
        text = text.format(given=given, taken=taken, colleague=v.colleague, requester=v.requester)
    elif v.state is SwapState.REJECTED:
        if v.declined:
            text = QCoreApplication.translate(
                "Swaps", "{colleague} cannot take your duty on {given}."
            ).format(colleague=v.colleague, given=given)
        else:
            text = QCoreApplication.translate(
                "Swaps", "The supervisor did not approve the swap of {given}."
            ).format(given=given)
            if v.supervisor_reason:
                text = sentences(
                    text,
                    QCoreApplication.translate("Swaps", "Reason: {reason}").format(
                        reason=v.supervisor_reason
                    ),
                )
    elif v.state is SwapState.CANCELLED:
        text = QCoreApplication.translate(
            "Swaps", "{requester} withdrew the swap of {given}."
        ).format(requester=v.requester, given=given)
    else:  # INVALID, EXPIRED
        text = sentences(
            QCoreApplication.translate("Swaps", "The swap of {given} did not happen.").format(
                given=given
            ),
            why_text(v),
        )
    if mine and v.state is not SwapState.APPROVED:
        text = sentences(text, QCoreApplication.translate("Swaps", "The duty stays yours."))
    return text


def summary_text(colleague: str, given: ShiftKey, taken: ShiftKey | None, cfg: DeskSettings) -> str:
    """The swap being asked, told to the volunteer asking (taken: the duty in return)."""
    if taken is not None:
        return QCoreApplication.translate(
            "Swaps", "{colleague} serves your duty on {given}; you serve their duty on {taken}."
        ).format(colleague=colleague, given=shift_text(given, cfg), taken=shift_text(taken, cfg))
    return QCoreApplication.translate("Swaps", "{colleague} serves your duty on {given}.").format(
        colleague=colleague, given=shift_text(given, cfg)
    )


def sent_text(colleague: str, agreed: bool) -> str:
    """What happens next to a request just sent: the colleague agreed now, or is asked later."""
    if agreed:
        text = QCoreApplication.translate(
            "Swaps", "{colleague} agreed. The supervisor will now decide."
        )
    else:
        text = QCoreApplication.translate(
            "Swaps",
            "{colleague} will be asked the next time they sign in at the desk; "
            "then the supervisor decides.",
        )
    return (
        text.format(colleague=colleague)
        + "\n"
        + QCoreApplication.translate("Swaps", "Until it is approved, the duty stays yours.")
    )


def reply_text(agreed: bool, requester: str) -> str:
    """The colleague's answer acknowledged at the kiosk."""
    if agreed:
        said = QCoreApplication.translate(
            "Swaps", "Thank you! The supervisor will now decide; {requester} will be told."
        )
    else:
        said = QCoreApplication.translate(
            "Swaps", "All right. {requester} will be told you cannot."
        )
    return said.format(requester=requester)
