"""Whether the desk app can open a window here, checked before Qt would abort without one.

On Linux (and the BSDs) Qt needs an X11 or Wayland display unless told to draw elsewhere
(QT_QPA_PLATFORM or -platform, e.g. offscreen, vnc, eglfs). Without one, Qt aborts with a
hint about xcb libraries that sends IT looking for the wrong thing; the command line says
instead that the desk app needs a screen and which commands work without one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication

# Qt platforms that draw on an X11 or Wayland screen (the default on Linux is one of them).
_NEEDS_SCREEN = {"", "xcb", "wayland", "wayland-egl"}


def _platforms(argv: Sequence[str], env: Mapping[str, str]) -> list[str]:
    """The Qt platform plugins asked for: `-platform NAME` wins over QT_QPA_PLATFORM, whose
    value may list fallbacks separated by ';' and options after ':'."""
    chosen = env.get("QT_QPA_PLATFORM", "")
    for i, arg in enumerate(argv):
        if arg in ("-platform", "--platform") and i + 1 < len(argv):
            chosen = argv[i + 1]
        elif arg.startswith(("-platform=", "--platform=")):
            chosen = arg.split("=", 1)[1]
    return [name.split(":", 1)[0].strip().lower() for name in chosen.split(";")]


def screen_missing(
    argv: Sequence[str] = (),
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
) -> bool:
    """True when the desk app would find no screen: a Linux/BSD session with neither
    DISPLAY nor WAYLAND_DISPLAY, and no Qt platform that draws without one (offscreen...)."""
    env = os.environ if environ is None else environ
    system = sys.platform if platform is None else platform
    if not system.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False  # Windows and macOS always have their own screen
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return False
    return all(name in _NEEDS_SCREEN for name in _platforms(argv, env))


def screen_missing_text(commands: Iterable[str]) -> str:
    """One sentence: the desk app needs a screen, and the commands that work without one."""
    return QCoreApplication.translate(
        "cli",
        "The desk app needs a screen, and this session has none (neither DISPLAY nor "
        "WAYLAND_DISPLAY is set); without a screen use the commands {commands} and "
        "--self-test (frontdesk --help explains them).",
    ).format(commands=", ".join(f"frontdesk {name}" for name in commands))
