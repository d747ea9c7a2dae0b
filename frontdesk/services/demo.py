"""A realistic demo database: volunteers, rosters and two months of desk history.

Everything goes through the use cases (scans at explicit instants, swaps with the desk
clock set), so the demo data is exactly what the app itself would have written.
Deterministic for a seed and a `today`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from frontdesk.core.calendar import DutyCalendar
from frontdesk.core.roster import ShiftKey, VolunteerStatus
from frontdesk.core.swaps import SwapKind, SwapProposal
from frontdesk.core.timeutil import at, local_day, utcnow
from frontdesk.services import (
    attendance,
    calendar,
    roster,
    supervisors,
    swap_views,
    swaps,
    volunteers,
)
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput, ServiceError
from frontdesk.services.setup import init_site
from frontdesk.services.volunteers import VolunteerInput
from frontdesk.services.workspace import volunteer_choices
from frontdesk.store.db import Database
from frontdesk.store.models import Assignment, Attendance, SwapRequest, Volunteer

DEFAULT_AGENCY = "高雄市苓雅區衛生所"
DEFAULT_SEED = 20250208
SUPERVISOR_USER = "supervisor"
SUPERVISOR_PASSWORD = "demo-password"

SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝洪郭邱曾廖賴徐周葉蘇莊呂江何蕭羅高"
GIVEN_CHARS = "淑美麗秀惠玉雅芳月珍文明志國建華俊偉信宏家正金春英玲琴素雪慧貞德民榮輝義忠"
LANGUAGE_MIXES = (
    "國語 台語",
    "國語 台語",
    "國語 台語",
    "國語",
    "國語 客語",
    "國語 台語 英語",
    "國語 英語",
    "國語 台語 日語",
)
NOTES = ("", "", "", "", "退休教師", "可支援電話轉接", "週三需早退接孫", "擅長長者服務")


@dataclass(frozen=True)
class DemoReport:
    site_id: int
    volunteers: int
    assignments: int
    attendance: int
    swaps: int
    first_day: date
    today: date
    codes: tuple[str, ...] = ()  # active volunteers' codes, sorted: to try at the kiosk


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _clock(instant: datetime) -> Callable[[], datetime]:
    return lambda: instant


def _names(rng: random.Random, n: int) -> list[str]:
    names: list[str] = []
    while len(names) < n:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN_CHARS) + rng.choice(GIVEN_CHARS)
        if name not in names and name[1] != name[2]:
            names.append(name)
    return names


def _minute(rng: random.Random, day: date, lo: time, hi: time) -> datetime:
    """A random instant between two Taipei wall-clock times, to the second."""
    start, end = at(day, lo), at(day, hi)
    return start + timedelta(seconds=rng.randrange(int((end - start).total_seconds())))


def build_demo(
    db: Database,
    *,
    agency: str = DEFAULT_AGENCY,
    seed: int = DEFAULT_SEED,
    today: date | None = None,
    now: datetime | None = None,
) -> DemoReport:
    """Fill an empty, migrated database with a believable desk; refuses one holding data.

    The history runs up to `now` (default: this instant when `today` is today or not
    given, else 10:00 of `today`) and nothing in it lies later: built at 02:37, today has
    no sign-ins yet; built at 20:00, today's duties are done.
    """
    if now is None:
        real = utcnow()
        now = real if today is None or today == local_day(real) else at(today, time(10, 0))
    today = today or local_day(now)
    rng = random.Random(seed)
    with db.read() as session:
        if session.scalar(select(func.count(Volunteer.id))):
            raise InvalidInput("the database already holds volunteers", field="database")
    site_id = init_site(db, agency, actor="demo")

    first_month = _add_months(today, -2)
    last_month = _add_months(today, 1)
    history_start = first_month
    setup_at = at(first_month - timedelta(days=20), time(10, 0))
    desk = Desk(db, site_id, actor=f"supervisor:{SUPERVISOR_USER}", clock=_clock(setup_at))

    supervisors.create(desk, SUPERVISOR_USER, SUPERVISOR_PASSWORD, "志工督導")
    ids = _volunteers(desk, rng)
    active = [vid for vid, status in ids if status != VolunteerStatus.INACTIVE.value]
    _patterns(desk, rng, active, valid_from=first_month - timedelta(days=30))

    month = first_month
    while month <= last_month:
        roster.generate_month(desk, month.year, month.month)
        month = _add_months(month, 1)

    history = _History(desk, rng, active, today, now)
    history.run(history_start)

    final = now
    attendance.sweep(replace(desk, clock=_clock(final)), now=final, since=history_start)
    with db.read() as session:
        counts = [
            int(session.scalar(select(func.count(model.id))) or 0)
            for model in (Volunteer, Assignment, Attendance, SwapRequest)
        ]
        codes = tuple(
            sorted(
                session.scalars(
                    select(Volunteer.code).where(Volunteer.status != VolunteerStatus.INACTIVE.value)
                )
            )
        )
    return DemoReport(
        site_id=site_id,
        volunteers=counts[0],
        assignments=counts[1],
        attendance=counts[2],
        swaps=counts[3],
        first_day=history_start,
        today=today,
        codes=codes,
    )


def _volunteers(desk: Desk, rng: random.Random) -> list[tuple[int, str]]:
    """About 30 volunteers: mostly active, two trainees, two who have left."""
    n = 30
    names = _names(rng, n)
    statuses = ["active"] * (n - 4) + ["trainee", "trainee", "inactive", "inactive"]
    out = []
    for i, (name, status) in enumerate(zip(names, statuses, strict=True), 1):
        trained = status != VolunteerStatus.TRAINEE.value and rng.random() < 0.93
        taken = date(2015 + rng.randrange(10), rng.randint(1, 12), rng.randint(1, 28))
        trainings = [("basic", "志願服務基礎訓練", taken, 12.0)] if trained else []
        if trained and rng.random() < 0.4:
            trainings.append(("special", "衛生保健志工特殊訓練", taken + timedelta(days=90), 12.0))
        data = VolunteerInput(
            code=f"V{i:03d}",
            name=name,
            phone=f"09{rng.randint(10, 99)}-{rng.randint(0, 999):03d}-{rng.randint(0, 999):03d}",
            languages=rng.choice(LANGUAGE_MIXES),
            status=status,
            weekly_max=rng.choice([None, None, None, 2, 3]),
            notes=rng.choice(NOTES),
            joined_on=taken - timedelta(days=rng.randint(10, 60)),
            trainings=trainings,
        )
        out.append((volunteers.add(desk, data), status))
    return out


def _patterns(desk: Desk, rng: random.Random, active: list[int], valid_from: date) -> None:
    """Weekly patterns: most slots get 1-2 volunteers, a few stay empty (real gaps)."""
    slots = [(wd, s) for wd in range(5) for s in ("AM", "PM")]
    pool = list(active)
    rng.shuffle(pool)
    for weekday, slot in slots:
        want = rng.choices([0, 1, 2], weights=[1, 4, 6])[0]
        for _ in range(want):
            if not pool:
                pool = list(active)
                rng.shuffle(pool)
            volunteers.add_pattern(desk, pool.pop(), weekday, slot, valid_from)


class _History:
    """Day by day up to `today`: scans, swaps, a typhoon day, and the daily sweep."""

    def __init__(
        self, desk: Desk, rng: random.Random, active: list[int], today: date, now: datetime
    ) -> None:
        self.desk = desk
        self.rng = rng
        self.active = active
        self.today = today
        self.now = now  # nothing happens after it
        self.codes = {v.id: v.code for v in volunteer_choices(desk, include_inactive=True)}

    def at(self, instant: datetime) -> Desk:
        return replace(self.desk, clock=_clock(instant))

    def run(self, start: date) -> None:
        cal = calendar.calendar(self.desk)
        duty_days = [
            start + timedelta(days=i)
            for i in range((self.today - start).days + 1)
            if cal.is_duty_day(start + timedelta(days=i))
        ]
        past = [d for d in duty_days if d < self.today]
        typhoon = past[len(past) * 2 // 3] if len(past) > 6 else None
        swap_days = {past[i]: i for i in (3, len(past) // 3, len(past) // 2) if 0 <= i < len(past)}
        for d in duty_days:
            if d == typhoon:
                evening = at(d - timedelta(days=1), time(20, 30))
                calendar.close(self.at(evening), d, None, "颱風停止上班")
                continue
            if d in swap_days:
                self._swaps(d, swap_days[d])
            self._day(d, cal)
            if d < self.today:
                end = at(d, time(18, 0))
                attendance.sweep(self.at(end), now=end)
        self._open_requests()

    def _day(self, d: date, cal: DutyCalendar) -> None:
        view = roster.month_view(self.desk, d.year, d.month)
        events: list[tuple[datetime, int, bool]] = []  # (instant, volunteer, walk-in)
        info = cal.day(d)
        rng = self.rng
        for slot, (normal, late, out_lo, out_hi, early) in _SLOT_TIMES.items():
            if not info.slot_open(slot):
                continue
            for entry in view.cells.get(ShiftKey(d, slot), []):
                roll = rng.random()
                if roll < 0.05:
                    continue  # absent: the sweep records it
                sign_in = _minute(rng, d, *(late if roll < 0.15 else normal))
                events.append((sign_in, entry.volunteer_id, False))
                leave = rng.random()
                if leave < 0.04:
                    continue  # forgot to sign out: auto-closed later
                sign_out = _minute(rng, d, *(early if leave < 0.10 else (out_lo, out_hi)))
                events.append((sign_out, entry.volunteer_id, False))
            if rng.random() < 0.06:  # someone drops by to help
                on_duty = {e.volunteer_id for e in view.cells.get(ShiftKey(d, slot), [])}
                free = [v for v in self.active if v not in on_duty]
                if free:
                    vid = rng.choice(free)
                    events.append((_minute(rng, d, *normal), vid, True))
                    events.append((_minute(rng, d, out_lo, out_hi), vid, True))
        for instant, vid, walk_in in sorted(events):
            if instant > self.now:
                continue  # later today: not yet (a sign-in before now stays open, on duty)
            attendance.scan(
                self.desk,
                self.codes[vid],
                confirm_walk_in=walk_in,
                confirm_sign_out=True,  # the demo's early leaves are meant
                now=instant,
            )

    def _shifts_of(self, first: date, last: date) -> list[tuple[ShiftKey, int]]:
        out: list[tuple[ShiftKey, int]] = []
        month = date(first.year, first.month, 1)
        while month <= last:
            view = roster.month_view(self.desk, month.year, month.month)
            for key, entries in sorted(view.cells.items()):
                if first <= key.day <= last:
                    out.extend((key, e.volunteer_id) for e in entries)
            month = _add_months(month, 1)
        return out

    def _swaps(self, d: date, which: int) -> None:
        """Volunteer swaps asked ten days ahead: one approved, one rejected, one exchange."""
        asked = at(d, time(12, 10))
        kiosk = replace(self.at(asked), actor="kiosk")
        shifts = self._shifts_of(d + timedelta(days=9), d + timedelta(days=16))
        self.rng.shuffle(shifts)
        for shift, requester in shifts:
            helpers = swap_views.suggest(kiosk, shift, exclude=frozenset({requester}))
            if not helpers:
                continue
            colleague = helpers[self.rng.randrange(min(3, len(helpers)))].volunteer_id
            proposal = SwapProposal(SwapKind.COVER, requester, shift, colleague)
            try:
                rid = swaps.request(kiosk, proposal, colleague_agrees_now=True)
                decided = self.at(min(asked + timedelta(hours=26), self.now))
                if which % 2 == 0:
                    swaps.approve(decided, rid, reason="同意", confirm_warnings=True)
                else:
                    swaps.reject(decided, rid, "當天人力不足，請另找代班")
            except ServiceError:
                continue
            return

    def _open_requests(self) -> None:
        """Requests still waiting on `today`: one for the colleague, one for the supervisor."""
        asked = at(self.today - timedelta(days=1), time(15, 0))
        kiosk = replace(self.at(asked), actor="kiosk")
        shifts = self._shifts_of(self.today + timedelta(days=8), self.today + timedelta(days=20))
        made = 0
        for shift, requester in shifts:
            if made == 2:
                return
            try:
                if made == 0:
                    helpers = swap_views.suggest(kiosk, shift, exclude=frozenset({requester}))
                    if not helpers:
                        continue
                    colleague = helpers[0].volunteer_id
                    swaps.request(kiosk, SwapProposal(SwapKind.COVER, requester, shift, colleague))
                else:
                    swaps.ask_supervisor(kiosk, requester, shift, "家中有事，請督導協助安排")
            except ServiceError:
                continue
            made += 1


# slot: (normal sign-in, late sign-in, normal sign-out from/to, early leave)
_SLOT_TIMES: dict[
    str, tuple[tuple[time, time], tuple[time, time], time, time, tuple[time, time]]
] = {
    "AM": (
        (time(8, 15), time(8, 35)),
        (time(8, 40), time(9, 10)),
        time(11, 30),
        time(11, 45),
        (time(10, 40), time(11, 20)),
    ),
    "PM": (
        (time(13, 15), time(13, 35)),
        (time(13, 40), time(14, 10)),
        time(16, 30),
        time(16, 45),
        (time(15, 40), time(16, 20)),
    ),
}
