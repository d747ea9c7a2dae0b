"""Who did it, as a person is named: the one lookup from an actor as recorded ('supervisor:chen',
'volunteer:V001', a bare account name of older entries) to the person's name. Every screen
and workbook that names who decided, corrected or wrote something asks it, so none shows a
login name ('supervisor:s…'). words.labels.person_name turns the answer into the text.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.store.models import Supervisor, Volunteer

# Actors that are the app itself, never an account's name (services.context.Desk.actor).
APP_ACTORS = frozenset({"kiosk", "system", "setup", "demo", "selftest", "cli"})


def actor_names(session: Session, site_id: int, actors: Iterable[str]) -> dict[str, str]:
    """The person's name behind each actor that is one: 'supervisor:chen' → the account's
    display name, 'volunteer:V001' → the site's volunteer's name. A bare user name, as
    older versions recorded for the demo supervisor, counts as that account. Actors that
    are the app (kiosk, system, cli:…) or unknown are left out; callers keep them as they are.
    """
    wanted = {a for a in actors if a}
    users: dict[str, list[str]] = {}
    codes: dict[str, str] = {}
    for actor in wanted:
        kind, _, who = actor.partition(":")
        if kind == "supervisor" and who:
            users.setdefault(who, []).append(actor)
        elif kind == "volunteer" and who:
            codes[who] = actor
        elif not who and actor not in APP_ACTORS:
            users.setdefault(actor, []).append(actor)
    names: dict[str, str] = {}
    if users:
        for username, display in session.execute(
            select(Supervisor.username, Supervisor.display_name).where(
                Supervisor.username.in_(users)
            )
        ):
            for actor in users[username]:
                names[actor] = display or username
    if codes:
        for code, name in session.execute(
            select(Volunteer.code, Volunteer.name).where(
                Volunteer.site_id == site_id, Volunteer.code.in_(codes)
            )
        ):
            names[codes[code]] = name
    return names
