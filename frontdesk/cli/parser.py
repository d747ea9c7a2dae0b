"""The command line's argparse, in the command line's language and without exiting by itself.

Light on purpose: `frontdesk --help` builds its parser from here and Qt's core alone.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import Any, TypeAlias

from PySide6.QtCore import QCoreApplication

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class Exit(Exception):
    """Parsing is over with this exit code (help shown, or the input refused)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        if prefix is None:
            prefix = QCoreApplication.translate("cli", "usage: ")
        super().add_usage(usage, actions, groups, prefix)


class Parser(argparse.ArgumentParser):
    """argparse that never exits by itself: errors come back to main() as exit codes.

    Its own words (usage, headings, -h, errors) are in the command line's language too.
    """

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        kwargs["add_help"] = False  # our own -h below, in the command line's language
        super().__init__(*args, **kwargs)
        self._positionals.title = QCoreApplication.translate("cli", "positional arguments")
        self._optionals.title = QCoreApplication.translate("cli", "options")
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help=QCoreApplication.translate("cli", "show this help and exit"),
            )

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        print(argparse_words(message), file=sys.stderr)
        raise Exit(EXIT_USAGE)

    def exit(self, status: int = 0, message: str | None = None) -> Any:
        if message:
            print(message.rstrip(), file=sys.stderr)
        raise Exit(status)


def argparse_words(message: str) -> str:
    """argparse's own English error as one sentence in the command line's language."""
    patterns: list[tuple[str, Callable[[], str]]] = [
        (
            r"the following arguments are required: (?P<what>.*)",
            lambda: QCoreApplication.translate(
                "cli", "The following arguments are required: {what}."
            ),
        ),
        (
            r"argument (?P<arg>\S+): invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)",
            lambda: QCoreApplication.translate(
                "cli", "Argument {arg}: invalid choice: {value} (choose from {choices})."
            ),
        ),
        (
            r"argument (?P<arg>\S+): expected one argument",
            lambda: QCoreApplication.translate("cli", "Argument {arg}: expected one argument."),
        ),
        (
            r"argument (?P<arg>\S+): invalid (?P<type>\S+) value: (?P<value>.*)",
            lambda: QCoreApplication.translate(
                "cli", "Argument {arg}: invalid {type} value: {value}."
            ),
        ),
        (
            r"unrecognized arguments: (?P<what>.*)",
            lambda: QCoreApplication.translate("cli", "Unrecognized arguments: {what}."),
        ),
    ]
    for pattern, words in patterns:
        m = re.fullmatch(pattern, message)
        if m:
            return words().format(**m.groupdict())
    return message[:1].upper() + message[1:] + "."


def actions(parser: argparse.ArgumentParser) -> Subparsers:
    """The sub-commands of a command group (`frontdesk calendar show`): ACTION in its usage."""
    return parser.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)


def late_options() -> argparse.ArgumentParser:
    """--db and --basedir, accepted after the command too (`frontdesk demo --db x.sqlite3`)."""
    late = argparse.ArgumentParser(add_help=False)
    late.add_argument("--db", metavar="PATH|URL", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    late.add_argument("--basedir", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return late


def action(subparsers: Subparsers, name: str, help_text: str) -> argparse.ArgumentParser:
    """One action of a group; its help line is also the description of its own --help."""
    return subparsers.add_parser(
        name, help=help_text, description=help_text, parents=[late_options()]
    )
