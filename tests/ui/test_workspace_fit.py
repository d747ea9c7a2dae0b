"""The workspace with the demo's month at 1366x768 (and 1920x1080), page by page and tab by
tab, as a supervisor would read it: no table needs sideways scrolling (更正紀錄, 對象/內容 and
語言 needed it), and no date is written without its year (12月11日（星期五） on the swaps
page and in attendance)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTableView, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from frontdesk.core.timeutil import at
from frontdesk.services.context import Desk
from frontdesk.services.demo import SUPERVISOR_USER, build_demo
from frontdesk.store.db import Database
from frontdesk.ui.supervisor import SupervisorWindow
from frontdesk.ui.widgets.tables import ColumnFit

TODAY = date(2026, 12, 1)
NOW = at(TODAY, time(10, 0))
SIZES = [(1366, 768), (1920, 1080)]
# 12月11日 not preceded by a year (115年12月11日) nor written as 民國115年12月.
MONTH_DAY_WITHOUT_YEAR = re.compile(r"(?<![年\d])\d{1,2}月\d{1,2}日")


@pytest.fixture
def demo_desk(sqlite_db: Database) -> Desk:
    build_demo(sqlite_db, today=TODAY, now=NOW)
    return Desk(sqlite_db, 1, actor=f"supervisor:{SUPERVISOR_USER}", clock=lambda: NOW)


def _views(window: SupervisorWindow) -> Iterator[tuple[str, QWidget]]:
    """Every page, and every tab of a page with tabs, shown in turn."""
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        page = window.stack.currentWidget()
        name = window.nav.item(row).text()
        tabs = page.findChildren(QTabWidget)
        if not tabs:
            QApplication.processEvents()
            yield name, page
        for tab in tabs:
            for index in range(tab.count()):
                tab.setCurrentIndex(index)
                QApplication.processEvents()
                yield f"{name} / {tab.tabText(index)}", page


def _words(text: str) -> str:
    return re.sub(r"[\s；]", "", text)


def _texts(page: QWidget) -> Iterator[str]:
    for label in page.findChildren(QLabel):
        if label.isVisible():
            yield label.text()
    for view in page.findChildren(QTableView):
        model = view.model()
        if not view.isVisible() or model is None:
            continue
        for r in range(min(model.rowCount(), 50)):
            for c in range(model.columnCount()):
                yield str(model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole) or "")


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_no_workspace_table_needs_sideways_scrolling(
    qtbot: QtBot, demo_desk: Desk, zh: None, width: int, height: int
) -> None:
    window = SupervisorWindow(demo_desk, SUPERVISOR_USER, "志工督導")
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    wide = []
    for name, page in _views(window):
        for view in page.findChildren(QTableView):
            model = view.model()
            if not view.isVisible() or model is None or not model.columnCount():
                continue
            used = sum(
                view.columnWidth(c)
                for c in range(model.columnCount())
                if not view.isColumnHidden(c)
            )
            if used > view.viewport().width() or view.horizontalScrollBar().maximum() > 0:
                wide.append((name, type(model).__name__, used, view.viewport().width()))
    assert not wide


def test_every_date_a_supervisor_reads_carries_its_year(
    qtbot: QtBot, demo_desk: Desk, zh: None
) -> None:
    window = SupervisorWindow(demo_desk, SUPERVISOR_USER, "志工督導")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.swaps.inbox.selectRow(0)
    found = [
        (name, text)
        for name, page in _views(window)
        for text in _texts(page)
        if MONTH_DAY_WITHOUT_YEAR.search(text)
    ]
    seen = " ".join(text for _name, page in _views(window) for text in _texts(page))
    assert "115年12月" in seen  # the swaps of the demo's month are there, with their year
    assert not found


def test_long_texts_are_one_line_with_the_whole_text_as_tooltip_and_rows_are_even(
    qtbot: QtBot, demo_desk: Desk, zh: None
) -> None:
    """A cell too narrow for its text shows it whole as its tooltip; the tables of many rows
    (swap history, audit log, volunteers, attendance) have rows of one height, one line
    each (the swap history's rows were two and three lines tall)."""
    window = SupervisorWindow(demo_desk, SUPERVISOR_USER, "志工督導")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    cut = 0
    tall = []
    for name, page in _views(window):
        for view in page.findChildren(QTableView):
            fits = view.findChildren(ColumnFit)
            model = view.model()
            if not view.isVisible() or model is None or not fits or not fits[0].elide:
                continue
            heights = {view.rowHeight(r) for r in range(model.rowCount())}
            if len(heights) > 1 or max(heights, default=0) > 2 * view.fontMetrics().height():
                tall.append((name, type(model).__name__, heights))
            metrics = view.fontMetrics()
            for r in range(min(model.rowCount(), 40)):
                for c in range(model.columnCount()):
                    index = model.index(r, c)
                    text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
                    if metrics.horizontalAdvance(text) + 2 <= view.columnWidth(c):
                        continue
                    cut += 1
                    tip = index.data(Qt.ItemDataRole.ToolTipRole) or fits[0].cut_text(index)
                    # The same words, perhaps one part a line (the audit log's details).
                    assert tip and _words(text) in _words(tip), (name, c, text, tip)
    assert not tall
    assert cut > 0  # the demo has long languages, audit contents and swap reasons
