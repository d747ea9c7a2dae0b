"""關於 names both places a supervisor or IT may need, the data folder and the backups
folder (it named only one), and opens each."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from frontdesk.services.context import Desk
from frontdesk.ui.supervisor import SupervisorWindow
from frontdesk.ui.supervisor import window as window_module
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)


def test_about_shows_the_data_and_the_backups_folder_and_opens_each(
    qtbot: QtBot, desk: Desk, boss: str, zh: None, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = SupervisorWindow(desk, "boss", "王督導")
    qtbot.addWidget(window)
    assert desk.db.path is not None
    backups = desk.db.path.absolute().parent / "backups"
    text = window.about_text()
    assert os.environ["FRONTDESK_HOME"] in text and "資料夾" in text
    assert str(backups) in text and "備份" in text
    opened: list[Path] = []
    monkeypatch.setattr(window_module, "open_folder", lambda f: opened.append(f) or True)
    box = window.about_box()
    qtbot.addWidget(box)
    box.show()
    buttons = {b.text(): b for b in box.buttons()}
    assert {"開啟資料夾", "開啟備份資料夾", "關閉"} <= set(buttons), list(buttons)
    buttons["開啟備份資料夾"].click()
    buttons["開啟資料夾"].click()
    assert opened == [backups, Path(os.environ["FRONTDESK_HOME"])]
    assert box.isVisible()  # opening a folder leaves the box open
    buttons["關閉"].click()
    assert not box.isVisible()
    assert box.icon() is QMessageBox.Icon.Information


def test_opening_a_folder_makes_it_first(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    urls: list[str] = []
    monkeypatch.setattr(
        window_module.QDesktopServices,
        "openUrl",
        lambda url: urls.append(url.toLocalFile()) or True,
    )
    folder = tmp_path / "data" / "backups"
    assert window_module.open_folder(folder)
    assert folder.is_dir() and urls == [str(folder)]
