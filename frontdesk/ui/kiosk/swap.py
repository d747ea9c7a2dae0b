"""Asking for a swap at the kiosk, in a few big steps (志工服務規範 附則二).

A volunteer who identified picks the duty they cannot serve, then either an exchange
(交換: they take one of the colleague's duties back) or a cover (代班), then the colleague
from a list of those who may take it. The colleague agrees right here by scanning their
card or typing their number, or later when they next identify. Too close to the duty, the
request is refused in plain words and the supervisor can be asked to arrange it in one tap
(with an optional short reason: a preset button, typing is never needed).

The steps and their decisions live in frontdesk.ui.kiosk.swap_flow (`SwapSteps`); this
module only lays each step out and hands back what was tapped. The words of requests and
outcomes live in frontdesk.words.swaps.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from frontdesk.core.swaps import SwapKind
from frontdesk.core.timeutil import local_day
from frontdesk.services.context import Desk
from frontdesk.services.swap_views import SwapView
from frontdesk.ui.kiosk.drafts import Drafts
from frontdesk.ui.kiosk.swap_flow import Outcome, Reason, Screen, Step, SwapSteps, started
from frontdesk.ui.kiosk.swap_pages import (
    REASON_BUTTONS,
    Action,
    ReasonDialog,
    StepCard,
    reason_text,
    reason_words,
)
from frontdesk.words.swaps import (
    notice_text,
    reply_text,
    request_text,
    sent_text,
    shift_text,
    summary_text,
)


class SwapFlow(StepCard):
    """The swap steps inside the kiosk window (a page of its stack): shows each screen of
    `SwapSteps` and passes every tap back to it.

    A colleague identifies by the kiosk's scan path: the window hands typed numbers to
    `identify` while `wants_scan()`.
    """

    finished = Signal()  # back to the home view
    changed = Signal()  # something was written: the window refreshes its badge

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = SwapSteps(desk, changed=self.changed.emit)
        self._dialog: ReasonDialog | None = None
        self._drafts = Drafts()  # reasons typed and not kept, per volunteer, for the day

    # --- what the kiosk window calls -------------------------------------------------------

    @property
    def step(self) -> str:
        """The step shown ('' when none), as in `Step`."""
        return self.flow.step.value

    def wants_scan(self) -> bool:
        """True while the colleague is asked to identify (typed numbers come here)."""
        return self.flow.wants_scan()

    def start(self, volunteer_id: int, name: str) -> None:
        """A volunteer who identified asks for a swap."""
        self.show_screen(self.flow.start(volunteer_id, name))

    def answer(self, volunteer_id: int, name: str, waiting: list[SwapView]) -> None:
        """Requests waiting for this volunteer: agree or decline, one at a time."""
        self.show_screen(self.flow.answer(volunteer_id, name, waiting))

    def identify(self, code: str) -> None:
        """A card code or typed number while the colleague is asked to agree."""
        self.show_screen(self.flow.identify(code))

    def reset(self) -> None:
        self.flow.reset()
        if self._dialog is not None and self._dialog.isVisible():
            self._dialog.reject()

    def close_flow(self) -> None:
        self.reset()
        self.finished.emit()

    # --- building blocks -------------------------------------------------------------------

    def _go(self, action: Callable[[], Screen]) -> Callable[[], None]:
        """A tap that asks the flow for its next screen and shows it."""
        return lambda: self.show_screen(action())

    def _cancel(self) -> Action:
        return (QCoreApplication.translate("Swaps", "Cancel"), self.close_flow, "", "swapCancel")

    def _back(self) -> Action:
        return (
            QCoreApplication.translate("Swaps", "Back"),
            self._go(self.flow.back),
            "",
            "swapBack",
        )

    def _done_action(self) -> Action:
        return (QCoreApplication.translate("Swaps", "Done"), self.close_flow, "primary", "swapDone")

    def _ask_supervisor_action(self) -> Action:
        return (
            QCoreApplication.translate("Swaps", "Ask the supervisor to arrange it"),
            self._go(self.flow.ask_supervisor),
            "primary",
            "swapAskSupervisor",
        )

    # --- the pages -------------------------------------------------------------------------

    def show_screen(self, screen: Screen) -> None:
        """Lay out the step `screen` stands for."""
        if screen.step is Step.AGREE and screen.wrong_card:
            self._wrong_card(screen)
            return
        pages: dict[Step, Callable[[Screen], None]] = {
            Step.SHIFT: self._shifts,
            Step.KIND: self._kinds,
            Step.COLLEAGUE: self._colleagues,
            Step.TAKEN: self._taken,
            Step.AGREE: self._agreement,
            Step.ASK: self._ask,
            Step.WITHDRAW: self._withdraw,
            Step.WITHDRAWN: self._withdrawn,
            Step.ANSWER: self._answer,
            Step.DONE: self._done,
            Step.PROBLEM: self._problem,
        }
        page = pages.get(screen.step)
        if page is not None:
            page(screen)

    def _shifts(self, screen: Screen) -> None:
        name = self.flow.me.name if self.flow.me else ""
        if not screen.shifts:
            self.show_page(
                QCoreApplication.translate(
                    "Swaps", "{name}, you have no duties in the next 4 weeks to swap."
                ).format(name=name),
                actions=[self._cancel()],
            )
            return
        self.show_page(
            QCoreApplication.translate("Swaps", "{name}, which duty can you not serve?").format(
                name=name
            ),
            choices=[
                (
                    shift_text(k, self.flow.cfg),
                    self._go(partial(self.flow.pick_shift, k)),
                    f"swapShift{i}",
                )
                for i, k in enumerate(screen.shifts)
            ],
            actions=[self._cancel()],
        )

    def _kinds(self, screen: Screen) -> None:
        assert screen.shift is not None
        self.show_page(
            QCoreApplication.translate("Swaps", "How do you want to swap {shift}?").format(
                shift=shift_text(screen.shift, self.flow.cfg)
            ),
            choices=[
                (
                    QCoreApplication.translate(
                        "Swaps", "Cover (代班)\na colleague serves it for me"
                    ),
                    self._go(partial(self.flow.pick_kind, SwapKind.COVER)),
                    "swapCover",
                ),
                (
                    QCoreApplication.translate(
                        "Swaps", "Exchange (交換)\nI serve one of their duties in return"
                    ),
                    self._go(partial(self.flow.pick_kind, SwapKind.EXCHANGE)),
                    "swapExchange",
                ),
                (
                    QCoreApplication.translate(
                        "Swaps", "I cannot find anyone:\nplease ask the supervisor to arrange it"
                    ),
                    self._go(self.flow.ask_supervisor),
                    "swapAskSupervisor",
                ),
            ],
            columns=1,
            actions=[self._back(), self._cancel()],
        )

    def _colleagues(self, screen: Screen) -> None:
        assert screen.shift is not None
        if not screen.people:
            self.show_page(
                QCoreApplication.translate("Swaps", "Nobody can take this duty right now."),
                QCoreApplication.translate(
                    "Swaps", "The supervisor can help: tap the button below."
                ),
                actions=[self._ask_supervisor_action(), self._back(), self._cancel()],
            )
            return
        actions = [self._back(), self._cancel()]
        if screen.pages > 1:
            more = QCoreApplication.translate(
                "Swaps", "More names ▶ (page {page} of {pages})"
            ).format(page=screen.page + 1, pages=screen.pages)
            actions.insert(0, (more, self._go(self.flow.more_colleagues), "", "swapMore"))
        if screen.kind is SwapKind.EXCHANGE:
            title = QCoreApplication.translate("Swaps", "Exchange {shift} with whom?")
            hint = QCoreApplication.translate(
                "Swaps", "Only colleagues who may take it and have a duty you can serve in return."
            )
        else:
            title = QCoreApplication.translate("Swaps", "Who may serve {shift} for you?")
            hint = QCoreApplication.translate(
                "Swaps", "Only colleagues who are free then and may take it; fewest duties first."
            )
        self.show_page(
            title.format(shift=shift_text(screen.shift, self.flow.cfg)),
            hint,
            choices=[
                (
                    p.name,
                    self._go(partial(self.flow.pick_colleague, p)),
                    f"swapColleague{p.volunteer_id}",
                )
                for p in screen.people
            ],
            columns=3,
            actions=actions,
        )

    def _taken(self, screen: Screen) -> None:
        assert screen.colleague is not None
        self.show_page(
            QCoreApplication.translate(
                "Swaps", "Which duty of {colleague} will you serve in return?"
            ).format(colleague=screen.colleague.name),
            choices=[
                (
                    shift_text(k, self.flow.cfg),
                    self._go(partial(self.flow.pick_taken, k)),
                    f"swapTaken{i}",
                )
                for i, k in enumerate(screen.shifts)
            ],
            actions=[self._back(), self._cancel()],
        )

    def _agreement(self, screen: Screen) -> None:
        assert screen.colleague is not None
        name = screen.colleague.name
        self.show_page(
            QCoreApplication.translate(
                "Swaps", "{colleague}, do you agree? Please scan your card or type your number now."
            ).format(colleague=name),
            self._summary(screen),
            actions=[
                (
                    QCoreApplication.translate(
                        "Swaps", "{colleague} is not here: ask them later"
                    ).format(colleague=name),
                    self._go(partial(self.flow.send, agreed=False)),
                    "primary",
                    "swapLater",
                ),
                self._back(),
                self._cancel(),
            ],
        )

    def _wrong_card(self, screen: Screen) -> None:
        assert screen.colleague is not None
        self.warning.setText(
            QCoreApplication.translate(
                "Swaps", "That is not {colleague}'s card or number. Please try again."
            ).format(colleague=screen.colleague.name)
        )
        self.warning.show()

    def _problem(self, screen: Screen) -> None:
        from frontdesk.words.errors import describe_error

        assert screen.error is not None
        text = describe_error(screen.error, screen.names)
        if started(screen.error):
            text += "\n" + QCoreApplication.translate(
                "Swaps",
                "A duty under way can no longer be swapped here: please ask the supervisor.",
            )
        self.show_page(
            QCoreApplication.translate("Swaps", "This swap cannot be asked"),
            text,
            actions=[
                (
                    QCoreApplication.translate("Swaps", "Choose again"),
                    self._go(self.flow.choose_shift),
                    "primary",
                    "swapAgain",
                ),
                self._cancel(),
            ],
        )

    def _withdraw(self, screen: Screen) -> None:
        """A duty already asked about: say so, and let the volunteer take the request back."""
        request = screen.request
        assert request is not None
        who = request.colleague or QCoreApplication.translate("Swaps", "the supervisor")
        self.show_page(
            QCoreApplication.translate("Swaps", "You already asked for a swap of {shift}").format(
                shift=shift_text(request.given, self.flow.cfg)
            ),
            QCoreApplication.translate(
                "Swaps", "The request is waiting for {who}. Do you want to take it back?"
            ).format(who=who),
            actions=[
                (
                    QCoreApplication.translate("Swaps", "Take the request back"),
                    self._go(self.flow.withdraw),
                    "primary",
                    "swapWithdraw",
                ),
                self._back(),
            ],
        )

    def _withdrawn(self, screen: Screen) -> None:
        self.show_page(
            QCoreApplication.translate("Swaps", "The request was taken back"),
            QCoreApplication.translate("Swaps", "You are still on this duty."),
            actions=[self._done_action()],
        )

    # --- 'please arrange' ------------------------------------------------------------------

    def _ask(self, screen: Screen) -> None:
        """Way 2: 'I cannot serve, please arrange'; with short notice, say first why way 1
        is closed."""
        from frontdesk.words.findings import describe_finding

        assert screen.shift is not None
        if screen.short:
            assert screen.left is not None
            title = QCoreApplication.translate(
                "Swaps", "This duty is too close to swap by yourself"
            )
            text = describe_finding(screen.short[0], screen.names) + "\n" + notice_text(screen.left)
        else:
            title = QCoreApplication.translate(
                "Swaps", "Ask the supervisor to arrange {shift}"
            ).format(shift=shift_text(screen.shift, self.flow.cfg))
            text = ""
        words = reason_words()
        self.show_page(
            title,
            text,
            QCoreApplication.translate("Swaps", "Why? Tap one if you like (you may skip this):"),
            choices=[
                *(
                    (words[key], partial(self._pick_reason, key), name)
                    for key, name in REASON_BUTTONS.items()
                ),
                (
                    QCoreApplication.translate("Swaps", "Type a reason…"),
                    self._write_reason,
                    "reasonWrite",
                ),
            ],
            columns=4,
            actions=[
                (
                    QCoreApplication.translate("Swaps", "Ask the supervisor to arrange it"),
                    self._go(
                        lambda: self.flow.send_to_supervisor(
                            reason_text(self.flow.reason_key, self.flow.reason_extra)
                        )
                    ),
                    "primary",
                    "swapSendSupervisor",
                ),
                self._back(),
                self._cancel(),
            ],
        )
        self.mark_chosen(reason_words(), None)
        self.mark_written("")

    def _pick_reason(self, key: Reason) -> None:
        self.flow.pick_reason(key)
        self.mark_chosen(reason_words(), self.flow.reason_key)

    def _write_reason(self) -> None:
        """The reason typed by hand; closed unsaved (a card, the idle return, 取消) what
        was typed stays the volunteer's draft of the day and comes back next time."""
        me, today = self.flow.me, local_day(self.flow.desk.now())
        draft = self._drafts.take(today, me.id) if me is not None else ""
        dialog = ReasonDialog(self.flow.reason_extra or draft, self)
        self._dialog = dialog

        def keep() -> None:
            self.flow.reason_extra = dialog.text()
            self.mark_written(self.flow.reason_extra)
            if me is not None:
                self._drafts.drop(today, me.id)

        def kept() -> None:
            if me is not None:
                self._drafts.keep(today, me.id, dialog.text())

        dialog.accepted.connect(keep)
        dialog.rejected.connect(kept)
        dialog.open()

    def _summary(self, screen: Screen) -> str:
        assert screen.colleague is not None and screen.shift is not None
        return summary_text(screen.colleague.name, screen.shift, screen.taken, self.flow.cfg)

    def _reply_text(self, screen: Screen) -> str:
        return reply_text(screen.reply.agreed, screen.reply.requester) if screen.reply else ""

    # --- the end of a flow, and the colleague's answers ------------------------------------

    def _done(self, screen: Screen) -> None:
        if screen.outcome is Outcome.ANSWERED:
            title = QCoreApplication.translate("Swaps", "Thank you")
            text = self._reply_text(screen)
        elif screen.outcome is Outcome.SUPERVISOR_ASKED:
            assert screen.shift is not None
            title = QCoreApplication.translate("Swaps", "The supervisor has been asked")
            text = QCoreApplication.translate(
                "Swaps",
                "The supervisor will find someone for {shift}. "
                "You will see the answer the next time you sign in here.\n"
                "Until then, the duty stays yours.",
            ).format(shift=shift_text(screen.shift, self.flow.cfg))
        else:
            title = QCoreApplication.translate("Swaps", "Your swap request was sent")
            assert screen.colleague is not None
            agreed = screen.outcome is Outcome.SENT_AGREED
            text = self._summary(screen) + "\n" + sent_text(screen.colleague.name, agreed)
        self.show_page(title, text, actions=[self._done_action()])

    def _answer(self, screen: Screen) -> None:
        assert screen.request is not None
        text = request_text(screen.request, self.flow.cfg)
        said = self._reply_text(screen)
        if said:
            text = said + "\n\n" + text
        more = screen.more
        self.show_page(
            QCoreApplication.translate("Swaps", "{name}, a colleague asks you for a swap").format(
                name=self.flow.me.name if self.flow.me else ""
            ),
            text,
            QCoreApplication.translate("Swaps", "{count} more request(s) after this one.").format(
                count=more
            )
            if more
            else "",
            actions=[
                (
                    QCoreApplication.translate("Swaps", "Yes, I agree"),
                    self._go(partial(self.flow.reply, True)),
                    "primary",
                    "swapAgree",
                ),
                (
                    QCoreApplication.translate("Swaps", "No, I cannot"),
                    self._go(partial(self.flow.reply, False)),
                    "danger",
                    "swapDecline",
                ),
                (
                    QCoreApplication.translate("Swaps", "Decide later"),
                    self.close_flow,
                    "",
                    "swapLaterAnswer",
                ),
            ],
        )
