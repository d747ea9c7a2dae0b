"""Tables as wide as their place: no column cut off at the right edge, no heading cut short.

The workspace must fit a 1366x768 screen. A table whose columns all fit their contents
runs past its right edge as soon as one text is long (a reason, a list of names), and a
fixed column width cuts a longer heading ("值班人數／最少人數"). Here the short columns fit
their contents, and the columns of long text share what is left, each at least as wide as
its heading, and wrap.
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

MIN_COLUMN = 24  # px: the narrowest column ("#")
HEADING_PADDING = 10  # px around a heading's text: the header's margins (4 + 4) and 2 to spare


class ColumnFit(QObject):
    """Keeps `view`'s columns inside its width (see the module's docstring); call `fit()`
    after new rows, it runs by itself when the view is resized. The width left over goes to
    the `grow` columns (by default every wrapped one) in equal parts."""

    def __init__(
        self, view: QTableView, wrapped: Sequence[int], grow: Sequence[int] | None = None
    ) -> None:
        super().__init__(view)
        self.view = view
        self.wrapped = tuple(wrapped)
        self.grow = tuple(grow) if grow is not None else self.wrapped
        view.setWordWrap(True)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(MIN_COLUMN)  # the style's minimum would widen short headings
        # The viewport's own resize: the view's comes before the viewport has its new width.
        self.viewport = view.viewport()
        self.viewport.installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # While the view is being torn down its viewport may still be resized: nothing to fit.
        if (
            event.type() == QEvent.Type.Resize
            and watched is self.viewport
            and shiboken6.isValid(self.view)
        ):
            self.fit()
        return False

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
        # its heading: the extra width is shared in those proportions, the rest in equal parts.
        wants = {c: max(0, self.view.sizeHintForColumn(c) - needs[c]) for c in growing}
        wanted = sum(wants.values())
        ratio = min(1.0, extra / wanted) if wanted else 0.0
        rest = extra - sum(int(w * ratio) for w in wants.values())
        for column, need in needs.items():
            share = int(wants[column] * ratio) + rest // len(growing) if column in growing else 0
            header.resizeSection(column, need + share)
        self.view.resizeRowsToContents()
