"""Recognition under the Volunteer Service Act: performance certificate and honor card."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

CERTIFICATE_YEARS, CERTIFICATE_HOURS = 1, 150  # 志願服務績效證明書
HONOR_CARD_YEARS, HONOR_CARD_HOURS = 3, 300  # 志願服務榮譽卡 (hours already counted are not reused)


@dataclass(frozen=True, slots=True)
class Recognition:
    """Progress toward one recognition: years of service and hours, as of a day."""

    years_required: int
    hours_required: int
    eligible_from: date | None  # the anniversary that completes the years; None without a start
    years_met: bool
    hours: float
    hours_met: bool

    @property
    def met(self) -> bool:
        return self.years_met and self.hours_met

    @property
    def hours_missing(self) -> float:
        return max(0.0, round(self.hours_required - self.hours, 2))


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def recognition(
    since: date | None, as_of: date, minutes: int, years: int, hours: int
) -> Recognition:
    """Years of service counted from `since` to `as_of` inclusive; hours from credited minutes."""
    eligible = add_years(since, years) if since is not None else None
    got = round(minutes / 60, 2)
    return Recognition(
        years_required=years,
        hours_required=hours,
        eligible_from=eligible,
        years_met=eligible is not None and eligible <= as_of + timedelta(days=1),
        hours=got,
        hours_met=got >= hours,
    )


def certificate(since: date | None, as_of: date, minutes: int) -> Recognition:
    return recognition(since, as_of, minutes, CERTIFICATE_YEARS, CERTIFICATE_HOURS)


def honor_card(since: date | None, as_of: date, minutes: int) -> Recognition:
    return recognition(since, as_of, minutes, HONOR_CARD_YEARS, HONOR_CARD_HOURS)
