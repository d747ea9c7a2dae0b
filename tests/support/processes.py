"""Gathering what spawned worker processes report, without letting a hung one stall the run."""

from __future__ import annotations

import queue
from typing import Any


def gather(procs: list[Any], out: Any, results: list[Any], *, timeout: float, hung: str) -> None:
    """Fill `results[index]` from each process's ("ok"|"error", index, payload) message.

    Fails with `hung` when a process says nothing for `timeout` seconds, with every error
    payload when any process reported one, and when any process exits non-zero. The
    processes are joined (killed after 10 s) and the queue is closed whatever happens.
    """
    errors: list[str] = []
    try:
        for _ in procs:
            try:
                kind, index, payload = out.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(hung) from None
            if kind == "error":
                errors.append(payload)
            else:
                results[index] = payload
    finally:
        for p in procs:
            p.join(10)
            if p.is_alive():
                p.kill()
                p.join()
        out.close()
    assert not errors, "\n".join(errors)
    assert all(p.exitcode == 0 for p in procs), [p.exitcode for p in procs]
