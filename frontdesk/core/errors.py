"""The base of every error a person can cause, so callers catch one thing and word it.

An error derived from `FrontdeskError` is something a person asked for or set up that
cannot be done: bad input, a taken slot, a locked account, a damaged or unreachable
database. It carries a `code` (what went wrong) and `facts` (the values behind it) and
nothing half-done is left behind; the UI and the CLI turn code and facts into a
translated sentence. Any other exception escaping a use case is a fault in frontdesk (a
bug): it is logged with its traceback and the person gets an apology, not an explanation.
"""

from __future__ import annotations

from typing import Any, ClassVar


class FrontdeskError(Exception):
    """An error a person caused or can act on, answered in words from `code` and `facts`."""

    code: ClassVar[str] = "error"

    def __init__(self, message: str = "", **facts: Any) -> None:
        super().__init__(message or self.code)
        self.facts: dict[str, Any] = facts

    @classmethod
    def codes(cls) -> list[str]:
        """This class's code, then its parents' codes: the most specific sentence wins."""
        return [
            klass.__dict__["code"]
            for klass in cls.__mro__
            if issubclass(klass, FrontdeskError) and "code" in klass.__dict__
        ]
