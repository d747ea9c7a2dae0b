"""A small TCP proxy between a desk and its PostgreSQL server, which a test can cut.

`drop()` closes every connection through it and refuses new ones (a kicked cable, a
rebooting switch: the desk sees its connections fail at once); `stall()` keeps accepting
but forwards nothing (a network that swallows packets: the desk only notices by its
timeout); `restore()` forwards again.
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading

FORWARD, DROP, STALL = "forward", "drop", "stall"


class TcpProxy:
    """Listens on 127.0.0.1:<port> and forwards to `target` while in FORWARD mode."""

    def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self.mode = FORWARD
        self._lock = threading.Lock()
        self._pairs: list[tuple[socket.socket, socket.socket | None]] = []
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = int(self._listener.getsockname()[1])
        self._closed = False
        threading.Thread(target=self._accept, name="proxy-accept", daemon=True).start()

    def url(self, dbname: str, user: str = "postgres") -> str:
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{dbname}"

    def drop(self) -> None:
        """Cut every connection now and refuse new ones."""
        with self._lock:
            self.mode = DROP
            pairs, self._pairs = self._pairs, []
        for client, server in pairs:
            _close(client)
            if server is not None:
                _close(server)

    def stall(self) -> None:
        """Keep connections and accept new ones, but forward nothing."""
        with self._lock:
            self.mode = STALL

    def restore(self) -> None:
        with self._lock:
            self.mode = FORWARD

    def close(self) -> None:
        self._closed = True
        self.drop()
        _close(self._listener)

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                mode = self.mode
            if mode == DROP:
                _close(client)
                continue
            if mode == STALL:
                with self._lock:
                    self._pairs.append((client, None))
                continue
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                _close(client)
                continue
            with self._lock:
                self._pairs.append((client, server))
            threading.Thread(
                target=self._pump, args=(client, server), name="proxy-pump", daemon=True
            ).start()

    def _pump(self, client: socket.socket, server: socket.socket) -> None:
        ends = {client: server, server: client}
        try:
            while True:
                ready, _, _ = select.select(list(ends), [], [], 0.2)
                if self.mode == STALL:
                    continue
                for sock in ready:
                    data = sock.recv(65536)
                    if not data:
                        return
                    ends[sock].sendall(data)
        except (OSError, ValueError):
            return
        finally:
            _close(client)
            _close(server)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()
