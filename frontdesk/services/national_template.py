"""The month's service for the county's own template: one row per volunteer per day (the
unit the national system takes), desk duties each cut to the record's step, and the hours
entered by hand on their day; and the template's column mapping kept in the settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from frontdesk.core.national_template import TemplateMapping
from frontdesk.core.recognition import step_minutes
from frontdesk.core.settings import SERVICE_CATEGORY, TEMPLATE_MAPPING
from frontdesk.services.context import Desk, load_settings, settings
from frontdesk.services.exports import waiting_for_review
from frontdesk.services.month_views import DEFAULT_SERVICE_CATEGORY
from frontdesk.services.records import entry_item, hand_lines, hours_step, service_item
from frontdesk.services.reports import month_report
from frontdesk.services.roster import month_bounds
from frontdesk.services.setup import update_settings
from frontdesk.store.models import Volunteer


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
    """The month's rows in code and day order: one row per desk duty (two shifts of a day
    are two rows, each cut to the record's step, core.recognition.step_minutes), then the
    hours entered by hand as rows of their own: their item with the reason, no times. The
    lines are the service record's (services.records), as on the statement."""
    report = month_report(desk, year, month)
    with desk.db.read() as session:
        cfg = load_settings(session, desk.site_id)
        step, item = hours_step(cfg), service_item(cfg)
        first, last = month_bounds(year, month)
        hand = hand_lines(session, desk.site_id, first, last)
        people = {
            vid: (code, name)
            for vid, code, name in session.execute(
                select(Volunteer.id, Volunteer.code, Volunteer.name).where(
                    Volunteer.id.in_(list(hand))
                )
            )
        }
    category = str(cfg.extra.get(SERVICE_CATEGORY) or DEFAULT_SERVICE_CATEGORY)
    rows = []
    for a in report.attendance:
        minutes = step_minutes(a.credited_minutes, step) if a.credited_minutes > 0 else 0
        if minutes:
            rows.append(
                TemplateRow(a.code, a.name, a.day, a.in_at, a.out_at, minutes, item, category)
            )
    for vid, lines in hand.items():
        code, name = people[vid]
        for h in lines:
            what = entry_item(h.item or item, h.reason)
            rows.append(TemplateRow(code, name, h.day, None, None, h.minutes, what, category))
    return sorted(rows, key=_order)


def _order(r: TemplateRow) -> tuple[str, date, bool, datetime | None]:
    return (r.code, r.day, r.start is None, r.start)


def waiting_in_month(desk: Desk, year: int, month: int) -> int:
    """The month's attendance records still waiting for review (待確認): their hours may
    change, so filling the template says so first, as the monthly export does."""
    return waiting_for_review(desk, year, month)


def load_mapping(desk: Desk) -> TemplateMapping | None:
    """The template mapping saved in the settings, None when none was saved."""
    raw = settings(desk).extra.get(TEMPLATE_MAPPING)
    return TemplateMapping.from_json(str(raw)) if raw else None


def save_mapping(desk: Desk, mapping: TemplateMapping) -> None:
    """Keep the mapping (a setting: audited like every setting change)."""
    update_settings(desk, {TEMPLATE_MAPPING: mapping.to_json()})
