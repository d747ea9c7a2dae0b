"""One app per data folder: a lock file in the folder and a local socket that wakes the
running one (a second start brings the open window forward instead)."""

from __future__ import annotations

import hashlib
import logging

from PySide6.QtCore import QCoreApplication, QLockFile, Qt
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from frontdesk.services.places import data_folder

log = logging.getLogger("frontdesk")

SERVER_NAME = "frontdesk-kiosk"
SUPERVISOR_NAME = "frontdesk-supervisor"
RAISE = b"raise\n"


class SingleInstance:
    """One kiosk per data folder: a lock file in the folder (so two desks with their own
    folders, `--basedir`, may run on one PC), and a local socket to wake the running one."""

    def __init__(self, name: str = SERVER_NAME) -> None:
        folder = data_folder()
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        # Stable across processes (str hashes are salted per process): one name per data folder.
        digest = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:12]
        self.name = f"{name}-{digest}"
        lock_name = "kiosk.lock" if name == SERVER_NAME else f"{name}.lock"
        self.lock = QLockFile(str(folder / lock_name))
        self.lock.setStaleLockTime(0)  # a lock whose process is gone is stale at once
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this process is the only kiosk; the lock of a crashed one is taken over."""
        if not self.lock.tryLock(200):
            return False
        QLocalServer.removeServer(self.name)  # a crash may leave the socket behind
        self.server = QLocalServer()
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            log.warning("single-instance server not listening: %s", self.server.errorString())
        return True

    def wake_running(self) -> bool:
        """Ask the running kiosk to come to the front; True when it answered."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(1000):
            return False
        socket.write(RAISE)
        socket.flush()
        socket.waitForBytesWritten(1000)
        socket.disconnectFromServer()
        return True

    def on_wake(self, window: QWidget) -> None:
        if self.server is None:
            return

        def bring_forward() -> None:
            assert self.server is not None
            while self.server.hasPendingConnections():
                conn = self.server.nextPendingConnection()
                conn.disconnected.connect(conn.deleteLater)
            window.setWindowState(
                (window.windowState() & ~Qt.WindowState.WindowMinimized)
                | Qt.WindowState.WindowActive
            )
            window.show()
            window.raise_()
            window.activateWindow()

        self.server.newConnection.connect(bring_forward)

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.unlock()


def already_running_text(folder: object) -> str:
    """Why a second app on the same data folder does not start, and what to do."""
    return QCoreApplication.translate(
        "App",
        "The front desk app is already running with this data folder ({folder}). "
        "Use the window that is open, or close it first.",
    ).format(folder=folder)
