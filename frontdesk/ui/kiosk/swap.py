"""Asking for a swap at the kiosk, in a few big steps (志工服務規範 附則二).

A volunteer who identified picks the duty they cannot serve, then either an exchange
(交換: they take one of the colleague's duties back) or a cover (代班), then the colleague
from a list of those who may take it. The colleague agrees right here by scanning their
card or typing their number, or later when they next identify. Too close to the duty, the
request is refused in plain words and the supervisor can be asked to arrange it in one tap
(with an optional short reason: a preset button, typing is never needed).

The words of requests and outcomes live in frontdesk.words.swaps.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.findings import Code, Finding
from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal, has_started
from frontdesk.services import kiosk, swaps
from frontdesk.services.context import Desk, settings
from frontdesk.services.errors import RuleViolation, ServiceError
from frontdesk.services.swaps import SwapView
from frontdesk.services.volunteers import Suggestion
from frontdesk.store.errors import StoreError
from frontdesk.ui.widgets import BigButton, Card, wrap_label
from frontdesk.words.swaps import notice_text, request_text, shift_text

log = logging.getLogger(__name__)

PAGE_SIZE = 9  # colleagues per page: three rows of three big buttons
REASON_MAX = 200


# --- the reason dialog ------------------------------------------------------------------


class ReasonDialog(QDialog):
    """A few words for the supervisor; a modal dialog so Chinese input works here."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(QCoreApplication.translate("Swaps", "A few words for the supervisor"))
        self.setModal(True)
        box = QVBoxLayout(self)
        box.addWidget(
            wrap_label(
                QCoreApplication.translate(
                    "Swaps", "Write a few words for the supervisor (you may skip this)."
                )
            )
        )
        self.editor = QLineEdit(text)
        self.editor.setObjectName("reasonEditor")
        self.editor.setMaxLength(REASON_MAX)
        self.editor.setMinimumSize(720, 64)
        box.addWidget(self.editor)
        row = QHBoxLayout()
        ok = BigButton(QCoreApplication.translate("Swaps", "OK"), role="primary")
        ok.setObjectName("reasonOk")
        cancel = BigButton(QCoreApplication.translate("Swaps", "Cancel"))
        ok.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        row.addStretch(1)
        row.addWidget(ok)
        row.addWidget(cancel)
        box.addLayout(row)

    def text(self) -> str:
        return self.editor.text().strip()


# --- the flow -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    id: int
    name: str


class SwapFlow(QWidget):
    """The swap steps inside the kiosk window (a page of its stack).

    Steps: shift → kind → colleague → (exchange: their duty) → agreement → done;
    any step can turn into 'ask the supervisor'. A colleague identifies by the kiosk's
    scan path: the window hands typed numbers to `identify` while `wants_scan()`.
    """

    finished = Signal()  # back to the home view
    changed = Signal()  # something was written: the window refreshes its badge

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.cfg = settings(desk)
        self.me: Person | None = None
        self.shift: ShiftKey | None = None
        self.kind: SwapKind | None = None
        self.colleague: Suggestion | None = None
        self.taken: ShiftKey | None = None
        self.reason_key = ""
        self.reason_extra = ""
        self.step = ""
        self._answering: list[SwapView] = []
        self._partners: dict[int, list[ShiftKey]] = {}
        self._dialog: ReasonDialog | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.card = Card()
        outer.addWidget(self.card)
        self.title = wrap_label(role="cardTitle")
        self.title.setObjectName("swapTitle")
        self.text = wrap_label(role="script")
        self.text.setObjectName("swapText")
        self.warning = wrap_label(role="notice")
        self.warning.setObjectName("swapWarning")
        self.card.body.addWidget(self.title)
        self.card.body.addWidget(self.text)
        self.card.body.addWidget(self.warning)
        self.choices_box = QWidget()
        self.choices = QGridLayout(self.choices_box)
        self.choices.setContentsMargins(0, 4, 0, 4)
        self.choices.setSpacing(10)
        self.card.body.addWidget(self.choices_box)
        self.card.body.addStretch(1)
        self.action_row = QHBoxLayout()
        self.card.body.addLayout(self.action_row)

    # --- building blocks -----------------------------------------------------------------

    def _clear(self, layout: QGridLayout | QHBoxLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.setParent(None)  # gone from findChild at once, not at the next event loop
                w.deleteLater()

    def _page(
        self,
        step: str,
        title: str,
        text: str = "",
        warning: str = "",
        choices: Sequence[tuple[str, Callable[[], None], str]] = (),
        columns: int = 2,
        actions: Sequence[tuple[str, Callable[[], None], str, str]] = (),
    ) -> None:
        """Show one step: a question, a line or two, big choice buttons, and the actions."""
        self.step = step
        self.title.setText(title)
        self.text.setText(text)
        self.text.setVisible(bool(text))
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))
        self._clear(self.choices)
        self._clear(self.action_row)
        for i, (label, callback, name) in enumerate(choices):
            b = BigButton(label)
            b.setObjectName(name)
            b.setMinimumHeight(76)
            b.clicked.connect(lambda _=False, cb=callback: cb())
            self.choices.addWidget(b, i // columns, i % columns)
            b.show()
        for c in range(3):
            self.choices.setColumnStretch(c, 1 if c < columns else 0)
        self.choices_box.setVisible(bool(choices))
        self.action_row.addStretch(1)
        for label, callback, role, name in actions:
            b = BigButton(label, role=role)
            b.setObjectName(name)
            b.setMinimumWidth(200)
            b.clicked.connect(lambda _=False, cb=callback: cb())
            self.action_row.addWidget(b)
            b.show()
            self.action_row.addSpacing(16)
        self.action_row.addStretch(1)

    def _cancel(self) -> tuple[str, Callable[[], None], str, str]:
        return (QCoreApplication.translate("Swaps", "Cancel"), self.close_flow, "", "swapCancel")

    def _back(self, to: Callable[[], None]) -> tuple[str, Callable[[], None], str, str]:
        return (QCoreApplication.translate("Swaps", "Back"), to, "", "swapBack")

    def _names(self) -> dict[int, str]:
        names = {}
        if self.me is not None:
            names[self.me.id] = self.me.name
        if self.colleague is not None:
            names[self.colleague.volunteer_id] = self.colleague.name
        return names

    def _problem(self, exc: Exception) -> None:
        from frontdesk.words.errors import describe_error

        if isinstance(exc, RuleViolation) and any(
            f.code is Code.SHORT_NOTICE for f in exc.findings
        ):
            self.ask_supervisor([f for f in exc.findings if f.code is Code.SHORT_NOTICE])
            return
        self._page(
            "problem",
            QCoreApplication.translate("Swaps", "This swap cannot be asked"),
            describe_error(exc, self._names()),
            actions=[
                (
                    QCoreApplication.translate("Swaps", "Choose again"),
                    self.choose_shift,
                    "primary",
                    "swapAgain",
                ),
                self._cancel(),
            ],
        )

    # --- the steps -------------------------------------------------------------------------

    def offer_withdraw(self, request: swaps.SwapView) -> None:
        """A duty already asked about: say so, and let the volunteer take the request back."""
        who = request.colleague or QCoreApplication.translate("Swaps", "the supervisor")
        self._page(
            "withdraw",
            QCoreApplication.translate("Swaps", "You already asked for a swap of {shift}").format(
                shift=shift_text(request.given, self.cfg)
            ),
            QCoreApplication.translate(
                "Swaps", "The request is waiting for {who}. Do you want to take it back?"
            ).format(who=who),
            actions=[
                (
                    QCoreApplication.translate("Swaps", "Take the request back"),
                    lambda: self.withdraw(request.id),
                    "primary",
                    "swapWithdraw",
                ),
                self._back(self.choose_shift),
            ],
        )

    def withdraw(self, request_id: int) -> None:
        assert self.me is not None
        try:
            swaps.withdraw(self.desk, request_id, self.me.id)
        except (ServiceError, StoreError) as exc:
            self._problem(exc)
            return
        self._page(
            "withdrawn",
            QCoreApplication.translate("Swaps", "The request was taken back"),
            QCoreApplication.translate("Swaps", "You are still on this duty."),
            actions=[
                (
                    QCoreApplication.translate("Swaps", "Done"),
                    self.close_flow,
                    "primary",
                    "swapDone",
                )
            ],
        )

    def start(self, volunteer_id: int, name: str) -> None:
        """A volunteer who identified asks for a swap."""
        self.cfg = settings(self.desk)
        self.me = Person(volunteer_id, name)
        self.choose_shift()

    def reset(self) -> None:
        self.me = self.shift = self.kind = self.colleague = self.taken = None
        self.reason_key = self.reason_extra = ""
        self._answering = []
        self.step = ""
        if self._dialog is not None and self._dialog.isVisible():
            self._dialog.reject()

    def close_flow(self) -> None:
        self.reset()
        self.finished.emit()

    def choose_shift(self) -> None:
        assert self.me is not None
        self.shift = self.kind = self.colleague = self.taken = None
        now = self.desk.now()
        try:
            mine = [
                s
                for s in kiosk.my_shifts(self.desk, self.me.id)
                if s.open and not has_started(ShiftKey(s.day, s.slot.code), self.cfg, now)
            ]
        except (ServiceError, StoreError) as exc:
            self._problem(exc)
            return
        if not mine:
            self._page(
                "shift",
                QCoreApplication.translate(
                    "Swaps", "{name}, you have no duties in the next 4 weeks to swap."
                ).format(name=self.me.name),
                actions=[self._cancel()],
            )
            return
        keys = [ShiftKey(s.day, s.slot.code) for s in mine[:8]]
        choices = [
            (shift_text(k, self.cfg), lambda k=k: self.choose_kind(k), f"swapShift{i}")
            for i, k in enumerate(keys)
        ]
        self._page(
            "shift",
            QCoreApplication.translate("Swaps", "{name}, which duty can you not serve?").format(
                name=self.me.name
            ),
            choices=choices,
            actions=[self._cancel()],
        )

    def choose_kind(self, shift: ShiftKey) -> None:
        assert self.me is not None
        self.shift = shift
        try:
            pending = [
                v for v in swaps.for_volunteer(self.desk, self.me.id).open if v.given == shift
            ]
        except (ServiceError, StoreError) as exc:
            self._problem(exc)
            return
        if pending:
            self.offer_withdraw(pending[0])
            return
        try:
            problems = swaps.preflight(self.desk, self.me.id, shift)
        except (ServiceError, StoreError) as exc:
            self._problem(exc)
            return
        short = [f for f in problems if f.code is Code.SHORT_NOTICE]
        if short:
            self.ask_supervisor(short)
            return
        if problems:
            self._problem(RuleViolation(problems))
            return
        self._page(
            "kind",
            QCoreApplication.translate("Swaps", "How do you want to swap {shift}?").format(
                shift=shift_text(shift, self.cfg)
            ),
            choices=[
                (
                    QCoreApplication.translate(
                        "Swaps", "Cover (代班)\na colleague serves it for me"
                    ),
                    lambda: self.choose_colleague(SwapKind.COVER),
                    "swapCover",
                ),
                (
                    QCoreApplication.translate(
                        "Swaps", "Exchange (交換)\nI serve one of their duties in return"
                    ),
                    lambda: self.choose_colleague(SwapKind.EXCHANGE),
                    "swapExchange",
                ),
                (
                    QCoreApplication.translate(
                        "Swaps", "I cannot find anyone:\nplease ask the supervisor to arrange it"
                    ),
                    lambda: self.ask_supervisor([]),
                    "swapAskSupervisor",
                ),
            ],
            columns=1,
            actions=[self._back(self.choose_shift), self._cancel()],
        )

    def choose_colleague(self, kind: SwapKind, page: int = 0) -> None:
        assert self.me is not None and self.shift is not None
        self.kind, self.colleague, self.taken = kind, None, None
        try:
            if kind is SwapKind.EXCHANGE:
                partners = swaps.exchange_partners(self.desk, self.me.id, self.shift)
                people = [s for s, _ in partners]
                self._partners = {s.volunteer_id: opts for s, opts in partners}
            else:
                people = swaps.suggest(self.desk, self.shift, leaving=self.me.id)
        except (ServiceError, StoreError) as exc:
            self._problem(exc)
            return
        back = self._back(lambda: self.choose_kind(self.shift) if self.shift else None)
        if not people:
            self._page(
                "colleague",
                QCoreApplication.translate("Swaps", "Nobody can take this duty right now."),
                QCoreApplication.translate(
                    "Swaps", "The supervisor can help: tap the button below."
                ),
                actions=[
                    (
                        QCoreApplication.translate("Swaps", "Ask the supervisor to arrange it"),
                        lambda: self.ask_supervisor([]),
                        "primary",
                        "swapAskSupervisor",
                    ),
                    back,
                    self._cancel(),
                ],
            )
            return
        pages = (len(people) + PAGE_SIZE - 1) // PAGE_SIZE
        page = page % pages
        shown = people[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        choices = [
            (p.name, lambda p=p: self.chose_colleague(p), f"swapColleague{p.volunteer_id}")
            for p in shown
        ]
        actions = [back]
        if pages > 1:
            actions.insert(
                0,
                (
                    QCoreApplication.translate(
                        "Swaps", "More names ▶ (page {page} of {pages})"
                    ).format(page=page + 1, pages=pages),
                    lambda: self.choose_colleague(kind, page + 1),
                    "",
                    "swapMore",
                ),
            )
        actions.append(self._cancel())
        if kind is SwapKind.EXCHANGE:
            title = QCoreApplication.translate("Swaps", "Exchange {shift} with whom?")
            hint = QCoreApplication.translate(
                "Swaps", "Only colleagues who may take it and have a duty you can serve in return."
            )
        else:
            title = QCoreApplication.translate("Swaps", "Who may serve {shift} for you?")
            hint = QCoreApplication.translate(
                "Swaps", "Only colleagues who are free then and may take it; fewest duties first."
            )
        self._page(
            "colleague",
            title.format(shift=shift_text(self.shift, self.cfg)),
            hint,
            choices=choices,
            columns=3,
            actions=actions,
        )

    def chose_colleague(self, person: Suggestion) -> None:
        assert self.kind is not None
        self.colleague = person
        if self.kind is SwapKind.EXCHANGE:
            self.choose_taken()
        else:
            self.ask_agreement()

    def choose_taken(self) -> None:
        assert self.colleague is not None and self.kind is not None
        options = self._partners.get(self.colleague.volunteer_id, [])
        kind = self.kind
        self._page(
            "taken",
            QCoreApplication.translate(
                "Swaps", "Which duty of {colleague} will you serve in return?"
            ).format(colleague=self.colleague.name),
            choices=[
                (shift_text(k, self.cfg), partial(self.chose_taken, k), f"swapTaken{i}")
                for i, k in enumerate(options[:8])
            ],
            actions=[self._back(lambda: self.choose_colleague(kind)), self._cancel()],
        )

    def chose_taken(self, taken: ShiftKey) -> None:
        self.taken = taken
        self.ask_agreement()

    def _summary(self) -> str:
        assert self.me and self.colleague and self.shift
        given = shift_text(self.shift, self.cfg)
        if self.kind is SwapKind.EXCHANGE and self.taken is not None:
            return QCoreApplication.translate(
                "Swaps", "{colleague} serves your duty on {given}; you serve their duty on {taken}."
            ).format(
                colleague=self.colleague.name, given=given, taken=shift_text(self.taken, self.cfg)
            )
        return QCoreApplication.translate(
            "Swaps", "{colleague} serves your duty on {given}."
        ).format(colleague=self.colleague.name, given=given)

    def ask_agreement(self) -> None:
        assert self.colleague is not None
        name = self.colleague.name
        self._page(
            "agree",
            QCoreApplication.translate(
                "Swaps", "{colleague}, do you agree? Please scan your card or type your number now."
            ).format(colleague=name),
            self._summary(),
            actions=[
                (
                    QCoreApplication.translate(
                        "Swaps", "{colleague} is not here: ask them later"
                    ).format(colleague=name),
                    lambda: self.send(agreed=False),
                    "primary",
                    "swapLater",
                ),
                self._back(self.choose_shift),
                self._cancel(),
            ],
        )

    def wants_scan(self) -> bool:
        """True while the colleague is asked to identify (typed numbers come here)."""
        return self.step == "agree"

    def identify(self, code: str) -> None:
        """A card code or typed number while the colleague is asked to agree."""
        assert self.colleague is not None
        try:
            who = swaps.identify(self.desk, code)
        except (ServiceError, StoreError) as exc:
            self._problem(exc)
            return
        if who is None or who.volunteer_id != self.colleague.volunteer_id:
            self.warning.setText(
                QCoreApplication.translate(
                    "Swaps", "That is not {colleague}'s card or number. Please try again."
                ).format(colleague=self.colleague.name)
            )
            self.warning.show()
            return
        self.send(agreed=True)

    def send(self, *, agreed: bool) -> None:
        assert self.me and self.colleague and self.shift and self.kind
        proposal = SwapProposal(
            self.kind, self.me.id, self.shift, self.colleague.volunteer_id, self.taken
        )
        try:
            swaps.request(self.desk, proposal, colleague_agrees_now=agreed)
        except (ServiceError, StoreError) as exc:
            self._problem(exc)
            return
        self.changed.emit()
        if agreed:
            text = QCoreApplication.translate(
                "Swaps", "{colleague} agreed. The supervisor will now decide."
            ).format(colleague=self.colleague.name)
        else:
            text = QCoreApplication.translate(
                "Swaps",
                "{colleague} will be asked the next time they sign in at the desk; "
                "then the supervisor decides.",
            ).format(colleague=self.colleague.name)
        self.done(
            QCoreApplication.translate("Swaps", "Your swap request was sent"),
            self._summary()
            + "\n"
            + text
            + "\n"
            + QCoreApplication.translate("Swaps", "Until it is approved, the duty stays yours."),
        )

    # --- 'please arrange' ----------------------------------------------------------------

    def ask_supervisor(self, short: list[Finding]) -> None:
        """Way 2: 'I cannot serve, please arrange'. With `short`, say first why way 1 is closed."""
        assert self.shift is not None
        from frontdesk.words.findings import describe_finding

        self.reason_key = self.reason_extra = ""
        if short:
            left = swaps.notice_of(self.desk, self.shift)
            title = QCoreApplication.translate(
                "Swaps", "This duty is too close to swap by yourself"
            )
            text = describe_finding(short[0], self._names()) + "\n" + notice_text(left)
        else:
            title = QCoreApplication.translate(
                "Swaps", "Ask the supervisor to arrange {shift}"
            ).format(shift=shift_text(self.shift, self.cfg))
            text = ""
        self._short = short
        self._page(
            "ask",
            title,
            text,
            QCoreApplication.translate("Swaps", "Why? Tap one if you like (you may skip this):"),
            choices=[
                (
                    QCoreApplication.translate("Swaps", "Ill"),
                    lambda: self._pick_reason("ill"),
                    "reasonIll",
                ),
                (
                    QCoreApplication.translate("Swaps", "Family matters"),
                    lambda: self._pick_reason("family"),
                    "reasonFamily",
                ),
                (
                    QCoreApplication.translate("Swaps", "Other"),
                    lambda: self._pick_reason("other"),
                    "reasonOther",
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
                    self.send_to_supervisor,
                    "primary",
                    "swapSendSupervisor",
                ),
                self._back(self.choose_shift),
                self._cancel(),
            ],
        )
        for name in ("reasonIll", "reasonFamily", "reasonOther"):
            b = self.findChild(QPushButton, name)
            if b is not None:
                b.setCheckable(True)

    def _reason_words(self) -> dict[str, str]:
        return {
            "ill": QCoreApplication.translate("Swaps", "Ill"),
            "family": QCoreApplication.translate("Swaps", "Family matters"),
            "other": QCoreApplication.translate("Swaps", "Other"),
        }

    def _pick_reason(self, key: str) -> None:
        self.reason_key = "" if self.reason_key == key else key
        names = {"ill": "reasonIll", "family": "reasonFamily", "other": "reasonOther"}
        words = self._reason_words()
        for k, name in names.items():
            b = self.findChild(QPushButton, name)
            if b is not None:
                chosen = k == self.reason_key
                b.setChecked(chosen)
                b.setText(("✓ " if chosen else "") + words[k])
                b.setProperty("role", "primary" if chosen else "")  # the chosen one stands out
                b.style().unpolish(b)
                b.style().polish(b)

    def _write_reason(self) -> None:
        dialog = ReasonDialog(self.reason_extra, self)
        self._dialog = dialog

        def keep() -> None:
            self.reason_extra = dialog.text()
            b = self.findChild(QPushButton, "reasonWrite")
            if b is not None:
                b.setText(self.reason_extra[:12] + ("…" if len(self.reason_extra) > 12 else ""))
                if not self.reason_extra:
                    b.setText(QCoreApplication.translate("Swaps", "Type a reason…"))

        dialog.accepted.connect(keep)
        dialog.open()

    def reason(self) -> str:
        parts = [self._reason_words()[self.reason_key]] if self.reason_key else []
        if self.reason_extra:
            parts.append(self.reason_extra)
        return "：".join(parts) if parts else QCoreApplication.translate("Swaps", "Cannot serve")

    def send_to_supervisor(self) -> None:
        assert self.me and self.shift
        try:
            swaps.ask_supervisor(self.desk, self.me.id, self.shift, self.reason()[:REASON_MAX])
        except (ServiceError, StoreError) as exc:
            self._problem(exc)
            return
        self.changed.emit()
        self.done(
            QCoreApplication.translate("Swaps", "The supervisor has been asked"),
            QCoreApplication.translate(
                "Swaps",
                "The supervisor will find someone for {shift}. "
                "You will see the answer the next time you sign in here.\n"
                "Until then, the duty stays yours.",
            ).format(shift=shift_text(self.shift, self.cfg)),
        )

    def done(self, title: str, text: str) -> None:
        self._page(
            "done",
            title,
            text,
            actions=[
                (
                    QCoreApplication.translate("Swaps", "Done"),
                    self.close_flow,
                    "primary",
                    "swapDone",
                )
            ],
        )

    # --- the colleague answers ---------------------------------------------------------

    def answer(self, volunteer_id: int, name: str, waiting: list[SwapView]) -> None:
        """Requests waiting for this volunteer: agree or decline, one at a time."""
        self.cfg = settings(self.desk)
        self.me = Person(volunteer_id, name)
        self._answering = list(waiting)
        self._next_answer()

    def _next_answer(self, said: str = "") -> None:
        if not self._answering:
            self.done(QCoreApplication.translate("Swaps", "Thank you"), said)
            return
        v = self._answering[0]
        more = len(self._answering) - 1
        text = request_text(v, self.cfg)
        if said:
            text = said + "\n\n" + text
        self._page(
            "answer",
            QCoreApplication.translate("Swaps", "{name}, a colleague asks you for a swap").format(
                name=self.me.name if self.me else ""
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
                    lambda: self._answer(v, True),
                    "primary",
                    "swapAgree",
                ),
                (
                    QCoreApplication.translate("Swaps", "No, I cannot"),
                    lambda: self._answer(v, False),
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

    def _answer(self, v: SwapView, agree: bool) -> None:
        assert self.me is not None
        try:
            if agree:
                swaps.agree(self.desk, v.id, self.me.id)
            else:
                swaps.decline(self.desk, v.id, self.me.id)
        except (ServiceError, StoreError) as exc:
            self._problem(exc)
            return
        self.changed.emit()
        self._answering.pop(0)
        if agree:
            said = QCoreApplication.translate(
                "Swaps", "Thank you! The supervisor will now decide; {requester} will be told."
            )
        else:
            said = QCoreApplication.translate(
                "Swaps", "All right. {requester} will be told you cannot."
            )
        self._next_answer(said.format(requester=v.requester))
