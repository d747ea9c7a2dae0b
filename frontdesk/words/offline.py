"""The words of a desk working without its server: the kiosk's band, the mark under an
answer kept for upload, the one sentence of what needs the server, each conflict's reason
and a desk's state for the supervisor.

Translation context "Offline"; the conflict reasons also label audit entries.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from frontdesk.core.offline import Conflict
from frontdesk.words.dates import clock, day_text

if TYPE_CHECKING:
    from frontdesk.services.offline.state import DeskReport, DeskStatus


def kept_for_upload() -> str:
    """The mark under an answer decided offline."""
    return QCoreApplication.translate(
        "Offline", "Recorded; sent automatically when the network is back"
    )


def band(status: DeskStatus) -> str:
    """The kiosk's band while the desk is offline or still sending ('' when online and
    nothing waits)."""
    if not status.online:
        return QCoreApplication.translate(
            "Offline",
            "No connection to the shared database since {time}. Scanning works as usual: "
            "every scan is kept on this PC and sent when the network is back "
            "({count} waiting).",
        ).format(time=_since(status.offline_since), count=status.waiting)
    if status.waiting:
        return QCoreApplication.translate(
            "Offline", "The network is back: sending the scans kept on this PC ({count} left)."
        ).format(count=status.waiting)
    return ""


def _since(at: datetime | None) -> str:
    return clock(at) if at is not None else ""


def needs_server() -> str:
    """What swaps, the supervisor's workspace and exports say while the server is away."""
    return QCoreApplication.translate(
        "Offline",
        "This needs the shared database, which cannot be reached now; scanning in and out "
        "still works, and this can be done once the network is back.",
    )


def conflict_reason(code: object) -> str:
    """Why a scan sent after an outage was flagged, in a sentence."""
    reasons = {
        Conflict.ANSWER_DIFFERS: lambda: QCoreApplication.translate(
            "Offline", "the server answered otherwise than this desk did offline"
        ),
        Conflict.NOT_RECORDED: lambda: QCoreApplication.translate(
            "Offline",
            "the server recorded nothing (signed in at another desk meanwhile, a repeat, "
            "or a closed day)",
        ),
        Conflict.ROSTER_CHANGED: lambda: QCoreApplication.translate(
            "Offline", "the roster or the calendar changed meanwhile: another slot or status"
        ),
        Conflict.ABSENT_CORRECTED: lambda: QCoreApplication.translate(
            "Offline", "the daily check had marked this duty absent; the sign-in corrects it"
        ),
        Conflict.RECORDED_LATER: lambda: QCoreApplication.translate(
            "Offline", "the server held a later time for this volunteer: recorded at that time"
        ),
        Conflict.UNDO_REFUSED: lambda: QCoreApplication.translate(
            "Offline", "the sign-out taken back at this desk could not be taken back on the server"
        ),
    }
    try:
        return reasons[Conflict(str(code))]()
    except ValueError:
        return str(code)


def desk_state(report: DeskReport) -> str:
    """One desk's line on the supervisor's page."""
    s = report.status
    if report.silent:
        state = QCoreApplication.translate("Offline", "not heard from since {time}").format(
            time=day_text(report.reported_at)
        )
    elif s.online:
        state = QCoreApplication.translate("Offline", "online")
    else:
        state = QCoreApplication.translate("Offline", "offline since {time}").format(
            time=day_text(s.offline_since)
        )
    parts = [
        s.name,
        state,
        QCoreApplication.translate("Offline", "{count} scans waiting to be sent").format(
            count=s.waiting
        ),
    ]
    if s.last_upload is not None:
        parts.append(
            QCoreApplication.translate("Offline", "last sent {time}").format(
                time=day_text(s.last_upload)
            )
        )
    if report.conflicts:
        parts.append(
            QCoreApplication.translate("Offline", "{count} flagged for review").format(
                count=report.conflicts
            )
        )
    return "・".join(parts)


def no_desk_reported() -> str:
    """`check` on a shared server no desk has reported to yet."""
    return QCoreApplication.translate("Offline", "no desk has reported yet")


def desks_go_on() -> str:
    """What `check` adds when the shared server cannot be reached: the desks go on."""
    return QCoreApplication.translate(
        "Offline",
        "The desks keep taking scans offline meanwhile and upload them when the server is back.",
    )
