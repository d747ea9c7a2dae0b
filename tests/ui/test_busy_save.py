"""A save while another writer keeps the database busy ends in a sentence, never in
nothing (issue: the dialog stayed open, no message, the traceback only in the log)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QDialog

from frontdesk import i18n
from frontdesk.services import workspace
from frontdesk.services.context import Desk
from frontdesk.store import db as db_module
from frontdesk.store.db import Database
from frontdesk.ui.supervisor.volunteer_form import VolunteerDialog
from tests.ui.supervisor_fixtures import *  # noqa: F403  (fixtures)


@pytest.fixture
def impatient(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    """The desk on a connection that waits 0.3 s for other writers instead of 15 s."""
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    quick = Database(desk.db.url)
    yield replace(desk, db=quick)
    quick.dispose()


def _hold_write_lock(desk: Desk) -> sqlite3.Connection:
    """Another program in the middle of a write transaction on the same file."""
    assert desk.db.path is not None
    other = sqlite3.connect(desk.db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


@pytest.mark.parametrize("language", ["en", "zh_TW"])
def test_a_save_while_the_database_is_busy_says_so(qtbot, impatient: Desk, language: str) -> None:
    i18n.install(language)
    try:
        dialog = VolunteerDialog(impatient)
        qtbot.addWidget(dialog)
        dialog.code.setText("V100")
        dialog.name.setText("林美華")
        holder = _hold_write_lock(impatient)
        try:
            dialog.save()  # raised a driver error that reached no one
        finally:
            holder.rollback()
            holder.close()
        said = dialog.banner.text()
        assert not dialog.banner.isHidden() and dialog.result() != QDialog.DialogCode.Accepted
        if language == "en":
            assert "busy" in said and "nothing was saved" in said
        else:
            assert "資料庫" in said and "沒有儲存" in said
        assert workspace.volunteer_choices(impatient, include_inactive=True) == []
        dialog.save()  # free again: the same dialog saves
        assert dialog.result() == QDialog.DialogCode.Accepted
    finally:
        i18n.install("en")
