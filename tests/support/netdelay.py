"""A TCP proxy in front of the test PostgreSQL server: adds a round-trip delay, as a city
network between a desk and its server would, and counts round trips.

A round trip is counted each time the client sends after the server last spoke (or first):
the client waits for an answer between two of them. Each chunk waits half the delay in each
direction, so one question and its answer take `delay` seconds more than on the loopback.
"""

from __future__ import annotations

import contextlib
import queue
import socket
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Counter:
    """Round trips over every connection through the proxy since the last reset()."""

    trips: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self) -> None:
        with self.lock:
            self.trips += 1

    def reset(self) -> int:
        with self.lock:
            trips, self.trips = self.trips, 0
            return trips


class DelayProxy:
    """Listen on 127.0.0.1:<port> and forward to `target_port`, `delay` seconds per round trip."""

    def __init__(self, target_port: int, delay: float = 0.0) -> None:
        self.target_port = target_port
        self.delay = delay
        self.counter = Counter()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(256)
        self.port = int(self._listener.getsockname()[1])
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, url: str) -> str:
        """`url` (a postgresql URL on the target port) through this proxy."""
        return url.replace(f":{self.target_port}/", f":{self.port}/")

    def close(self) -> None:
        self._closed = True
        self._listener.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target_port))
            for s in (client, server):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            turn = {"server_spoke": True}
            threading.Thread(
                target=self._pump, args=(client, server, turn, True), daemon=True
            ).start()
            threading.Thread(
                target=self._pump, args=(server, client, turn, False), daemon=True
            ).start()

    def _pump(
        self, src: socket.socket, dst: socket.socket, turn: dict[str, bool], up: bool
    ) -> None:
        """Read from `src`; each chunk goes on to `dst` half a delay after it arrived."""
        chunks: queue.Queue[tuple[float, bytes]] = queue.Queue()
        threading.Thread(target=self._deliver, args=(chunks, dst), daemon=True).start()
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if up:
                    if turn["server_spoke"]:
                        self.counter.add()
                    turn["server_spoke"] = False
                else:
                    turn["server_spoke"] = True
                chunks.put((time.monotonic() + self.delay / 2, data))
        except OSError:
            pass
        finally:
            chunks.put((0.0, b""))

    def _deliver(self, chunks: queue.Queue[tuple[float, bytes]], dst: socket.socket) -> None:
        try:
            while True:
                due, data = chunks.get()
                if not data:
                    break
                wait = due - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                dst.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                dst.shutdown(socket.SHUT_RDWR)
            dst.close()
