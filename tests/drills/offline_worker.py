"""The kiosk process the offline kill drill SIGKILLs: an offline desk scanning, or replaying.

    python -m tests.drills.offline_worker scan SERVER_URL FOLDER FIRST
    python -m tests.drills.offline_worker replay SERVER_URL FOLDER

`scan` works through the drill's scans from index FIRST (the server is out of reach: every
scan is decided from the replica and journaled) and prints "ACK i outcome" once each answer
is given; `replay` syncs until the journal is sent and prints "DONE". Both print READY first.
"""

from __future__ import annotations

import sys
from datetime import date, time, timedelta
from pathlib import Path

from frontdesk.core.timeutil import at
from frontdesk.services.context import Desk
from frontdesk.services.offline.desk import OfflineDesk
from frontdesk.store.db import Database
from tests.support.clocks import Clock

DAY = date(2026, 12, 1)
VOLUNTEERS = 20
SCANS = 2000
STEP = timedelta(seconds=45)


def scan_plan(i: int) -> tuple[str, object]:
    """The i-th scan: who and when (each volunteer every 15 minutes from 08:00)."""
    return f"V{i % VOLUNTEERS + 1:03d}", at(DAY, time(8)) + i * STEP


def _desk(url: str, folder: str, clock: Clock) -> OfflineDesk:
    server = Desk(db=Database(url), site_id=1, actor="kiosk", clock=clock)
    return OfflineDesk(server, Path(folder), name="drill", timeout_seconds=1.0)


def main(argv: list[str]) -> int:
    mode, url, folder = argv[0], argv[1], argv[2]
    clock = Clock(at(DAY, time(7)))
    desk = _desk(url, folder, clock)
    print("READY", flush=True)
    if mode == "scan":
        for i in range(int(argv[3]), SCANS):
            code, when = scan_plan(i)
            clock.now = when  # type: ignore[assignment]
            result = desk.scan(code, confirm_walk_in=True, confirm_sign_out=True)
            print(f"ACK {i} {result.outcome.value} {int(result.offline)}", flush=True)
        return 0
    clock.now = at(DAY, time(18))
    while not desk.online:
        desk.sync()
    print("DONE", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
