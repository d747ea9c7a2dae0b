"""Name a desk's agency and change its settings (opening it: services.opening)."""

from __future__ import annotations

import re
from dataclasses import replace

from sqlalchemy import select

from frontdesk.core import text
from frontdesk.core.settings import (
    DeskSettings,
    SettingError,
    SettingKind,
    check_key,
    known_keys,
    parse_settings,
    settings_to_rows,
    spec,
)
from frontdesk.core.timeutil import utcnow
from frontdesk.services.auditing import record
from frontdesk.services.context import Desk, load_settings
from frontdesk.services.errors import InvalidInput
from frontdesk.services.freetext import free_text
from frontdesk.store import audit
from frontdesk.store.db import Database
from frontdesk.store.models import Setting, Site

_KEY_RE = re.compile(r"[a-z][a-z0-9_]{0,59}")  # setting.key is String(60)


DEFAULT_DESK_NAME = "服務台"


def init_site(
    db: Database, agency_name: str, desk_name: str | None = None, *, actor: str = "setup"
) -> int:
    """Create the site with default settings, or rename the existing one. Returns its id.
    `desk_name` None keeps an existing site's desk name (服務台 for a new site): desks
    sharing a server name themselves in their own data folder (services.offline.identity),
    and renaming one must not rename the others."""
    agency_name = free_text(agency_name, text.AGENCY_NAME, "agency_name")
    keep_desk = desk_name is None
    desk_name = free_text(desk_name or DEFAULT_DESK_NAME, text.DESK_NAME, "desk_name")
    # Whole database: it creates or renames the site itself.
    with db.write() as session:
        site = session.scalars(select(Site).order_by(Site.id).limit(1)).first()
        now = utcnow()
        if site is None:
            site = Site(name=agency_name, created_at=now)
            session.add(site)
            session.flush()
            rows = settings_to_rows(
                replace(DeskSettings(), agency_name=agency_name, desk_name=desk_name)
            )
            session.add_all(Setting(site_id=site.id, key=k, value=v) for k, v in rows.items())
            audit.append(
                session,
                actor=actor,
                action="site.create",
                entity="site",
                entity_id=site.id,
                after={"name": agency_name, "desk": desk_name},
            )
        else:
            before = site.name
            site.name = agency_name
            names = {"agency_name": agency_name}
            if not keep_desk:
                names["desk_name"] = desk_name
            _put(session, site.id, names)
            audit.append(
                session,
                actor=actor,
                action="site.rename",
                entity="site",
                entity_id=site.id,
                before={"name": before},
                after={"name": agency_name, **({} if keep_desk else {"desk": desk_name})},
            )
        return site.id


def first_site_id(db: Database) -> int | None:
    """The desk's agency (the first site); None before `frontdesk init` named one."""
    with db.read() as session:
        return session.scalars(select(Site.id).order_by(Site.id).limit(1)).first()


def _put(session: object, site_id: int, rows: dict[str, str]) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    for key, value in rows.items():
        existing = session.get(Setting, (site_id, key))
        if existing is None:
            session.add(Setting(site_id=site_id, key=key, value=value))
        else:
            existing.value = value


def update_settings(desk: Desk, changes: dict[str, str]) -> DeskSettings:
    """Validate and store setting changes together; a bad value changes nothing, and a value
    equal to the stored one is no change (nothing written or audited for it).

    A key must be a known setting (core.settings.known_keys: the DeskSettings fields and
    the few kept in `extra`, e.g. the national service category) and a value storable text:
    a value with an invisible character (core.text: a control, a bidi override, a zero-width
    space) is refused rather than cleaned, as a setting is one value a person should see
    exactly; what is stored is the value cleaned by the text rule (NFC, trimmed).
    """
    cleaned: dict[str, str] = {}
    for key, value in changes.items():
        if not isinstance(key, str) or not _KEY_RE.fullmatch(key):
            raise InvalidInput(
                "setting names are 1-60 lower-case letters, digits or _",
                field=str(key)[:60] or "key",
                reason="bad_key",
            )
        try:
            check_key(key)
        except SettingError:
            raise InvalidInput(
                f"there is no setting named {key!r}",
                field=key,
                reason="unknown_key",
                value=key,
                known=", ".join(sorted(known_keys())),
            ) from None
        if (
            not isinstance(value, str)
            or len(value) > text.SETTING_VALUE.max_length
            or text.has_invisible(value, allow=text.LINE_CONTROLS)
        ):
            raise InvalidInput(
                f"setting {key!r} needs text of at most {text.SETTING_VALUE.max_length} "
                "characters, none of them invisible",
                field=key,
                reason="bad_value",
                value=text.remove_invisible(str(value))[:80],
            )
        known = spec(key)
        lines = known is not None and known.kind is SettingKind.LINES
        cleaned[key] = free_text(value, text.SETTING_LINES if lines else text.SETTING_VALUE, key)
    with desk.write() as session:
        current = load_settings(session, desk.site_id)
        rows = settings_to_rows(current)
        stored = dict(rows)
        rows.update(cleaned)
        try:
            new = parse_settings(rows)
        except SettingError as exc:
            raise InvalidInput(
                str(exc), field=exc.key, reason=exc.reason, value=exc.value
            ) from None
        new_rows = settings_to_rows(new)
        # A value set to what is stored is no change: not written, not audited.
        changes = {
            k: new_rows.get(k, v) for k, v in cleaned.items() if stored.get(k) != new_rows.get(k, v)
        }
        if not changes:
            return current
        before = {k: stored.get(k) for k in changes}
        _put(session, desk.site_id, changes)
        if "agency_name" in changes:
            site = session.get(Site, desk.site_id)
            assert site is not None
            site.name = new.agency_name
        record(
            session,
            desk,
            "settings.update",
            "site",
            desk.site_id,
            before=before,
            after=dict(changes),
        )
        return new
