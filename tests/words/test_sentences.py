"""frontdesk.words: every finding code, error class and scan outcome has its own sentence."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy.exc import OperationalError

from frontdesk.core.attendance import ScanOutcome
from frontdesk.core.errors import FrontdeskError
from frontdesk.core.findings import Code, error, warning
from frontdesk.core.settings import SlotDef
from frontdesk.services import errors as se
from frontdesk.services.attendance import ScanResult
from frontdesk.store import errors as st
from frontdesk.words.errors import apology, describe_error
from frontdesk.words.findings import describe_finding
from frontdesk.words.scan import describe_auto_closed, scan_view, walk_in_question

FACTS = {
    "day": date(2025, 2, 8),
    "slot": "AM",
    "volunteer_id": 3,
    "kind": "holiday",
    "label": "春節",
    "count": 2,
    "maximum": 2,
    "minimum": 1,
    "weekly_count": 5,
    "weekly_max": 5,
    "notice_hours": 30,
    "required_days": 7,
    "status": "trainee",
}


@pytest.mark.parametrize("code", list(Code))
def test_every_code_has_its_own_sentence(code: Code) -> None:
    text = describe_finding(error(code, **FACTS), names={3: "陳淑芬"})
    assert not text.startswith("Rule check")
    assert text.endswith(".")
    assert "{" not in text


def test_sentences_carry_the_facts() -> None:
    text = describe_finding(warning(Code.OVER_WEEKLY_MAXIMUM, **FACTS), names={3: "陳淑芬"})
    assert "陳淑芬" in text and "5" in text
    text = describe_finding(error(Code.SHORT_NOTICE, **FACTS))
    assert "7 days" in text and "114/02/08" in text and "starts in 1 days 6 hours" in text
    assert "春節" in describe_finding(error(Code.NOT_DUTY_DAY, **FACTS))


ERRORS = [
    se.NotFound("x", what="volunteer", code="V009"),
    se.NotFound("x", what="volunteer", id=9),
    se.NotFound("x", what="site"),
    se.NotFound("x", what="supervisor"),
    se.NotFound("x", what="swap_request", id=4),
    se.NotFound("x", what="pattern", id=4),
    se.NotFound("x", what="attendance", id=4),
    se.NotFound("x", what="file", path="/tmp/a.xlsx"),
    se.NotFound("x", what="database", path="/tmp/a.sqlite3"),
    se.InvalidInput("x", field="phone", value="abc"),
    se.InvalidInput("x", field="file", reason="bad_flag", row=12),
    se.InvalidInput("x", field="file", reason="not_xlsx", path="a.csv"),
    se.InvalidInput("x", field="rows", rows=[(3, "phone", "invalid"), (5, "code", "duplicate")]),
    se.InvalidInput("x", field="swap_notice_days", reason="must be between 0 and 60"),
    se.Conflict("x", field="code", value="V001"),
    se.Conflict("x", field="username"),
    se.Conflict("x", state="approved", request_id=3),
    se.Conflict("x", request_id=3, reason="open_request"),
    se.Conflict("x", request_id=3, reason="not_asker"),
    se.Conflict("x", request_id=3, reason="not_addressed"),
    se.Conflict("x"),
    se.RuleViolation([error(Code.ALREADY_ASSIGNED, **FACTS)]),
    se.NeedsConfirmation([warning(Code.TRAINING_MISSING, **FACTS)]),
    se.NotAllowed("x", reason="bad_credentials"),
    se.NotAllowed("x", reason="locked", until=datetime(2025, 3, 1, 2, 0, tzinfo=UTC)),
    se.ServiceError("odd"),
    st.NetworkShareRefused("x", path="//srv/a.sqlite3"),
    st.DatabaseTooNew("x", found="0009", supported="0001"),
    st.DatabaseUnreachable("x", url="postgresql://h/db"),
    st.DatabaseDamaged("x", path="/tmp/a.sqlite3"),
    st.DataFolderUnusable("x", path="/tmp/ro"),
    st.StoreError("x", reason="pg_dump"),
    st.StoreError("odd"),
    FileNotFoundError(2, "No such file", "/tmp/nope.csv"),
    PermissionError(13, "Permission denied", "/tmp/locked.xlsx"),
    IsADirectoryError(21, "Is a directory", "/tmp"),
    OperationalError("SELECT 1", {}, sqlite3.OperationalError("database is locked")),
]


@pytest.mark.parametrize("exc", ERRORS, ids=lambda e: f"{type(e).__name__}")
def test_every_error_is_one_sentence(exc: Exception, caplog: pytest.LogCaptureFixture) -> None:
    text = describe_error(exc)
    assert text and "\n" not in text
    assert text != apology(exc)  # a person's error, not a bug
    assert caplog.records == []  # ...so nothing is logged as a fault
    assert "{" not in text.replace("{frontdesk", "")


def test_errors_of_one_class_are_told_apart_by_their_facts() -> None:
    """Sentences come from code and facts, never from parsing the English message."""
    said = [
        describe_error(se.Conflict("x", request_id=3, reason=reason))
        for reason in ("open_request", "not_asker", "not_addressed", None)
    ]
    assert said == [
        "There is already an open swap request for this duty.",
        "Only the volunteer who asked can withdraw the request.",
        "This swap request is addressed to another volunteer.",
        "The data changed in the meantime; please look again and retry.",
    ]
    assert (
        describe_error(se.Conflict("there is already an open request for this shift", request_id=3))
        == said[3]
    )
    assert "pg_dump" in describe_error(st.StoreError("x", reason="pg_dump"))
    assert describe_error(st.StoreError("pg_dump")) == "Database problem: pg_dump."


def test_a_new_code_is_worded_by_its_parent() -> None:
    class Overbooked(se.Conflict):
        code = "overbooked"

    class DiskGone(st.StoreError):
        code = "disk_gone"

    assert describe_error(Overbooked("x")) == describe_error(se.Conflict("x"))
    assert describe_error(DiskGone("gone")) == "Database problem: gone."
    assert describe_error(FrontdeskError("odd")) == "This cannot be done: odd."


@pytest.mark.parametrize("bug", [KeyError("slot"), RuntimeError(), ZeroDivisionError("x")])
def test_a_bug_is_apologised_for_and_logged_with_its_traceback(
    bug: Exception, caplog: pytest.LogCaptureFixture
) -> None:
    try:
        raise bug
    except Exception as exc:
        text = describe_error(exc)
    assert text == apology(bug)
    assert text.startswith("Sorry") and "not your doing" in text and "\n" not in text
    assert (str(bug) or type(bug).__name__) in text
    [record] = caplog.records
    assert record.levelname == "ERROR" and record.exc_info is not None
    assert record.exc_info[1] is bug
    assert "test_a_bug_is_apologised_for" in caplog.text  # the traceback's own frame


def test_row_problems_name_rows_and_columns() -> None:
    text = describe_error(
        se.InvalidInput(
            "x", rows=[(3, "phone", "invalid"), (5, "code", "duplicate"), (7, "name", "required")]
        )
    )
    assert text.startswith("Nothing was imported, 3 rows")
    assert "row 3: the phone number" in text
    assert "row 5: the code appears more than once" in text
    assert "row 7: the name (姓名) column is empty" in text


def test_database_facts_appear() -> None:
    assert "0009" in describe_error(st.DatabaseTooNew("x", found="0009"))
    assert "//srv/a.sqlite3" in describe_error(st.NetworkShareRefused("x", path="//srv/a.sqlite3"))


AM = SlotDef("AM", time(8, 30), time(11, 30))
NOW = datetime(2025, 3, 3, 0, 20, tzinfo=UTC)  # 08:20 Taipei


@pytest.mark.parametrize("outcome", list(ScanOutcome))
def test_every_scan_outcome_has_words(outcome: ScanOutcome) -> None:
    result = ScanResult(
        outcome, NOW, volunteer_id=1, name="陳淑芬", code="V001", slot=AM, opens_at=NOW,
        previous_at=NOW,
    )  # fmt: skip
    if outcome is ScanOutcome.CONFIRM_WALK_IN:  # asked before anything is recorded
        text = walk_in_question(result)
        assert "陳淑芬" in text and "08:30" in text
    else:
        view = scan_view(result)
        assert view.headline and view.headline != outcome.value
        text = f"{view.headline} {view.name} {view.detail}"
        if outcome is not ScanOutcome.UNKNOWN_CARD:
            assert view.name == "陳淑芬"
        else:
            assert "V001" in view.detail
    assert "{" not in text


def test_scan_times_are_taipei() -> None:
    view = scan_view(ScanResult(ScanOutcome.SIGNED_IN, NOW, name="陳", slot=AM))
    assert view.time == "08:20"
    view = scan_view(ScanResult(ScanOutcome.REPEAT, NOW, name="陳", slot=AM, previous_at=NOW))
    assert "08:20" in view.detail


def test_auto_closed_notice() -> None:
    text = describe_auto_closed(date(2025, 3, 3), "PM")
    assert "114/03/03" in text and "afternoon" in text
