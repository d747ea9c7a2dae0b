"""The audit log, as filtered on the screen, in a workbook: 稽核紀錄.

One row an entry, newest first, in the words of the screen (words.audit): full ROC times,
names instead of ids, what changed as sentences. Written like the monthly workbook: every
text through `Cells.text` (the same cleaning), a temporary file of ours beside the target
replaced atomically, A4 landscape with the header row on every page. The export itself is
written to the log before the file (it names volunteers).
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from openpyxl import Workbook

from frontdesk.export.cells import Cells
from frontdesk.export.monthly import ExportFailed, workbook_path
from frontdesk.export.styles import S_HEAD, S_INT, S_SMALL, S_TEXT, S_TITLE, print_setup, set_widths
from frontdesk.services.audit_view import AuditLog, AuditQuery, audit_entries, record_export
from frontdesk.services.context import Desk
from frontdesk.store import scratch
from frontdesk.store.paths import refuse_overwrite
from frontdesk.words.audit import action_name, actor_text, details_text, subject_text
from frontdesk.words.dates import format_roc_short, stamp

SHEET_AUDIT = "稽核紀錄"
AUDIT_HEADER = ("序號", "時間", "執行者", "動作", "對象", "內容")
AUDIT_WIDTHS = (7.0, 19.0, 18.0, 22.0, 32.0, 72.0)


LINE_HEIGHT = 15.0  # points: one line of the 11 pt text


def _lines(text: str, width: float) -> int:
    """About how many lines `text` wraps to in a column `width` characters wide (a CJK
    character is about 1.6 of Excel's character widths)."""
    units = sum(1.6 if ord(ch) >= 0x2E80 else 1.0 for ch in text)
    return max(1, math.ceil(units / max(width - 1.0, 1.0)))


def default_name(query: AuditQuery) -> str:
    """稽核紀錄_115-11-01至115-11-30.xlsx: what the file is, and which days."""
    first = format_roc_short(query.first_day).replace("/", "-") if query.first_day else ""
    last = format_roc_short(query.last_day).replace("/", "-") if query.last_day else ""
    span = f"_{first}至{last}" if first or last else ""
    return f"{SHEET_AUDIT}{span}.xlsx"


def _filters(log: AuditLog, query: AuditQuery) -> str:
    """期間 115/11/01 至 115/11/30；執行者：全部；動作：全部；共 12 筆"""
    first = format_roc_short(query.first_day) if query.first_day else "最早"
    last = format_roc_short(query.last_day) if query.last_day else "最近"
    who = actor_text(query.actor, log.names) if query.actor else "全部"
    what = action_name(query.action) if query.action else "全部"
    return f"期間 {first} 至 {last}；執行者：{who}；動作：{what}；共 {len(log.rows)} 筆"


def build_workbook(log: AuditLog, query: AuditQuery) -> Workbook:
    """The one sheet, write-only: title, filters, header, then the entries newest first."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET_AUDIT)
    c = Cells(ws)
    set_widths(ws, AUDIT_WIDTHS)
    ws.freeze_panes = "A4"
    title = f"{log.names.agency} {SHEET_AUDIT}"
    print_setup(ws, "3:3", title)
    ws.append([c.text(title, S_TITLE)])
    ws.append([c.text(_filters(log, query), S_SMALL)])
    ws.append([c.text(h, S_HEAD) for h in AUDIT_HEADER])
    names = log.names
    for number, r in enumerate(log.rows, start=4):
        texts = (
            actor_text(r.actor, names),
            action_name(r.action),
            subject_text(r.entity, r.entity_id, r.before, r.after, names),
            details_text(r.entity, r.before, r.after, names),
        )
        lines = max(_lines(t, w) for t, w in zip(texts, AUDIT_WIDTHS[2:], strict=True))
        if lines > 1:  # wrapped text needs its height: write-only sheets are not measured
            ws.row_dimensions[number].height = LINE_HEIGHT * lines
        ws.append(
            [c.cell(r.id, S_INT), c.text(stamp(r.at), S_TEXT), *(c.text(t, S_TEXT) for t in texts)]
        )
    ws.merged_cells.add("A1:F1")
    ws.merged_cells.add("A2:F2")
    wb.properties.title = title
    wb.properties.creator = "frontdesk"
    return wb


def export_audit(
    desk: Desk, query: AuditQuery, out_path: str | os.PathLike[str]
) -> tuple[Path, int]:
    """Write the entries matching `query` (all of them, no screen limit) to `out_path`
    (.xlsx added if missing); returns the file and the number of entries.

    The export is recorded in the log first; a name that is the desk's database or one of
    its backups is refused before anything is written (WouldOverwriteData).
    """
    out = workbook_path(out_path)
    refuse_overwrite(out, desk.db.path)
    log = audit_entries(desk, query, limit=None)
    record_export(desk, query, out, len(log.rows))
    try:
        # openpyxl keeps the sheet's XML in a temporary file until the save: ours, in the
        # data folder, removed at the next start if this process is killed.
        with scratch.job(desk.db.path) as job, job.library_temp_files():
            wb = build_workbook(log, query)
            tmp = job.beside(out)
            with tmp.open("wb") as fh:
                wb.save(fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, out)
    except OSError as exc:
        raise ExportFailed(
            f"cannot write {out}: {exc.strerror or exc}", path=str(out), reason=str(exc)
        ) from None
    return out.resolve(), len(log.rows)
