"""A volunteer's status and the moment they left."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from frontdesk.core.roster import VolunteerStatus
from frontdesk.core.volunteers import StatusChange, change_status

LEFT = datetime(2026, 3, 1, 1, 0, tzinfo=UTC)
NOW = datetime(2026, 5, 1, 1, 0, tzinfo=UTC)
TRAINEE, ACTIVE, INACTIVE = (s.value for s in VolunteerStatus)


@pytest.mark.parametrize(
    ("current", "recorded", "wanted", "expected"),
    [
        (ACTIVE, None, INACTIVE, StatusChange(VolunteerStatus.INACTIVE, NOW)),
        (TRAINEE, None, INACTIVE, StatusChange(VolunteerStatus.INACTIVE, NOW)),
        (INACTIVE, LEFT, INACTIVE, StatusChange(VolunteerStatus.INACTIVE, LEFT)),
        (INACTIVE, None, INACTIVE, StatusChange(VolunteerStatus.INACTIVE, None)),
        (INACTIVE, LEFT, ACTIVE, StatusChange(VolunteerStatus.ACTIVE, None)),
        (INACTIVE, LEFT, TRAINEE, StatusChange(VolunteerStatus.TRAINEE, None)),
        (TRAINEE, None, ACTIVE, StatusChange(VolunteerStatus.ACTIVE, None)),
        (ACTIVE, None, TRAINEE, StatusChange(VolunteerStatus.TRAINEE, None)),
        (ACTIVE, None, ACTIVE, StatusChange(VolunteerStatus.ACTIVE, None)),
    ],
)
def test_change_status(
    current: str, recorded: datetime | None, wanted: str, expected: StatusChange
) -> None:
    assert change_status(current, recorded, wanted, NOW) == expected


def test_a_word_that_is_no_status_is_refused() -> None:
    with pytest.raises(ValueError):
        change_status(ACTIVE, None, "retired", NOW)
