"""frontdesk.services.errors: every error of the use cases and the store has one base, and
the line between a person's error and a bug is drawn once."""

from __future__ import annotations

import inspect
import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from frontdesk.core.errors import FrontdeskError
from frontdesk.core.findings import Code, error
from frontdesk.export.monthly import ExportFailed
from frontdesk.services import errors as se
from frontdesk.store import errors as st


def _error_classes(module: object) -> list[type[BaseException]]:
    return [
        obj
        for _, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, BaseException)
    ]


@pytest.mark.parametrize(
    "cls",
    list(dict.fromkeys([*_error_classes(se), *_error_classes(st), ExportFailed])),
    ids=lambda c: c.__name__,
)
def test_every_error_derives_from_the_one_base(cls: type[BaseException]) -> None:
    assert issubclass(cls, FrontdeskError)
    assert isinstance(cls.__dict__.get("code", FrontdeskError.code), str)


def test_the_ui_finds_the_store_errors_in_services() -> None:
    """What the UI and CLI catch is named in services.errors, so they never import the store."""
    for cls in _error_classes(st):
        assert getattr(se, cls.__name__) is cls
        assert cls.__name__ in se.__all__


def test_codes_are_unique() -> None:
    classes = set([*_error_classes(se), *_error_classes(st), ExportFailed])
    codes = [c.__dict__["code"] for c in classes if "code" in c.__dict__]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize(
    "exc",
    [
        se.NotFound("x", what="volunteer"),
        se.RuleViolation([error(Code.ALREADY_ASSIGNED)]),
        st.DatabaseDamaged("x", path="a"),
        ExportFailed("x", path="a.xlsx"),
        FileNotFoundError(2, "No such file", "a.csv"),
        PermissionError(13, "Permission denied", "a.xlsx"),
        sqlite3.DatabaseError("file is not a database"),
        OperationalError("SELECT 1", {}, sqlite3.OperationalError("database is locked")),
        IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed")),
    ],
    ids=lambda e: type(e).__name__,
)
def test_a_persons_error_is_no_bug(exc: BaseException) -> None:
    assert not se.is_bug(exc)
    assert isinstance(exc, se.person_errors())


@pytest.mark.parametrize("exc", [KeyError("x"), TypeError(), AssertionError(), ValueError("x")])
def test_anything_else_is_a_bug(exc: BaseException) -> None:
    assert se.is_bug(exc)
    assert not isinstance(exc, se.person_errors())


def test_log_failure_is_one_line_for_an_outage_and_a_traceback_for_a_bug(
    caplog: pytest.LogCaptureFixture,
) -> None:
    import logging

    log = logging.getLogger("frontdesk.test")
    down = OperationalError("SELECT 1", {}, sqlite3.OperationalError("database is locked"))
    se.log_failure(log, "backup failed", down)
    se.log_failure(log, "backup failed", OSError(28, "No space left on device"))
    se.log_failure(log, "backup failed", KeyError("bug"))
    first, second, third = caplog.records
    assert first.getMessage() == "backup failed: OperationalError: database is locked"
    assert first.exc_info is None and "\n" not in first.getMessage()
    assert second.exc_info is None and "No space left" in second.getMessage()
    assert third.exc_info is not None and third.exc_info[1].args == ("bug",)
