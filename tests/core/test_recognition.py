"""Recognition rules: performance certificate (1 year, 150 h) and honor card (3 years, 300 h)."""

from datetime import date

from frontdesk.core.recognition import add_years, certificate, honor_card


def test_certificate_needs_both_the_year_and_the_hours() -> None:
    joined = date(2025, 3, 1)
    early = certificate(joined, date(2026, 2, 27), 150 * 60)
    assert early.hours_met and not early.years_met and not early.met
    assert certificate(joined, date(2026, 2, 28), 150 * 60).met  # the anniversary's eve counts
    short = certificate(joined, date(2026, 6, 30), 149 * 60 + 30)
    assert short.years_met and not short.met and short.hours_missing == 0.5


def test_honor_card_and_unknown_start() -> None:
    assert honor_card(date(2020, 1, 1), date(2026, 1, 1), 300 * 60).met
    unknown = honor_card(None, date(2026, 1, 1), 900 * 60)
    assert unknown.eligible_from is None and not unknown.met


def test_leap_day_anniversary() -> None:
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
