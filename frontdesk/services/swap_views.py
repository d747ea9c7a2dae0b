"""What the screens read about swaps: the inbox, history, a volunteer's news, and partners.

The requests themselves are made and decided in services.swaps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from frontdesk.core.codes import normalise_code
from frontdesk.core.findings import Severity
from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import (
    NoticeLeft,
    SwapKind,
    SwapProposal,
    SwapState,
    candidates,
    check_swap,
    notice,
)
from frontdesk.core.timeutil import local_day
from frontdesk.services.context import Desk
from frontdesk.services.people import actor_names
from frontdesk.services.roster import (
    month_bounds,
    rules_context,
)
from frontdesk.services.swaps import OPEN_STATES
from frontdesk.services.volunteers import Suggestion, by_typed_code, load_facts
from frontdesk.services.waiting import swaps_to_decide
from frontdesk.store.models import Assignment, SwapRequest, Volunteer


@dataclass(frozen=True)
class SwapView:
    """One request with names and all its moments, safe to keep after the session closed."""

    id: int
    kind: SwapKind
    state: SwapState
    requester_id: int
    requester: str
    colleague_id: int | None
    colleague: str  # "" while nobody is named ('please arrange' before approval)
    given: ShiftKey
    taken: ShiftKey | None
    requested_at: datetime
    agreed_at: datetime | None
    decided_at: datetime | None
    decided_by: str | None
    notice_minutes: int
    by_supervisor: bool
    reason: str  # the requester's (or arranging supervisor's) reason
    outcome_reason: str  # the reason a supervisor typed with the decision, else ""
    declined: bool  # rejected by the colleague at the kiosk, not by a supervisor
    superseded_by: int | None  # for an INVALID request: the approved swap that took its shift
    # Who decided, as a person is named: the deciding supervisor's display name (the user
    # name only when the account has none); "" when no supervisor decided.
    decider: str = ""

    @property
    def notice(self) -> NoticeLeft:
        """The notice given when asked, in whole days and hours (none if negative)."""
        return NoticeLeft.of(timedelta(minutes=self.notice_minutes))

    @property
    def supervisor_reason(self) -> str:
        """The reason a supervisor typed (a rejection or an approval note), else ""."""
        return self.outcome_reason


def _views(session: Session, rows: Sequence[SwapRequest]) -> list[SwapView]:
    ids = {r.requester_id for r in rows} | {r.colleague_id for r in rows if r.colleague_id}
    names = (
        dict(
            session.execute(select(Volunteer.id, Volunteer.name).where(Volunteer.id.in_(ids))).all()
        )
        if ids
        else {}
    )
    site_ids = {r.site_id for r in rows}
    deciders = (
        actor_names(session, next(iter(site_ids)), (r.decided_by or "" for r in rows))
        if len(site_ids) == 1
        else {}
    )
    return [
        SwapView(
            id=r.id,
            kind=SwapKind(r.kind),
            state=SwapState(r.state),
            requester_id=r.requester_id,
            requester=names.get(r.requester_id, ""),
            colleague_id=r.colleague_id,
            colleague=names.get(r.colleague_id, "") if r.colleague_id else "",
            given=ShiftKey(r.given_day, r.given_slot),
            taken=ShiftKey(r.taken_day, r.taken_slot) if r.taken_day and r.taken_slot else None,
            requested_at=r.requested_at,
            agreed_at=r.agreed_at,
            decided_at=r.decided_at,
            decided_by=r.decided_by,
            notice_minutes=r.notice_minutes,
            by_supervisor=bool(r.by_supervisor),
            reason=r.reason or "",
            outcome_reason=r.outcome_reason or "",
            declined=bool(r.declined),
            superseded_by=r.superseded_by_id,
            decider=deciders.get(r.decided_by or "", ""),
        )
        for r in rows
    ]


def pending(desk: Desk) -> list[SwapView]:
    """The supervisor's inbox: requests waiting for a decision, oldest first."""
    with desk.db.read() as session:
        rows = session.scalars(
            select(SwapRequest)
            .where(SwapRequest.site_id == desk.site_id, swaps_to_decide())
            .order_by(SwapRequest.requested_at, SwapRequest.id)
        ).all()
        return _views(session, rows)


def history(
    desk: Desk,
    *,
    first: date | None = None,
    last: date | None = None,
    states: Sequence[SwapState] | None = None,
    limit: int = 500,
) -> list[SwapView]:
    """Every request (newest first), optionally for shifts given from `first` to `last`."""
    stmt = select(SwapRequest).where(SwapRequest.site_id == desk.site_id)
    if first is not None:
        stmt = stmt.where(SwapRequest.given_day >= first)
    if last is not None:
        stmt = stmt.where(SwapRequest.given_day <= last)
    if states:
        stmt = stmt.where(SwapRequest.state.in_([s.value for s in states]))
    stmt = stmt.order_by(SwapRequest.requested_at.desc(), SwapRequest.id.desc()).limit(limit)
    with desk.db.read() as session:
        return _views(session, session.scalars(stmt).all())


@dataclass(frozen=True)
class VolunteerSwaps:
    """What the kiosk tells a volunteer who just identified."""

    waiting: list[SwapView]  # requests the volunteer is asked to agree to
    outcomes: list[SwapView]  # decided requests the volunteer has not seen yet
    open: list[SwapView]  # the volunteer's own requests still waiting

    def __bool__(self) -> bool:
        return bool(self.waiting or self.outcomes)


def for_volunteer(desk: Desk, volunteer_id: int) -> VolunteerSwaps:
    """Requests waiting for this volunteer's answer, outcomes not yet seen, own open requests.

    The colleague is not told of a request they declined themselves, nor of one withdrawn
    before they agreed to it.
    """
    with desk.db.read() as session:
        rows = session.scalars(
            select(SwapRequest)
            .where(
                SwapRequest.site_id == desk.site_id,
                or_(
                    SwapRequest.requester_id == volunteer_id,
                    SwapRequest.colleague_id == volunteer_id,
                ),
                or_(
                    SwapRequest.state.in_(OPEN_STATES),
                    (SwapRequest.requester_id == volunteer_id)
                    & SwapRequest.seen_by_requester_at.is_(None),
                    (SwapRequest.colleague_id == volunteer_id)
                    & SwapRequest.seen_by_colleague_at.is_(None),
                ),
            )
            .order_by(SwapRequest.requested_at, SwapRequest.id)
        ).all()
        views = _views(session, rows)
    waiting, outcomes, own = [], [], []
    for v in views:
        if v.state is SwapState.PENDING_COLLEAGUE and v.colleague_id == volunteer_id:
            waiting.append(v)
        elif v.state.value in OPEN_STATES:
            if v.requester_id == volunteer_id:
                own.append(v)
        elif v.requester_id == volunteer_id or _colleague_told(v):
            outcomes.append(v)
    return VolunteerSwaps(waiting, outcomes, own)


def _colleague_told(v: SwapView) -> bool:
    if v.declined:
        return False
    return not (v.state is SwapState.CANCELLED and v.agreed_at is None)


def exchange_options(
    desk: Desk, requester_id: int, given: ShiftKey, colleague_id: int, days: int = 28
) -> list[ShiftKey]:
    """The colleague's shifts in the next `days` days the requester may take in return
    (the whole exchange passes every check), earliest first."""
    found = exchange_partners(desk, requester_id, given, days, only=colleague_id)
    return found[0][1] if found else []


def exchange_partners(
    desk: Desk,
    requester_id: int,
    given: ShiftKey,
    days: int = 28,
    *,
    only: int | None = None,
) -> list[tuple[Suggestion, list[ShiftKey]]]:
    """Colleagues with at least one shift in the next `days` days that the requester may
    take in return for `given`, each with those shifts (earliest first); the colleagues with
    the fewest shifts in the month of `given` first. One read, every check in memory."""
    today = local_day(desk.now())
    end = today + timedelta(days=days - 1)
    first, last = month_bounds(given.day.year, given.day.month)
    with desk.db.read() as session:
        ctx = rules_context(session, desk.site_id, min(today, first), max(end, last))
        facts = load_facts(session, desk.site_id)
        if requester_id not in facts:
            return []
        order = {s.code: i for i, s in enumerate(ctx.settings.slots)}
        now = desk.now()
        found: list[tuple[int, list[ShiftKey]]] = []
        for vid in facts:
            if vid == requester_id or (only is not None and vid != only):
                continue
            options = []
            mine = sorted(
                (k for k in ctx.roster.shifts_of(vid) if today <= k.day <= end and k != given),
                key=lambda k: (k.day, order.get(k.slot, 99)),
            )
            for taken in mine:
                p = SwapProposal(SwapKind.EXCHANGE, requester_id, given, vid, taken)
                findings = check_swap(
                    p,
                    volunteers=facts,
                    roster=ctx.roster,
                    calendar=ctx.calendar,
                    settings=ctx.settings,
                    requested_at=now,
                    now=now,
                )
                if not any(f.severity is Severity.ERROR for f in findings):
                    options.append(taken)
            if options:
                found.append((vid, options))
        in_month = {
            vid: sum(1 for k in ctx.roster.shifts_of(vid) if first <= k.day <= last)
            for vid, _ in found
        }
        found.sort(key=lambda item: (in_month[item[0]], item[0]))
        ids = [vid for vid, _ in found]
        vols = (
            {v.id: v for v in session.scalars(select(Volunteer).where(Volunteer.id.in_(ids)))}
            if ids
            else {}
        )
        return [(Suggestion(v, vols[v].code, vols[v].name), opts) for v, opts in found]


def on_shift(desk: Desk, shift: ShiftKey) -> list[Suggestion]:
    """Who is rostered on `shift` (for the supervisor's 'arrange a swap' dialog)."""
    with desk.db.read() as session:
        rows = session.execute(
            select(Volunteer.id, Volunteer.code, Volunteer.name)
            .join(Assignment, Assignment.volunteer_id == Volunteer.id)
            .where(
                Assignment.site_id == desk.site_id,
                Assignment.day == shift.day,
                Assignment.slot == shift.slot,
                Assignment.removed_at.is_(None),
            )
            .order_by(Volunteer.code)
        ).all()
    return [Suggestion(i, c, n) for i, c, n in rows]


def notice_of(desk: Desk, shift: ShiftKey) -> timedelta:
    """Time from now to the start of `shift`."""
    with desk.db.read() as session:
        settings = rules_context(session, desk.site_id, shift.day, shift.day).settings
    return notice(desk.now(), shift, settings)


def identify(desk: Desk, code: str) -> Suggestion | None:
    """The volunteer of a card code or typed number (no attendance is recorded)."""
    code = normalise_code(code)
    if not code:
        return None
    with desk.db.read() as session:
        v = by_typed_code(session, desk, code)
        return Suggestion(v.id, v.code, v.name) if v is not None else None


def suggest(
    desk: Desk,
    shift: ShiftKey,
    exclude: frozenset[int] = frozenset(),
    *,
    leaving: int | None = None,
) -> list[Suggestion]:
    """Colleagues who may take `shift`, fewest shifts that month first.

    `leaving` is the volunteer giving the shift away: the place they free counts as free
    (a full slot still has room for their replacement), and they are not suggested.
    """
    first, last = month_bounds(shift.day.year, shift.day.month)
    with desk.db.read() as session:
        ctx = rules_context(session, desk.site_id, first, last)
        board = ctx.roster
        if leaving is not None:
            board = board.without(shift, leaving)
            exclude = exclude | {leaving}
        ids = candidates(
            shift,
            volunteers=load_facts(session, desk.site_id),
            roster=board,
            calendar=ctx.calendar,
            settings=ctx.settings,
            exclude=exclude,
        )
        vols = (
            {v.id: v for v in session.scalars(select(Volunteer).where(Volunteer.id.in_(ids)))}
            if ids
            else {}
        )
        return [Suggestion(i, vols[i].code, vols[i].name) for i in ids]
