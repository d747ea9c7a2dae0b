"""The shipped Traditional Chinese catalogue is complete and is what the kiosk shows."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from frontdesk import i18n
from frontdesk.app import FirstStartDialog

TS = i18n.resource("i18n", "frontdesk_zh_TW.ts")
QM = i18n.resource("i18n", "frontdesk_zh_TW.qm")


def test_catalogue_has_no_unfinished_or_empty_translation() -> None:
    root = ET.parse(TS).getroot()
    messages = root.findall("context/message")
    assert len(messages) > 100
    unfinished = [
        (m.findtext("source"), m.find("translation").get("type"))  # type: ignore[union-attr]
        for m in messages
        if m.find("translation") is None
        or m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")  # type: ignore[union-attr]
        or not (m.findtext("translation") or "").strip()
    ]
    assert unfinished == []


def test_translations_use_only_known_placeholders() -> None:
    """A field the source does not fill would raise KeyError in str.format on screen."""
    import re

    field = re.compile(r"\{(\w+)(?::[^}]*)?\}")
    root = ET.parse(TS).getroot()
    for m in root.findall("context/message"):
        source = set(field.findall(m.findtext("source") or ""))
        target = set(field.findall(m.findtext("translation") or ""))
        assert target <= source, m.findtext("source")


def test_compiled_catalogue_is_shipped_and_current() -> None:
    assert QM.is_file() and QM.stat().st_size > 1000
    assert QM.stat().st_mtime >= TS.stat().st_mtime - 5


def test_chinese_by_default_and_english_as_a_setting(qapp: QApplication) -> None:
    assert i18n.install(i18n.DEFAULT_LANGUAGE)
    assert QCoreApplication.translate("Kiosk", "Signed in") == "簽到成功"
    dialog = FirstStartDialog()
    assert dialog.windowTitle() == "第一次使用"
    assert i18n.install("en")
    assert QCoreApplication.translate("Kiosk", "Signed in") == "Signed in"


def test_resources_found_inside_a_bundle(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sys

    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert i18n.resources_dir() == tmp_path / "resources"
