"""The kiosk phone tab's rules: answer, transfer, close (志工服務規範 六、電話禮貌) as three
short lines under the script, and the desk's latest courtesy test score when shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout

from frontdesk.ui.widgets import wrap_label
from frontdesk.words import phone


def phone_rules(grid: QGridLayout, first_row: int, score: int | None) -> int:
    """Add the rules (and the score line) to `grid` from `first_row`; the rows added."""
    text = "\n".join(f"・{line}" for line in phone.desk_rules())
    rules = wrap_label(text, role="notice")
    rules.setObjectName("phoneRules")
    rules.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    grid.addWidget(rules, first_row, 0, 1, 2)
    if score is None:
        return 1
    latest = wrap_label(phone.latest_score(score), role="notice")
    latest.setObjectName("phoneScore")
    grid.addWidget(latest, first_row + 1, 0, 1, 2)
    return 2
