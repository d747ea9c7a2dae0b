"""Python's cyclic garbage collector kept out of write transactions.

A full collection in a process holding many objects (a 20,000-row sheet in memory, or a
long day's objects) takes 0.1-0.4 s; one falling inside a write transaction held the
writers' lock that long, and every desk's scan waited behind it (issue: nothing holds
the write lock longer than a scan can wait, 100 ms). Database.write therefore holds the
collector off for its transaction; it runs again, if it was on, once no write transaction
of the process is open (transactions on several threads are counted).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_open = 0  # write transactions open in this process
_was_enabled = True  # the collector's state when the first of them began


@contextmanager
def held_off() -> Iterator[None]:
    """No cyclic collection while the block runs (reference counting still frees)."""
    global _open, _was_enabled
    with _lock:
        _open += 1
        if _open == 1:
            _was_enabled = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _lock:
            _open -= 1
            if _open == 0 and _was_enabled:
                gc.enable()
