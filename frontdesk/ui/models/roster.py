"""The roster month: one row per day, a column per slot, cells coloured by coverage."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from frontdesk.core.calendar import DayInfo, DayKind
from frontdesk.core.roster import ShiftKey
from frontdesk.core.settings import SlotDef
from frontdesk.services.roster import CellEntry, MonthView
from frontdesk.ui.models.base import ROW_ROLE
from frontdesk.words.dates import roc_day
from frontdesk.words.labels import day_kind, slot_short, time_range

Index = QModelIndex | QPersistentModelIndex

SHIFT_ROLE = Qt.ItemDataRole.UserRole + 10  # the ShiftKey of a slot cell
STATE_ROLE = Qt.ItemDataRole.UserRole + 11  # CellState value of a slot cell
ENTRIES_ROLE = Qt.ItemDataRole.UserRole + 12  # list[CellEntry] of a slot cell


class CellState(StrEnum):
    NO_DUTY = "no_duty"  # weekend, holiday, closed day or closed slot
    UNDER = "under"  # below the minimum
    AT_MINIMUM = "at_minimum"
    FULL = "full"  # at or above the maximum (or between minimum and maximum)


COLOURS = {
    CellState.NO_DUTY: "#e4e4e4",
    CellState.UNDER: "#f8c9c4",
    CellState.AT_MINIMUM: "#fbe8a6",
    CellState.FULL: "#cdebc5",
}
DAY_COLOURS = {
    DayKind.WEEKEND: "#eeeeee",
    DayKind.HOLIDAY: "#f3dede",
    DayKind.MAKEUP_WORKDAY: "#dde8f7",
    DayKind.CLOSED: "#e6d6ef",
    DayKind.MANUAL_CLOSED: "#e6d6ef",
    DayKind.MANUAL_OPEN: "#dde8f7",
}


@dataclass(frozen=True, slots=True)
class _Cell:
    shift: ShiftKey
    entries: tuple[CellEntry, ...]
    state: CellState
    text: str
    tip: str


class RosterMonthModel(QAbstractTableModel):
    """Column DAY shows the ROC date, weekday and kind of day; then one column per slot."""

    DAY = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._days: list[DayInfo] = []
        self._slots: tuple[SlotDef, ...] = ()
        self._cells: list[list[_Cell]] = []
        self._day_text: list[str] = []
        self.view: MonthView | None = None

    # loading ----------------------------------------------------------------------------
    def set_month(self, view: MonthView) -> None:
        self.beginResetModel()
        self.view = view
        self._days = list(view.days)
        self._slots = view.settings.slots
        self._day_text = []
        self._cells = []
        swap_mark = QCoreApplication.translate("RosterMonthModel", " ⇄")
        for info in self._days:
            kind = day_kind(info)
            self._day_text.append(f"{roc_day(info.day)}\n{kind}" if kind else roc_day(info.day))
            row = []
            for slot in self._slots:
                shift = ShiftKey(info.day, slot.code)
                entries = tuple(view.cells.get(shift, ()))
                row.append(self._cell(info, slot, shift, entries, swap_mark))
            self._cells.append(row)
        self.endResetModel()

    def _cell(
        self,
        info: DayInfo,
        slot: SlotDef,
        shift: ShiftKey,
        entries: tuple[CellEntry, ...],
        swap_mark: str,
    ) -> _Cell:
        names = [e.name + (swap_mark if e.source == "swap" else "") for e in entries]
        count = len(entries)
        if not info.slot_open(slot.code):
            state = CellState.NO_DUTY
            if info.is_duty_day:  # one slot closed
                reason = info.label or QCoreApplication.translate("RosterMonthModel", "closed")
                head = QCoreApplication.translate("RosterMonthModel", "Closed: {reason}").format(
                    reason=reason
                )
            elif info.kind is DayKind.WEEKEND:
                head = ""
            else:
                head = day_kind(info)
            text = "\n".join([head, *names]) if head else "\n".join(names)
        else:
            if count < slot.min_staff:
                state = CellState.UNDER
            elif count == slot.min_staff and count < slot.max_staff:
                state = CellState.AT_MINIMUM
            else:
                state = CellState.FULL
            text = (
                "\n".join(names)
                if names
                else QCoreApplication.translate("RosterMonthModel", "(nobody yet)")
            )
        tip = QCoreApplication.translate(
            "RosterMonthModel",
            "{slot} {hours}: {count} on duty (minimum {min}, maximum {max})",
        ).format(
            slot=slot_short(slot.code),
            hours=time_range(slot),
            count=count,
            min=slot.min_staff,
            max=slot.max_staff,
        )
        if any(e.source == "swap" for e in entries):
            tip += "\n" + QCoreApplication.translate("RosterMonthModel", "⇄ came from a swap")
        return _Cell(shift, entries, state, text, tip)

    # queries ----------------------------------------------------------------------------
    def slot_of_column(self, column: int) -> SlotDef | None:
        return self._slots[column - 1] if 1 <= column <= len(self._slots) else None

    def index_of(self, shift: ShiftKey) -> QModelIndex:
        for r, info in enumerate(self._days):
            if info.day == shift.day:
                for c, slot in enumerate(self._slots, start=1):
                    if slot.code == shift.slot:
                        return self.index(r, c)
        return QModelIndex()

    def cell_state(self, shift: ShiftKey) -> CellState | None:
        idx = self.index_of(shift)
        return self._cells[idx.row()][idx.column() - 1].state if idx.isValid() else None

    # the model ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._days)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self._slots)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if 0 <= section < len(self._days) else None
        if section == self.DAY:
            return QCoreApplication.translate("RosterMonthModel", "Date")
        slot = self.slot_of_column(section)
        if slot is None:
            return None
        return f"{slot_short(slot.code)}  {time_range(slot)}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if not (0 <= r < len(self._days) and 0 <= c <= len(self._slots)):
            return None
        info = self._days[r]
        if c == self.DAY:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._day_text[r]
            if role == Qt.ItemDataRole.BackgroundRole:
                colour = DAY_COLOURS.get(info.kind)
                if colour is None and info.closed_slots:
                    colour = DAY_COLOURS[DayKind.CLOSED]
                return QBrush(QColor(colour)) if colour else None
            if role == Qt.ItemDataRole.FontRole and not info.is_duty_day:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return day_kind(info) or None
            if role == ROW_ROLE:
                return info
            return None
        cell = self._cells[r][c - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COLOURS[cell.state]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tip
        if role == SHIFT_ROLE:
            return cell.shift
        if role == STATE_ROLE:
            return cell.state.value
        if role == ENTRIES_ROLE:
            return list(cell.entries)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
