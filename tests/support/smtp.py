"""A real SMTP server for the tests (aiosmtpd on 127.0.0.1), told how to misbehave, and an
in-memory credential store standing in for the operating system's (keyring backend)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from typing import Any

import keyring
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from keyring.backend import KeyringBackend


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Mailbox:
    """What the server received; `mode` says how it answers the next messages:
    accept, refuse (550), busy (451), hang (no answer to the message), drop (connection
    closed instead of an answer)."""

    mode: str = "accept"
    received: list[Message] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)

    def message_ids(self) -> list[str]:
        return ["".join(str(m["Message-ID"]).split()) for m in self.received]

    def to(self) -> list[str]:
        return [str(m["To"]) for m in self.received]


class _Handler:
    def __init__(self, box: Mailbox) -> None:
        self.box = box

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        mode = self.box.mode
        if mode == "refuse":
            return "550 5.7.1 message refused"
        if mode == "busy":
            return "451 4.3.0 try again later"
        if mode == "hang":
            await asyncio.sleep(30)
            return "250 OK"
        if mode == "drop":
            server.transport.close()
            return "421 closing"
        self.box.received.append(message_from_bytes(envelope.content))
        return "250 OK"


class _Auth:
    def __init__(self, box: Mailbox) -> None:
        self.box = box

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
        if isinstance(data, LoginPassword):
            self.box.logins.append((data.login.decode(), data.password.decode()))
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)


@contextmanager
def smtp_server() -> Iterator[tuple[Mailbox, int]]:
    """A local SMTP server (plain, AUTH allowed without TLS) for the length of the block."""
    box = Mailbox()
    port = free_port()
    controller = Controller(
        _Handler(box),
        hostname="127.0.0.1",
        port=port,
        authenticator=_Auth(box),
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield box, port
    finally:
        controller.stop()


class MemoryKeyring(KeyringBackend):
    """The operating system's credential store, in memory, for one test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@contextmanager
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    try:
        yield ring
    finally:
        keyring.set_keyring(before)
