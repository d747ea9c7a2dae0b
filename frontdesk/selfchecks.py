"""The self-test's checks, one function each: does this build have the module, data file or
migration the desk needs, and does it answer as it should (frontdesk.selftest runs them).

Each check takes the run's `Context` and returns a short detail for its line, or raises:
`Missing` names what the build lacks, `Broken` says which answer was wrong.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import pkgutil
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

# Third-party modules the app needs at run time, some of them only loaded on demand.
REQUIRED_MODULES = (
    "PySide6.QtCore",
    "PySide6.QtGui",
    "PySide6.QtWidgets",
    "PySide6.QtNetwork",
    "sqlalchemy",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql.psycopg",
    "alembic",
    "alembic.runtime.migration",
    "openpyxl",
    "holidays",
    "holidays.countries.taiwan",
    "platformdirs",
    "argon2",
    "tzdata",
)
# Our modules that must not be imported just to list them.
SKIP_OWN = ("frontdesk.__main__", "frontdesk.store.migrations")
DUTY_MAKEUP_DAY = date(2025, 2, 8)  # a Saturday made a workday for the 2025 Lunar New Year
NEW_YEAR = date(2025, 1, 1)
NEW_YEAR_NAME = "中華民國開國紀念日"
KIOSK_SIZE = (1280, 800)
LANGUAGE = "zh_TW"


class Missing(Exception):
    """A module or data file the build should contain is not there."""


class Broken(Exception):
    """A check ran but its answer was wrong."""


@dataclass
class Context:
    """What the checks share: the temporary folder, and what earlier checks opened."""

    folder: Path
    db: Any = None
    desk: Any = None
    app: Any = None
    window: Any = None
    notes: list[str] = field(default_factory=list)
    language: str = LANGUAGE  # the run's own words, put back after the translations check


def frozen() -> bool:
    """True in the built bundle (PyInstaller), False in a source tree."""
    return bool(getattr(sys, "frozen", False))


def _require_file(path: Path) -> Path:
    if not path.is_file():
        raise Missing(_missing_file(path))
    return path


# --- the checks ---------------------------------------------------------------------------


def check_version(ctx: Context) -> str:
    from frontdesk import __version__

    try:
        found = importlib.metadata.version("frontdesk")
    except importlib.metadata.PackageNotFoundError:
        if frozen():
            raise Missing("missing package metadata frontdesk-*.dist-info") from None
        return QCoreApplication.translate("selftest", "{version}, source tree").format(
            version=__version__
        )
    if found != __version__:
        raise Broken(f"version {__version__} does not match the package metadata {found}")
    return found


def check_modules(ctx: Context) -> str:
    for name in REQUIRED_MODULES:
        importlib.import_module(name)
    import frontdesk

    own = 0
    for info in pkgutil.walk_packages(frontdesk.__path__, "frontdesk."):
        if info.name.startswith(SKIP_OWN):
            continue
        importlib.import_module(info.name)
        own += 1
    if own < 20:  # the frozen importer could not list the package: name what it found
        raise Missing(f"only {own} frontdesk modules found in the build")
    return QCoreApplication.translate(
        "selftest", "{libraries} libraries, {own} frontdesk modules"
    ).format(libraries=len(REQUIRED_MODULES), own=own)


def check_postgres_driver(ctx: Context) -> str:
    import psycopg

    impl = psycopg.pq.__impl__
    if impl == "python":  # needs a system libpq, which a desk PC does not have
        raise Missing(
            _missing_module("psycopg_binary")
            + QCoreApplication.translate("selftest", " (psycopg would need a system libpq)")
        )
    return f"psycopg {psycopg.__version__}, {impl}"


def check_timezone(ctx: Context) -> str:
    from datetime import datetime, timedelta
    from importlib.resources import files
    from zoneinfo import ZoneInfo

    # Windows has no system zone database: the tzdata package must carry Asia/Taipei.
    source = files("tzdata").joinpath("zoneinfo", "Asia", "Taipei")
    if not source.is_file():
        raise Missing(_missing_file("tzdata/zoneinfo/Asia/Taipei"))
    offset = datetime(2025, 1, 1, tzinfo=ZoneInfo("Asia/Taipei")).utcoffset()
    if offset != timedelta(hours=8):
        raise Broken(f"Asia/Taipei is UTC{offset}, not UTC+8")
    return "Asia/Taipei"


def check_migrations(ctx: Context) -> str:
    from frontdesk.services import setup
    from frontdesk.services.context import Desk
    from frontdesk.services.opening import open_desk
    from frontdesk.store import migrate

    scripts = migrate.migrations_dir()
    _require_file(scripts / "env.py")
    _require_file(scripts / "script.py.mako")
    versions = sorted(p.name for p in (scripts / "versions").glob("*.py"))
    if not versions:
        raise Missing(_missing_file(scripts / "versions" / "*.py"))
    ctx.db = open_desk(str(ctx.folder / "selftest.sqlite3"), need_site=False).db
    site_id = setup.init_site(ctx.db, "自我測試機關")
    ctx.desk = Desk(db=ctx.db, site_id=site_id, actor="selftest")
    current = migrate.current_revision(ctx.db)
    if current != migrate.head_revision():
        raise Broken(f"database at {current}, head is {migrate.head_revision()}")
    return QCoreApplication.translate("selftest", "{revision}, scripts: {count}").format(
        revision=current, count=len(versions)
    )


def check_calendar(ctx: Context) -> str:
    from importlib.resources import files

    from frontdesk.services import calendar

    # holidays names the days through gettext; without the catalogue it cannot start.
    catalogue = files("holidays").joinpath("locale", "zh_TW", "LC_MESSAGES", "TW.mo")
    if not catalogue.is_file():
        raise Missing(_missing_file(catalogue))
    makeup = calendar.day(ctx.desk, DUTY_MAKEUP_DAY)
    if not makeup.is_duty_day:
        raise Broken(f"{DUTY_MAKEUP_DAY} should be a duty day (make-up workday), got {makeup.kind}")
    new_year = calendar.day(ctx.desk, NEW_YEAR)
    if new_year.is_duty_day:
        raise Broken(f"{NEW_YEAR} should be a holiday")
    if new_year.label != NEW_YEAR_NAME:  # English or empty: the zh_TW .mo is missing
        raise Missing(
            f"missing file holidays/locale/zh_TW/LC_MESSAGES/TW.mo (got {new_year.label!r})"
        )
    # 2019-2030 come from the bundled table; later years from holidays itself.
    from frontdesk.core.calendar import DutyCalendar

    later = NEW_YEAR.replace(year=2031)
    beyond = DutyCalendar().day(later)
    if beyond.is_duty_day or beyond.label != NEW_YEAR_NAME:
        raise Missing(f"holidays cannot answer {later} (got {beyond.kind}, {beyond.label!r})")
    return QCoreApplication.translate(
        "selftest", "{makeup} duty, {new_year} and {later} holidays"
    ).format(makeup=DUTY_MAKEUP_DAY, new_year=NEW_YEAR, later=later)


def check_passwords(ctx: Context) -> str:
    from frontdesk.services import supervisors

    supervisors.create(ctx.desk, "selftest", "self-test-password")
    supervisors.authenticate(ctx.desk, "selftest", "self-test-password")
    return "argon2id"


def check_audit(ctx: Context) -> str:
    from frontdesk.store import audit

    with ctx.db.read() as session:
        report = audit.verify(session)
    if not report.ok:
        raise Broken(f"audit chain broken at {report.broken_at}: {report.problem}")
    return QCoreApplication.translate("selftest", "{entries} entries chained").format(
        entries=report.entries
    )


def check_qt(ctx: Context) -> str:
    from PySide6.QtWidgets import QApplication

    app = application()
    if not isinstance(app, QApplication):
        raise Broken("a non-GUI Qt application is already running in this process")
    ctx.app = app
    lost = none_references_lost()
    if lost:
        raise Broken(
            f"this Qt binding (PySide6 {_version('PySide6-Essentials')}) drops a reference "
            f"to None on each call ({lost} in {NONE_PROBE_CALLS}); on Python 3.11 the desk "
            "would stop within the hour: install PySide6 below 6.12"
        )
    return app.platformName()


NONE_PROBE_CALLS = 200  # Qt calls returning nothing, made by none_references_lost


def none_references_lost() -> int:
    """How many references to None NONE_PROBE_CALLS Qt calls that return nothing lost: 0
    for a sound binding. PySide6 6.12.0 on Python 3.11 loses one a call, and the process
    dies ("deallocating None") once None's few thousand references are gone, minutes
    into a desk's day (the roster page with 5,000 volunteers did it in seconds). On
    Python 3.12 and later None is immortal and its count never moves, so this is 0."""
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(NONE_PROBE_CALLS):
        label.setText("")
    lost = before - sys.getrefcount(None)
    label.deleteLater()
    return lost if lost > NONE_PROBE_CALLS // 2 else 0


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def check_translations(ctx: Context) -> str:
    from PySide6.QtCore import QTranslator

    from frontdesk import i18n

    own_file = _require_file(i18n.resource("i18n", f"{i18n.APP_CATALOG}_{LANGUAGE}.qm"))
    qt_file = _require_file(i18n.qt_translations_dir() / f"qtbase_{LANGUAGE}.qm")
    own = QTranslator()
    if not own.load(str(own_file)):
        raise Broken(f"Qt could not read {own_file}")
    sample = own.translate("KioskWindow", "Front desk – volunteer sign-in")
    if not sample or sample.isascii():
        raise Broken(f"{own_file.name} has no Chinese for the kiosk title")
    qt = QTranslator()
    if not qt.load(str(qt_file)) or not qt.translate("QPlatformTheme", "Cancel"):
        raise Broken(f"Qt could not read {qt_file}")
    try:
        if not i18n.install(LANGUAGE):
            raise Broken(f"i18n.install({LANGUAGE!r}) did not load the catalogue")
    finally:
        i18n.install(ctx.language)
    return f"{own_file.name}, {qt_file.name}"


def check_look(ctx: Context) -> str:
    from PySide6.QtGui import QIcon, QImage

    from frontdesk.i18n import resource
    from frontdesk.ui import style

    qss = _require_file(resource("style", "kiosk.qss"))
    if not qss.read_text(encoding="utf-8").strip():
        raise Broken(f"{qss} is empty")
    for name in ("frontdesk.ico", "frontdesk-256.png"):
        path = _require_file(resource("icons", name))
        if QImage(str(path)).isNull():
            raise Broken(f"Qt could not read {path}")
    for name in ("ok.wav", "look.wav"):  # the kiosk's sounds (ui.kiosk.sounds)
        _require_file(resource("sounds", name))
    ctx.app.setWindowIcon(QIcon(str(resource("icons", "frontdesk-256.png"))))
    style.apply(ctx.app)
    fonts = style.base_font().families()
    cjk = [f for f in fonts if f in style.CJK_FAMILIES]
    font = (
        cjk[0]
        if cjk
        else QCoreApplication.translate("selftest", "none with CJK glyphs on this machine")
    )
    return QCoreApplication.translate("selftest", "stylesheet, icon, font {font}").format(font=font)


def check_kiosk(ctx: Context) -> str:
    from PySide6.QtCore import Qt

    from frontdesk.ui.kiosk.window import KioskWindow

    window = KioskWindow(ctx.desk)
    ctx.window = window
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)  # no flash on a desk PC
    window.resize(*KIOSK_SIZE)
    window.show()
    for _ in range(3):
        ctx.app.processEvents()
    image = window.grab().toImage()
    if image.isNull() or image.width() < 100:
        raise Broken("the kiosk rendered no image")
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    if len(colours) < 16:  # a blank or single-colour window
        raise Broken(f"the kiosk rendered blank ({len(colours)} colours)")
    return QCoreApplication.translate(
        "selftest", "{window} {width}x{height}, {colours} colours"
    ).format(
        window=type(window).__name__,
        width=image.width(),
        height=image.height(),
        colours=len(colours),
    )


def check_export(ctx: Context) -> str:
    from openpyxl import load_workbook

    from frontdesk.export.monthly import export_month

    out = export_month(ctx.desk, DUTY_MAKEUP_DAY.year, DUTY_MAKEUP_DAY.month, ctx.folder / "month")
    wb = load_workbook(out, read_only=True)
    try:
        sheets = len(wb.sheetnames)
    finally:
        wb.close()
    if not sheets:
        raise Broken(f"{out.name} has no sheets")
    return QCoreApplication.translate("selftest", "{name}, {sheets} sheets, {size} bytes").format(
        name=out.name, sheets=sheets, size=out.stat().st_size
    )


def _missing_file(path: object) -> str:
    return QCoreApplication.translate("selftest", "missing file {path}").format(path=path)


def _missing_module(name: object) -> str:
    return QCoreApplication.translate("selftest", "missing module {name}").format(name=name)


def reason_of(exc: BaseException) -> str:
    """What went wrong, in one line: the missing module or file by name when that is it."""
    if isinstance(exc, ModuleNotFoundError):
        return _missing_module(exc.name or exc)
    if isinstance(exc, ImportError):
        if exc.name:
            return f"{_missing_module(exc.name)}: {exc}"
        return QCoreApplication.translate("selftest", "import failed: {why}").format(why=exc)
    if isinstance(exc, FileNotFoundError):
        return _missing_file(exc.filename or exc)
    if isinstance(exc, Missing | Broken):
        return str(exc)
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:300]}"


def application() -> QCoreApplication:
    """The process's Qt application: made (a GUI one) when there is none yet."""
    from PySide6.QtWidgets import QApplication

    app = QCoreApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "frontdesk"])
    return app
