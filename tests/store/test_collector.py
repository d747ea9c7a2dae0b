"""No cyclic garbage collection inside a write transaction: a full collection in a run
holding many objects took 0.39 s inside a login's write (the back-to-back logins drill,
in a whole test run), and the writers' lock was held that long."""

from __future__ import annotations

import gc
import threading

from frontdesk.store import collector
from frontdesk.store.db import Database


def test_a_write_transaction_holds_the_collector_off(db: Database) -> None:
    assert gc.isenabled()
    with db.write():
        assert not gc.isenabled()
    assert gc.isenabled()
    with db.read():
        assert gc.isenabled()  # readers hold no lock


def test_the_collector_comes_back_after_the_last_of_overlapping_writes() -> None:
    inside, outside = threading.Event(), threading.Event()
    seen: list[bool] = []

    def other() -> None:
        with collector.held_off():
            inside.set()
            outside.wait(5)
        seen.append(gc.isenabled())

    worker = threading.Thread(target=other)
    with collector.held_off():
        worker.start()
        inside.wait(5)
    seen.append(gc.isenabled())  # the other thread's block is still open
    outside.set()
    worker.join(5)
    assert seen == [False, True]
    assert gc.isenabled()


def test_a_collector_switched_off_stays_off() -> None:
    gc.disable()
    try:
        with collector.held_off():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_failed_write_brings_the_collector_back(db: Database) -> None:
    try:
        with db.write():
            raise RuntimeError("the block failed")
    except RuntimeError:
        pass
    assert gc.isenabled()
