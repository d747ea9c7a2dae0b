"""`frontdesk --self-test`: passes on a complete tree, and names what is missing otherwise.

Each run is a fresh interpreter: the self-test installs translators and a stylesheet on
the process's QApplication, which must not leak into the other tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from frontdesk.store.schema import HEAD

ROOT = Path(__file__).resolve().parent.parent
CHECKS = (
    "version",
    "modules",
    "postgresql driver",
    "timezone data",
    "migrations",
    "calendar",
    "passwords",
    "audit chain",
    "qt",
    "translations",
    "stylesheet and icon",
    "kiosk render",
    "export",
)


def _run(code: str, home: Path, lang: str = "en_US.UTF-8") -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter; in English unless `lang` says otherwise."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FRONTDESK_HOME": str(home)}
    env.pop("FRONTDESK_DB", None)
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    env["LANG"] = lang
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_self_test_passes_and_prints_one_line_per_check(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    done = _run("import runpy; runpy.run_module('frontdesk.selftest', run_name='__main__')", home)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("frontdesk ") and "self-test" in lines[0]
    results = lines[1:-1]
    assert [line[5:].split(" (")[0] for line in results] == list(CHECKS)
    assert all(line.startswith("ok   ") for line in results), done.stdout
    assert f"ok   migrations ({HEAD}, " in done.stdout
    assert "ok   calendar (2025-02-08 duty" in done.stdout
    assert "ok   kiosk render (KioskWindow 1280x800" in done.stdout
    assert lines[-1].startswith(f"self-test passed: {len(CHECKS)} checks")
    assert "Traceback" not in done.stderr
    # It worked in its own temporary folder: nothing was written to the data folder.
    assert list(home.iterdir()) == []


def test_self_test_speaks_chinese_like_the_rest_of_the_command(tmp_path: Path) -> None:
    """It printed English while every other command speaks Traditional Chinese."""
    home = tmp_path / "home"
    home.mkdir()
    done = _run(
        "from frontdesk.cli import main; raise SystemExit(main(['--self-test']))", home, "C.UTF-8"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert "自我檢查（" in lines[0]
    assert lines[1].startswith("通過 版本")
    assert f"通過 資料庫遷移（{HEAD}，" in done.stdout
    assert "通過 服務台畫面（KioskWindow 1280x800，" in done.stdout
    assert lines[-1].startswith(f"自我檢查通過：共 {len(CHECKS)} 項")
    assert not any(word in done.stdout for word in ("ok ", "self-test", "FAIL", "checks"))


def test_missing_translation_file_fails_naming_it(tmp_path: Path) -> None:
    """A bundle without resources/i18n/frontdesk_zh_TW.qm must not pass."""
    empty = tmp_path / "resources"
    (empty / "i18n").mkdir(parents=True)
    home = tmp_path / "home"
    home.mkdir()
    done = _run(
        f"""
        from pathlib import Path
        import frontdesk.i18n
        frontdesk.i18n.resources_dir = lambda: Path({str(empty)!r})
        from frontdesk import selftest
        raise SystemExit(selftest.run())
        """,
        home,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    missing = empty / "i18n" / "frontdesk_zh_TW.qm"
    assert f"FAIL translations: missing file {missing}" in done.stdout
    assert f"FAIL stylesheet and icon: missing file {empty / 'style' / 'kiosk.qss'}" in done.stdout
    assert f"ok   migrations ({HEAD}, " in done.stdout  # the other checks still ran
    assert done.stdout.splitlines()[-1].startswith("self-test FAILED: 2 of")
    assert "Traceback" not in done.stdout + done.stderr


def test_missing_module_fails_naming_it(tmp_path: Path) -> None:
    """A bundle without openpyxl (a hidden import gone missing) fails the export by name."""
    home = tmp_path / "home"
    home.mkdir()
    done = _run(
        """
        import sys
        sys.modules["openpyxl"] = None  # as if the bundle did not carry it
        from frontdesk import selftest
        raise SystemExit(selftest.run())
        """,
        home,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAIL modules: missing module openpyxl" in done.stdout
    assert "FAIL export: missing module openpyxl" in done.stdout
    assert "ok   kiosk render" in done.stdout


def test_kiosk_that_logs_an_error_fails_the_render_check(tmp_path: Path) -> None:
    """The kiosk catches and logs its own errors; the self-test must still see them."""
    home = tmp_path / "home"
    home.mkdir()
    done = _run(
        """
        from frontdesk.services import kiosk

        def broken(*args, **kwargs):
            raise RuntimeError("no board today")

        kiosk.refresh = broken  # the kiosk reads its board with it (one round trip)
        from frontdesk import selftest
        raise SystemExit(selftest.run())
        """,
        home,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAIL kiosk render: logged an error: kiosk refresh failed" in done.stdout
    assert "RuntimeError: no board today" in done.stdout
    assert "Traceback" not in done.stderr
