"""`frontdesk --self-test`: prove this build has every module, data file and migration it needs.

Run from the frozen bundle (CI runs it after every build) or from a source tree
(`python -m frontdesk.selftest`). It works in a temporary folder and never touches the
desk's data: it migrates a new SQLite database, asks the calendar, hashes a password,
renders the kiosk offscreen, loads the translations and writes a small export. One line
per check; a missing module or data file is named. Exit 0 when every check passed. The
checks themselves are in frontdesk.selfchecks; this module runs them and prints the lines.

It speaks the command line's language: Traditional Chinese, English when the locale asks
(LANG=en_US.UTF-8, as `frontdesk --help` explains); module and file names stay as they are.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from frontdesk.selfchecks import (
    Broken,
    Context,
    application,
    check_audit,
    check_calendar,
    check_export,
    check_kiosk,
    check_look,
    check_migrations,
    check_modules,
    check_passwords,
    check_postgres_driver,
    check_qt,
    check_timezone,
    check_translations,
    check_version,
    frozen,
    reason_of,
)


class ErrorLog(logging.Handler):
    """Keeps the errors the app logs during a check: a logged error fails the check."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def first(self) -> str:
        record = self.records[0]
        text = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            text += f" ({reason_of(record.exc_info[1])})"
        return QCoreApplication.translate("selftest", "logged an error: {text}").format(text=text)


CHECKS: tuple[tuple[str, Callable[[Context], str], tuple[str, ...]], ...] = (
    ("version", check_version, ()),
    ("modules", check_modules, ()),
    ("postgresql driver", check_postgres_driver, ()),
    ("timezone data", check_timezone, ()),
    ("migrations", check_migrations, ()),
    ("calendar", check_calendar, ("migrations",)),
    ("passwords", check_passwords, ("migrations",)),
    ("audit chain", check_audit, ("migrations",)),
    ("qt", check_qt, ()),
    ("translations", check_translations, ("qt",)),
    ("stylesheet and icon", check_look, ("qt",)),
    ("kiosk render", check_kiosk, ("qt", "migrations")),
    ("export", check_export, ("migrations",)),
)


def _names() -> dict[str, str]:
    """Each check's name in the language of the run."""
    return {
        "version": QCoreApplication.translate("selftest", "version"),
        "modules": QCoreApplication.translate("selftest", "modules"),
        "postgresql driver": QCoreApplication.translate("selftest", "postgresql driver"),
        "timezone data": QCoreApplication.translate("selftest", "timezone data"),
        "migrations": QCoreApplication.translate("selftest", "migrations"),
        "calendar": QCoreApplication.translate("selftest", "calendar"),
        "passwords": QCoreApplication.translate("selftest", "passwords"),
        "audit chain": QCoreApplication.translate("selftest", "audit chain"),
        "qt": QCoreApplication.translate("selftest", "qt"),
        "translations": QCoreApplication.translate("selftest", "translations"),
        "stylesheet and icon": QCoreApplication.translate("selftest", "stylesheet and icon"),
        "kiosk render": QCoreApplication.translate("selftest", "kiosk render"),
        "export": QCoreApplication.translate("selftest", "export"),
    }


def _platform_for_qt() -> None:
    """Render offscreen when there is no screen (CI, a service account, ssh)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _out(line: str) -> None:
    stream = sys.stdout
    if stream is None:  # a windowed Windows exe has no console
        return
    try:
        print(line, file=stream, flush=True)
    except UnicodeEncodeError:  # a legacy console code page
        print(line.encode("ascii", "replace").decode("ascii"), file=stream, flush=True)
    except BrokenPipeError:  # piped into `head` and cut short: finish the checks quietly
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process


def run() -> int:
    """Run every check, print one line each, and return the exit code (0: all passed).

    The Qt application is made first, so every line is in the command line's language
    (frontdesk.cli.entry.cli_language); the language installed before comes back at the end.
    """
    from frontdesk import i18n
    from frontdesk.cli.entry import cli_language

    started = time.perf_counter()
    _platform_for_qt()
    application()
    before = i18n.installed_language()
    language = cli_language()
    i18n.install(language)
    try:
        return _run_checks(started, language)
    finally:
        if before is None:
            i18n.uninstall()
        else:
            i18n.install(before)


def _run_checks(started: float, language: str) -> int:
    """Run every check in a temporary folder (the desk's own data untouched) and print the
    heading, a line per check and the verdict; 0 when every check passed."""
    from frontdesk import __version__

    ctx = Context(folder=Path(tempfile.mkdtemp(prefix="frontdesk-selftest-")), language=language)
    mode = (
        QCoreApplication.translate("selftest", "frozen bundle")
        if frozen()
        else QCoreApplication.translate("selftest", "source tree")
    )
    _out(
        QCoreApplication.translate(
            "selftest", "frontdesk {version} self-test ({mode}, Python {python}, {platform})"
        ).format(
            version=__version__,
            mode=mode,
            python=sys.version.split()[0],
            platform=sys.platform,
        )
    )
    names = _names()
    passed: set[str] = set()
    errors = ErrorLog()
    root = logging.getLogger()
    root.addHandler(errors)  # also keeps Python's last-resort handler off stderr
    try:
        with _home(ctx.folder):
            for name, check, needs in CHECKS:
                if _run_one(ctx, names, name, check, needs, passed, errors):
                    passed.add(name)
    finally:
        _cleanup(ctx)
        root.removeHandler(errors)
    seconds = f"{time.perf_counter() - started:.1f}"
    failed = len(CHECKS) - len(passed)
    if failed:
        _out(
            QCoreApplication.translate(
                "selftest", "self-test FAILED: {failed} of {total} checks ({seconds} s)"
            ).format(failed=failed, total=len(CHECKS), seconds=seconds)
        )
        return 1
    _out(
        QCoreApplication.translate(
            "selftest", "self-test passed: {total} checks ({seconds} s)"
        ).format(total=len(CHECKS), seconds=seconds)
    )
    return 0


@contextmanager
def _home(folder: Path) -> Iterator[None]:
    """Backups and logs go to `folder`, not to the desk's data folder, while the checks run."""
    saved = {name: os.environ.get(name) for name in ("FRONTDESK_HOME", "FRONTDESK_DB")}
    os.environ["FRONTDESK_HOME"] = str(folder)
    os.environ.pop("FRONTDESK_DB", None)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _run_one(
    ctx: Context,
    names: dict[str, str],
    name: str,
    check: Callable[[Context], str],
    needs: tuple[str, ...],
    passed: set[str],
    errors: ErrorLog,
) -> bool:
    """Run one check (not when a check it needs failed) and print its line; True if it passed."""
    missing = [n for n in needs if n not in passed]
    if missing:
        _out(
            QCoreApplication.translate("selftest", "FAIL {name}: not run, needs {needs}").format(
                name=names[name], needs=", ".join(names[n] for n in missing)
            )
        )
        return False
    errors.records.clear()
    try:
        detail = check(ctx)
        if errors.records:
            raise Broken(errors.first())
    except Exception as exc:
        _out(
            QCoreApplication.translate("selftest", "FAIL {name}: {reason}").format(
                name=names[name], reason=reason_of(exc)
            )
        )
        return False
    _out(
        QCoreApplication.translate("selftest", "ok   {name} ({detail})").format(
            name=names[name], detail=detail
        )
        if detail
        else QCoreApplication.translate("selftest", "ok   {name}").format(name=names[name])
    )
    return True


def _cleanup(ctx: Context) -> None:
    if ctx.window is not None:
        ctx.window.close()
        ctx.window.deleteLater()
        if ctx.app is not None:
            ctx.app.processEvents()
    if ctx.db is not None:
        ctx.db.dispose()
    shutil.rmtree(ctx.folder, ignore_errors=True)


def main() -> int:
    return run()


if __name__ == "__main__":
    raise SystemExit(main())
