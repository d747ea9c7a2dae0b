"""Fixtures for driving `frontdesk.cli.main` in-process against real SQLite files."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from frontdesk.cli import main

DEMO_TODAY = "2025-03-12"


@dataclass
class Result:
    code: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the CLI's English source text: the locale asks for English.

    Traditional Chinese, the default, is checked in test_cli_language.py (which undoes this).
    """
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Run:
    """cli('calendar', 'show', ...) -> Result(code, out, err)."""

    def run(*args: str) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def dbfile(tmp_path: Path) -> Path:
    return tmp_path / "desk.sqlite3"


@pytest.fixture
def desk_db(cli: Run, dbfile: Path) -> Path:
    """An initialised database with no volunteers."""
    r = cli("--db", dbfile, "init", "--agency", "測試衛生所")
    assert r.code == 0, r.err
    return dbfile


@pytest.fixture(scope="session")
def _demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    assert main(["--db", str(path), "demo", "--today", DEMO_TODAY, "--seed", "7"]) == 0
    _checkpoint(path)
    return path


@pytest.fixture
def demo_db(_demo_master: Path, tmp_path: Path) -> Path:
    """A private copy of a demo database built once per test session."""
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(_demo_master, path)
    return path


def _checkpoint(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def dump(path: Path) -> list[str]:
    """Every row of every table, to compare a database before and after a refused command."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def demo_today() -> date:
    return date.fromisoformat(DEMO_TODAY)
