"""Errors a use case raises; each carries a code and facts, the UI and CLI put them in words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from frontdesk.core.findings import Finding


class ServiceError(Exception):
    """Something a person asked for that cannot be done; nothing was changed."""

    code = "service_error"

    def __init__(self, message: str = "", **facts: Any) -> None:
        super().__init__(message or self.code)
        self.facts = facts


class NotFound(ServiceError):
    code = "not_found"


class InvalidInput(ServiceError):
    """Bad input; `facts['field']` names what was wrong, `facts['row']` the row when a file."""

    code = "invalid_input"


class Conflict(ServiceError):
    """The data changed under the request (a taken slot, a decided swap...)."""

    code = "conflict"


class RuleViolation(ServiceError):
    """Blocking findings from the duty rules."""

    code = "rule_violation"

    def __init__(self, findings: Sequence[Finding], message: str = "") -> None:
        super().__init__(message or ", ".join(f.code.value for f in findings), findings=findings)
        self.findings = list(findings)


class NeedsConfirmation(ServiceError):
    """Only warnings: the person must confirm before the change is made."""

    code = "needs_confirmation"

    def __init__(self, findings: Sequence[Finding]) -> None:
        super().__init__(", ".join(f.code.value for f in findings), findings=findings)
        self.findings = list(findings)


class NotAllowed(ServiceError):
    """The caller may not do this (wrong password, locked account, not a supervisor)."""

    code = "not_allowed"
