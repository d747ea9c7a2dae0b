"""Long use cases off the GUI thread: the window that also serves the kiosk keeps taking
scans while a supervisor's import runs (issue: a 20,000-row import froze the desk)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    """Carries the result back to the thread that started the job (queued signals)."""

    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # handed to the GUI thread, which puts it in words
            self.relay.failed.emit(exc)
            return
        self.relay.finished.emit(result)


class Background(QObject):
    """Runs one job at a time in Qt's thread pool; `done` or `error` is called on the GUI
    thread afterwards. `busy` is True from start() until one of them has run."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.busy = False
        self._relay: _Relay | None = None

    def start(
        self,
        fn: Callable[[], Any],
        done: Callable[[Any], None],
        error: Callable[[BaseException], None],
    ) -> bool:
        """Start `fn` off the GUI thread; False (nothing started) while a job runs."""
        if self.busy:
            return False
        self.busy = True
        # No parent, kept by this object and the job: not deleted with a page closed meanwhile.
        relay = _Relay()
        self._relay = relay

        def finished(result: object) -> None:
            self.busy = False
            done(result)

        def failed(exc: object) -> None:
            self.busy = False
            assert isinstance(exc, BaseException)
            error(exc)

        relay.finished.connect(finished)
        relay.failed.connect(failed)
        QThreadPool.globalInstance().start(_Job(fn, relay))
        return True
