"""Which desk this is: a generated id and a name, kept in the desk's own data folder
(desk.json), never in the shared database. Two desks on one server (or two PCs with the
same host name) are told apart by the id; the name is what the kiosk's header and the
supervisor's list of desks show. The agency's name stays a shared setting.

Made at the first start (named after the computer) and renamed by `frontdesk desk name`.
"""

from __future__ import annotations

import json
import os
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path

from frontdesk.core import text
from frontdesk.services.freetext import free_text

FILE_NAME = "desk.json"


@dataclass(frozen=True)
class DeskIdentity:
    """`id`: 32 hex digits, generated once per data folder; `name`: up to 60 characters."""

    id: str
    name: str


def desk_identity(folder: Path) -> DeskIdentity:
    """This desk's identity, made and kept in `folder` at the first call."""
    path = folder / FILE_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        found = DeskIdentity(str(data["id"]), str(data["name"]))
    except (OSError, ValueError, KeyError, TypeError):
        found = None
    if found is not None and found.id and found.name:
        return found
    made = DeskIdentity(uuid.uuid4().hex, (socket.gethostname() or "desk")[:60])
    _write(path, made)
    return made


def name_desk(folder: Path, name: str) -> DeskIdentity:
    """Give this desk `name` (text.DESK_NAME, cleaned; InvalidInput when empty or too
    long), keeping its id."""
    clean = free_text(name, text.DESK_NAME, "desk_name")
    named = DeskIdentity(desk_identity(folder).id, clean)
    _write(folder / FILE_NAME, named)
    return named


def _write(path: Path, identity: DeskIdentity) -> None:
    """Written aside then moved into place, so a power cut leaves the old file or the new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    aside = path.with_suffix(".tmp")
    body = json.dumps({"id": identity.id, "name": identity.name}, ensure_ascii=False)
    aside.write_text(body + "\n", encoding="utf-8")
    os.replace(aside, path)
