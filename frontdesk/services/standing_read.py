"""The kiosk's standing after a sign-out as statements sent together, none waiting for
another's answer: the PostgreSQL scan (services.scan_fast) sends them with its write, in
its one round trip, once it knows the volunteer and their recognitions (read with the
scan's facts). The same statements and the same assembly as kiosk_standing()
(services.recognition_views): the service tally for the years, a few days live.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from frontdesk.core.settings import DeskSettings
from frontdesk.services import recognition_views as views
from frontdesk.services.recognition_views import KioskStanding
from frontdesk.services.records import hours_step
from frontdesk.store.models import RecognitionGrant, Volunteer

GRANT_COLUMNS = tuple(RecognitionGrant.__table__.columns)  # type: ignore[attr-defined]


def grants_statement(volunteer_id: Any) -> Any:
    """A volunteer's recognitions (their columns), in the order the standing reads them."""
    return (
        select(*GRANT_COLUMNS)
        .where(RecognitionGrant.volunteer_id == volunteer_id)
        .order_by(RecognitionGrant.approved_on, RecognitionGrant.id)
    )


@dataclass(frozen=True)
class StandingRead:
    """kiosk_standing() of one volunteer as `statements`, and how to answer from their rows."""

    volunteer: Volunteer
    grants: dict[int, list[RecognitionGrant]]
    starts: dict[int, date | None]
    statements: list[Any]
    sums: int  # how many of the statements are the sums' (they come first)
    day: date

    def standing(self, rows: list[list[tuple[Any, ...]]]) -> KioskStanding:
        """The standing of the rows `statements` read, in their order."""
        windows = {k: v for k, v in self.starts.items() if v}
        sums = views._sums_from(rows[: self.sums], self.day, windows)
        read = rows[self.sums : self.sums + 3]
        month, by_hand = rows[self.sums + 3 :]
        people = [self.volunteer]
        row = views._assemble(people, self.grants, self.starts, sums, read, self.day)[0]
        news = next((g for g in views.NEWS_ORDER if g in row.standing.due_now), None)
        minutes = int(month[0][0] or 0) + int(by_hand[0][0] or 0)
        return KioskStanding(minutes, row.desk_minutes, news)


def standing_read(
    site_id: int,
    volunteer: Volunteer,
    grant_rows: list[tuple[Any, ...]],
    settings: DeskSettings,
    day: date,
) -> StandingRead:
    """What kiosk_standing() reads of `volunteer` on `day` once their recognitions are
    known (`grant_rows`, read by grants_statement()), as statements."""
    names = [c.key for c in GRANT_COLUMNS]
    grants: dict[int, list[RecognitionGrant]] = defaultdict(list)
    for row in grant_rows:
        grant = RecognitionGrant(**dict(zip(names, row, strict=True)))
        grants[grant.volunteer_id].append(grant)
    starts = views._window_starts([volunteer], grants)
    step = hours_step(settings)
    ids = [volunteer.id]
    windows = {k: v for k, v in starts.items() if v}
    # the volunteer's own rows, at any site (standings_in_session() with `ids`)
    sums = views._sums_statements(None, day, windows, step, ids)
    statements = [
        *sums,
        views._hand_statement(ids, day),
        views._kinds_statement(ids),
        views._books_statement(ids),
        *views._month_statements(step, site_id, volunteer.id, day),
    ]
    return StandingRead(volunteer, dict(grants), starts, statements, len(sums), day)
