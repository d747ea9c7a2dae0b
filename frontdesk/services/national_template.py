"""The month's service for the county's own template: one row per volunteer per day (the
unit the national system takes), desk duties each cut to the record's step, and the hours
entered by hand on their day; and the template's column mapping kept in the settings.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from frontdesk.core.national_template import TemplateMapping
from frontdesk.core.recognition import step_minutes
from frontdesk.core.settings import SERVICE_CATEGORY, TEMPLATE_MAPPING
from frontdesk.services.context import Desk, load_settings, settings
from frontdesk.services.month_views import DEFAULT_SERVICE_CATEGORY, AttendanceLine
from frontdesk.services.records import hours_step, service_item
from frontdesk.services.reports import month_report
from frontdesk.services.roster import month_bounds
from frontdesk.services.setup import update_settings
from frontdesk.store.models import ServiceHours, Volunteer


@dataclass(frozen=True, slots=True)
class TemplateRow:
    """A volunteer's service on one day, as the template's row takes it."""

    code: str
    name: str
    day: date
    start: datetime | None  # aware UTC; None for hours entered by hand
    end: datetime | None
    minutes: int  # as recorded: each duty cut to the step
    item: str
    category: str


def template_rows(desk: Desk, year: int, month: int) -> list[TemplateRow]:
    """The month's rows in code and day order: desk duties joined per day, then any hours
    entered by hand that day as a row of their own (their item, no times)."""
    report = month_report(desk, year, month)
    with desk.db.read() as session:
        cfg = load_settings(session, desk.site_id)
        step, item = hours_step(cfg), service_item(cfg)
        first, last = month_bounds(year, month)
        hand = session.execute(
            select(
                Volunteer.code,
                Volunteer.name,
                ServiceHours.day,
                ServiceHours.minutes,
                ServiceHours.item,
            )
            .join(Volunteer, Volunteer.id == ServiceHours.volunteer_id)
            .where(
                ServiceHours.site_id == desk.site_id,
                ServiceHours.kind == "manual",
                ServiceHours.day >= first,
                ServiceHours.day <= last,
            )
        ).all()
    category = str(cfg.extra.get(SERVICE_CATEGORY) or DEFAULT_SERVICE_CATEGORY)
    days: dict[tuple[str, date], list[AttendanceLine]] = defaultdict(list)
    names: dict[str, str] = {}
    for a in report.attendance:
        if a.credited_minutes > 0:
            days[(a.code, a.day)].append(a)
            names[a.code] = a.name
    rows = []
    for (code, day), lines in days.items():
        ins = [a.in_at for a in lines if a.in_at is not None]
        outs = [a.out_at for a in lines if a.out_at is not None]
        minutes = sum(step_minutes(a.credited_minutes, step) for a in lines)
        if minutes:
            rows.append(
                TemplateRow(
                    code,
                    names[code],
                    day,
                    min(ins, default=None),
                    max(outs, default=None),
                    minutes,
                    item,
                    category,
                )
            )
    for code, name, day, minutes, what in hand:
        rows.append(TemplateRow(code, name, day, None, None, minutes, what, category))
    return sorted(rows, key=lambda r: (r.code, r.day, r.start is None))


def load_mapping(desk: Desk) -> TemplateMapping | None:
    """The template mapping saved in the settings, None when none was saved."""
    raw = settings(desk).extra.get(TEMPLATE_MAPPING)
    return TemplateMapping.from_json(str(raw)) if raw else None


def save_mapping(desk: Desk, mapping: TemplateMapping) -> None:
    """Keep the mapping (a setting: audited like every setting change)."""
    update_settings(desk, {TEMPLATE_MAPPING: mapping.to_json()})
