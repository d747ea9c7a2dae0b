"""No traceback-shaped message for something a person did: every subcommand, run with
missing and wrong input (no arguments, nonsense values, bad dates and months, files that
are not there, empty standard input, a wrong --db), answers in words of what to do, never
with 未預期 ("unexpected problem ... looks like a bug")."""

from __future__ import annotations

import argparse
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontdesk.cli.entry import _commands, build_parser
from tests.cli.conftest import Run

WRONG = "nope"  # not a date, month, time, code, number, file or slot


def _sub(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for a in parser._actions:
        if isinstance(a, argparse._SubParsersAction):
            return dict(a.choices)
    return {}


def _leaves() -> Iterator[tuple[list[str], argparse.ArgumentParser]]:
    """(words that name it, its parser) for every command and action of `frontdesk`."""
    for name in _commands():
        command = _sub(build_parser(name))[name]
        actions = _sub(command)
        if not actions:
            yield [name], command
        for action, parser in actions.items():
            yield [name, action], parser


def _filled(parser: argparse.ArgumentParser, *, optional: bool) -> list[str]:
    """Every required argument (and with `optional` every other one) given WRONG."""
    words: list[str] = []
    for a in parser._actions:
        if isinstance(a, argparse._HelpAction) or a.dest in ("db", "basedir"):
            continue
        if a.nargs == 0:  # a flag
            if optional and a.option_strings:
                words.append(a.option_strings[0])
            continue
        if not a.option_strings:
            words.append(WRONG)
        elif a.required or optional:
            words += [a.option_strings[-1], WRONG]
    return words


LEAVES = list(_leaves())


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.chdir(tmp_path)  # whatever a command writes lands here
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # nothing on standard input


@pytest.mark.parametrize(("words", "parser"), LEAVES, ids=[" ".join(w) for w, _ in LEAVES])
def test_wrong_input_is_answered_in_words(
    cli: Run, chinese: None, desk_db: Path, tmp_path: Path, words: list[str], parser: object
) -> None:
    assert isinstance(parser, argparse.ArgumentParser)
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n", encoding="utf-8")
    dbs = [
        str(desk_db),
        str(tmp_path / "missing" / "desk.sqlite3"),
        str(text),
        "postgresql://someone:secret@127.0.0.1:1/desk",
        "nosuchscheme://someone:secret@host/desk",
    ]
    tried = 0
    for db in dbs:
        for extra in ([], _filled(parser, optional=False), _filled(parser, optional=True)):
            r = cli("--db", db, *words, *extra)
            said = r.out + r.err
            assert "未預期" not in said, (words, extra, db, said)
            assert "Unexpected" not in said and "Traceback" not in said, (words, extra, db)
            assert "secret" not in said, (words, db, said)  # a password is never printed
            assert "+pysqlite" not in said and "+psycopg" not in said, (words, db, said)
            tried += 1
    assert tried == len(dbs) * 3
