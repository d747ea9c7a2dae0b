"""One life of the desk's mail sender for the outbox drill: sends what is due and says
ACK <id> after the server accepted each message, until killed or done.

    python -m tests.drills.outbox_worker URL LIFE
"""

from __future__ import annotations

import sys
import time
from datetime import timedelta

from frontdesk.services import mailer
from frontdesk.services.context import Desk
from frontdesk.store.db import Database
from tests.drills.test_outbox_drill import BASE, LIFE_STEP


def main() -> None:
    url, life = sys.argv[1], int(sys.argv[2])
    began = time.monotonic()
    start = BASE + LIFE_STEP * life  # every life is later than the last one's lease

    def clock():  # type: ignore[no-untyped-def]
        return start + timedelta(seconds=time.monotonic() - began)

    desk = Desk(db=Database(url), site_id=1, actor="system:drill", clock=clock)
    print("READY", flush=True)
    report = mailer.deliver_due(desk, on_sent=lambda i: print(f"ACK {i}", flush=True), limit=10_000)
    print(f"DONE {report.sent}", flush=True)


if __name__ == "__main__":
    main()
