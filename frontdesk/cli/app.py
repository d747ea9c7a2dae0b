"""`frontdesk` without a command: the desk app (the kiosk, or the supervisor login with
--supervisor), or --self-test, the check of this installation."""

from __future__ import annotations

import argparse

from frontdesk import app, selftest


def run(args: argparse.Namespace, argv: list[str]) -> int:
    """Start what was asked; `argv` are the app's options (--fullscreen, --supervisor) and
    Qt's own (e.g. -style=fusion)."""
    if args.self_test:
        return selftest.run()
    result: int = app.run(args.db, argv)
    return result
