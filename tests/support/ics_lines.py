"""A small iCalendar reader written from RFC 5545 alone, independent of the `icalendar`
library: unfolds lines, splits name, parameters and value, nests BEGIN/END blocks.

The second opinion on the calendar files the desk writes (a phone's importer is neither).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    name: str
    props: list[tuple[str, dict[str, str], str]] = field(default_factory=list)
    children: list[Block] = field(default_factory=list)

    def get(self, name: str) -> str:
        found = [v for n, _, v in self.props if n == name]
        assert len(found) == 1, (name, found)
        return found[0]

    def params(self, name: str) -> dict[str, str]:
        return next(p for n, p, _ in self.props if n == name)

    def blocks(self, name: str) -> list[Block]:
        return [c for c in self.children if c.name == name]


def unfold(text: str) -> list[str]:
    """RFC 5545 §3.1: CRLF line ends; a line starting with a space or tab continues the last."""
    assert "\n" not in text.replace("\r\n", ""), "bare line feeds"
    lines: list[str] = []
    for raw in text.split("\r\n"):
        if raw[:1] in (" ", "\t") and lines:
            lines[-1] += raw[1:]
        elif raw:
            lines.append(raw)
    return lines


def _split(line: str) -> tuple[str, dict[str, str], str]:
    quoted, cut = False, -1
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            cut = i
            break
    assert cut > 0, line
    head, value = line[:cut], line[cut + 1 :]
    name, *params = head.split(";")
    return name.upper(), dict(p.split("=", 1) for p in params), value


def parse(data: bytes) -> Block:
    """The VCALENDAR block of a whole file; every line at most 75 octets, as §3.1 asks."""
    text = data.decode("utf-8")
    for raw in text.split("\r\n"):
        assert len(raw.encode("utf-8")) <= 75, raw
    stack = [Block("ROOT")]
    for line in unfold(text):
        name, params, value = _split(line)
        if name == "BEGIN":
            block = Block(value.upper())
            stack[-1].children.append(block)
            stack.append(block)
        elif name == "END":
            assert stack[-1].name == value.upper(), (stack[-1].name, value)
            stack.pop()
        else:
            stack[-1].props.append((name, params, value))
    assert len(stack) == 1, "unclosed block"
    (cal,) = stack[0].children
    return cal


def text_value(value: str) -> str:
    """A TEXT value unescaped (§3.3.11)."""
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)
