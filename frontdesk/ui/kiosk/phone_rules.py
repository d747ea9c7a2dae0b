"""The kiosk phone tab's rules: answer, transfer, close (志工服務規範 六、電話禮貌) as three
short lines under the script, and the desk's latest courtesy test score when shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout

from frontdesk.ui.widgets import wrap_label
from frontdesk.words import phone


def phone_rules(grid: QGridLayout, first_row: int, score: int | None) -> int:
    """Add the rules' line (and the score line) to `grid` from `first_row`; the rows added."""
    head = wrap_label(phone.rules_head(), role="scriptHead")
    head.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    grid.addWidget(head, first_row, 0)
    line = wrap_label("・".join(phone.desk_rules()), role="scriptHead")
    line.setObjectName("phoneRules")
    grid.addWidget(line, first_row, 1)
    if score is None:
        return 1
    latest = wrap_label(phone.latest_score(score), role="notice")
    latest.setObjectName("phoneScore")
    grid.addWidget(latest, first_row + 1, 0, 1, 2)
    return 2
