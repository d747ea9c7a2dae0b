"""Fuzzing the settings: random keys and values either take effect together or are refused
with InvalidInput naming the setting, and then nothing changed at all."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontdesk.core.desk_texts import clean_lines
from frontdesk.core.settings import SPECS, DeskSettings, SettingKind, settings_to_rows
from frontdesk.core.text import clean
from frontdesk.services import setup
from frontdesk.services.context import Desk
from frontdesk.services.context import settings as desk_settings
from frontdesk.services.errors import InvalidInput
from frontdesk.words.errors import describe_error
from tests.drills.conftest import dump

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
KNOWN = [f.name for f in dataclasses.fields(DeskSettings) if f.name != "extra"]
LINES = {s.key for s in SPECS if s.kind is SettingKind.LINES}  # multi-line texts, cleaned
SLOTS = "AM=08:30-11:30/1-2;PM=13:30-16:30/1-2"

keys = st.one_of(
    st.sampled_from(KNOWN),
    st.sampled_from(["national_service_category", "Late_Grace", "", " ", "k" * 61, "a-b"]),
    st.text(max_size=70),
)
values: st.SearchStrategy[Any] = st.one_of(
    st.integers(-(10**6), 10**6).map(str),
    st.sampled_from(["0", "5", "60", "true", "false", "yes", "maybe", "zh_TW", "en", "fr", ""]),
    st.sampled_from(
        [
            SLOTS,
            "AM=08:30-11:30/1-2",
            "AM=11:30-08:30/1-2",
            "AM=08:30-11:30/3-1",
            "AM=08:30-11:30/1-2;AM=13:30-16:30/1-2",
            "AM=25:00-26:00/1-1",
            "PM=;",
        ]
    ),
    st.text(max_size=80),
    st.text(alphabet="衛生所服務台", min_size=55, max_size=70),
    st.integers().map(lambda n: n),  # not even text
    st.just("x\x00y"),
    st.just(" 第一行 \n\n\t第二行\r\n"),
    st.text(min_size=2001, max_size=2100, alphabet="ab"),
)


@pytest.mark.parametrize("db_url", ["sqlite", "postgresql"], indirect=True)
@FUZZ
@given(changes=st.dictionaries(keys, values, min_size=1, max_size=4))
def test_settings_change_together_or_not_at_all(desk: Desk, changes: dict[str, Any]) -> None:
    before = dump(desk.db)
    old = desk_settings(desk)
    try:
        new = setup.update_settings(desk, changes)
    except InvalidInput as exc:
        field = exc.facts.get("field")
        assert field, exc.facts
        assert field in changes or str(field) in {str(k)[:60] for k in changes} or field == "key"
        text = describe_error(exc)
        assert text.strip() and "Traceback" not in text, text
        assert dump(desk.db) == before, "refused settings changed the database"
        assert desk_settings(desk) == old
        return
    stored = settings_to_rows(desk_settings(desk))
    assert desk_settings(desk) == new
    for key, value in changes.items():
        if key in LINES:
            assert stored[key] == clean_lines(value) and stored[key]  # kept as cleaned
        elif key in KNOWN and key not in ("slots", "agency_name", "desk_name"):
            assert stored[key].lower() == value.strip().lower() or stored[key] in ("true", "false")
        elif key not in KNOWN:  # stored as typed, by the one text rule
            assert stored[key] == clean(value)
    # One entry for a change; a save that changes nothing is no update and is not audited.
    changed = new != old
    assert len(dump(desk.db)["audit_entry"]) == len(before["audit_entry"]) + int(changed)
    if not changed:
        assert dump(desk.db) == before
