"""The shipped Traditional Chinese catalogue is complete and is what the kiosk shows."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from frontdesk import i18n
from frontdesk.store.db import Database

TS = i18n.resource("i18n", "frontdesk_zh_TW.ts")
QM = i18n.resource("i18n", "frontdesk_zh_TW.qm")


def _translated(message: ET.Element) -> bool:
    """A translation with text; a plural one ("%n ...") has it in each numerusform."""
    translation = message.find("translation")
    if translation is None:
        return False
    forms = translation.findall("numerusform")
    if message.get("numerus") == "yes":
        return bool(forms) and all((f.text or "").strip() for f in forms)
    return bool((translation.text or "").strip())


def test_catalogue_has_no_unfinished_or_empty_translation() -> None:
    root = ET.parse(TS).getroot()
    messages = root.findall("context/message")
    assert len(messages) > 100
    unfinished = [
        (m.findtext("source"), m.find("translation").get("type"))  # type: ignore[union-attr]
        for m in messages
        if m.find("translation") is None
        or m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")  # type: ignore[union-attr]
        or not _translated(m)
    ]
    assert unfinished == []


def _entries(path: Path) -> set[tuple[str, str, str]]:
    root = ET.parse(path).getroot()
    return {
        (c.findtext("name") or "", m.findtext("source") or "", m.findtext("comment") or "")
        for c in root.findall("context")
        for m in c.findall("message")
    }


def _lupdate() -> str:
    found = shutil.which("pyside6-lupdate")
    if found is None:  # a venv without its scripts on PATH: the tool ships inside PySide6
        import PySide6

        found = str(Path(PySide6.__file__).parent / "lupdate")
    return found


def test_catalogue_holds_exactly_the_strings_of_the_sources(tmp_path: Path) -> None:
    """A string in the code but not in the .ts is shown in English: lupdate must agree.

    Runs pyside6-lupdate over frontdesk/ (as tools/i18n.py does) into a scratch file and
    compares (context, source) with the committed catalogue: a string the tool cannot see
    (a wrapper, a variable) is caught by review, one it sees but nobody translated is
    caught here. Fix with `python tools/i18n.py`, then translate.
    """
    root = Path(__file__).resolve().parents[2]
    sources = sorted(str(p.relative_to(root)) for p in (root / "frontdesk").rglob("*.py"))
    scratch = tmp_path / "frontdesk_zh_TW.ts"
    options = ["-no-obsolete", "-locations", "none", "-target-language", "zh_TW"]
    done = subprocess.run(
        [_lupdate(), *sources, *options, "-ts", str(scratch)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    in_code, in_catalogue = _entries(scratch), _entries(TS)
    assert sorted(in_code - in_catalogue) == [], "not in the .ts: run python tools/i18n.py"
    assert sorted(in_catalogue - in_code) == [], "stale in the .ts: run python tools/i18n.py"


def test_every_translate_call_has_literal_text() -> None:
    """lupdate reads only literal strings: a wrapper like `_t(text)` or `tr(f"...")` hides
    its words from the catalogue and the desk shows them in English."""
    import ast

    root = Path(__file__).resolve().parents[2]
    hidden = []
    for path in sorted((root / "frontdesk").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            literal = {"translate": 2, "tr": 1}.get(node.func.attr)
            if literal is None:
                continue
            args = node.args[:literal]
            if len(args) < literal or not all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
            ):
                hidden.append(f"{path.relative_to(root)}:{node.lineno}")
    assert hidden == []


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


def test_chinese_by_default_and_english_as_a_setting(
    qapp: QApplication, sqlite_db: Database
) -> None:
    from frontdesk.ui.supervisor import FirstRunWizard

    assert i18n.install(i18n.DEFAULT_LANGUAGE)
    assert QCoreApplication.translate("Kiosk", "Signed in") == "簽到成功"
    wizard = FirstRunWizard(sqlite_db)  # a widget's own tr() finds its context too
    assert wizard.windowTitle() == "設定服務台"
    wizard.deleteLater()
    assert i18n.install("en")
    assert QCoreApplication.translate("Kiosk", "Signed in") == "Signed in"


def test_resources_found_inside_a_bundle(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sys

    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert i18n.resources_dir() == tmp_path / "resources"


KIOSK_CONTEXTS = {"Kiosk", "KioskWindow", "Swaps", "HomePage", "PinPage", "NumberPad"}
ENTER_SAID = "按鍵盤上的 Enter（確認）鍵"


def test_the_enter_key_is_named_as_a_volunteer_knows_it() -> None:
    """A kiosk sentence never says a bare English "Enter": the key is named where it is
    and what it does (按鍵盤上的 Enter（確認）鍵), the same in every sentence."""
    root = ET.parse(TS).getroot()
    said = [
        (m.findtext("translation") or "")
        for c in root.findall("context")
        if c.findtext("name") in KIOSK_CONTEXTS
        for m in c.findall("message")
        if "enter" in (m.findtext("translation") or "").lower()
    ]
    assert len(said) >= 2  # the home view's hint and the typed-number hint
    for text in said:
        rest = text.replace(ENTER_SAID, "")
        assert ENTER_SAID in text and "enter" not in rest.lower(), text
