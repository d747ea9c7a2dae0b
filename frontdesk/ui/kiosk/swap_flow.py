"""The kiosk's swap steps as plain state: which step, what was chosen, which use case runs
and what came of it (志工服務規範 附則二).

`SwapSteps` decides; the `SwapFlow` widget (frontdesk.ui.kiosk.swap) shows each `Screen`
it returns in words and hands back what the person tapped. Nothing here draws or words
anything, so the whole flow is driven in tests without a widget.

Steps: shift → kind → colleague → (exchange: their duty) → agreement → done; any step can
turn into 'ask the supervisor' (way 2), and a duty already asked about offers to withdraw.
A colleague who was asked answers the requests waiting for them one at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from enum import StrEnum
from typing import Any

from frontdesk.core.findings import Code, Finding
from frontdesk.core.roster import ShiftKey
from frontdesk.core.settings import DeskSettings
from frontdesk.core.swaps import SwapKind, SwapProposal, has_started
from frontdesk.core.text import SWAP_REASON
from frontdesk.services import kiosk, swap_views, swaps
from frontdesk.services.context import Desk, settings
from frontdesk.services.errors import FrontdeskError, RuleViolation
from frontdesk.services.offline.desk import unreachable
from frontdesk.services.swap_views import SwapView
from frontdesk.services.volunteers import Suggestion

PAGE_SIZE = 9  # colleagues per page: three rows of three big buttons
SHIFTS_SHOWN = 8  # own duties offered, and duties offered in return


class Step(StrEnum):
    """Where the flow stands (the widget shows one page per step)."""

    NONE = ""
    SHIFT = "shift"  # which of my duties
    KIND = "kind"  # cover, exchange, or ask the supervisor
    COLLEAGUE = "colleague"  # who may take it
    TAKEN = "taken"  # exchange: which of their duties I serve in return
    AGREE = "agree"  # the colleague agrees now (scan) or later
    ASK = "ask"  # ask the supervisor to arrange it, with an optional reason
    WITHDRAW = "withdraw"  # this duty was already asked about: take the request back?
    WITHDRAWN = "withdrawn"
    ANSWER = "answer"  # a colleague answers a request waiting for them
    DONE = "done"
    PROBLEM = "problem"  # a refusal in words, and 'choose again'


class Outcome(StrEnum):
    """What a DONE screen reports."""

    SENT_AGREED = "sent_agreed"  # the colleague agreed on the spot: the supervisor decides
    SENT_LATER = "sent_later"  # the colleague is asked when they next sign in
    SUPERVISOR_ASKED = "supervisor_asked"
    ANSWERED = "answered"  # no more requests waiting for the colleague


class Reason(StrEnum):
    """The preset reasons for 'please arrange' (a tap, never typing)."""

    ILL = "ill"
    FAMILY = "family"
    OTHER = "other"


@dataclass(frozen=True)
class Person:
    id: int
    name: str


@dataclass(frozen=True)
class Reply:
    """The colleague's last answer, told above the next request or the thanks."""

    agreed: bool
    requester: str


@dataclass(frozen=True)
class Screen:
    """One step to show. Only the fields of its step are filled."""

    step: Step
    shifts: tuple[ShiftKey, ...] = ()  # SHIFT (empty: none to swap); TAKEN: their duties
    shift: ShiftKey | None = None  # the duty given away (KIND, COLLEAGUE, ASK, DONE)
    kind: SwapKind | None = None  # COLLEAGUE
    people: tuple[Suggestion, ...] = ()  # COLLEAGUE: this page of names
    page: int = 0  # COLLEAGUE: page shown, counted from 0
    pages: int = 0  # COLLEAGUE: pages of names
    colleague: Suggestion | None = None  # TAKEN, AGREE, DONE
    taken: ShiftKey | None = None  # AGREE, DONE: the duty served in return
    short: tuple[Finding, ...] = ()  # ASK: why way 1 is closed (short notice)
    left: timedelta | None = None  # ASK with `short`: time to the duty
    wrong_card: bool = False  # AGREE: the card scanned is not the colleague's
    request: SwapView | None = None  # WITHDRAW, ANSWER
    more: int = 0  # ANSWER: requests waiting after this one
    reply: Reply | None = None  # ANSWER, DONE(ANSWERED): the previous answer
    outcome: Outcome | None = None  # DONE
    error: Exception | None = None  # PROBLEM
    names: dict[int, str] = field(default_factory=dict)  # volunteer ids to names, for words


class SwapSteps:
    """The swap flow's state and decisions; each action returns the next `Screen`.

    `changed` is called after something was written (the kiosk refreshes its badge).
    Errors a person can cause come back as a PROBLEM screen (or, for short notice, as the
    offer to ask the supervisor); they are never raised to the widget.
    """

    def __init__(self, desk: Desk, changed: Callable[[], None] = lambda: None) -> None:
        self.desk = desk
        self.changed = changed
        try:
            self.cfg = settings(desk)
        except Exception as exc:  # a desk opened while its server is away (read at start)
            if not unreachable(exc):
                raise
            self.cfg = DeskSettings()
        self.me: Person | None = None
        self.reason_key: Reason | None = None
        self.reason_extra = ""
        self.screen = Screen(Step.NONE)
        self._clear_choice()
        self._answering: list[SwapView] = []

    def _clear_choice(self) -> None:
        self.shift: ShiftKey | None = None
        self.kind: SwapKind | None = None
        self.colleague: Suggestion | None = None
        self.taken: ShiftKey | None = None
        self._partners: dict[int, list[ShiftKey]] = {}

    @property
    def step(self) -> Step:
        return self.screen.step

    def wants_scan(self) -> bool:
        """True while the colleague is asked to identify (typed numbers come here)."""
        return self.step is Step.AGREE

    def names(self) -> dict[int, str]:
        """The people of this request by id, for sentences about findings."""
        names = {}
        if self.me is not None:
            names[self.me.id] = self.me.name
        if self.colleague is not None:
            names[self.colleague.volunteer_id] = self.colleague.name
        return names

    def _show(self, step: Step, **fields: Any) -> Screen:
        self.screen = Screen(step, names=self.names(), **fields)
        return self.screen

    def reset(self) -> None:
        """Forget the person and every choice (idle return, done, cancel)."""
        self.me = None
        self._clear_choice()
        self.reason_key = None
        self.reason_extra = ""
        self._answering = []
        self.screen = Screen(Step.NONE)

    # --- asking for a swap -----------------------------------------------------------------

    def start(self, volunteer_id: int, name: str) -> Screen:
        """A volunteer who identified asks for a swap."""
        self.reset()
        self.cfg = settings(self.desk)
        self.me = Person(volunteer_id, name)
        return self.choose_shift()

    def choose_shift(self) -> Screen:
        """Their open duties that have not started, the first few."""
        assert self.me is not None
        self._clear_choice()
        now = self.desk.now()
        try:
            mine = [
                ShiftKey(s.day, s.slot.code)
                for s in kiosk.my_shifts(self.desk, self.me.id)
                if s.open and not has_started(ShiftKey(s.day, s.slot.code), self.cfg, now)
            ]
        except FrontdeskError as exc:
            return self._problem(exc)
        return self._show(Step.SHIFT, shifts=tuple(mine[:SHIFTS_SHOWN]))

    def pick_shift(self, shift: ShiftKey) -> Screen:
        """The duty they cannot serve: withdraw a request already made, refuse (short
        notice: offer the supervisor), or ask how to swap it."""
        assert self.me is not None
        self.shift = shift
        self.kind = self.colleague = self.taken = None
        try:
            pending = [
                v for v in swap_views.for_volunteer(self.desk, self.me.id).open if v.given == shift
            ]
            if pending:
                return self._show(Step.WITHDRAW, shift=shift, request=pending[0])
            problems = swaps.preflight(self.desk, self.me.id, shift)
        except FrontdeskError as exc:
            return self._problem(exc)
        short = [f for f in problems if f.code is Code.SHORT_NOTICE]
        if short:
            return self.ask_supervisor(short)
        if problems:
            return self._problem(RuleViolation(problems))
        return self._show(Step.KIND, shift=shift)

    def pick_kind(self, kind: SwapKind, page: int = 0) -> Screen:
        """Cover or exchange: the colleagues who may take it, `PAGE_SIZE` names a page (the
        page number wraps around)."""
        assert self.me is not None and self.shift is not None
        self.kind, self.colleague, self.taken = kind, None, None
        try:
            if kind is SwapKind.EXCHANGE:
                partners = swap_views.exchange_partners(self.desk, self.me.id, self.shift)
                people = [s for s, _ in partners]
                self._partners = {s.volunteer_id: opts for s, opts in partners}
            else:
                people = swap_views.suggest(self.desk, self.shift, leaving=self.me.id)
        except FrontdeskError as exc:
            return self._problem(exc)
        pages = (len(people) + PAGE_SIZE - 1) // PAGE_SIZE
        page = page % pages if pages else 0
        shown = tuple(people[page * PAGE_SIZE : (page + 1) * PAGE_SIZE])
        return self._show(
            Step.COLLEAGUE, shift=self.shift, kind=kind, people=shown, page=page, pages=pages
        )

    def more_colleagues(self) -> Screen:
        """The next page of names."""
        assert self.kind is not None
        return self.pick_kind(self.kind, self.screen.page + 1)

    def pick_colleague(self, person: Suggestion) -> Screen:
        """Exchange: which of their duties in return; cover: ask them to agree."""
        assert self.kind is not None
        self.colleague = person
        if self.kind is SwapKind.EXCHANGE:
            options = self._partners.get(person.volunteer_id, [])
            return self._show(Step.TAKEN, colleague=person, shifts=tuple(options[:SHIFTS_SHOWN]))
        return self.ask_agreement()

    def pick_taken(self, taken: ShiftKey) -> Screen:
        self.taken = taken
        return self.ask_agreement()

    def ask_agreement(self) -> Screen:
        assert self.colleague is not None
        return self._show(Step.AGREE, shift=self.shift, colleague=self.colleague, taken=self.taken)

    def back(self) -> Screen:
        """One step back: from the names to the kinds (checked again), from their duties to
        the names, from anything else to the list of duties."""
        if self.step is Step.COLLEAGUE and self.shift is not None:
            return self.pick_shift(self.shift)
        if self.step is Step.TAKEN and self.kind is not None:
            return self.pick_kind(self.kind)
        return self.choose_shift()

    def identify(self, code: str) -> Screen:
        """A card code or typed number while the colleague is asked to agree: theirs sends
        the request as agreed; anyone else's is refused on the same screen."""
        assert self.colleague is not None
        try:
            who = swap_views.identify(self.desk, code)
        except FrontdeskError as exc:
            return self._problem(exc)
        if who is None or who.volunteer_id != self.colleague.volunteer_id:
            self.screen = replace(self.screen, wrong_card=True)
            return self.screen
        return self.send(agreed=True)

    def send(self, *, agreed: bool) -> Screen:
        """Send the request: agreed now, or to be asked when the colleague next signs in."""
        assert self.me and self.colleague and self.shift and self.kind
        proposal = SwapProposal(
            self.kind, self.me.id, self.shift, self.colleague.volunteer_id, self.taken
        )
        try:
            swaps.request(self.desk, proposal, colleague_agrees_now=agreed)
        except FrontdeskError as exc:
            return self._problem(exc)
        self.changed()
        return self._show(
            Step.DONE,
            outcome=Outcome.SENT_AGREED if agreed else Outcome.SENT_LATER,
            shift=self.shift,
            colleague=self.colleague,
            taken=self.taken,
        )

    # --- 'please arrange' ------------------------------------------------------------------

    def ask_supervisor(self, short: Sequence[Finding] = ()) -> Screen:
        """Way 2: 'I cannot serve, please arrange'. With `short`, why way 1 is closed and
        the time left to the duty."""
        assert self.shift is not None
        self.reason_key = None
        self.reason_extra = ""
        left = swap_views.notice_of(self.desk, self.shift) if short else None
        return self._show(Step.ASK, shift=self.shift, short=tuple(short), left=left)

    def pick_reason(self, key: Reason) -> None:
        """A preset reason; tapping the chosen one again takes it back."""
        self.reason_key = None if self.reason_key is key else key

    def send_to_supervisor(self, reason: str) -> Screen:
        """Ask the supervisor to arrange the duty; `reason` in words, the preset reason and the
        typed words together cut to SWAP_REASON's length (the editor alone stays within it)."""
        assert self.me and self.shift
        try:
            swaps.ask_supervisor(
                self.desk, self.me.id, self.shift, reason[: SWAP_REASON.max_length]
            )
        except FrontdeskError as exc:
            return self._problem(exc)
        self.changed()
        return self._show(Step.DONE, outcome=Outcome.SUPERVISOR_ASKED, shift=self.shift)

    def withdraw(self) -> Screen:
        """Take back the request shown on the WITHDRAW screen."""
        assert self.me is not None and self.screen.request is not None
        try:
            swaps.withdraw(self.desk, self.screen.request.id, self.me.id)
        except FrontdeskError as exc:
            return self._problem(exc)
        return self._show(Step.WITHDRAWN)

    # --- the colleague answers -------------------------------------------------------------

    def answer(self, volunteer_id: int, name: str, waiting: Sequence[SwapView]) -> Screen:
        """Requests waiting for this volunteer: agree or decline, one at a time."""
        self.reset()
        self.cfg = settings(self.desk)
        self.me = Person(volunteer_id, name)
        self._answering = list(waiting)
        return self._next_answer(None)

    def _next_answer(self, reply: Reply | None) -> Screen:
        if not self._answering:
            return self._show(Step.DONE, outcome=Outcome.ANSWERED, reply=reply)
        return self._show(
            Step.ANSWER,
            request=self._answering[0],
            more=len(self._answering) - 1,
            reply=reply,
        )

    def reply(self, agree: bool) -> Screen:
        """The colleague agrees to, or declines, the request on screen."""
        assert self.me is not None and self._answering
        v = self._answering[0]
        try:
            if agree:
                swaps.agree(self.desk, v.id, self.me.id)
            else:
                swaps.decline(self.desk, v.id, self.me.id)
        except FrontdeskError as exc:
            return self._problem(exc)
        self.changed()
        self._answering.pop(0)
        return self._next_answer(Reply(agree, v.requester))

    # --- refusals --------------------------------------------------------------------------

    def _problem(self, exc: FrontdeskError) -> Screen:
        """A refusal: short notice turns into the offer to ask the supervisor."""
        if isinstance(exc, RuleViolation):
            short = [f for f in exc.findings if f.code is Code.SHORT_NOTICE]
            if short:
                return self.ask_supervisor(short)
        return self._show(Step.PROBLEM, error=exc)


def started(error: Exception | None) -> bool:
    """A refusal because the duty is already under way (core SHIFT_STARTED): the kiosk
    sends the volunteer to the supervisor instead of offering the notice rule."""
    return isinstance(error, RuleViolation) and any(
        f.code is Code.SHIFT_STARTED for f in error.findings
    )
