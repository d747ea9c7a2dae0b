"""Shift swaps: request, agree, approve, reject, withdraw, expire, or arranged by the supervisor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from frontdesk.core.codes import normalise_code
from frontdesk.core.findings import Finding, Severity
from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import (
    NoticeLeft,
    SwapKind,
    SwapProposal,
    SwapState,
    candidates,
    check_swap,
    has_started,
    notice,
    own_shift_findings,
)
from frontdesk.core.timeutil import local_day
from frontdesk.services.auditing import record, snapshot
from frontdesk.services.context import Desk
from frontdesk.services.errors import (
    Conflict,
    InvalidInput,
    NeedsConfirmation,
    NotFound,
    RuleViolation,
)
from frontdesk.services.roster import (
    month_bounds,
    put_assignment,
    rules_context,
    unassign_in_session,
)
from frontdesk.services.volunteers import Suggestion, by_code, load_facts
from frontdesk.services.volunteers import get as get_volunteer
from frontdesk.store.models import Assignment, SwapRequest, Volunteer

OPEN_STATES = (SwapState.PENDING_COLLEAGUE.value, SwapState.PENDING_SUPERVISOR.value)


def _proposal(r: SwapRequest) -> SwapProposal:
    return SwapProposal(
        kind=SwapKind(r.kind),
        requester_id=r.requester_id,
        given=ShiftKey(r.given_day, r.given_slot),
        colleague_id=r.colleague_id or 0,
        taken=ShiftKey(r.taken_day, r.taken_slot) if r.taken_day and r.taken_slot else None,
    )


def _findings(
    session: Session,
    desk: Desk,
    p: SwapProposal,
    requested_at: datetime,
    *,
    by_supervisor: bool,
    reason: str | None,
) -> list[Finding]:
    days = [p.given.day] + ([p.taken.day] if p.taken else [])
    ctx = rules_context(session, desk.site_id, min(days), max(days))
    ids = {p.requester_id, p.colleague_id}
    return check_swap(
        p,
        volunteers=load_facts(session, desk.site_id, ids),
        roster=ctx.roster,
        calendar=ctx.calendar,
        settings=ctx.settings,
        requested_at=requested_at,
        now=desk.now(),
        by_supervisor=by_supervisor,
        reason=reason,
    )


def _raise_errors(findings: list[Finding]) -> None:
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        raise RuleViolation(errors)


def _new_request(
    session: Session,
    desk: Desk,
    p: SwapProposal,
    state: SwapState,
    reason: str,
    by_supervisor: bool,
) -> SwapRequest:
    now = desk.now()
    ctx = rules_context(session, desk.site_id, p.given.day, p.given.day)
    r = SwapRequest(
        site_id=desk.site_id,
        kind=p.kind.value,
        state=state.value,
        requester_id=p.requester_id,
        colleague_id=p.colleague_id or None,
        given_day=p.given.day,
        given_slot=p.given.slot,
        taken_day=p.taken.day if p.taken else None,
        taken_slot=p.taken.slot if p.taken else None,
        requested_at=now,
        notice_minutes=int(notice(now, p.given, ctx.settings).total_seconds() // 60),
        by_supervisor=by_supervisor,
        reason=reason,
    )
    session.add(r)
    session.flush()
    return r


def request(desk: Desk, proposal: SwapProposal, *, colleague_agrees_now: bool = False) -> int:
    """A volunteer-arranged swap (exchange or cover). Short notice is refused with SHORT_NOTICE.

    With `colleague_agrees_now` the colleague identified at the kiosk right away.
    """
    if proposal.kind is SwapKind.ARRANGE:
        raise InvalidInput("use ask_supervisor for 'please arrange'", field="kind")
    with desk.db.write() as session:
        _raise_errors(
            _findings(session, desk, proposal, desk.now(), by_supervisor=False, reason=None)
        )
        _no_open_request_on(session, desk, proposal.given, proposal.requester_id)
        state = (
            SwapState.PENDING_SUPERVISOR if colleague_agrees_now else SwapState.PENDING_COLLEAGUE
        )
        r = _new_request(session, desk, proposal, state, "", False)
        if colleague_agrees_now:
            r.agreed_at = r.requested_at
        record(session, desk, "swap.request", "swap_request", r.id, after=snapshot(r))
        return r.id


def _no_open_request_on(session: Session, desk: Desk, shift: ShiftKey, requester_id: int) -> None:
    clash = session.scalars(
        select(SwapRequest.id).where(
            SwapRequest.site_id == desk.site_id,
            SwapRequest.requester_id == requester_id,
            SwapRequest.given_day == shift.day,
            SwapRequest.given_slot == shift.slot,
            SwapRequest.state.in_(OPEN_STATES),
        )
    ).first()
    if clash is not None:
        raise Conflict(
            "there is already an open request for this shift",
            request_id=clash,
            reason="open_request",
        )


def ask_supervisor(desk: Desk, requester_id: int, shift: ShiftKey, reason: str) -> int:
    """'Cannot serve, please arrange': lands in the supervisor's inbox at any notice.

    The shift must be the requester's and not started (core.swaps.own_shift_findings
    without the notice rule); RuleViolation otherwise.
    """
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("please say briefly why", field="reason")
    with desk.db.write() as session:
        _raise_errors(_own_shift(session, desk, requester_id, shift, notice_rule=False))
        _no_open_request_on(session, desk, shift, requester_id)
        p = SwapProposal(SwapKind.ARRANGE, requester_id, shift, 0)
        r = _new_request(session, desk, p, SwapState.PENDING_SUPERVISOR, reason[:500], False)
        record(session, desk, "swap.ask", "swap_request", r.id, after=snapshot(r))
        return r.id


def _load(session: Session, desk: Desk, request_id: int, *, lock: bool = False) -> SwapRequest:
    stmt = select(SwapRequest).where(
        SwapRequest.id == request_id, SwapRequest.site_id == desk.site_id
    )
    if lock:
        stmt = stmt.with_for_update()
    r = session.scalars(stmt).first()
    if r is None:
        raise NotFound(f"no swap request {request_id}", what="swap_request", id=request_id)
    return r


def _require_state(r: SwapRequest, *states: SwapState) -> None:
    if r.state not in {s.value for s in states}:
        raise Conflict(f"the request is {r.state}", state=r.state, request_id=r.id)


def agree(desk: Desk, request_id: int, colleague_id: int) -> None:
    """The colleague identified at the kiosk and agrees; now it waits for the supervisor."""
    with desk.db.write() as session:
        r = _load(session, desk, request_id, lock=True)
        _require_state(r, SwapState.PENDING_COLLEAGUE)
        if r.colleague_id != colleague_id:
            raise Conflict(
                "this request is addressed to another volunteer",
                request_id=r.id,
                reason="not_addressed",
            )
        before = snapshot(r)
        r.state, r.agreed_at = SwapState.PENDING_SUPERVISOR.value, desk.now()
        record(session, desk, "swap.agree", "swap_request", r.id, before=before, after=snapshot(r))


def decline(desk: Desk, request_id: int, colleague_id: int) -> None:
    with desk.db.write() as session:
        r = _load(session, desk, request_id, lock=True)
        _require_state(r, SwapState.PENDING_COLLEAGUE)
        if r.colleague_id != colleague_id:
            raise Conflict(
                "this request is addressed to another volunteer",
                request_id=r.id,
                reason="not_addressed",
            )
        _close(session, desk, r, SwapState.REJECTED, "swap.decline", declined=True)
        r.seen_by_colleague_at = desk.now()  # they said no themselves


def _close(
    session: Session,
    desk: Desk,
    r: SwapRequest,
    state: SwapState,
    action: str,
    *,
    why: str = "",
    declined: bool = False,
    superseded_by: int | None = None,
) -> None:
    """End a request: `why` is only ever a supervisor's words; what ended it is in columns."""
    before = snapshot(r)
    r.state, r.decided_at, r.decided_by, r.outcome_reason = state.value, desk.now(), desk.actor, why
    r.declined, r.superseded_by_id = declined, superseded_by
    record(session, desk, action, "swap_request", r.id, before=before, after=snapshot(r))


def _carry_out(session: Session, desk: Desk, r: SwapRequest, p: SwapProposal) -> None:
    """Move both assignments in the caller's transaction, then invalidate requests it made impossible."""
    unassign_in_session(
        session, desk, p.given, p.requester_id, reason=f"swap #{r.id}", confirm_warnings=True
    )
    if p.kind is SwapKind.EXCHANGE and p.taken is not None:
        unassign_in_session(
            session, desk, p.taken, p.colleague_id, reason=f"swap #{r.id}", confirm_warnings=True
        )
        put_assignment(session, desk, p.taken, p.requester_id, "swap", r.id)
    put_assignment(session, desk, p.given, p.colleague_id, "swap", r.id)
    touched = [p.given] + ([p.taken] if p.taken else [])
    others = session.scalars(
        select(SwapRequest).where(
            SwapRequest.site_id == desk.site_id,
            SwapRequest.id != r.id,
            SwapRequest.state.in_(OPEN_STATES),
            or_(
                *[
                    (SwapRequest.given_day == s.day) & (SwapRequest.given_slot == s.slot)
                    for s in touched
                ],
                *[
                    (SwapRequest.taken_day == s.day) & (SwapRequest.taken_slot == s.slot)
                    for s in touched
                ],
            ),
        )
    ).all()
    for o in others:
        _close(session, desk, o, SwapState.INVALID, "swap.invalidate", superseded_by=r.id)


def approve(
    desk: Desk,
    request_id: int,
    *,
    colleague_id: int | None = None,
    reason: str = "",
    confirm_warnings: bool = False,
) -> None:
    """Approve a waiting request: every check runs again against the roster as it is now.

    For 'please arrange' requests the supervisor names the colleague who covers.
    A stale request raises RuleViolation and the roster stays as it was.
    """
    with desk.db.write() as session:
        r = _load(session, desk, request_id, lock=True)
        _require_state(r, SwapState.PENDING_SUPERVISOR)
        if r.kind == SwapKind.ARRANGE.value:
            if colleague_id is None:
                raise InvalidInput("choose who covers the shift", field="colleague")
            get_volunteer(session, desk, colleague_id)
            r.colleague_id = colleague_id
            p = SwapProposal(
                SwapKind.COVER, r.requester_id, ShiftKey(r.given_day, r.given_slot), colleague_id
            )
            findings = _findings(
                session, desk, p, r.requested_at, by_supervisor=True, reason=r.reason or reason
            )
        else:
            p = _proposal(r)
            # the notice rule was met (or not) when the volunteer asked; re-check it from then
            findings = _findings(session, desk, p, r.requested_at, by_supervisor=False, reason=None)
        _raise_errors(findings)
        warnings = [f for f in findings if f.severity is Severity.WARNING]
        if warnings and not confirm_warnings:
            raise NeedsConfirmation(warnings)
        _carry_out(session, desk, r, p)
        _close(session, desk, r, SwapState.APPROVED, "swap.approve", why=reason.strip())


def reject(desk: Desk, request_id: int, reason: str) -> None:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("a rejection needs a reason", field="reason")
    with desk.db.write() as session:
        r = _load(session, desk, request_id, lock=True)
        _require_state(r, SwapState.PENDING_SUPERVISOR, SwapState.PENDING_COLLEAGUE)
        _close(session, desk, r, SwapState.REJECTED, "swap.reject", why=reason)


def withdraw(desk: Desk, request_id: int, requester_id: int) -> None:
    """The requester takes the request back before it is decided."""
    with desk.db.write() as session:
        r = _load(session, desk, request_id, lock=True)
        _require_state(r, SwapState.PENDING_SUPERVISOR, SwapState.PENDING_COLLEAGUE)
        if r.requester_id != requester_id:
            raise Conflict(
                "only the volunteer who asked can withdraw the request",
                request_id=r.id,
                reason="not_asker",
            )
        _close(session, desk, r, SwapState.CANCELLED, "swap.withdraw")
        r.seen_by_requester_at = desk.now()  # they took it back themselves


def expire_due(desk: Desk) -> int:
    """Requests not decided by the start of their shift expire."""
    with desk.db.write() as session:
        rows = session.scalars(
            select(SwapRequest).where(
                SwapRequest.site_id == desk.site_id, SwapRequest.state.in_(OPEN_STATES)
            )
        ).all()
        if not rows:
            return 0
        settings = rules_context(
            session, desk.site_id, desk.now().date(), desk.now().date()
        ).settings
        n = 0
        for r in rows:
            if has_started(ShiftKey(r.given_day, r.given_slot), settings, desk.now()):
                _close(session, desk, r, SwapState.EXPIRED, "swap.expire")
                n += 1
        return n


def arrange(
    desk: Desk, proposal: SwapProposal, reason: str = "", *, confirm_warnings: bool = False
) -> int:
    """The supervisor swaps or moves a shift directly, at any time; short notice needs a reason."""
    with desk.db.write() as session:
        findings = _findings(
            session, desk, proposal, desk.now(), by_supervisor=True, reason=reason or None
        )
        _raise_errors(findings)
        warnings = [f for f in findings if f.severity is Severity.WARNING]
        if warnings and not confirm_warnings:
            raise NeedsConfirmation(warnings)
        r = _new_request(
            session, desk, proposal, SwapState.PENDING_SUPERVISOR, reason.strip(), True
        )
        r.agreed_at = r.requested_at
        record(session, desk, "swap.arrange", "swap_request", r.id, after=snapshot(r))
        _carry_out(session, desk, r, proposal)
        _close(session, desk, r, SwapState.APPROVED, "swap.approve", why=reason.strip())
        return r.id


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


# --- views for the screens --------------------------------------------------------------

DECIDED_STATES = (
    SwapState.APPROVED.value,
    SwapState.REJECTED.value,
    SwapState.CANCELLED.value,
    SwapState.EXPIRED.value,
    SwapState.INVALID.value,
)


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
        )
        for r in rows
    ]


def pending(desk: Desk) -> list[SwapView]:
    """The supervisor's inbox: requests waiting for a decision, oldest first."""
    with desk.db.read() as session:
        rows = session.scalars(
            select(SwapRequest)
            .where(
                SwapRequest.site_id == desk.site_id,
                SwapRequest.state == SwapState.PENDING_SUPERVISOR.value,
                SwapRequest.by_supervisor.is_(False),
            )
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


def mark_seen(desk: Desk, volunteer_id: int, request_ids: Sequence[int]) -> int:
    """The volunteer was shown these outcomes at the kiosk; they are not shown again."""
    if not request_ids:
        return 0
    now = desk.now()
    n = 0
    with desk.db.write() as session:
        rows = session.scalars(
            select(SwapRequest).where(
                SwapRequest.site_id == desk.site_id,
                SwapRequest.id.in_(list(request_ids)),
                SwapRequest.state.in_(DECIDED_STATES),
            )
        ).all()
        for r in rows:
            if r.requester_id == volunteer_id and r.seen_by_requester_at is None:
                r.seen_by_requester_at = now
                n += 1
            if r.colleague_id == volunteer_id and r.seen_by_colleague_at is None:
                r.seen_by_colleague_at = now
                n += 1
    return n


def preflight(desk: Desk, requester_id: int, shift: ShiftKey) -> list[Finding]:
    """Can `requester_id` still arrange a swap of `shift` themselves? The own-shift errors
    check_swap gives (not on it, started, short notice: core.swaps.own_shift_findings),
    so the kiosk can say so before a colleague is chosen."""
    with desk.db.read() as session:
        return _own_shift(session, desk, requester_id, shift, notice_rule=True)


def _own_shift(
    session: Session, desk: Desk, requester_id: int, shift: ShiftKey, *, notice_rule: bool
) -> list[Finding]:
    """core.swaps.own_shift_findings for `shift` now, on the roster as it is."""
    ctx = rules_context(session, desk.site_id, shift.day, shift.day)
    now = desk.now()
    return own_shift_findings(
        requester_id,
        shift,
        roster=ctx.roster,
        settings=ctx.settings,
        requested_at=now,
        now=now,
        notice_rule=notice_rule,
    )


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
        v = by_code(session, desk, code)
        return Suggestion(v.id, v.code, v.name) if v is not None else None
