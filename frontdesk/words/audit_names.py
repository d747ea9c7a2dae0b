"""Who is who in the audit log's words: the names the service resolved from the database
(Names) and an entry's actor written as a person reads it (actor_text)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from frontdesk.words.labels import person_name


@dataclass(frozen=True)
class Names:
    """Who is who, for the words: resolved by the service from the database."""

    agency: str = ""
    volunteers: Mapping[int, tuple[str, str]] = field(default_factory=dict)  # id: (code, name)
    supervisors: Mapping[int, str] = field(default_factory=dict)  # id: display name
    usernames: Mapping[str, str] = field(default_factory=dict)  # user name: display name

    def volunteer(self, value: object) -> str:
        """王小明（V001） for a volunteer id or code; the value as it is when unknown."""
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            found = self.volunteers.get(int(value))
            if found is not None:
                return f"{found[1]}（{found[0]}）"
        for code, name in self.volunteers.values():
            if code == value:
                return f"{name}（{code}）"
        return str(value)

    def supervisor(self, username: str) -> str:
        return self.usernames.get(username) or username


def actor_text(actor: str, names: Names) -> str:
    """Who did it: 督導 王督導, 志工 王小明（V001）, 服務台電腦, 系統 …"""
    kind, _, who = actor.partition(":")
    if not who and actor in names.usernames:  # an account name on its own (older entries)
        kind, who = "supervisor", actor
    if kind == "supervisor" and who:
        return QCoreApplication.translate("audit", "Supervisor {name}").format(
            name=names.supervisor(who)
        )
    if kind == "volunteer" and who:
        return QCoreApplication.translate("audit", "Volunteer {name}").format(
            name=names.volunteer(who)
        )
    return person_name(actor, {})
