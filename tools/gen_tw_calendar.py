"""Write frontdesk/core/data/tw_workdays.json: Taiwan's working-day facts from `holidays`.

    python3 tools/gen_tw_calendar.py [--check]

The kiosk asks the calendar on every start, and `import holidays` costs about 120 ms (its
package imports every country). core.calendar answers the years of this table from the
table and imports `holidays` only for other years. For each year: every day `holidays.TW`
names (days off, and named weekend days) with its zh_TW name, and the weekend days it makes
working days (補行上班). tests/core/test_tw_table.py compares the table with `holidays` day
by day, so upgrading `holidays` with changed facts fails until this script is run again.
--check exits 1 when the file differs from what would be written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import holidays

FIRST_YEAR = 2019
LAST_YEAR = 2030
OUT = Path(__file__).resolve().parent.parent / "frontdesk" / "core" / "data" / "tw_workdays.json"


def year_facts(year: int) -> dict[str, Any]:
    """The facts core.calendar reads from holidays for one year, as core.calendar asks them."""
    tw = holidays.country_holidays("TW", years=year, language="zh_TW")
    return {
        "off": {d.isoformat(): str(name) for d, name in sorted(tw.items()) if d.year == year},
        "workdays": sorted(d.isoformat() for d in tw.weekend_workdays if d.year == year),
    }


def table() -> dict[str, Any]:
    return {
        "about": "Taiwan working-day facts from the holidays package; "
        "regenerate with tools/gen_tw_calendar.py",
        "holidays_version": holidays.__version__,
        "first_year": FIRST_YEAR,
        "last_year": LAST_YEAR,
        "years": {str(y): year_facts(y) for y in range(FIRST_YEAR, LAST_YEAR + 1)},
    }


def render() -> str:
    return json.dumps(table(), ensure_ascii=False, indent=1) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 on change")
    args = parser.parse_args()
    text = render()
    if args.check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT}: {'up to date' if same else 'differs, run tools/gen_tw_calendar.py'}")
        return 0 if same else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    days = sum(len(y["off"]) + len(y["workdays"]) for y in table()["years"].values())
    print(f"wrote {OUT} ({days} days, {FIRST_YEAR}-{LAST_YEAR}, holidays {holidays.__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
