"""The frozen program's entry point.

`frontdesk --self-test` runs frontdesk.selftest; everything else is the `frontdesk`
command (frontdesk.cli.main), which opens the desk app when no command is given.
"""

from __future__ import annotations

import os
import sys

SELF_TEST = "--self-test"


def main() -> int:
    if sys.stdout is None or sys.stderr is None:  # the windowed Windows exe has no console
        sink = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
        sys.stdout = sys.stdout or sink
        sys.stderr = sys.stderr or sink
    args = sys.argv[1:]
    if SELF_TEST in args:
        from frontdesk import selftest

        return selftest.run()
    from frontdesk.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    raise SystemExit(main())
