"""Shared checks of the words people read."""

from __future__ import annotations

import re

# An ISO date such as 2026-12-01 (or 2026-12-1): never shown to a volunteer or supervisor,
# who read dates in ROC form (frontdesk.words.dates).
ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
