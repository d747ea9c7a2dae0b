"""The audit log in people's words: a name for every action code, who did it, on what, and
what changed, as sentences (no codes, no JSON, no ISO dates, no "site 1").

`ACTIONS` is the one table of action names; a test checks that every action code the
use cases record has an entry. Values are written the way the rest of the app writes them
(words.dates, words.labels); volunteers, supervisors and the agency are named through the
`Names` the service resolved from the database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from frontdesk.words.audit_fields import field_text
from frontdesk.words.audit_names import Names, actor_text

__all__ = [
    "ACTIONS",
    "Names",
    "action_name",
    "actor_text",
    "detail_lines",
    "details_text",
    "subject_text",
]
from frontdesk.words.labels import slot_name

# Every action code the use cases record, in the order of the filter list (by subject).
ACTIONS: dict[str, Callable[[], str]] = {
    "attendance.sign_in": lambda: QCoreApplication.translate("audit", "Signed in at the desk"),
    "attendance.sign_out": lambda: QCoreApplication.translate("audit", "Signed out at the desk"),
    "attendance.sign_out_undone": lambda: QCoreApplication.translate(
        "audit", "Sign-out undone at the desk"
    ),
    "attendance.clock_suspect": lambda: QCoreApplication.translate(
        "audit", "Duty flagged: recorded while the PC's clock was in doubt"
    ),
    "attendance.autoclose": lambda: QCoreApplication.translate(
        "audit", "Sign-out closed automatically"
    ),
    "attendance.offline_conflict": lambda: QCoreApplication.translate(
        "audit", "Duty flagged: a scan sent after the network was back was answered otherwise"
    ),
    "attendance.sweep": lambda: QCoreApplication.translate(
        "audit", "Daily check for absences and forgotten sign-outs"
    ),
    "attendance.manual": lambda: QCoreApplication.translate("audit", "Duty entered by hand"),
    "attendance.correct": lambda: QCoreApplication.translate("audit", "Duty times corrected"),
    "attendance.accept": lambda: QCoreApplication.translate("audit", "Duty accepted as it is"),
    "attendance.settle": lambda: QCoreApplication.translate(
        "audit", "Duty judged again by the calendar"
    ),
    "attendance.sweep_refused": lambda: QCoreApplication.translate(
        "audit", "Daily check held back: the PC's clock jumped"
    ),
    "roster.assign": lambda: QCoreApplication.translate("audit", "Put on the roster"),
    "roster.unassign": lambda: QCoreApplication.translate("audit", "Taken off the roster"),
    "roster.generate": lambda: QCoreApplication.translate(
        "audit", "Month's roster made from the weekly duties"
    ),
    "pattern.add": lambda: QCoreApplication.translate("audit", "Weekly duty added"),
    "pattern.end": lambda: QCoreApplication.translate("audit", "Weekly duty ended"),
    "swap.request": lambda: QCoreApplication.translate("audit", "Swap requested"),
    "swap.ask": lambda: QCoreApplication.translate("audit", "Supervisor asked to arrange a swap"),
    "swap.arrange": lambda: QCoreApplication.translate("audit", "Swap arranged by the supervisor"),
    "swap.agree": lambda: QCoreApplication.translate("audit", "Colleague agreed to the swap"),
    "swap.decline": lambda: QCoreApplication.translate("audit", "Colleague declined the swap"),
    "swap.approve": lambda: QCoreApplication.translate("audit", "Swap approved"),
    "swap.reject": lambda: QCoreApplication.translate("audit", "Swap not approved"),
    "swap.withdraw": lambda: QCoreApplication.translate("audit", "Swap request withdrawn"),
    "swap.expire": lambda: QCoreApplication.translate("audit", "Swap request expired"),
    "swap.invalidate": lambda: QCoreApplication.translate("audit", "Swap request void"),
    "volunteer.add": lambda: QCoreApplication.translate("audit", "Volunteer added"),
    "volunteer.update": lambda: QCoreApplication.translate("audit", "Volunteer details changed"),
    "volunteer.deactivate": lambda: QCoreApplication.translate("audit", "Volunteer made inactive"),
    "volunteer.training": lambda: QCoreApplication.translate("audit", "Training recorded"),
    "records.hours_add": lambda: QCoreApplication.translate(
        "audit", "Service hours entered by hand"
    ),
    "records.prior_add": lambda: QCoreApplication.translate("audit", "Prior service hours entered"),
    "records.hours_remove": lambda: QCoreApplication.translate("audit", "Service hours taken back"),
    "records.grant": lambda: QCoreApplication.translate("audit", "Recognition received recorded"),
    "records.record_book": lambda: QCoreApplication.translate("audit", "Record book recorded"),
    "volunteer.pin_set": lambda: QCoreApplication.translate("audit", "Volunteer's PIN set"),
    "volunteer.pin_clear": lambda: QCoreApplication.translate("audit", "Volunteer's PIN removed"),
    "volunteer.email_opt_in": lambda: QCoreApplication.translate(
        "audit", "Volunteer agreed to e-mail notices"
    ),
    "volunteer.email_opt_out": lambda: QCoreApplication.translate(
        "audit", "Volunteer stopped e-mail notices"
    ),
    "kiosk.pin_failed": lambda: QCoreApplication.translate("audit", "Wrong PIN at the desk"),
    "kiosk.pin_locked": lambda: QCoreApplication.translate(
        "audit", "Signing in by name locked for the day after wrong PINs"
    ),
    "volunteer.import": lambda: QCoreApplication.translate("audit", "Volunteer list imported"),
    "volunteer.export": lambda: QCoreApplication.translate("audit", "Volunteer list exported"),
    "volunteer.purge": lambda: QCoreApplication.translate(
        "audit", "Volunteer's personal data removed"
    ),
    "handover.add": lambda: QCoreApplication.translate("audit", "Handover note left"),
    "calendar.import": lambda: QCoreApplication.translate("audit", "Office calendar imported"),
    "calendar.close": lambda: QCoreApplication.translate("audit", "Office closed (no duty)"),
    "calendar.reopen": lambda: QCoreApplication.translate("audit", "Closure lifted"),
    "calendar.manual": lambda: QCoreApplication.translate("audit", "Day set by hand"),
    "settings.update": lambda: QCoreApplication.translate("audit", "Settings changed"),
    "site.create": lambda: QCoreApplication.translate("audit", "Agency set up"),
    "site.rename": lambda: QCoreApplication.translate("audit", "Agency renamed"),
    "supervisor.create": lambda: QCoreApplication.translate("audit", "Supervisor account created"),
    "supervisor.login": lambda: QCoreApplication.translate("audit", "Supervisor logged in"),
    "supervisor.login_failed": lambda: QCoreApplication.translate(
        "audit", "Wrong supervisor password"
    ),
    "supervisor.password": lambda: QCoreApplication.translate(
        "audit", "Supervisor password changed"
    ),
    "supervisor.unlock": lambda: QCoreApplication.translate("audit", "Supervisor account unlocked"),
    "supervisor.enable": lambda: QCoreApplication.translate("audit", "Supervisor account enabled"),
    "supervisor.disable": lambda: QCoreApplication.translate(
        "audit", "Supervisor account disabled"
    ),
    "clock.confirm": lambda: QCoreApplication.translate(
        "audit", "PC clock confirmed by the supervisor"
    ),
    "export.personal_data": lambda: QCoreApplication.translate(
        "audit", "Month exported with personal data"
    ),
    "audit.export": lambda: QCoreApplication.translate("audit", "Audit log exported"),
    "phone_test.record": lambda: QCoreApplication.translate(
        "audit", "Phone courtesy test recorded"
    ),
    "phone_test.follow_up": lambda: QCoreApplication.translate(
        "audit", "Follow-up of a phone courtesy test recorded"
    ),
}


def action_name(code: str) -> str:
    """The action's name in words; an unknown code (a newer version's) as it is."""
    name = ACTIONS.get(code)
    return name() if name is not None else code


def _merged(before: dict[str, Any] | None, after: dict[str, Any] | None) -> dict[str, Any]:
    return {**(before or {}), **(after or {})}


def subject_text(
    entity: str,
    entity_id: str | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    names: Names,
) -> str:
    """What the entry is about: 王小明（V001）, 115/10/01 上午班 王小明（V001）, 換班申請 3 …"""
    values = _merged(before, after)
    if entity == "attendance" and "day" in values:
        _label, day = field_text(entity, "day", values["day"], names)
        who = names.volunteer(values.get("volunteer_id"))
        return f"{day} {slot_name(values.get('slot'))} {who}"
    if entity == "volunteer" and entity_id is not None:
        return names.volunteer(entity_id)
    if entity == "assignment" and entity_id is not None:
        _label, shift = field_text(entity, "given", entity_id, names)
        code = values.get("volunteer")
        return f"{shift} {names.volunteer(code)}" if code else shift
    if entity == "swap_request" and entity_id is not None:
        return QCoreApplication.translate("audit", "Swap request {id}").format(id=entity_id)
    if entity == "phone_test" and entity_id is not None:
        who = names.volunteer(values["volunteer"]) if values.get("volunteer") else ""
        test = QCoreApplication.translate("audit", "Phone test {id}").format(id=entity_id)
        return f"{test} {who or values.get('staff') or ''}".strip()
    if entity == "site":
        return names.agency
    if entity == "supervisor" and entity_id is not None and entity_id.isdigit():
        return names.supervisors.get(int(entity_id), entity_id)
    if entity in ("roster", "export") and entity_id is not None:
        return field_text(entity, "month", entity_id, names)[1]
    if entity == "calendar" and entity_id is not None:
        key = "year" if entity_id.isdigit() else "day"
        return field_text(entity, key, entity_id, names)[1]
    if entity == "weekly_pattern" and "volunteer" in values:
        return names.volunteer(values["volunteer"])
    if entity == "handover_note" and "day" in values:
        return (
            f"{field_text(entity, 'day', values['day'], names)[1]} {slot_name(values.get('slot'))}"
        )
    return ""


# Fields that subject_text already names, not repeated among the details.
_IN_SUBJECT = {
    "attendance": {"volunteer_id", "day", "slot"},
    "assignment": {"volunteer"},
    "handover_note": {"day", "slot"},
    "weekly_pattern": {"volunteer"},
    "phone_test": {"volunteer", "staff"},
}


def detail_lines(
    entity: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    names: Names,
) -> list[str]:
    """What changed, one sentence part a field: 'status: Active → Inactive' for a changed
    field, 'reason: …' for a field recorded on one side only; unchanged fields left out."""
    skip = _IN_SUBJECT.get(entity, set())
    before, after = before or {}, after or {}
    lines = []
    for key in [*before, *(k for k in after if k not in before)]:
        if key in skip:
            continue
        if key in before and key in after:
            if before[key] == after[key]:
                continue
            label, old = field_text(entity, key, before[key], names)
            new = field_text(entity, key, after[key], names)[1]
            lines.append(
                QCoreApplication.translate("audit", "{field}: {old} → {new}").format(
                    field=label, old=old, new=new
                )
            )
        else:
            raw = before[key] if key in before else after[key]
            if raw is None or raw == "":
                continue  # nothing recorded: not worth a word
            label, value = field_text(entity, key, raw, names)
            if key in after or not after:
                line = QCoreApplication.translate("audit", "{field}: {value}")
            else:  # recorded before the change only: how it stood
                line = QCoreApplication.translate("audit", "{field} was {value}")
            lines.append(line.format(field=label, value=value))
    return lines


def details_text(
    entity: str, before: dict[str, Any] | None, after: dict[str, Any] | None, names: Names
) -> str:
    """detail_lines as one sentence, its parts joined by '；'."""
    return QCoreApplication.translate("audit", "; ").join(
        detail_lines(entity, before, after, names)
    )
