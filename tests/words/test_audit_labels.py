"""Every field of the audit log is labelled in plain Chinese a supervisor understands: the
detail showed jargon like 「提醒數」 (how many rule warnings were accepted) and bare 起/迄."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from frontdesk import i18n
from frontdesk.words import audit as words
from frontdesk.words.audit_fields import FIELDS, OVERRIDES, field_text
from frontdesk.words.audit_names import Names
from tests.words.test_audit_words import recorded_field_keys

HAN = re.compile(r"[\u4e00-\u9fff]")
# Words the tester could not read, or that say nothing on their own.
JARGON = ("提醒數", "筆數", "起", "迄", "提前", "來源", "決定理由", "保存天數", "重新判定筆數")


@pytest.fixture
def zh(qapp: object) -> Iterator[None]:
    i18n.install("zh_TW")
    yield
    i18n.install("en")


def _labels() -> Iterator[tuple[str, str]]:
    for key, (label, _write) in FIELDS.items():
        yield key, label()
    for (entity, key), (label, _write) in OVERRIDES.items():
        yield f"{entity}.{key}", label()


def test_every_field_label_is_plain_chinese(zh: None) -> None:
    labels = list(_labels())
    assert len(labels) > 80
    for key, text in labels:
        assert HAN.search(text), (key, text)
        assert not re.search(r"[A-Za-z_]", text.replace("PIN", "")), (key, text)
        assert text not in JARGON, (key, text)
        assert len(HAN.findall(text)) >= 2, (key, text)  # 起, 迄: from and until what?


def test_no_recorded_field_shows_its_raw_key(zh: None) -> None:
    """Every key a use case records, under every kind of entry, reads as words."""
    entities = {"volunteer", "attendance", "assignment", "swap", "settings", "site", "calendar"}
    for key in recorded_field_keys():
        for entity in entities:
            label, _value = field_text(entity, key, "x", Names())
            assert label != key and HAN.search(label), (entity, key, label)


def test_an_assignment_with_accepted_warnings_reads_plainly(zh: None) -> None:
    lines = words.detail_lines(
        "assignment",
        None,
        {"volunteer": "V007", "source": "pattern", "warnings": ["weekly_max", "untrained"]},
        Names(volunteers={7: ("V007", "王小明")}),
    )
    text = "\n".join(lines)
    assert "排入時已確認的提醒（件）：2" in text, text
    assert "排班方式：固定班" in text, text
    assert "提醒數" not in text and "warnings" not in text
