"""Site creation and settings changes."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from frontdesk import i18n
from frontdesk.core.settings import DeskSettings
from frontdesk.services import setup
from frontdesk.services.context import Desk, settings
from frontdesk.services.errors import InvalidInput
from frontdesk.store import audit
from frontdesk.store.db import Database
from frontdesk.store.models import Setting, Site
from frontdesk.words.errors import describe_error


def test_init_site_creates_defaults(db: Database) -> None:
    site_id = setup.init_site(db, "  測試衛生所 ")
    desk = Desk(db=db, site_id=site_id)
    s = settings(desk)
    assert s.agency_name == "測試衛生所"
    assert s.desk_name == "服務台"
    assert [slot.code for slot in s.slots] == ["AM", "PM"]
    assert s.swap_notice_days == DeskSettings().swap_notice_days == 7
    with db.read() as session:
        assert session.scalar(select(func.count(Site.id))) == 1
        assert session.scalar(select(func.count()).select_from(Setting)) >= 15
        report = audit.verify(session)
    assert report.ok and report.entries == 1


def test_init_site_twice_renames_and_keeps_one_site(db: Database) -> None:
    first = setup.init_site(db, "甲衛生所")
    second = setup.init_site(db, "乙衛生所")
    assert first == second
    assert settings(Desk(db=db, site_id=first)).agency_name == "乙衛生所"


@pytest.mark.parametrize("name", ["", "   ", "衛" * 61])
def test_init_site_refuses_bad_name(db: Database, name: str) -> None:
    with pytest.raises(InvalidInput) as exc:
        setup.init_site(db, name)
    assert exc.value.facts["field"] == "agency_name"
    assert setup.first_site_id(db) is None


def test_update_settings_ok(desk: Desk) -> None:
    new = setup.update_settings(desk, {"swap_notice_days": "10", "agency_name": "新名稱衛生所"})
    assert new.swap_notice_days == 10
    assert settings(desk).swap_notice_days == 10
    with desk.db.read() as session:
        site = session.get(Site, desk.site_id)
        assert site is not None and site.name == "新名稱衛生所"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("swap_notice_days", "seven"),
        ("swap_notice_days", "99"),
        ("slots", "AM=11:30-08:30"),
        ("require_pin", "maybe"),
        ("language", "fr"),
    ],
)
def test_update_settings_bad_value_names_field_and_changes_nothing(
    desk: Desk, key: str, value: str
) -> None:
    before = settings(desk)
    with desk.db.read() as session:
        entries = audit.verify(session).entries
    with pytest.raises(InvalidInput) as exc:
        # a good change in the same call must not be stored either
        setup.update_settings(desk, {"late_grace_minutes": "9", key: value})
    assert exc.value.facts["field"] == key
    assert settings(desk) == before
    with desk.db.read() as session:
        assert audit.verify(session).entries == entries


def test_a_setting_name_with_a_typo_is_refused_by_name(desk: Desk, qapp: object) -> None:
    before = settings(desk)
    with pytest.raises(InvalidInput) as exc:
        setup.update_settings(desk, {"late_grace_minutes": "9", "swap_notice_day": "3"})
    assert exc.value.facts["field"] == "swap_notice_day"
    assert exc.value.facts["reason"] == "unknown_key"
    assert "swap_notice_days" in exc.value.facts["known"]  # the list names the right one
    assert settings(desk) == before
    i18n.install("zh_TW")
    try:
        text = describe_error(exc.value)
    finally:
        i18n.install("en")
    assert text.startswith("沒有名為 swap_notice_day 的設定")


def test_the_settings_kept_as_extra_text_are_known(desk: Desk) -> None:
    new = setup.update_settings(desk, {"national_service_category": "社會福利類"})
    assert new.extra["national_service_category"] == "社會福利類"
