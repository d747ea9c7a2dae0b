"""Dates and hours are written for people in frontdesk.words only.

A scan of the sources: a slot's hours ("08:30–11:30") are written by
words.labels.time_range, a month or day in ROC years by words.dates, and no screen, command
or workbook counts the ROC offset (1911) or writes "12/01" on its own.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import frontdesk

PACKAGE = Path(frontdesk.__file__).parent

RULES = {
    # pattern -> the files (or, ending in "/", folders) allowed to hold it, under frontdesk/
    r"%H:%M\}–\{": {"words/labels.py"},  # a slot's hours
    r"\{start\}–\{end\}": set(),  # a slot's hours in a sentence: {hours} = time_range
    r"\b1911\b": {"core/timeutil.py", "services/volunteer_sheet.py"},  # reading 民國 input
    # the date editor reads and shows the ROC year as it is typed
    r"ROC_OFFSET": {"core/timeutil.py", "words/", "ui/widgets/dates.py"},
    r"%m/%d": {"words/dates.py"},
}


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _allowed(path: Path, allowed: set[str]) -> bool:
    name = path.relative_to(PACKAGE).as_posix()
    return any(name == a or (a.endswith("/") and name.startswith(a)) for a in allowed)


@pytest.mark.parametrize("pattern", sorted(RULES))
def test_dates_and_hours_are_written_in_one_home(pattern: str) -> None:
    allowed = RULES[pattern]
    for name in allowed:
        assert (PACKAGE / name).exists(), f"{name} is allowed but does not exist"
    found = [
        f"{path.relative_to(PACKAGE).as_posix()}:{n}"
        for path in _sources()
        if not _allowed(path, allowed)
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(pattern, line)
    ]
    assert found == [], f"write it with frontdesk.words ({pattern})"
