"""Fuzzing the DGPA calendar import with mutated official files: wrong encodings, cut
lines, bad flags, duplicated or missing days. A refusal names the file and, where there is
one, the line; the calendar is left exactly as it was."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontdesk.services import calendar
from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput
from frontdesk.words.errors import describe_error
from tests.drills.conftest import dump

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
REASONS = {
    "empty",
    "bad_encoding",
    "bad_header",
    "bad_row",
    "bad_date",
    "weekday_mismatch",
    "bad_flag",
    "duplicate_date",
    "mixed_years",
    "incomplete_year",
}
YEAR = 2027
HOLIDAYS = {
    date(YEAR, 1, 1): "開國紀念日",
    date(YEAR, 2, 8): "春節",
    date(YEAR, 10, 11): "國慶日補假",
}


def official_lines(year: int = YEAR) -> list[str]:
    """A valid file's lines: the header, then one line per day (line n+2 is day n)."""
    lines = ["西元日期,星期,是否放假,備註"]
    d = date(year, 1, 1)
    while d.year == year:
        off = d.weekday() >= 5 or d in HOLIDAYS
        lines.append(
            f"{d:%Y%m%d},{'一二三四五六日'[d.weekday()]},{2 if off else 0},{HOLIDAYS.get(d, '')}"
        )
        d += timedelta(days=1)
    return lines


def _import(desk: Desk, data: bytes | str) -> InvalidInput | None:
    before = dump(desk.db)
    try:
        calendar.import_dgpa(desk, data)
    except InvalidInput as exc:
        facts = exc.facts
        assert facts.get("field") == "file" and facts.get("reason") in REASONS, facts
        row = facts.get("row")
        assert row is None or (isinstance(row, int) and row >= 1), facts
        text = describe_error(exc)
        assert text.strip() and "Traceback" not in text, text
        if row is not None:
            assert str(row) in text, text
        assert dump(desk.db) == before, "a refused calendar changed the database"
        return exc
    return None


def _next_year(cells: list[str]) -> list[str]:
    """The same month and day a year later, with its right weekday: only the year is wrong."""
    d = date(YEAR + 1, int(cells[0][4:6]), int(cells[0][6:]))
    return [f"{d:%Y%m%d}", "一二三四五六日"[d.weekday()], *cells[2:]]


# --- mutations of one line: the refusal names that line ------------------------------------

LINE_MUTATIONS = {
    "flag": (
        "bad_flag",
        lambda c, r: [c[0], c[1], r.choice(["1", "3", "", "x", "２", "-0", "0 2"]), *c[3:]],
    ),
    "weekday": (
        "weekday_mismatch",
        lambda c, r: [
            c[0],
            "一二三四五六日"[("一二三四五六日".index(c[1]) + r.randint(1, 6)) % 7],
            *c[2:],
        ],
    ),
    "date": (
        "bad_date",
        lambda c, r: [
            r.choice(
                [c[0][:7], c[0] + "1", f"{YEAR}0230", f"{YEAR}1301", "２０２７０１０１", "2027-1-1"]
            ),
            *c[1:],
        ],
    ),
    "cells": ("bad_row", lambda c, r: c[: r.randint(1, 2)]),
    "year": ("mixed_years", lambda c, r: _next_year(c)),
}


@pytest.mark.parametrize("db_url", ["sqlite", "postgresql"], indirect=True)
@FUZZ
@given(
    kind=st.sampled_from(sorted(LINE_MUTATIONS)),
    day=st.integers(1, 364),
    seed=st.randoms(use_true_random=False),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp950", "str"]),
    crlf=st.booleans(),
)
def test_a_bad_line_is_named(
    desk: Desk, kind: str, day: int, seed: object, encoding: str, crlf: bool
) -> None:
    reason, mutate = LINE_MUTATIONS[kind]
    lines = official_lines()
    n = day + 1  # 0-based index in `lines`; the file's line number is n + 1
    lines[n] = ",".join(mutate(lines[n].split(","), seed))
    text = ("\r\n" if crlf else "\n").join(lines) + "\n"
    exc = _import(desk, text if encoding == "str" else text.encode(encoding))
    assert exc is not None, f"{kind} on line {n + 1} was accepted"
    assert (exc.facts["reason"], exc.facts["row"]) == (reason, n + 1), exc.facts


# --- anything goes: several mutations of the file, as text and as bytes ---------------------


@st.composite
def mangled(draw: st.DrawFn) -> bytes | str:
    lines = official_lines()
    for _ in range(draw(st.integers(1, 3))):
        op = draw(
            st.sampled_from(
                [
                    "duplicate",
                    "delete",
                    "truncate",
                    "swap",
                    "nul",
                    "cr",
                    "quote",
                    "long_note",
                    "blank",
                    "header",
                    "flag",
                    "garbage",
                ]
            )
        )
        i = draw(st.integers(1, len(lines) - 1)) if len(lines) > 1 else 0
        if op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "delete" and len(lines) > 1 and i > 0:
            del lines[i]
        elif op == "truncate":
            lines = lines[: max(i, 1)]
            lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
        elif op == "swap":
            j = draw(st.integers(1, len(lines) - 1)) if len(lines) > 1 else 0
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "nul":
            lines[i] = lines[i][:3] + "\x00" + lines[i][3:]
        elif op == "cr":
            lines[i] = lines[i][:10] + "\r" + lines[i][10:]
        elif op == "quote":
            lines[i] = '"' + lines[i]
        elif op == "long_note":
            lines[i] = lines[i] + "颱風" * draw(st.integers(50, 200))
        elif op == "blank":
            lines.insert(i, draw(st.sampled_from(["", " ", ",,,", "\t"])))
        elif op == "header":
            lines[0] = draw(st.sampled_from(["日期,星期,是否放假,備註", "西元日期,星期", ""]))
        elif op == "flag":
            cells = lines[i].split(",")
            if len(cells) >= 3:
                cells[2] = draw(st.text(max_size=3))
                lines[i] = ",".join(cells)
        else:
            lines[i] = draw(st.text(max_size=40))
    text = "\n".join(lines)
    encoding = draw(st.sampled_from(["str", "utf-8", "cp950", "utf-16", "latin-1", "broken"]))
    if encoding == "str":
        return text
    if encoding == "broken":  # a valid encoding with a few bytes of garbage in it
        data = text.encode("utf-8")
        at = draw(st.integers(0, len(data)))
        return data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
    return text.encode(encoding, errors="replace")


@pytest.mark.parametrize("db_url", ["sqlite", "postgresql"], indirect=True)
@FUZZ
@given(data=mangled())
def test_a_mangled_file_is_refused_or_imported_whole(desk: Desk, data: bytes | str) -> None:
    calendar.import_dgpa(desk, "\n".join(official_lines(YEAR - 1)))  # something to keep
    before = dump(desk.db)
    exc = _import(desk, data)
    if exc is None:  # accepted: then it was a whole year, and the year before is untouched
        after = dump(desk.db)
        kept = [
            r
            for r in before["calendar_override"]
            if any(type(v) is date and v.year == YEAR - 1 for v in r)
        ]
        assert kept
        assert all(r in after["calendar_override"] for r in kept)
