"""The phone courtesy test's scoring (core.phone_tests) at every edge of the form's bands."""

from __future__ import annotations

import dataclasses

import pytest

from frontdesk.core import phone_tests as rules
from frontdesk.core.phone_tests import AnswerWay, CallMarks, ContentWay, Item

# (ring seconds, points): within 10 s 30; every started 3 s after it 5 off; 25 s or more 0.
RING_EDGES = [
    (0, 30),
    (9, 30),
    (10, 30),
    (11, 25),
    (13, 25),
    (14, 20),
    (16, 20),
    (17, 15),
    (19, 15),
    (20, 10),
    (22, 10),
    (23, 5),
    (24, 5),
    (25, 0),
    (26, 0),
    (120, 0),
    (None, 0),
]


@pytest.mark.parametrize(("seconds", "points"), RING_EDGES)
def test_ring_score_at_every_band_edge(seconds: int | None, points: int) -> None:
    assert rules.ring_score(seconds) == points
    # Both variants share the ring rule when nothing else happened.
    assert rules.answer_score(AnswerWay.SWITCHBOARD, seconds) == points
    assert rules.answer_score(AnswerWay.PERSON, seconds) == points


def test_ring_score_is_never_outside_the_forms_bands() -> None:
    for s in range(0, 40):
        p = rules.ring_score(s)
        assert p == 30 if s <= 10 else (0 <= p <= 25)
        assert p % 5 == 0


def test_person_variant_takes_transfers_after_the_second_and_a_dropped_call() -> None:
    person = AnswerWay.PERSON
    assert rules.answer_score(person, 8, transfers=2) == 30  # two transfers are free
    assert rules.answer_score(person, 8, transfers=3) == 25
    assert rules.answer_score(person, 8, transfers=4) == 20
    assert rules.answer_score(person, 8, dropped=True) == 25
    assert rules.answer_score(person, 12, transfers=3, dropped=True) == 15
    assert rules.answer_score(person, 23, transfers=5) == 0  # never below 0
    assert rules.answer_score(person, None, transfers=3) == 0


def test_switchboard_variant_ignores_transfers_and_a_cut_call_scores_nothing() -> None:
    board = AnswerWay.SWITCHBOARD
    assert rules.answer_score(board, 8, transfers=5) == 30
    assert rules.answer_score(board, 8, dropped=True) == 0


def test_negative_values_are_no_answer_speed() -> None:
    with pytest.raises(ValueError):
        rules.ring_score(-1)
    with pytest.raises(ValueError):
        rules.answer_score(AnswerWay.PERSON, 5, transfers=-1)


def marks(**changes: object) -> CallMarks:
    full = CallMarks(
        answer_way=AnswerWay.SWITCHBOARD,
        ring_seconds=8,
        states_unit=True,
        greets=True,
        tone_band="warm",
        tone=10,
        closes_politely=True,
        content_way=ContentWay.OFFICER,
        content_band="detailed",
        content=30,
    )
    return dataclasses.replace(full, **changes)  # type: ignore[arg-type]


def test_a_perfect_call_scores_100_and_each_item_its_maximum() -> None:
    scores = rules.item_scores(marks())
    assert scores == rules.ITEM_MAX
    assert rules.total(scores) == rules.TOTAL_MAX == 100
    assert rules.courtesy(scores) == 40


def test_the_total_is_the_sum_of_the_items() -> None:
    m = marks(
        ring_seconds=14,
        states_unit=False,
        tone_band="plain",
        tone=6,
        content_band="adequate",
        content=15,
    )
    scores = rules.item_scores(m)
    assert scores[Item.ANSWER] == 20
    assert scores[Item.UNIT] == 0
    assert rules.total(scores) == 20 + 0 + 10 + 6 + 10 + 15 == 61


def test_a_stand_in_scores_the_reason_and_the_answer_together() -> None:
    m = marks(
        content_way=ContentWay.STAND_IN,
        content_band="satisfying",
        content=20,
        stand_in_reason=True,
    )
    assert rules.item_scores(m)[Item.CONTENT] == 30
    no_reason = dataclasses.replace(m, stand_in_reason=False)
    assert rules.item_scores(no_reason)[Item.CONTENT] == 20


BAND_EDGES = [
    # (item, way, band, score, allowed)
    ("tone", None, "warm", 8, True),
    ("tone", None, "warm", 7, False),
    ("tone", None, "plain", 4, True),
    ("tone", None, "plain", 8, False),
    ("tone", None, "impatient", 1, True),
    ("tone", None, "impatient", 0, False),
    ("tone", None, "rude", 0, True),
    ("tone", None, "rude", 1, False),
    ("tone", None, "warm", 11, False),
    ("content", ContentWay.OFFICER, "detailed", 20, True),
    ("content", ContentWay.OFFICER, "detailed", 31, False),
    ("content", ContentWay.OFFICER, "adequate", 19, True),
    ("content", ContentWay.OFFICER, "adequate", 20, False),
    ("content", ContentWay.OFFICER, "unclear", 9, True),
    ("content", ContentWay.OFFICER, "unclear", 10, False),
    ("content", ContentWay.OFFICER, "none", 0, True),
    ("content", ContentWay.STAND_IN, "satisfying", 20, True),
    ("content", ContentWay.STAND_IN, "satisfying", 21, False),
    ("content", ContentWay.STAND_IN, "satisfying", 14, False),
    ("content", ContentWay.STAND_IN, "simple", 10, True),
    ("content", ContentWay.STAND_IN, "not_ours", 9, True),
    ("content", ContentWay.STAND_IN, "not_ours", 11, False),
    ("content", ContentWay.STAND_IN, "later", 1, True),
    ("content", ContentWay.STAND_IN, "later", 10, False),
    ("content", ContentWay.STAND_IN, "nothing", 0, True),
    # a band of the other variant is no band of this one
    ("content", ContentWay.STAND_IN, "detailed", 25, False),
]


@pytest.mark.parametrize(("item", "way", "band", "score", "allowed"), BAND_EDGES)
def test_band_edges(
    item: str, way: ContentWay | None, band: str, score: int, allowed: bool
) -> None:
    if item == "tone":
        m = marks(tone_band=band, tone=score)
    else:
        m = marks(content_way=way, content_band=band, content=score)
    refusals = rules.check(m)
    if allowed:
        assert refusals == []
        assert rules.total(rules.item_scores(m)) <= 100
    else:
        assert [r.item for r in refusals] == [item]
        assert refusals[0].value == score
        with pytest.raises(ValueError):
            rules.item_scores(m)


def test_an_impossible_score_names_its_item_and_band() -> None:
    (refusal,) = rules.check(marks(tone_band="warm", tone=12))
    assert (refusal.item, refusal.value, refusal.lo, refusal.hi, refusal.band) == (
        "tone",
        12,
        8,
        10,
        "warm",
    )
    (refusal,) = rules.check(marks(ring_seconds=-3))
    assert refusal.item == "ring_seconds"


def test_averages_and_the_weakest_item_by_share_of_its_maximum() -> None:
    a = rules.item_scores(marks(ring_seconds=14, tone_band="plain", tone=6))  # answer 20, tone 6
    b = rules.item_scores(marks(ring_seconds=8, tone_band="plain", tone=5))  # answer 30, tone 5
    avgs = {x.item: x for x in rules.averages([a, b])}
    assert avgs[Item.ANSWER].points == 25.0
    assert avgs[Item.TONE].points == 5.5
    # tone is at 55 % of its 10, answer speed at 83 % of its 30: tone is the weakest
    assert rules.weakest(list(avgs.values())) is Item.TONE
    assert rules.weakest(rules.averages([rules.item_scores(marks())])) is None
    assert rules.averages([]) == [] and rules.weakest([]) is None


def test_follow_up_threshold() -> None:
    assert rules.needs_follow_up(79)
    assert not rules.needs_follow_up(80)
    assert rules.needs_follow_up(89, threshold=90)
