"""Phone courtesy test records (services.phone_tests): the total is computed, an impossible
score is refused naming its item, a low score waits for its follow-up."""

from __future__ import annotations

import dataclasses
from datetime import date, time

import pytest
from sqlalchemy import func, select

from frontdesk.core.phone_tests import AnswerWay, CallMarks, ContentWay, Item
from frontdesk.core.timeutil import at
from frontdesk.services import kiosk, phone_tests, waiting
from frontdesk.services.errors import InvalidInput
from frontdesk.services.setup import update_settings
from frontdesk.store.models import AuditEntry, PhoneTest
from frontdesk.words.errors import describe_error

DAY = date(2026, 11, 2)

GOOD = CallMarks(
    answer_way=AnswerWay.PERSON,
    ring_seconds=12,  # 25
    states_unit=True,
    greets=True,
    tone_band="warm",
    tone=9,
    closes_politely=True,
    content_way=ContentWay.STAND_IN,
    content_band="simple",
    content=12,
    stand_in_reason=True,  # 10 + 12
)
POOR = dataclasses.replace(
    GOOD, ring_seconds=20, states_unit=False, tone_band="plain", tone=5, content_band="later"
)  # 10 + 0 + 10 + 5 + 10 + 10 + 12 … content 12 is outside 'later' (1–9)


def form(marks: CallMarks, **fields: object) -> phone_tests.TestForm:
    values: dict[str, object] = {
        "tested_at": at(DAY, time(10, 5)),
        "marks": marks,
        "unit": "苓雅區衛生所",
        "extension": "07-7136025#11",
        "topic": "預防接種時間",
        "tester": "衛生局 林小姐",
    }
    values.update(fields)
    return phone_tests.TestForm(**values)  # type: ignore[arg-type]


def count(desk, model) -> int:  # type: ignore[no-untyped-def]
    with desk.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_the_total_is_computed_and_recorded_with_its_audit_entry(desk, make_volunteer):  # type: ignore[no-untyped-def]
    vid = make_volunteer()
    test_id = phone_tests.record_test(desk, form(GOOD, volunteer_id=vid))
    (line,) = phone_tests.history(desk)
    assert line.id == test_id
    assert line.total == 25 + 10 + 10 + 9 + 10 + 22 == 86
    assert line.scores[Item.CONTENT] == 22
    assert line.person == "志工V001" and line.answered_by == "volunteer"
    with desk.db.read() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None
        assert (entry.action, entry.entity, entry.after["total"]) == (
            "phone_test.record",
            "phone_test",
            86,
        )


def test_an_impossible_score_is_refused_naming_its_item(desk, make_volunteer, qapp):  # type: ignore[no-untyped-def]
    vid = make_volunteer()
    entries = count(desk, AuditEntry)
    bad = dataclasses.replace(POOR, content=12)  # 'later' allows 1–9
    with pytest.raises(phone_tests.ScoreRefused) as caught:
        phone_tests.record_test(desk, form(bad, volunteer_id=vid))
    assert caught.value.facts["item"] == "content"
    assert (caught.value.facts["lo"], caught.value.facts["hi"]) == (1, 9)
    sentence = describe_error(caught.value)
    assert "content of the answer" in sentence and "12" in sentence and "1–9" in sentence
    too_warm = dataclasses.replace(GOOD, tone=12)
    with pytest.raises(phone_tests.ScoreRefused) as caught:
        phone_tests.record_test(desk, form(too_warm, volunteer_id=vid))
    assert caught.value.facts["item"] == "tone"
    assert count(desk, PhoneTest) == 0 and count(desk, AuditEntry) == entries


def test_someone_must_be_named_as_tested(desk):  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as caught:
        phone_tests.record_test(desk, form(GOOD))
    assert caught.value.facts["field"] == "tested_person"


def test_a_volunteer_under_the_threshold_waits_until_a_follow_up(desk, make_volunteer):  # type: ignore[no-untyped-def]
    vid = make_volunteer()
    poor = dataclasses.replace(POOR, content=8)
    low = phone_tests.record_test(desk, form(poor, volunteer_id=vid))
    phone_tests.record_test(desk, form(poor, staff_name="王小姐"))  # staff: not a volunteer's
    phone_tests.record_test(desk, form(GOOD, volunteer_id=vid))  # 86: above 80
    parts = waiting.for_supervisor(desk)
    assert parts.phone_follow_ups == 1
    assert parts.total == parts.swaps + parts.reviews + parts.pin_lockouts + 1
    assert kiosk.pending_supervisor_count(desk) == parts.total

    update_settings(desk, {"phone_test_threshold": "90"})  # the 86 is now under it too
    assert waiting.for_supervisor(desk).phone_follow_ups == 2
    update_settings(desk, {"phone_test_threshold": "80"})

    phone_tests.record_follow_up(desk, low, "重新講習電話禮貌，督導陪同值勤一次", date(2026, 11, 9))
    assert waiting.for_supervisor(desk).phone_follow_ups == 0
    done = next(t for t in phone_tests.history(desk) if t.id == low)
    assert done.follow_up_on == date(2026, 11, 9)
    with pytest.raises(InvalidInput):
        phone_tests.record_follow_up(desk, low, "  ", date(2026, 11, 9))


def test_history_per_person_and_desk_with_averages_and_the_weakest_item(desk, make_volunteer):  # type: ignore[no-untyped-def]
    vid = make_volunteer()
    poor = dataclasses.replace(POOR, content=8)  # 10 + 0 + 10 + 5 + 10 + 18 = 53
    phone_tests.record_test(desk, form(GOOD, volunteer_id=vid))
    phone_tests.record_test(desk, form(poor, volunteer_id=vid))
    phone_tests.record_test(desk, form(GOOD, staff_name="王小姐"))
    mine = phone_tests.history(desk, phone_tests.person_key(vid, ""))
    assert [t.total for t in mine] == [86, 53]
    s = phone_tests.summarise(mine, 80)
    assert (s.count, s.average, s.follow_ups_due) == (2, 69.5, 1)
    by_item = {a.item: a.points for a in s.items}
    assert by_item[Item.ANSWER] == 17.5 and by_item[Item.UNIT] == 5.0
    assert s.weakest is Item.UNIT  # 5/10 = 50 %, below answer speed's 17.5/30 = 58 %
    desk_all = phone_tests.summarise(phone_tests.history(desk), 80)
    assert desk_all.count == 3
    assert [name for _key, name in phone_tests.people(phone_tests.history(desk))] == [
        "志工V001",
        "王小姐",
    ]


def test_the_kiosk_shows_the_latest_score_only_when_the_supervisor_chooses(desk, make_volunteer):  # type: ignore[no-untyped-def]
    vid = make_volunteer()
    phone_tests.record_test(desk, form(GOOD, volunteer_id=vid))
    assert kiosk.board(desk).phone_score is None
    update_settings(desk, {"phone_test_show_score": "true"})
    assert kiosk.board(desk).phone_score == 86
