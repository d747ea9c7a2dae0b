"""行事曆與設定: the DGPA calendar import, typhoon closures, and the desk's settings."""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core import desk_texts
from frontdesk.core.calendar import DayKind
from frontdesk.core.settings import (
    SettingError,
    SettingKind,
    SlotDef,
    format_slots,
    parse_settings,
    screen_specs,
    settings_to_rows,
)
from frontdesk.core.timeutil import local_day
from frontdesk.services import calendar, roster, setup, workspace
from frontdesk.services.context import Desk, settings
from frontdesk.services.errors import FrontdeskError, InvalidInput
from frontdesk.ui.supervisor import common
from frontdesk.ui.supervisor.common import Banner, attempt, pydate, qdate, title_label
from frontdesk.ui.widgets.dates import ClockEdit, RocDateEdit
from frontdesk.words.dates import format_roc_date
from frontdesk.words.errors import describe_error
from frontdesk.words.labels import day_kind, slot_short
from frontdesk.words.settings import CHOICE_NAMES, describe_changes, setting_labels


class CalendarPage(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        outer = QVBoxLayout(self)
        outer.addWidget(title_label(self.tr("Calendar and settings")))
        # The message line sits in the bottom bar beside 儲存設定, not in a band of its own
        # under the title.
        self.banner = Banner(lines=1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        official = QGroupBox(self.tr("Official calendar (行政機關辦公日曆表)"))
        ol = QVBoxLayout(official)
        note = QLabel(
            self.tr(
                "Import the DGPA's CSV for a year (from data.gov.tw) so bridge days off and make-up "
                "working Saturdays are exact. A wrong file is refused and changes nothing."
            )
        )
        note.setWordWrap(True)
        ol.addWidget(note)
        self.import_button = QPushButton(self.tr("Import the DGPA calendar CSV…"))
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch()
        ol.addLayout(row)
        layout.addWidget(official)

        closing = QGroupBox(self.tr("Typhoon or disaster closure (停止上班)"))
        cl = QGridLayout(closing)
        today = local_day(desk.now())
        self.close_day = RocDateEdit(qdate(today))
        self.close_day.setCalendarPopup(True)
        self.close_day.setMaximumWidth(170)
        self.close_slot = QComboBox()
        self.close_slot.addItem(self.tr("The whole day"), None)
        for s in settings(desk).slots:
            self.close_slot.addItem(slot_short(s.code), s.code)
        self.close_reason = QLineEdit(self.tr("Typhoon: offices closed"))
        self.close_button = QPushButton(self.tr("Close"))
        self.reopen_button = QPushButton(self.tr("Reopen"))
        cl.addWidget(QLabel(self.tr("Day")), 0, 0)
        cl.addWidget(self.close_day, 0, 1)
        cl.addWidget(QLabel(self.tr("Which part")), 0, 2)
        cl.addWidget(self.close_slot, 0, 3)
        cl.addWidget(QLabel(self.tr("Reason")), 1, 0)
        cl.addWidget(self.close_reason, 1, 1, 1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch()
        cl.addLayout(buttons, 2, 0, 1, 4)
        expl = QLabel(
            self.tr(
                "Closed duties are cancelled: nobody is counted absent, and the roster shows why."
            )
        )
        expl.setWordWrap(True)
        cl.addWidget(expl, 3, 0, 1, 4)
        self.closures = QLabel()
        self.closures.setWordWrap(True)
        cl.addWidget(self.closures, 4, 0, 1, 4)
        layout.addWidget(closing)

        layout.addWidget(self._settings_box(desk))
        layout.addStretch()
        bar = QHBoxLayout()  # stays at the bottom of the page however far it is scrolled
        bar.addWidget(self.banner, 1)
        bar.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(bar)

        self.import_button.clicked.connect(lambda: self.import_csv())
        self.close_button.clicked.connect(self.close_selected)
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.close_day.dateChanged.connect(lambda _d: self.show_closures())
        self.save_button.clicked.connect(self.save_settings)

    def _settings_box(self, desk: Desk) -> QGroupBox:
        """The settings form, one field per core.settings.screen_specs() in its order, with
        the spec's bounds."""
        box = QGroupBox(self.tr("Settings"))
        form = QFormLayout(box)
        words = setting_labels()
        self.texts: dict[str, QLineEdit] = {}
        self.spins: dict[str, QSpinBox] = {}
        self.checks: dict[str, QCheckBox] = {}
        self.choices: dict[str, QComboBox] = {}
        self.lines: dict[str, QPlainTextEdit] = {}
        self.slot_rows: list[tuple[str, ClockEdit, ClockEdit, QSpinBox, QSpinBox]] = []
        self.labels = {"makeup_saturday_is_duty": self.tr("Make-up Saturdays")}
        for spec in screen_specs():
            label = words.get(spec.key, spec.key)
            self.labels.setdefault(spec.key, label)
            if spec.kind is SettingKind.SLOTS:
                for s in settings(desk).slots:
                    form.addRow(
                        self.tr("{slot} duty").format(slot=slot_short(s.code)),
                        self._slot_row(s.code, spec.hi or 0),
                    )
            elif spec.kind is SettingKind.INT:
                spin = QSpinBox()
                spin.setRange(spec.lo or 0, spec.hi or 0)
                spin.setMaximumWidth(110)
                self.spins[spec.key] = spin
                form.addRow(label, spin)
            elif spec.kind is SettingKind.BOOL:
                # the sentence sits in the label column, where it wraps: as the box's own
                # text it cannot, and a long one pushed the workspace past a 1366 px screen
                check = QCheckBox()
                check.setAccessibleName(label)
                caption = QLabel(label)
                caption.setWordWrap(True)
                caption.setBuddy(check)
                self.checks[spec.key] = check
                form.addRow(caption, check)
            elif spec.kind is SettingKind.CHOICE:
                combo = QComboBox()
                for value in spec.choices:
                    combo.addItem(CHOICE_NAMES.get(value, value), value)
                self.choices[spec.key] = combo
                form.addRow(label, combo)
            elif spec.kind is SettingKind.LINES:
                form.addRow(label, self._lines_editor(spec.key))
            else:
                self.texts[spec.key] = QLineEdit()
                form.addRow(label, self.texts[spec.key])
        self.agency, self.desk_name = self.texts["agency_name"], self.texts["desk_name"]
        self.language = self.choices["language"]
        self.makeup = self.checks["makeup_saturday_is_duty"]
        # In the page's bottom bar, outside the scrolling area: reachable without scrolling.
        self.save_button = QPushButton(self.tr("Save the settings"))
        return box

    def _lines_editor(self, key: str) -> QVBoxLayout:
        """A multi-line editor for one of the desk's standing texts, with how it is read."""
        editor = QPlainTextEdit()
        editor.setObjectName(f"setting_{key}")
        editor.setTabChangesFocus(True)
        editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 7 + 12)
        self.lines[key] = editor
        column = QVBoxLayout()
        column.addWidget(editor)
        if key == "phone_script":
            hint = QLabel(
                self.tr(
                    "One line each: a heading, a full-width colon (：) and the words. "
                    "{agency} is replaced by the agency name. Add the extensions of the main "
                    "counters, e.g. 分機：掛號 101、預防注射 102."
                ).format(agency=desk_texts.AGENCY)
            )
            hint.setWordWrap(True)
            column.addWidget(hint)
        return column

    def _slot_row(self, code: str, staff_max: int) -> QHBoxLayout:
        start, end = ClockEdit(), ClockEdit()
        lo, hi = QSpinBox(), QSpinBox()
        lo.setRange(0, staff_max)
        hi.setRange(1, staff_max)
        line = QHBoxLayout()
        line.addWidget(start)
        line.addWidget(QLabel("–"))
        line.addWidget(end)
        line.addWidget(QLabel(self.tr("at least")))
        line.addWidget(lo)
        line.addWidget(QLabel(self.tr("at most")))
        line.addWidget(hi)
        line.addWidget(QLabel(self.tr("volunteers")))
        line.addStretch()
        self.slot_rows.append((code, start, end, lo, hi))
        return line

    def refresh(self) -> None:
        cfg = settings(self.desk)
        for code, start, end, lo, hi in self.slot_rows:
            s = cfg.slot(code)
            if s is not None:
                start.setTime(QTime(s.start.hour, s.start.minute))
                end.setTime(QTime(s.end.hour, s.end.minute))
                lo.setValue(s.min_staff)
                hi.setValue(s.max_staff)
        for key, text in self.texts.items():
            text.setText(str(getattr(cfg, key)))
        for key, editor in self.lines.items():
            editor.setPlainText(str(getattr(cfg, key)))
        for key, spin in self.spins.items():
            spin.setValue(int(getattr(cfg, key)))
        for key, combo in self.choices.items():
            combo.setCurrentIndex(max(0, combo.findData(getattr(cfg, key))))
        for key, check in self.checks.items():
            check.setChecked(bool(getattr(cfg, key)))
        self.show_closures()

    # calendar -----------------------------------------------------------------------------
    def import_csv(self, path: str | None = None) -> None:
        path = path or common.choose_open_file(
            self, self.tr("DGPA calendar CSV"), self.tr("CSV files (*.csv);;All files (*)")
        )
        if not path:
            return
        try:
            report = calendar.import_dgpa_file(self.desk, Path(path))
        except (FrontdeskError, OSError) as exc:
            self.banner.error(
                self.tr("The file was not imported; nothing changed. {why}").format(
                    why=describe_error(exc)
                )
            )
            return
        if not report.changed:
            self.banner.info(
                self.tr("The calendar of {year} is already imported as in this file.").format(
                    year=report.year
                )
            )
            return
        self.banner.ok(
            self.tr("Calendar of {year} imported: {days} days, {off} days off.").format(
                year=report.year, days=report.days, off=report.off_days
            )
        )
        self.show_closures()

    def close_selected(self) -> None:
        day = pydate(self.close_day.date())
        slot = self.close_slot.currentData()
        if self.close_reason.text().strip() and not self._closing_confirmed(day, slot):
            self.banner.info(self.tr("Nothing was changed."))
            return
        ok, _ = attempt(self.banner, calendar.close, self.desk, day, slot, self.close_reason.text())
        if ok:
            what = self.tr("the whole day") if slot is None else slot_short(slot)
            self.banner.ok(
                self.tr("{day}: {what} closed. Its duties are cancelled; nobody is absent.").format(
                    day=format_roc_date(day), what=what
                )
            )
            self.show_closures()

    def _closing_confirmed(self, day: date, slot: str | None) -> bool:
        """Closing cancels every duty of the day (or half day): say how many, and ask."""
        cells = roster.month_view(self.desk, day.year, day.month).cells
        duties = sum(
            len(people)
            for shift, people in cells.items()
            if shift.day == day and (slot is None or shift.slot == slot)
        )
        what = self.tr("the whole day") if slot is None else slot_short(slot)
        question = self.tr(
            "Close {day} ({what})? Its {n} rostered duties are cancelled and nobody is "
            "counted absent, until the day is opened again."
        ).format(day=format_roc_date(day), what=what, n=duties)
        here = [
            r
            for r in workspace.attendance_day(self.desk, day)
            if r.in_at is not None and r.out_at is None and (slot is None or r.slot == slot)
        ]
        if here:
            question += "\n\n" + self.tr(
                "On duty right now: {names}. They are not signed out; the time they serve is "
                "kept and put up for review. Tell them the desk is closing."
            ).format(names="、".join(f"{r.code} {r.name}" for r in here))
        return common.confirm(self, self.tr("Please confirm"), question)

    def reopen_selected(self) -> None:
        day = pydate(self.close_day.date())
        slot = self.close_slot.currentData()
        ok, removed = attempt(self.banner, calendar.reopen, self.desk, day, slot)
        if ok:
            if removed:
                self.banner.ok(self.tr("{day} is open again.").format(day=format_roc_date(day)))
            else:
                self.banner.info(self.tr("{day} was not closed.").format(day=format_roc_date(day)))
            self.show_closures()

    def show_closures(self) -> None:
        """The state of the chosen day and closures in the coming weeks."""
        day = pydate(self.close_day.date())
        info = calendar.day(self.desk, day)
        state = day_kind(info) or self.tr("Ordinary working day")
        if info.closed_slots:
            state += " · " + self.tr("closed: {slots}").format(
                slots="、".join(slot_short(s) for s in sorted(info.closed_slots))
            )
        lines = [f"{format_roc_date(day)}: {state}"]
        start = local_day(self.desk.now())
        cal = calendar.calendar(self.desk, start, start + timedelta(days=60))
        upcoming = []
        for i in range(61):
            d = start + timedelta(days=i)
            di = cal.day(d)
            if di.kind is DayKind.CLOSED or di.closed_slots:
                upcoming.append(
                    f"{format_roc_date(d)} {day_kind(di) if di.kind is DayKind.CLOSED else '、'.join(slot_short(s) for s in sorted(di.closed_slots))}"
                )
        if upcoming:
            lines.append(
                self.tr("Closures in the next two months: {list}").format(list="；".join(upcoming))
            )
        self.closures.setText("\n".join(lines))

    # settings -------------------------------------------------------------------------------
    def changes(self) -> dict[str, str]:
        cfg = settings(self.desk)
        slots = []
        for code, start, end, lo, hi in self.slot_rows:
            st, en = start.time(), end.time()
            slots.append(
                SlotDef(
                    code,
                    time(st.hour(), st.minute()),
                    time(en.hour(), en.minute()),
                    lo.value(),
                    hi.value(),
                )
            )
        wanted = {
            "slots": format_slots(tuple(slots)),
            **{k: t.text() for k, t in self.texts.items()},
            **{k: desk_texts.clean_lines(e.toPlainText()) for k, e in self.lines.items()},
            **{k: str(c.currentData()) for k, c in self.choices.items()},
            **{k: "true" if c.isChecked() else "false" for k, c in self.checks.items()},
            **{k: str(s.value()) for k, s in self.spins.items()},
        }
        current = settings_to_rows(cfg)
        return {k: v for k, v in wanted.items() if current.get(k) != v}

    def reason_words(self, reason: str) -> str:
        """The core's reason for refusing a setting, in the screen's language."""
        m = re.search(r"between (\d+) and (\d+)", reason)
        if m:
            return self.tr("must be between {lo} and {hi}.").format(lo=m[1], hi=m[2])
        if "ends before it starts" in reason:
            return self.tr("a duty must end after it starts.")
        if "overlap" in reason:
            return self.tr("the morning and afternoon duties overlap.")
        if "staffing bounds" in reason:
            return self.tr("the minimum must not be more than the maximum.")
        m = re.search(r"must be (\d+) to (\d+) characters", reason)
        if m:
            return self.tr("must be {lo} to {hi} characters.").format(lo=m[1], hi=m[2])
        m = re.search(r"at most (\d+) lines", reason)
        if m:
            return self.tr("must be at most {count} lines.").format(count=m[1])
        return reason + "."

    def refuse(self, field: str, reason: str) -> None:
        """Name the field and why its value cannot be used; nothing is saved."""
        self.banner.error(
            self.tr("{field}: {why} Nothing was saved.").format(
                field=self.labels.get(field, field), why=self.reason_words(reason)
            )
        )

    # leaving with unsaved edits (ui.widgets.leaving.HoldsEdits) ------------------------------
    def has_unsaved_edits(self) -> bool:
        return bool(self.changes())

    def save_edits(self) -> bool:
        self.save_settings()
        return not self.changes()

    def discard_edits(self) -> None:
        self.refresh()

    def save_settings(self) -> None:
        """Save what the form changed, after listing each change (old → new) and asking:
        a value changes only when the person means it (a wheel turn once changed one)."""
        changes = self.changes()
        if not changes:
            self.banner.info(self.tr("Nothing changed."))
            return
        try:
            parse_settings({**settings_to_rows(settings(self.desk)), **changes})
        except SettingError as exc:
            self.refuse(exc.key, exc.reason)
            return
        listed = "\n".join(f"• {line}" for line in describe_changes(settings(self.desk), changes))
        if not common.confirm(
            self,
            self.tr("Save the settings?"),
            self.tr("These settings change:\n{changes}\n\nSave them?").format(changes=listed),
        ):
            self.banner.info(self.tr("Nothing was saved."))
            return
        try:
            setup.update_settings(self.desk, changes)
        except InvalidInput as exc:
            self.refuse(str(exc.facts.get("field") or ""), str(exc.facts.get("reason") or exc))
            return
        except FrontdeskError as exc:
            self.banner.error(describe_error(exc))
            return
        self.banner.ok(self.tr("Settings saved."))
        self.refresh()
