"""The county's national-system template: which of its columns takes which of our fields.

Nobody knows this year's layout in advance and it changes, so the supervisor maps the
template's header once; the mapping remembers the header it was made for, and a template
whose header differs is a changed template: the mapping is asked again, never guessed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

# Our fields, in the order the mapping form lists them.
CODE, NAME, DATE, START, END, HOURS, ITEM, CATEGORY = (
    "code",
    "name",
    "date",
    "start",
    "end",
    "hours",
    "item",
    "category",
)
FIELDS = (CODE, NAME, DATE, START, END, HOURS, ITEM, CATEGORY)

# Words of a header cell that name a field (the first match wins, in FIELDS order).
_HINTS = {
    CODE: ("編號", "代號", "志工證號", "code"),
    NAME: ("姓名", "name"),
    DATE: ("日期", "date"),
    START: ("開始", "起", "start"),
    END: ("結束", "迄", "end"),
    HOURS: ("時數", "hours"),
    ITEM: ("項目", "內容", "item"),
    CATEGORY: ("類別", "category"),
}


def _norm(text: str) -> str:
    return "".join(str(text or "").split()).lower()


@dataclass(frozen=True)
class TemplateMapping:
    """Which template column (1-based) takes which field, for the header it was made for."""

    sheet: str
    header_row: int
    header: tuple[str, ...]
    columns: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(
            {
                "sheet": self.sheet,
                "header_row": self.header_row,
                "header": list(self.header),
                "columns": self.columns,
            },
            ensure_ascii=False,
        )

    @staticmethod
    def from_json(text: str) -> TemplateMapping | None:
        """The stored mapping, or None when there is none or it cannot be read."""
        try:
            raw = json.loads(text)
            columns = {str(k): int(v) for k, v in dict(raw["columns"]).items() if k in FIELDS}
            return TemplateMapping(
                str(raw["sheet"]), int(raw["header_row"]), tuple(map(str, raw["header"])), columns
            )
        except (ValueError, KeyError, TypeError):
            return None

    def fits(self, sheet: str, header_row: int, header: tuple[str, ...]) -> bool:
        """True when a template has the header this mapping was made for (blanks and case
        aside); False means the template changed and the mapping must be asked again."""
        return (
            sheet == self.sheet
            and header_row == self.header_row
            and tuple(map(_norm, header)) == tuple(map(_norm, self.header))
        )


# Words of a header cell asking for personal data (個人資料保護法): never filled.
PERSONAL_HINTS = ("身分證", "身份證", "統一編號", "出生", "電話", "手機", "地址")


def personal_columns(header: tuple[str, ...]) -> tuple[int, ...]:
    """The template's columns (1-based) asking for personal data such as 身分證字號: we
    leave them empty, the desk keeps no ID numbers and exports no personal data."""
    return tuple(
        i for i, cell in enumerate(header, start=1) if any(h in _norm(cell) for h in PERSONAL_HINTS)
    )


def guess_columns(header: tuple[str, ...]) -> dict[str, int]:
    """A first proposal from the header's words; each column used once, each field once.

    Only a proposal: the supervisor sees it in the preview and corrects it before saving.
    """
    out: dict[str, int] = {}
    used: set[int] = set()
    for name in FIELDS:
        for i, cell in enumerate(header, start=1):
            text = _norm(cell)
            if i not in used and text and any(h in text for h in _HINTS[name]):
                out[name] = i
                used.add(i)
                break
    return out
