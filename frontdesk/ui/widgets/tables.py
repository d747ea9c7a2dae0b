"""Tables as wide as their place: no column cut off at the right edge, no heading cut short.

The workspace must fit a 1366x768 screen. A table whose columns all fit their contents
runs past its right edge as soon as one text is long (a reason, a list of names), and a
fixed column width cuts a longer heading ("值班人數／最少人數"). Here the short columns fit
their contents, and the columns of long text share what is left, each at least as wide as
its heading, and wrap; or, in a table of many rows (elide=True), stay on one line cut with
"…", every row the same height. Either way a cell whose text does not show whole shows it
whole as its tooltip (unless the model gives a tooltip of its own).
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QHeaderView, QTableView, QToolTip

MIN_COLUMN = 24  # px: the narrowest column ("#")
HEADING_PADDING = 10  # px around a heading's text: the header's margins (4 + 4) and 2 to spare
CELL_PADDING = 8  # px: a cell's margins around its text (3 + 3) and 2 to spare
ROW_PADDING = 10  # px above and below one line of text in a one-line (elided) row


class ColumnFit(QObject):
    """Keeps `view`'s columns inside its width (see the module's docstring); call `fit()`
    after new rows, it runs by itself when the view is resized. The width left over goes to
    the `grow` columns (by default every wrapped one) in equal parts. With `elide` the long
    columns are cut to one line and the rows are one line high each."""

    def __init__(
        self,
        view: QTableView,
        wrapped: Sequence[int],
        grow: Sequence[int] | None = None,
        *,
        elide: bool = False,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.wrapped = tuple(wrapped)
        self.grow = tuple(grow) if grow is not None else self.wrapped
        self.elide = elide
        view.setWordWrap(not elide)
        if elide:
            view.setTextElideMode(Qt.TextElideMode.ElideRight)
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(MIN_COLUMN)  # the style's minimum would widen short headings
        # The viewport's own resize: the view's comes before the viewport has its new width.
        self.viewport = view.viewport()
        self.viewport.installEventFilter(self)
        model = view.model()
        if model is not None:  # new rows, or fewer: the long columns share the width anew
            model.modelReset.connect(self.fit)
            model.layoutChanged.connect(self.fit)
            model.rowsInserted.connect(self.fit)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # While the view is being torn down its viewport may still be resized: nothing to fit.
        if watched is not self.viewport or not shiboken6.isValid(self.view):
            return False
        if event.type() == QEvent.Type.Resize:
            self.fit()
        elif event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.cut_text(self.view.indexAt(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport)
                return True
        return False

    def cut_text(self, index: QModelIndex) -> str:
        """The whole text of the cell at `index` when the cell shows only part of it (cut
        with "…", or a second line in a one-line row) and the model has no tooltip of its
        own for it; "" otherwise."""
        if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
            return ""
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        lines = text.splitlines()
        if not lines:
            return ""
        metrics = self.view.fontMetrics()
        wide = max(metrics.horizontalAdvance(line) for line in lines) + CELL_PADDING
        if wide <= self.view.visualRect(index).width() and (len(lines) == 1 or not self.elide):
            return ""
        return text

    def heading_width(self, column: int) -> int:
        """The width the heading of `column` needs to show whole."""
        model = self.view.model()
        text = (
            str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            if model is not None
            else ""
        )
        metrics = self.view.horizontalHeader().fontMetrics()
        widest = max((metrics.horizontalAdvance(line) for line in text.splitlines()), default=0)
        return widest + HEADING_PADDING

    def fit(self) -> None:
        """Short columns to their contents; the wrapped ones share the rest of the width."""
        if not shiboken6.isValid(self.view):  # a model's last signals while the view goes
            return
        model = self.view.model()
        if model is None:
            return
        header = self.view.horizontalHeader()
        columns = range(model.columnCount())
        for column in columns:
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Interactive
                if column in self.wrapped
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        header.resizeSections()  # the short columns take their contents' width now
        fixed = sum(header.sectionSize(c) for c in columns if c not in self.wrapped)
        needs = {c: self.heading_width(c) for c in self.wrapped if c in columns}
        extra = max(0, self.view.viewport().width() - fixed - sum(needs.values()))
        growing = [c for c in needs if c in self.grow] or list(needs)
        # What each growing column would take to show its longest text on one line, beyond
        # its heading. The extra width is shared the fair way: a column wanting less than an
        # equal part gets what it wants (a short subject shows whole), the longest texts
        # share the rest; what no column wants is shared in equal parts.
        wants = {c: max(0, self.view.sizeHintForColumn(c) - needs[c]) for c in growing}
        shares: dict[int, int] = {}
        remaining = extra
        for i, column in enumerate(sorted(growing, key=lambda c: wants[c])):
            shares[column] = min(wants[column], remaining // (len(growing) - i))
            remaining -= shares[column]
        for column in growing:
            shares[column] += remaining // len(growing)
        for column, need in needs.items():
            share = shares.get(column, 0)
            header.resizeSection(column, need + share)
        if self.elide:
            # One line of the view's text as it is now (a style sheet sets the size late).
            rows = self.view.verticalHeader()
            rows.setMinimumSectionSize(0)
            rows.setDefaultSectionSize(self.view.fontMetrics().height() + ROW_PADDING)
        else:
            self.view.resizeRowsToContents()
