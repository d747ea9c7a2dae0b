"""Fuzzing the volunteer sheet import: whatever the workbook holds, the import either
succeeds or refuses with InvalidInput naming the rows (or the file) and changes nothing."""

from __future__ import annotations

import random
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import select

from frontdesk.services.context import Desk
from frontdesk.services.errors import InvalidInput
from frontdesk.services.volunteer_io import COLUMNS, import_volunteers
from frontdesk.store.models import Volunteer
from frontdesk.words.errors import describe_error
from tests.drills.conftest import dump
from tests.support.sheets import write_sheet as write_workbook

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FIELDS = {f for f, _title, _aliases in COLUMNS}
TITLES = {f: title for f, title, _aliases in COLUMNS}

safe_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=30
).map(lambda s: ILLEGAL_CHARACTERS_RE.sub("", s))
cell = st.one_of(
    st.none(),
    safe_text,
    st.sampled_from(["V001", "v002", "V003", "N-1", " ", "在職", "停用", "見習", "retired", "?"]),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
    st.sampled_from(["=1+1", "=A1", '=HYPERLINK("http://x")', "@SUM(1)", "+886912345678"]),
    st.sampled_from(["114/03/01", "2026-02-30", "0912345678", "0912-***-678", "1e3"]),
    st.text(alphabet="志工名字長", min_size=55, max_size=130),
)


def write_sheet(path: Path, header: list[str], rows: list[list[Any]], lead: int = 0) -> int:
    """Write a workbook: `lead` junk rows, the header, the rows; returns the header's row."""
    junk = [[f"說明 {i}"] for i in range(lead)]
    write_workbook(path, header, rows, lead=junk, title="志工名冊")
    return lead + 1


def _check_refusal(exc: InvalidInput, data_rows: set[int]) -> None:
    facts = exc.facts
    assert facts.get("field") in ("rows", "file"), facts
    text = describe_error(exc)
    assert text.strip() and "Traceback" not in text, text
    if facts["field"] == "rows":
        problems = facts["rows"]
        assert problems, facts
        for row, field, reason in problems:
            assert row in data_rows, (row, data_rows)
            assert field in FIELDS, field
            assert reason, problems
        assert f"{problems[0][0]}" in text, text


@st.composite
def sheets(draw: st.DrawFn) -> tuple[list[str], list[list[Any]], int]:
    others = draw(st.lists(st.sampled_from(sorted(FIELDS - {"code", "name"})), unique=True))
    order = ["code", "name", *others]
    order = draw(st.permutations(order))
    header = [TITLES[f] for f in order]
    rows = draw(st.lists(st.lists(cell, min_size=len(order), max_size=len(order)), max_size=8))
    return header, rows, draw(st.integers(0, 2))


@pytest.mark.parametrize("db_url", ["sqlite", "postgresql"], indirect=True)
@FUZZ
@given(sheet=sheets())
def test_any_sheet_imports_or_is_refused_whole(
    desk: Desk, tmp_path: Path, sheet: tuple[list[str], list[list[Any]], int]
) -> None:
    header, rows, lead = sheet
    path = tmp_path / "import.xlsx"
    header_row = write_sheet(path, header, rows, lead)
    before = dump(desk.db)
    try:
        report = import_volunteers(desk, path)
    except InvalidInput as exc:
        data_rows = set(range(header_row + 1, header_row + 1 + len(rows)))
        _check_refusal(exc, data_rows)
        assert dump(desk.db) == before, "a refused import changed the database"
        return
    with desk.db.read() as session:
        codes = set(session.scalars(select(Volunteer.code)))
    assert set(report.added) | set(report.updated) | set(report.unchanged) <= codes
    if report.added or report.updated:
        assert len(dump(desk.db)["audit_entry"]) > len(before["audit_entry"])
    else:  # a sheet that changes nothing is no update: nothing written, not even audit
        assert dump(desk.db) == before


# One bad row planted among good ones: (field named in the refusal, the row's cells by field)
PLANTED: list[tuple[str, dict[str, Any]]] = [
    ("code", {"code": "", "name": "沒有編號"}),
    ("code", {"code": "V 01!", "name": "壞編號"}),
    ("code", {"code": "X" * 33, "name": "太長編號"}),
    ("code", {"code": "DUP", "name": "重複"}),  # the sheet has DUP earlier
    ("name", {"code": "NM1", "name": ""}),
    ("name", {"code": "NM2", "name": "長" * 61}),
    ("name", {"code": "NM3", "name": '=HYPERLINK("http://evil")'}),
    ("status", {"code": "ST1", "name": "狀態", "status": "退休"}),
    ("status", {"code": "ST2", "name": "狀態", "status": 3}),
    ("weekly_max", {"code": "WM1", "name": "上限", "weekly_max": 0}),
    ("weekly_max", {"code": "WM2", "name": "上限", "weekly_max": 15}),
    ("weekly_max", {"code": "WM3", "name": "上限", "weekly_max": 2.5}),
    ("weekly_max", {"code": "WM4", "name": "上限", "weekly_max": "兩次"}),
    ("weekly_max", {"code": "WM5", "name": "上限", "weekly_max": True}),
    ("training_date", {"code": "TD1", "name": "訓練", "training_date": "2026-13-01"}),
    ("training_date", {"code": "TD2", "name": "訓練", "training_date": "去年"}),
    ("training_date", {"code": "TD3", "name": "訓練", "training_hours": 12}),
    (
        "training_hours",
        {"code": "TH1", "name": "訓練", "training_date": date(2026, 1, 2), "training_hours": 501},
    ),
    (
        "training_hours",
        {"code": "TH2", "name": "訓練", "training_date": date(2026, 1, 2), "training_hours": -1},
    ),
    (
        "training_hours",
        {
            "code": "TH3",
            "name": "訓練",
            "training_date": date(2026, 1, 2),
            "training_hours": "十二",
        },
    ),
    ("phone", {"code": "PH1", "name": "電話", "phone": "call me"}),
    ("phone", {"code": "PH2", "name": "電話", "phone": "0912-***-678"}),  # masked, new code
    ("phone", {"code": "PH3", "name": "電話", "phone": "=1+1"}),
    ("notes", {"code": "NT1", "name": "備註", "notes": "=SUM(A1:A9)"}),
]
ALL_FIELDS = [f for f, _title, _aliases in COLUMNS]


@st.composite
def good_row(draw: st.DrawFn, n: int) -> dict[str, Any]:
    return {
        "code": f"G{n:03d}",
        "name": draw(
            st.text(alphabet="王李張陳林志工明華 ", min_size=1, max_size=20).filter(
                lambda s: s.strip()
            )
        ),
        "phone": draw(st.sampled_from([None, "0912-345-678", 912345678, "+886 2 2345 6789"])),
        "status": draw(st.sampled_from([None, "在職", "見習", "停用", "active", "TRAINEE"])),
        "weekly_max": draw(st.sampled_from([None, 1, 3, 14, "2", 5.0])),
        "training_date": draw(st.sampled_from([None, date(2025, 3, 1), "114/03/01", "2026-1-2"])),
        "languages": draw(st.sampled_from([None, "國語 台語", "English" * 30])),
        "notes": draw(st.sampled_from([None, "", "週三不行", "x" * 3000])),
    }


@pytest.mark.parametrize("db_url", ["sqlite", "postgresql"], indirect=True)
@FUZZ
@given(
    good=st.integers(0, 6).flatmap(lambda k: st.tuples(*(good_row(n) for n in range(k)))),
    planted=st.sampled_from(PLANTED),
    where=st.integers(0, 6),
    lead=st.integers(0, 2),
    seed=st.integers(0, 2**16),
)
def test_a_planted_bad_row_is_named_and_nothing_imported(
    desk: Desk,
    tmp_path: Path,
    good: tuple[dict[str, Any], ...],
    planted: tuple[str, dict[str, Any]],
    where: int,
    lead: int,
    seed: int,
) -> None:
    field, bad = planted
    order = ALL_FIELDS[:]
    random.Random(seed).shuffle(order)
    rows = [dict(r) for r in good]
    where = min(where, len(rows))
    rows.insert(where, bad)
    if bad["code"] == "DUP":
        rows.insert(0, {"code": "DUP", "name": "第一個"})
        where += 1
    path = tmp_path / "planted.xlsx"
    header_row = write_sheet(
        path, [TITLES[f] for f in order], [[r.get(f) for f in order] for r in rows], lead
    )
    before = dump(desk.db)
    with pytest.raises(InvalidInput) as caught:
        import_volunteers(desk, path)
    _check_refusal(caught.value, set(range(header_row + 1, header_row + 1 + len(rows))))
    named = {(row, f) for row, f, _reason in caught.value.facts["rows"]}
    assert (header_row + 1 + where, field) in named, (field, bad, caught.value.facts)
    assert dump(desk.db) == before


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(junk=st.binary(max_size=400), kind=st.sampled_from(["raw", "zip", "csv"]))
def test_a_file_that_is_not_a_workbook_is_refused(
    desk: Desk, tmp_path: Path, junk: bytes, kind: str
) -> None:
    path = tmp_path / "not-a-workbook.xlsx"
    if kind == "zip":  # a zip archive, but not an Office document
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("[Content_Types].xml", junk)
            z.writestr("xl/workbook.xml", b"<workbook/>")
    elif kind == "csv":
        path.write_bytes("編號,姓名\nV009,王小明\n".encode() + junk)
    else:
        path.write_bytes(junk)
    before = dump(desk.db)
    with pytest.raises(InvalidInput) as caught:
        import_volunteers(desk, path)
    assert caught.value.facts.get("field") == "file", caught.value.facts
    assert describe_error(caught.value).strip()
    assert dump(desk.db) == before
