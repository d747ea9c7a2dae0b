"""Shift swaps: request, agree, approve, reject, withdraw, expire, or arranged by the supervisor.

What the screens read about swaps (inbox, history, partners) is in services.swap_views.

Each writes as a write of the site (store.db.write(site)): a swap touches only its site's
roster, so swaps at one site queue (two approvals needing one shift: one wins) and never
wait for another site's desks; the request being decided is locked by its row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from frontdesk.core import text
from frontdesk.core.findings import Finding, Severity
from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import (
    SwapKind,
    SwapProposal,
    SwapState,
    check_swap,
    has_started,
    notice,
    own_shift_findings,
)
from frontdesk.services import outbox
from frontdesk.services.auditing import record, snapshot
from frontdesk.services.context import Desk
from frontdesk.services.errors import (
    Conflict,
    InvalidInput,
    NeedsConfirmation,
    NotFound,
    RuleViolation,
)
from frontdesk.services.freetext import free_text
from frontdesk.services.roster import (
    put_assignment,
    rules_context,
    unassign_in_session,
)
from frontdesk.services.volunteers import get as get_volunteer
from frontdesk.services.volunteers import load_facts
from frontdesk.store.models import SwapRequest

OPEN_STATES = (SwapState.PENDING_COLLEAGUE.value, SwapState.PENDING_SUPERVISOR.value)
DECIDED_STATES = (
    SwapState.APPROVED.value,
    SwapState.REJECTED.value,
    SwapState.CANCELLED.value,
    SwapState.EXPIRED.value,
    SwapState.INVALID.value,
)


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
    with desk.db.write(desk.site_id) as session:
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
    reason = free_text(reason, text.SWAP_REASON, "reason")
    if not reason:
        raise InvalidInput("please say briefly why", field="reason")
    with desk.db.write(desk.site_id) as session:
        _raise_errors(_own_shift(session, desk, requester_id, shift, notice_rule=False))
        _no_open_request_on(session, desk, shift, requester_id)
        p = SwapProposal(SwapKind.ARRANGE, requester_id, shift, 0)
        r = _new_request(session, desk, p, SwapState.PENDING_SUPERVISOR, reason, False)
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
        raise Conflict(
            f"the request is {r.state}",
            state=r.state,
            request_id=r.id,
            superseded_by=r.superseded_by_id,  # the approved swap that took its duty, if any
        )


def agree(desk: Desk, request_id: int, colleague_id: int) -> None:
    """The colleague identified at the kiosk and agrees; now it waits for the supervisor."""
    with desk.db.write(desk.site_id) as session:
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
    with desk.db.write(desk.site_id) as session:
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
    outbox.on_swap_closed(session, desk, r)  # the e-mail of a decision, in this transaction


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
    reason = free_text(reason, text.REASON, "reason")
    with desk.db.write(desk.site_id) as session:
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
    reason = free_text(reason, text.REASON, "reason")
    if not reason:
        raise InvalidInput("a rejection needs a reason", field="reason")
    with desk.db.write(desk.site_id) as session:
        r = _load(session, desk, request_id, lock=True)
        _require_state(r, SwapState.PENDING_SUPERVISOR, SwapState.PENDING_COLLEAGUE)
        _close(session, desk, r, SwapState.REJECTED, "swap.reject", why=reason)


def withdraw(desk: Desk, request_id: int, requester_id: int) -> None:
    """The requester takes the request back before it is decided."""
    with desk.db.write(desk.site_id) as session:
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
    with desk.db.write(desk.site_id) as session:
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
    reason = free_text(reason, text.SWAP_REASON, "reason")
    with desk.db.write(desk.site_id) as session:
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


def mark_seen(desk: Desk, volunteer_id: int, request_ids: Sequence[int]) -> int:
    """The volunteer was shown these outcomes at the kiosk; they are not shown again."""
    if not request_ids:
        return 0
    now = desk.now()
    n = 0
    with desk.db.write(desk.site_id) as session:
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
