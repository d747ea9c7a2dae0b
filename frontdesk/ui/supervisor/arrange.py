"""The supervisor arranges a swap at any time: one volunteer's duty moves to another, or
two volunteers exchange duties. Under the notice rule (7 days by default) a reason is
required and kept in the history; every check runs again when it is saved.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.roster import ShiftKey
from frontdesk.core.swaps import SwapKind, SwapProposal, has_started, is_short_notice
from frontdesk.core.text import SWAP_REASON
from frontdesk.core.timeutil import local_day
from frontdesk.services import swap_views, swaps
from frontdesk.services.context import Desk, settings
from frontdesk.services.errors import FrontdeskError, NeedsConfirmation
from frontdesk.services.volunteers import Suggestion
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.common import pydate, qdate, title_label
from frontdesk.ui.widgets.dates import RocDateEdit
from frontdesk.ui.widgets.form import FormDialog
from frontdesk.words.errors import describe_error
from frontdesk.words.findings import describe_findings
from frontdesk.words.labels import slot_short, time_range
from frontdesk.words.swaps import notice_text


class ArrangeDialog(FormDialog):
    """The supervisor moves a duty to someone else, or swaps two duties, at any time."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Arrange a swap"), self.tr("Arrange"), self.tr("Cancel"), parent)
        self.desk = desk
        self.cfg = settings(desk)
        self.request_id: int | None = None
        self.setMinimumWidth(820)
        layout = self.body
        layout.insertWidget(0, title_label(self.tr("Arrange a swap")))
        kinds = QVBoxLayout()
        self.move_radio = QRadioButton(self.tr("Move: someone else serves the duty"))
        self.swap_radio = QRadioButton(self.tr("Swap: two volunteers exchange duties"))
        self.move_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.move_radio)
        group.addButton(self.swap_radio)
        kinds.addWidget(self.move_radio)
        kinds.addWidget(self.swap_radio)
        layout.insertLayout(1, kinds)

        form = self.form
        first = self._first_not_started()
        start = first.day
        self.day = self._date(start)
        self.slot = self._slots()
        self.slot.setCurrentIndex(max(0, self.slot.findData(first.slot)))
        self.giver = QComboBox()
        self.giver.setObjectName("giver")
        self.taker = QComboBox()
        self.taker.setObjectName("taker")
        self.taken_day = self._date(start)
        self.taken_slot = self._slots()
        self.partner = QComboBox()
        self.partner.setObjectName("partner")
        self.reason = QLineEdit()
        self.reason.setObjectName("arrangeReason")
        self.reason.setMaxLength(SWAP_REASON.max_length)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setMinimumHeight(self.notice.fontMetrics().lineSpacing() * 2 + 4)
        form.addRow(self.tr("Duty: day"), self.day)
        form.addRow(self.tr("Duty: slot"), self.slot)
        form.addRow(self.tr("Now served by"), self.giver)
        self.taker_label = QLabel(self.tr("To be served by"))
        form.addRow(self.taker_label, self.taker)
        self.taken_day_label = QLabel(self.tr("In return: day"))
        self.taken_slot_label = QLabel(self.tr("In return: slot"))
        self.partner_label = QLabel(self.tr("In return: now served by"))
        form.addRow(self.taken_day_label, self.taken_day)
        form.addRow(self.taken_slot_label, self.taken_slot)
        form.addRow(self.partner_label, self.partner)
        form.addRow(self.tr("Notice"), self.notice)
        form.addRow(self.tr("Reason"), self.reason)
        self.ok_button.setObjectName("arrangeOk")
        self.submit_with(self.arrange)

        for w in (self.day, self.taken_day):
            w.dateChanged.connect(self._reload)
        for c in (self.slot, self.taken_slot, self.giver):
            c.currentIndexChanged.connect(self._reload)
        self.move_radio.toggled.connect(self._reload)
        self._reload()

    def _first_not_started(self) -> ShiftKey:
        """The first duty from now that has not started (core.swaps.has_started): a duty
        under way cannot be given away, so the dialog never opens on one."""
        today = local_day(self.desk.now())
        for offset in range(2):
            for s in sorted(self.cfg.slots, key=lambda s: s.start):
                shift = ShiftKey(today + timedelta(days=offset), s.code)
                if not has_started(shift, self.cfg, self.desk.now()):
                    return shift
        return ShiftKey(today + timedelta(days=1), self.cfg.slots[0].code)

    def _date(self, d: date) -> RocDateEdit:
        w = RocDateEdit(qdate(d))
        w.setCalendarPopup(True)
        return w

    def _slots(self) -> QComboBox:
        c = QComboBox()
        for s in self.cfg.slots:
            c.addItem(f"{slot_short(s.code)} {time_range(s)}", s.code)
        return c

    def shift(self) -> ShiftKey:
        return ShiftKey(pydate(self.day.date()), str(self.slot.currentData()))

    def taken(self) -> ShiftKey:
        return ShiftKey(pydate(self.taken_day.date()), str(self.taken_slot.currentData()))

    def set_shift(self, day: date, slot: str, taken: tuple[date, str] | None = None) -> None:
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.slot.setCurrentIndex(max(0, self.slot.findData(slot)))
        if taken is not None:
            self.swap_radio.setChecked(True)
            self.taken_day.setDate(QDate(taken[0].year, taken[0].month, taken[0].day))
            self.taken_slot.setCurrentIndex(max(0, self.taken_slot.findData(taken[1])))
        self._reload()

    def _people(self, combo: QComboBox, people: list[Suggestion], empty: str) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for p in people:
            combo.addItem(f"{p.name} ({p.code})", p.volunteer_id)
        if not people:
            combo.addItem(empty, None)
        i = combo.findData(keep)
        combo.setCurrentIndex(i if i >= 0 else 0)
        combo.blockSignals(False)

    def _reload(self) -> None:
        swap = self.swap_radio.isChecked()
        for w in (self.taken_day_label, self.taken_slot_label, self.partner_label):
            w.setVisible(swap)
        for field in (self.taken_day, self.taken_slot, self.partner):
            field.setVisible(swap)
        self.taker_label.setVisible(not swap)
        self.taker.setVisible(not swap)
        try:
            shift = self.shift()
            self._people(self.giver, swap_views.on_shift(self.desk, shift), self.tr("nobody on it"))
            giver = self.giver.currentData()
            if swap:
                self._people(
                    self.partner,
                    swap_views.on_shift(self.desk, self.taken()),
                    self.tr("nobody on it"),
                )
            else:
                leaving = int(giver) if giver is not None else None
                self._people(
                    self.taker,
                    swap_views.suggest(self.desk, shift, leaving=leaving),
                    self.tr("nobody is free for this duty"),
                )
            left = swap_views.notice_of(self.desk, shift)
        except FrontdeskError as exc:
            self.banner.error(describe_error(exc))
            return
        started = has_started(shift, self.cfg, self.desk.now())
        self.ok_button.setEnabled(not started)
        if started:
            self.notice.setText(
                self.tr("This duty has already started; it can no longer be arranged.")
            )
            return
        text = notice_text(left)
        if is_short_notice(left, self.cfg):
            text += " — " + self.tr(
                "less than {days} days: please give a reason (it is kept in the history)."
            ).format(days=self.cfg.swap_notice_days)
        self.notice.setText(text)

    def proposal(self) -> SwapProposal | None:
        giver = self.giver.currentData()
        if giver is None:
            self.banner.error(self.tr("Nobody is on that duty; choose another day or slot."))
            return None
        if self.swap_radio.isChecked():
            partner = self.partner.currentData()
            if partner is None:
                self.banner.error(self.tr("Nobody is on the duty in return; choose another."))
                return None
            return SwapProposal(
                SwapKind.EXCHANGE, int(giver), self.shift(), int(partner), self.taken()
            )
        taker = self.taker.currentData()
        if taker is None:
            self.banner.error(self.tr("Choose who serves the duty."))
            return None
        return SwapProposal(SwapKind.COVER, int(giver), self.shift(), int(taker))

    def arrange(self) -> None:
        p = self.proposal()
        if p is None:
            return
        names = {}
        for combo in (self.giver, self.taker, self.partner):
            for i in range(combo.count()):
                if combo.itemData(i) is not None:
                    names[int(combo.itemData(i))] = combo.itemText(i).split(" (")[0]
        reason = self.reason.text().strip()
        try:
            try:
                self.request_id = swaps.arrange(self.desk, p, reason)
            except NeedsConfirmation as exc:
                if not common.confirm(
                    self,
                    self.tr("Arrange anyway?"),
                    describe_findings(exc.findings, names) + "\n\n" + self.tr("Arrange anyway?"),
                ):
                    return
                self.request_id = swaps.arrange(self.desk, p, reason, confirm_warnings=True)
        except FrontdeskError as exc:
            self.banner.error(describe_error(exc, names))
            return
        self.accept()
