"""The badge sheet prints the selected volunteers, the new ones or everyone (it printed all
29 with no choice)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel

from frontdesk.ui.supervisor.volunteers import VolunteersPage
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)


def select(page: VolunteersPage, *codes: str) -> None:
    page.table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for r in range(page.proxy.rowCount()):
        index = page.proxy.index(r, 0)
        if index.data() in codes:
            page.table.selectionModel().select(index, flags)


def test_badges_for_the_selected_the_new_or_everyone(  # type: ignore[no-untyped-def]
    qtbot, desk, clock, make_volunteer, tmp_path: Path, zh
) -> None:
    for code in ("V001", "V002", "V003", "V004", "V005"):
        make_volunteer(code)
    clock.now += timedelta(days=40)
    make_volunteer("V006")
    make_volunteer("V007")
    page = VolunteersPage(desk)
    qtbot.addWidget(page)
    page.refresh()

    page.name_badge_choices()
    choices = page.badge_choices
    assert not choices["selected"].isEnabled()  # nothing selected yet
    assert choices["new"].text() == "新志工：最近 30 天加入（2 位）"
    assert choices["all"].text() == "全部在職與見習志工（7 位）"

    select(page, "V001", "V003", "V006")
    assert page.selected_ids() and len(page.selected_ids()) == 3
    page.name_badge_choices()
    assert choices["selected"].isEnabled() and choices["selected"].text() == "所選的志工（3 位）"
    assert [e.code for e in page.badge_entries("selected")] == ["V001", "V003", "V006"]
    assert [e.code for e in page.badge_entries("new")] == ["V006", "V007"]

    page.badges(str(tmp_path / "selected.pdf"), scope="selected")
    assert (tmp_path / "selected.pdf").read_bytes().startswith(b"%PDF")
    assert page.banner.text().startswith("已將 3 張")
    page.badges(str(tmp_path / "new.pdf"), scope="new")
    assert page.banner.text().startswith("已將 2 張")
    page.table.clearSelection()
    page.badges(str(tmp_path / "none.pdf"), scope="selected")
    assert not (tmp_path / "none.pdf").exists()
    assert "請先選擇" in page.banner.text()
