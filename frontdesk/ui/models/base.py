"""A read-only table model over a Python list, with column constants and translated headers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a value Qt compares natively (str, int, float)
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row object itself


class RowTableModel(QAbstractTableModel, Generic[T]):
    """Rows are plain objects; subclasses say how each column shows (cached per row)."""

    COLUMN_COUNT = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._text: list[list[str]] = []

    # what subclasses provide ------------------------------------------------------------
    def header(self, column: int) -> str:
        raise NotImplementedError

    def texts(self, row: T) -> list[str]:
        """The display text of every column of a row; computed once per reset."""
        raise NotImplementedError

    def sort_key(self, row: T, column: int, text: str) -> Any:
        return text

    def extra(self, row: T, column: int, role: int) -> Any:
        """Background, tooltip, alignment...: None when nothing special."""
        return None

    # the model ---------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._text = [self.texts(r) for r in self._rows]
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python on their sort keys: far cheaper than a proxy asking data()."""
        if not 0 <= column < self.COLUMN_COUNT or not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        keys = [
            self.sort_key(r, column, t[column]) for r, t in zip(self._rows, self._text, strict=True)
        ]
        order_ = sorted(
            range(len(self._rows)),
            key=lambda i: (keys[i] is None, keys[i]),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._permute(order_)
        self.layoutChanged.emit()

    def _permute(self, order: list[int]) -> None:
        """Reorder rows (new position -> old position) and move persistent indexes along."""
        new_of_old = {old: new for new, old in enumerate(order)}
        self._rows = [self._rows[i] for i in order]
        self._text = [self._text[i] for i in order]
        old = self.persistentIndexList()
        new = [self.index(new_of_old[i.row()], i.column()) if i.isValid() else i for i in old]
        self.changePersistentIndexList(old, new)

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.header(section) if 0 <= section < self.COLUMN_COUNT else None
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if not (0 <= r < len(self._rows) and 0 <= c < self.COLUMN_COUNT):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text[r][c]
        if role == SORT_ROLE:
            return self.sort_key(self._rows[r], c, self._text[r][c])
        if role == ROW_ROLE:
            return self._rows[r]
        return self.extra(self._rows[r], c, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
