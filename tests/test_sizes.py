"""No module of frontdesk over 500 lines, no function over 80, unless its docstring says why.

A long function or module mixes things that have a home of their own; the project guide
sets the limits. A function may be longer when its docstring says it is long on purpose
and why (an Alembic migration's upgrade() is a frozen record of one schema).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import frontdesk

PACKAGE = Path(frontdesk.__file__).parent
MODULE_LINES = 500
FUNCTION_LINES = 80
# The docstring of a function allowed to be longer: "Long on purpose: <why>" or "long because".
REASON = re.compile(r"\blong (on purpose|because)\b", re.IGNORECASE)


def too_long(source: str, name: str = "<module>") -> list[str]:
    """What in `source` is over the limits, as 'name: n lines'."""
    found = []
    lines = source.count("\n") + (0 if source.endswith("\n") else 1)
    if lines > MODULE_LINES:
        found.append(f"{name}: {lines} lines")
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        length = (node.end_lineno or node.lineno) - node.lineno + 1
        if length > FUNCTION_LINES and not REASON.search(ast.get_docstring(node) or ""):
            found.append(f"{name}:{node.lineno} {node.name}(): {length} lines")
    return found


def test_no_module_or_function_of_frontdesk_is_too_long() -> None:
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += too_long(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE)))
    assert found == []
