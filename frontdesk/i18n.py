"""Translations: the app's own .qm for the language setting plus Qt's own strings."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

DEFAULT_LANGUAGE = "zh_TW"
APP_CATALOG = "frontdesk"


def resources_dir() -> Path:
    """The `resources/` folder, from a source tree or from inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def qt_translations_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidate = Path(bundle) / "PySide6" / "translations"
        if candidate.is_dir():
            return candidate
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


_installed: list[QTranslator] = []
_language: list[str] = []  # the language last installed, while one is


def installed_language() -> str | None:
    """The language last given to install(), or None when none is installed."""
    return _language[0] if _language else None


def uninstall() -> None:
    """Remove the translators install() put in: back to the English source text."""
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    _language.clear()
    QLocale.setDefault(QLocale.system())


def install(language: str | None = DEFAULT_LANGUAGE) -> bool:
    """Load and install the translators for `language`; replaces any installed before.

    English is the source language: it needs no catalogue. Returns True when the app's
    own catalogue was loaded (or none was needed).
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing translations")
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    language = language or DEFAULT_LANGUAGE
    _language[:] = [language]
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return True
    ok = True
    own = QTranslator(app)
    if own.load(f"{APP_CATALOG}_{language}", str(resource("i18n"))):
        QCoreApplication.installTranslator(own)
        _installed.append(own)
    else:
        ok = False
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", str(qt_translations_dir())):
        QCoreApplication.installTranslator(qt)
        _installed.append(qt)
    return ok
