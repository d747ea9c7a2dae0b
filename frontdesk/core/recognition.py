"""Recognition under the Volunteer Service Act (志願服務法): performance certificate, honor
card windows, the health-and-welfare and volunteer service awards, and pace forecasts."""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable, Sequence
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
    """志願服務績效證明書: one year of service and 150 hours (志願服務法; hours served at other
    agencies count, so `minutes` may include prior hours)."""
    return recognition(since, as_of, minutes, CERTIFICATE_YEARS, CERTIFICATE_HOURS)


def honor_card(since: date | None, as_of: date, minutes: int) -> Recognition:
    """志願服務榮譽卡 for a volunteer without a card yet: three years and 300 hours
    (志願服務榮譽卡核發要點); next_honor_card counts the windows after a card."""
    return recognition(since, as_of, minutes, HONOR_CARD_YEARS, HONOR_CARD_HOURS)


# --- Hours as the national system takes them -------------------------------------------

NATIONAL_STEP_MINUTES = 30  # the national volunteer system records hours in 0.5 h steps


def step_minutes(minutes: int, step: int = NATIONAL_STEP_MINUTES) -> int:
    """Credited minutes cut down to whole `step`s (0 or less: unchanged).

    Source: 志願服務法 (recorded hours are the actual service time) and the Ministry of
    Health and Welfare's 志願服務資訊整合系統, which takes hours in 0.5 h steps; cutting
    down, never up, so no hour is claimed that was not served.
    """
    if step <= 0:
        return max(0, minutes)
    return max(0, minutes) // step * step


# --- Honor card windows -----------------------------------------------------------------

HONOR_CARD_VALID_YEARS = 3  # 志願服務榮譽卡 is valid three years
CARD_EXPIRY_WARNING_DAYS = 60  # the supervisor is warned this long before a card expires


@dataclass(frozen=True, slots=True)
class Served:
    """A dated block of credited service: a duty, hours entered by hand, or prior hours
    (dated on the last day of their range, so they fall in a window only as a whole)."""

    day: date
    minutes: int


@dataclass(frozen=True, slots=True)
class Card:
    """An honor card granted: the day it was approved and the day it expires (inclusive)."""

    approved_on: date
    expires_on: date


def card_expiry(approved_on: date) -> date:
    """The last valid day of a card approved on `approved_on`: three years less a day.

    Source: 志願服務榮譽卡核發要點 (the card is valid three years).
    """
    return add_years(approved_on, HONOR_CARD_VALID_YEARS) - timedelta(days=1)


def next_window_start(since: date | None, cards: Sequence[Card]) -> date | None:
    """Where the years and hours toward the next honor card start counting.

    Source: 志願服務榮譽卡核發要點 as read in the domain notes: the first card counts from
    the start of service; each later one only from the later of the last card's approval
    and the expiry of the card before it, so hours used for one card never count again.
    """
    if not cards:
        return since
    ordered = sorted(cards, key=lambda c: c.approved_on)
    last = ordered[-1]
    if len(ordered) == 1:
        return last.approved_on
    return max(last.approved_on, ordered[-2].expires_on)


def card_windows(since: date | None, cards: Sequence[Card]) -> list[tuple[date | None, date]]:
    """Each granted card's counting window [start, approval), oldest first.

    The window of card k starts where next_window_start put it after cards 1..k-1 and
    ends the day before its approval; the windows never overlap (no hour twice).
    """
    ordered = sorted(cards, key=lambda c: c.approved_on)
    return [
        (next_window_start(since, ordered[:k]), card.approved_on) for k, card in enumerate(ordered)
    ]


def minutes_between(served: Iterable[Served], start: date | None, end: date) -> int:
    """Minutes served from `start` (None: the beginning) to `end`, both inclusive."""
    return sum(s.minutes for s in served if s.day <= end and (start is None or s.day >= start))


def next_honor_card(
    since: date | None, as_of: date, served: Iterable[Served], cards: Sequence[Card]
) -> Recognition:
    """Progress toward the next honor card: three years and 300 hours inside its window.

    Source: 志願服務法 and 志願服務榮譽卡核發要點 (3 years, 300 hours of valid service;
    hours already used for a card are not counted again), window by next_window_start.
    """
    start = next_window_start(since, cards)
    minutes = minutes_between(served, start, as_of) if start is not None else 0
    return recognition(start, as_of, minutes, HONOR_CARD_YEARS, HONOR_CARD_HOURS)


def card_expiring(cards: Sequence[Card], as_of: date) -> Card | None:
    """The valid card that expires within CARD_EXPIRY_WARNING_DAYS of `as_of`, if any."""
    soon = as_of + timedelta(days=CARD_EXPIRY_WARNING_DAYS)
    valid = [c for c in cards if c.approved_on <= as_of <= c.expires_on]
    if not valid:
        return None
    latest = max(valid, key=lambda c: c.expires_on)
    newer = any(c.approved_on > latest.approved_on for c in cards)
    return latest if latest.expires_on <= soon and not newer else None


# --- Awards -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Award:
    """An award level reached at `hours` of service, counted with prior hours."""

    code: str
    hours: int
    needs_certificate: bool


# Source: 衛生福利志願服務獎勵辦法 (health and welfare volunteer awards, bronze/silver/gold
# badge at 1,500 / 2,000 / 2,500 hours) and 志願服務獎勵辦法 (volunteer service awards at
# 3,000 / 5,000 / 8,000 hours for holders of a performance certificate).
AWARDS = (
    Award("hw_bronze", 1500, False),
    Award("hw_silver", 2000, False),
    Award("hw_gold", 2500, False),
    Award("vs_bronze", 3000, True),
    Award("vs_silver", 5000, True),
    Award("vs_gold", 8000, True),
)


def awards_reached(total_minutes: int, has_certificate: bool) -> tuple[Award, ...]:
    """Every award level whose hours `total_minutes` (desk, by hand and prior) reaches.

    A volunteer service award also needs a performance certificate (志願服務獎勵辦法).
    """
    return tuple(
        a
        for a in AWARDS
        if total_minutes >= a.hours * 60 and (has_certificate or not a.needs_certificate)
    )


def next_award(total_minutes: int, has_certificate: bool) -> Award | None:
    """The lowest award level not yet reached (one needing a certificate counts as not
    reached without one), None past the last."""
    reached = set(awards_reached(total_minutes, has_certificate))
    return next((a for a in AWARDS if a not in reached), None)


# --- Pace -------------------------------------------------------------------------------

PACE_DAYS = 91  # the recent service that sets a volunteer's pace: about three months
FORECAST_MONTHS = 3  # "qualifies within three months at the current pace"


def forecast_minutes(recent_minutes: int, days_ahead: int, pace_days: int = PACE_DAYS) -> int:
    """Minutes expected in the next `days_ahead` days at the pace of the last `pace_days`."""
    if pace_days <= 0 or days_ahead <= 0:
        return 0
    return recent_minutes * days_ahead // pace_days


def forecast_day(as_of: date) -> date:
    """The day FORECAST_MONTHS after `as_of` (the month's last day when it is shorter)."""
    month = as_of.month - 1 + FORECAST_MONTHS
    year, month = as_of.year + month // 12, month % 12 + 1
    return date(year, month, min(as_of.day, monthrange(year, month)[1]))


# --- A volunteer's standing -------------------------------------------------------------

CERTIFICATE = "certificate"  # goal codes beside the award codes
HONOR_CARD = "honor_card"
BASIC, SPECIAL, RECORD_BOOK = "basic", "special", "record_book"  # what may be missing


@dataclass(frozen=True, slots=True)
class Facts:
    """What the rules need of one volunteer, as of a day; minutes are credited service.

    `total_minutes` counts the desk, hours entered by hand and prior hours; the honor card's
    `window_minutes` only those from next_window_start on; `recent_minutes` the last
    PACE_DAYS days (the pace).
    """

    since: date | None
    total_minutes: int
    window_minutes: int
    recent_minutes: int
    cards: tuple[Card, ...] = ()
    has_certificate: bool = False
    awards_granted: frozenset[str] = frozenset()
    has_basic: bool = False
    has_special: bool = False
    has_record_book: bool = False


@dataclass(frozen=True, slots=True)
class Standing:
    """What a volunteer may apply for now, within FORECAST_MONTHS at their pace, and what
    is missing (a training, the record book); goals are CERTIFICATE, HONOR_CARD or an
    Award code."""

    certificate: Recognition
    honor_card: Recognition
    due_now: tuple[str, ...]
    due_soon: tuple[str, ...]
    missing: tuple[str, ...]
    expiring: Card | None
    next_award: Award | None
    card_window_start: date | None = None  # where the next card's years and hours count from


def _due(f: Facts, as_of: date, extra: int) -> list[str]:
    """Goals met at `as_of` with `extra` forecast minutes added, not yet granted."""
    out = []
    cert = certificate(f.since, as_of, f.total_minutes + extra)
    if not f.has_certificate and cert.met:
        out.append(CERTIFICATE)
    start = next_window_start(f.since, f.cards)
    card = recognition(start, as_of, f.window_minutes + extra, HONOR_CARD_YEARS, HONOR_CARD_HOURS)
    if card.met:
        out.append(HONOR_CARD)
    has_cert = f.has_certificate or cert.met
    out += [
        a.code
        for a in awards_reached(f.total_minutes + extra, has_cert)
        if a.code not in f.awards_granted
    ]
    return out


def assess(f: Facts, as_of: date) -> Standing:
    """The volunteer's standing on `as_of`: the goals met now, those met by forecast_day at
    the pace of recent_minutes, the missing trainings and record book (志願服務法: the
    agency trains its volunteers and keeps their record book), and a card about to expire."""
    ahead = forecast_day(as_of)
    extra = forecast_minutes(f.recent_minutes, (ahead - as_of).days)
    now = _due(f, as_of, 0)
    soon = [g for g in _due(f, ahead, extra) if g not in now]
    missing = [what for what, has in ((BASIC, f.has_basic), (SPECIAL, f.has_special)) if not has]
    if not f.has_record_book:
        missing.append(RECORD_BOOK)
    start = next_window_start(f.since, f.cards)
    return Standing(
        certificate=certificate(f.since, as_of, f.total_minutes),
        honor_card=recognition(start, as_of, f.window_minutes, HONOR_CARD_YEARS, HONOR_CARD_HOURS),
        due_now=tuple(now),
        due_soon=tuple(soon),
        missing=tuple(missing),
        expiring=card_expiring(f.cards, as_of),
        next_award=next_award(f.total_minutes, f.has_certificate),
        card_window_start=start,
    )
