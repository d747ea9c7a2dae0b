"""The kiosk's home view: today's roster as big name buttons (or why the desk is closed),
and the duty points, the phone script and the handover notes in tabs; the header above
every view (agency, date, clock, the supervisor's button) and the plain message view.
Layout only: taps are handed to the window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.board import Board, Note, SlotBoard
from frontdesk.core.settings import DeskSettings
from frontdesk.ui.kiosk.phone_rules import phone_rules
from frontdesk.ui.widgets import BadgeButton, BigButton, Card, wrap_label
from frontdesk.ui.widgets.common import WrapLabel
from frontdesk.words import kiosk as kiosk_words
from frontdesk.words.dates import clock
from frontdesk.words.labels import slot_title


class HomePage(QWidget):
    """Today's roster and the desk's information tabs."""

    tapped = Signal(object)  # the BoardEntry whose name was tapped
    note_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board: Board | None = None
        self.cfg: DeskSettings | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        self.roster_area = QStackedWidget()
        self.roster_area.addWidget(self._build_roster())
        closed = Card()
        self.closed_head = wrap_label(role="closedHead")
        self.closed_head.setObjectName("closedHead")
        self.closed_detail = wrap_label(role="closedDetail")
        self.closed_detail.setObjectName("closedDetail")
        closed.body.addStretch(1)
        for w in (self.closed_head, self.closed_detail):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            closed.body.addWidget(w)
        closed.body.addStretch(1)
        self.roster_area.addWidget(closed)
        row.addWidget(self.roster_area, 11)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("infoTabs")
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.tabBar().setExpanding(True)
        self.tabs.addTab(
            self._build_points(), QCoreApplication.translate("KioskWindow", "Duty points")
        )
        self.tabs.addTab(self._build_phone(), QCoreApplication.translate("KioskWindow", "Phone"))
        self.tabs.addTab(self._build_notes(), QCoreApplication.translate("KioskWindow", "Handover"))
        row.addWidget(self.tabs, 9)

    def _build_roster(self) -> QWidget:
        """The slots' cards in a scroll area, so a busy slot (walk-ins too) never squeezes
        its cards over one another nor cuts a name off; when they do not all fit, a line
        under them says there are more below."""
        panel = QWidget()
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        self.roster_scroll = QScrollArea()
        self.roster_scroll.setObjectName("rosterScroll")
        self.roster_scroll.setWidgetResizable(True)
        self.roster_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.roster_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.roster_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.roster_box = QWidget()
        self.roster_box.setObjectName("rosterBox")
        self.roster_layout = QVBoxLayout(self.roster_box)
        self.roster_layout.setContentsMargins(0, 0, 0, 0)
        self.roster_layout.setSpacing(10)
        self.roster_scroll.setWidget(self.roster_box)
        self.roster_box.installEventFilter(self)  # its height: see _fit_roster
        box.addWidget(self.roster_scroll, 1)
        self.more_hint = QLabel(
            QCoreApplication.translate("KioskWindow", "▼ More names below: scroll down")
        )
        self.more_hint.setObjectName("rosterMore")
        self.more_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.more_hint.setVisible(False)
        box.addWidget(self.more_hint)
        bar = self.roster_scroll.verticalScrollBar()
        bar.rangeChanged.connect(self._show_more_hint)
        bar.valueChanged.connect(self._show_more_hint)
        return panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.roster_box and event.type() in (
            QEvent.Type.LayoutRequest,
            QEvent.Type.Resize,
        ):
            self._fit_roster()
        return False

    def _fit_roster(self) -> None:
        """Keep the roster at least as tall as its cards need. The scroll area sizes its
        content by height-for-width (the wrapped titles), which leaves out the people's
        64 px buttons, so without this a busy slot's names were squeezed over each other."""
        layout = self.roster_layout
        items = [layout.itemAt(i) for i in range(layout.count())]
        shown = [w for w in (i.widget() for i in items if i is not None) if w is not None]
        need = sum(c.minimumSizeHint().height() for c in shown)
        need += layout.spacing() * max(0, len(shown) - 1)
        if self.roster_box.minimumHeight() != need:
            self.roster_box.setMinimumHeight(need)

    def _show_more_hint(self) -> None:
        """The 'more below' line, shown while names are hidden under the panel's bottom."""
        bar = self.roster_scroll.verticalScrollBar()
        self.more_hint.setVisible(bar.value() < bar.maximum())

    def _build_points(self) -> QWidget:
        w = QWidget()
        box = QVBoxLayout(w)
        box.setSpacing(6)
        self.points = wrap_label()
        self.points.setObjectName("dutyPoints")
        box.addWidget(self.points)
        box.addStretch(1)
        box.addWidget(wrap_label(kiosk_words.privacy_reminder(), role="notice"))
        return w

    def _build_phone(self) -> QWidget:
        w = QWidget()
        self.phone_grid = QGridLayout(w)
        self.phone_grid.setHorizontalSpacing(12)
        self.phone_grid.setVerticalSpacing(8)
        return w

    def _build_notes(self) -> QWidget:
        w = QWidget()
        box = QVBoxLayout(w)
        self.notes_label = wrap_label(role="script")
        self.notes_label.setObjectName("notes")
        self.notes_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.notes_label, 1)
        self.note_button = BigButton(
            QCoreApplication.translate("KioskWindow", "Write a handover note")
        )
        self.note_button.setObjectName("noteButton")
        self.note_button.clicked.connect(self.note_requested)
        box.addWidget(self.note_button)
        return w

    def show_board(self, board: Board, cfg: DeskSettings) -> None:
        """Today's roster (or why the desk is closed), the phone script and the notes."""
        self.board, self.cfg = board, cfg
        if board.is_duty_day:
            self._render_roster(board)
            self.roster_area.setCurrentIndex(0)
        else:
            head, detail = kiosk_words.closed_day(board.info)
            self.closed_head.setText(head)
            self.closed_detail.setText(detail)
            self.roster_area.setCurrentIndex(1)
        points = kiosk_words.duty_points(cfg.duty_points)
        self.points.setText("\n".join(f"{i}. {p}" for i, p in enumerate(points, 1)))
        self._render_phone(board.agency_name, cfg, board.phone_score)
        self._render_notes(board, cfg)

    def show_notes(self) -> None:
        self.tabs.setCurrentIndex(2)

    def _render_roster(self, board: Board) -> None:
        while self.roster_layout.count():
            item = self.roster_layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        for slot in board.slots:
            self.roster_layout.addWidget(self._slot_card(slot), 1)

    def _slot_card(self, slot: SlotBoard) -> Card:
        title = slot_title(slot.slot)
        if slot is (self.board.current if self.board else None):
            title = QCoreApplication.translate("KioskWindow", "{slot} (now)").format(slot=title)
        card = Card(title)
        warning = kiosk_words.staffing(slot)
        if warning:
            label = wrap_label(warning, role="warning")
            label.setObjectName("understaffed" if not slot.closed else "slotClosed")
            card.body.addWidget(label)
        for entry in slot.entries:
            text = f"{entry.name}　{kiosk_words.entry_state(entry, slot)}"
            b = BigButton(text, role="person")
            b.setProperty("present", entry.on_duty)
            b.setProperty("late", bool(entry.late_minutes) and entry.on_duty)
            b.setProperty("forgot", entry.forgot_sign_out)  # not green once the duty is over
            b.setAccessibleName(entry.name)
            b.clicked.connect(lambda _=False, e=entry: self.tapped.emit(e))
            card.body.addWidget(b)
        card.body.addStretch(1)
        return card

    def _render_phone(self, agency: str, cfg: DeskSettings, score: int | None = None) -> None:
        while self.phone_grid.count():
            item = self.phone_grid.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        script = kiosk_words.phone_script(cfg.phone_script, agency)
        for i, (head, line) in enumerate(script):
            h = wrap_label(head, role="scriptHead")
            h.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.phone_grid.addWidget(h, i, 0)
            self.phone_grid.addWidget(wrap_label(line, role="script"), i, 1)
        rows = len(script) + phone_rules(self.phone_grid, len(script), score)
        self.phone_grid.setColumnStretch(1, 1)
        self.phone_grid.setRowStretch(rows, 1)

    def _render_notes(self, board: Board, cfg: DeskSettings) -> None:
        if not board.notes:  # a new day: no count left from yesterday on the tab
            self.notes_label.setText(
                QCoreApplication.translate("KioskWindow", "No handover notes today.")
            )
            self.tabs.setTabText(2, QCoreApplication.translate("KioskWindow", "Handover"))
            return
        lines = []
        for n in board.notes[-4:]:
            slot = cfg.slot(n.slot)
            when = slot_title(slot).split(" ")[0] if slot else n.slot
            who = f" · {note_author(n)}"
            lines.append(f"【{when} {clock(n.created_at)}{who}】\n{n.body}")
        self.notes_label.setText("\n".join(lines))
        self.tabs.setTabText(
            2,
            QCoreApplication.translate("KioskWindow", "Handover ({count})").format(
                count=len(board.notes)
            ),
        )


def note_author(note: Note) -> str:
    """Who wrote a handover note, and as whom: 王小明（志工）, 王督導（督導）; a note
    written at the desk before its writer was asked says so (未具名（服務台）)."""
    if not note.author:
        return QCoreApplication.translate("KioskWindow", "Unnamed (desk)")
    if note.by_supervisor:
        return QCoreApplication.translate("KioskWindow", "{name} (supervisor)").format(
            name=note.author
        )
    return QCoreApplication.translate("KioskWindow", "{name} (volunteer)").format(name=note.author)


def show_today(
    header: KioskHeader,
    status: QLabel,
    home: HomePage,
    board: Board,
    cfg: DeskSettings,
    desk_name: str | None = None,
) -> None:
    """Today's `board` on the kiosk's header (agency and desk: `desk_name`, else the
    board's), its status line and its home view: how the kiosk draws it, and the starting
    screen its early board (frontdesk.app), so both are the same board."""
    header.agency.setText(f"{board.agency_name} {desk_name or board.desk_name}")
    if isinstance(status, StatusBanner):
        status.show_board(board)
    else:
        status.setText(kiosk_words.status_line(board))
    status.setProperty("closed", not board.is_duty_day)
    status.style().unpolish(status)
    status.style().polish(status)
    home.show_board(board, cfg)


class StatusBanner(WrapLabel):
    """The status line under the header (上午班 08:30–11:30 · 值班中：…), at most
    `MOST_LINES` lines high: it names as many of the people on duty as fit its width and
    counts the rest (words.kiosk.status_line), again whenever its width or type changes,
    so forty walk-ins never push the pages' headline and buttons off the screen."""

    MOST_LINES = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setProperty("role", "status")
        self.setObjectName("status")
        self.board: Board | None = None

    def show_board(self, board: Board) -> None:
        """Today's `board`'s status, fitted to the banner."""
        self.board = board
        self._fit()

    def _fits(self, text: str) -> bool:
        width = self.contentsRect().width() - 2 * self.margin() - 2 * self.indent()
        if width <= 0:
            return True  # not laid out yet: fitted again when it is
        fm = self.fontMetrics()
        need = fm.boundingRect(
            QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap.value, text
        ).height()
        return need <= self.MOST_LINES * fm.lineSpacing()

    def _fit(self) -> None:
        if self.board is not None:
            text = kiosk_words.status_line(self.board, self._fits)
            if text != self.text():
                self.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fitted again to the new width."""
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        """Fitted again when the type changes (the kiosk scales it with the screen)."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()


class KioskHeader(QWidget):
    """Agency and desk, today's date, the clock, and the 督導 button with its badge."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        header = QHBoxLayout(self)
        header.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        self.agency = QLabel()
        self.agency.setProperty("role", "agency")
        self.agency.setObjectName("agency")
        self.date = QLabel()
        self.date.setProperty("role", "date")
        self.date.setObjectName("date")
        left.addWidget(self.agency)
        left.addWidget(self.date)
        header.addLayout(left, 1)
        self.clock = QLabel()
        self.clock.setProperty("role", "clock")
        self.clock.setObjectName("clock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        header.addWidget(self.clock)
        header.addSpacing(24)
        self.supervisor_button = BadgeButton(
            QCoreApplication.translate("KioskWindow", "Supervisor"), role="supervisor", quiet=True
        )
        self.supervisor_button.setObjectName("supervisorButton")
        self.supervisor_button.setMinimumSize(170, 72)
        header.addWidget(self.supervisor_button)


class MessagePage(Card):
    """A message in big type and a way back."""

    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.message = wrap_label(role="detail")
        self.message.setObjectName("message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addStretch(1)
        self.body.addWidget(self.message)
        self.body.addStretch(1)
        back = BigButton(QCoreApplication.translate("KioskWindow", "Back"), role="primary")
        back.setMinimumWidth(220)
        back.clicked.connect(self.back)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(back)
        row.addStretch(1)
        self.body.addLayout(row)
