"""frontdesk.core.errors: one base with a code and facts for every error a person can cause."""

from __future__ import annotations

import pytest

from frontdesk.core.errors import FrontdeskError


class Taken(FrontdeskError):
    code = "taken"


class SlotTaken(Taken):
    code = "slot_taken"


class Quiet(SlotTaken):
    """A subclass that names no code of its own speaks as its parent."""


def test_code_and_facts_travel_with_the_error() -> None:
    exc = SlotTaken("the slot is taken", slot="AM", day="2025-03-03")
    assert exc.code == "slot_taken" and exc.facts == {"slot": "AM", "day": "2025-03-03"}
    assert str(exc) == "the slot is taken"
    assert str(SlotTaken()) == "slot_taken"  # no message: the code, never an empty text


def test_codes_go_from_the_most_specific_to_the_base() -> None:
    assert SlotTaken.codes() == ["slot_taken", "taken", "error"]
    assert Quiet("x").codes() == ["slot_taken", "taken", "error"]
    assert FrontdeskError.codes() == ["error"]


def test_facts_belong_to_each_error() -> None:
    first, second = Taken(slot="AM"), Taken()
    assert second.facts == {} and first.facts == {"slot": "AM"}
    with pytest.raises(FrontdeskError) as caught:
        raise Quiet(slot="PM")
    assert caught.value.facts["slot"] == "PM"
