"""The phone courtesy test (電話服務品質及禮貌測試紀錄表): how a test call is scored.

Source: the second annex of a district health centre's service-improvement plan,
「高雄市苓雅區衛生所電話服務品質及禮貌測試紀錄表」, which health and social bureaus use
to score test calls out of 100:

壹、接聽速度 (answer speed), 30 points, one of two variants:
  一、語音系統及總機 (the switchboard): answered within 10 s → 30; above 10 s, 5 points
      off for every further 3 s of ringing (0–25); 25 s or more unanswered, cut off (asked
      to hang up and call again) or out of order → 0.
  二、受測人員 (the person called): the same ring rule; besides, after two internal
      transfers each further transfer takes 5 points off, and a call dropped while being
      transferred takes 5 off; 25 s or more unanswered or out of order → 0.
貳、電話禮貌 (courtesy), 40 points: states the unit or surname 10; says 您好 (or a
  greeting in the caller's language) 10; tone 8–10 warm, 4–7 plain, 1–3 impatient,
  0 rude; a polite closing 10.
參、答話內容 (content), 30 points, one of two variants:
  一、業務承辦人 (the case officer's answer): 20–30 detailed, 10–19 adequate, 1–9
      unclear, 0 none.
  二、電話代接人員 (a stand-in answering for the officer): a reasonable reason why the
      officer cannot answer 10, plus the answer 15–20 satisfying, 10–14 a simple answer
      or the caller's contact taken, 9–10 not our business but a contact given, 1–9
      "call again later", 0 nothing. (The form's bands overlap at 9 and 10; a score is
      accepted when it lies in the band ticked.)

The total is always computed from the items, never typed; a score outside the band
ticked is refused with the item named (`check`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

ANSWER_MAX = 30
WITHIN_SECONDS = 10  # 鈴響 10 秒 (3 響) 內接聽
STEP_SECONDS = 3  # 每增加鈴響 3 秒，減 5 分
STEP_POINTS = 5
UNANSWERED_SECONDS = 25  # 鈴響 25 秒以上無人接聽 → 0
FREE_TRANSFERS = 2  # 同一機關內線轉接二次後，每增一次轉接，減 5 分
TRANSFER_POINTS = 5
DROPPED_POINTS = 5  # 電話轉接過程斷掉，減 5 分
TICK_POINTS = 10  # each ticked courtesy item, and the stand-in's reason
TOTAL_MAX = 100
DEFAULT_THRESHOLD = 80  # under this a volunteer needs a follow-up (a setting)


class AnswerWay(StrEnum):
    """壹、接聽速度: which of the form's two variants was scored."""

    SWITCHBOARD = "switchboard"  # 一、語音系統及總機接聽情形
    PERSON = "person"  # 二、受測人員接聽電話


class ContentWay(StrEnum):
    """參、答話內容: who answered the question."""

    OFFICER = "officer"  # 一、業務承辦人答話內容
    STAND_IN = "stand_in"  # 二、電話代接人員答話內容


class Item(StrEnum):
    """The scored items of the form, in its order (the averages and the weakest item)."""

    ANSWER = "answer"  # 壹 接聽速度 30
    UNIT = "unit"  # 貳一 報明單位名稱或姓氏 10
    GREETING = "greeting"  # 貳一 您好 10
    TONE = "tone"  # 貳二 接話態度 0–10
    CLOSING = "closing"  # 貳三 結束時禮貌性回應 10
    CONTENT = "content"  # 參 答話內容 0–30 (a stand-in's reason and answer together)


ITEM_MAX: Mapping[Item, int] = {
    Item.ANSWER: ANSWER_MAX,
    Item.UNIT: TICK_POINTS,
    Item.GREETING: TICK_POINTS,
    Item.TONE: 10,
    Item.CLOSING: TICK_POINTS,
    Item.CONTENT: 30,
}


@dataclass(frozen=True, slots=True)
class Band:
    """One checkbox row of the form: its code and the points it allows, lo..hi inclusive."""

    code: str
    lo: int
    hi: int

    def holds(self, score: int) -> bool:
        return self.lo <= score <= self.hi


# 貳二 接話態度
TONE_BANDS = (Band("warm", 8, 10), Band("plain", 4, 7), Band("impatient", 1, 3), Band("rude", 0, 0))
# 參一 業務承辦人答話內容
OFFICER_BANDS = (
    Band("detailed", 20, 30),
    Band("adequate", 10, 19),
    Band("unclear", 1, 9),
    Band("none", 0, 0),
)
# 參二 2. 電話代接人員代為答覆情形 (the reason's 10 points come on top)
STAND_IN_BANDS = (
    Band("satisfying", 15, 20),
    Band("simple", 10, 14),
    Band("not_ours", 9, 10),
    Band("later", 1, 9),
    Band("nothing", 0, 0),
)


def content_bands(way: ContentWay) -> tuple[Band, ...]:
    return OFFICER_BANDS if way is ContentWay.OFFICER else STAND_IN_BANDS


def band(bands: Sequence[Band], code: str) -> Band | None:
    return next((b for b in bands if b.code == code), None)


def ring_score(seconds: int | None) -> int:
    """Points for the ring before an answer, the rule both variants share.

    Within 10 s → 30; above 10 s, 5 off for every started 3 s (11–13 s → 25, 14–16 s → 20,
    17–19 s → 15, 20–22 s → 10, 23–24 s → 5); 25 s or more, or no answer (None) → 0.
    Seconds are the tester's whole seconds from the first ring.
    """
    if seconds is None or seconds >= UNANSWERED_SECONDS:
        return 0
    if seconds < 0:
        raise ValueError("ring seconds cannot be negative")
    if seconds <= WITHIN_SECONDS:
        return ANSWER_MAX
    steps = -(-(seconds - WITHIN_SECONDS) // STEP_SECONDS)  # started 3-second steps
    return max(0, ANSWER_MAX - STEP_POINTS * steps)


def answer_score(
    way: AnswerWay, seconds: int | None, *, transfers: int = 0, dropped: bool = False
) -> int:
    """壹、接聽速度 (0–30) by the variant scored.

    The switchboard: the ring rule; a call cut off (要求掛斷重播) scores 0. The person
    called: the ring rule, less 5 for each internal transfer after the second and 5 for a
    call dropped while being transferred, never below 0.
    """
    if transfers < 0:
        raise ValueError("transfers cannot be negative")
    base = ring_score(seconds)
    if way is AnswerWay.SWITCHBOARD:
        return 0 if dropped else base
    extra = max(0, transfers - FREE_TRANSFERS)
    return max(0, base - TRANSFER_POINTS * extra - (DROPPED_POINTS if dropped else 0))


@dataclass(frozen=True, slots=True)
class CallMarks:
    """What the tester ticked and wrote on the form for one call (no total: it is computed).

    `content` is the case officer's points (0–30) or, for a stand-in, the answer's points
    (0–20) without the reason's 10.
    """

    answer_way: AnswerWay
    ring_seconds: int | None  # None: not answered, cut off, out of order
    states_unit: bool
    greets: bool
    tone_band: str
    tone: int
    closes_politely: bool
    content_way: ContentWay
    content_band: str
    content: int
    transfers: int = 0
    dropped: bool = False
    stand_in_reason: bool = False


@dataclass(frozen=True, slots=True)
class Refusal:
    """A mark the form does not allow: the item, what was written, the band's bounds."""

    item: str  # an Item value, or "ring_seconds" / "transfers" / *_band for a missing band
    value: object
    lo: int | None = None
    hi: int | None = None
    band: str = ""


def check(marks: CallMarks) -> list[Refusal]:
    """Every mark outside what the form allows, item by item (empty when the form is sound)."""
    found: list[Refusal] = []
    if marks.ring_seconds is not None and not 0 <= marks.ring_seconds <= 600:
        found.append(Refusal("ring_seconds", marks.ring_seconds, 0, 600))
    if not 0 <= marks.transfers <= 20:
        found.append(Refusal("transfers", marks.transfers, 0, 20))
    found += _in_band(Item.TONE.value, TONE_BANDS, marks.tone_band, marks.tone)
    found += _in_band(
        Item.CONTENT.value, content_bands(marks.content_way), marks.content_band, marks.content
    )
    return found


def _in_band(item: str, bands: Sequence[Band], code: str, score: int) -> list[Refusal]:
    chosen = band(bands, code)
    if chosen is None:
        lo, hi = min(b.lo for b in bands), max(b.hi for b in bands)
        return [Refusal(item, score, lo, hi, band=code or "?")]
    if not chosen.holds(score):
        return [Refusal(item, score, chosen.lo, chosen.hi, band=chosen.code)]
    return []


def item_scores(marks: CallMarks) -> dict[Item, int]:
    """Each item's points from the marks (check them first: a mark out of band raises)."""
    refusals = check(marks)
    if refusals:
        raise ValueError(f"marks out of the form's bands: {refusals}")
    content = marks.content
    if marks.content_way is ContentWay.STAND_IN:
        content += TICK_POINTS if marks.stand_in_reason else 0
    return {
        Item.ANSWER: answer_score(
            marks.answer_way, marks.ring_seconds, transfers=marks.transfers, dropped=marks.dropped
        ),
        Item.UNIT: TICK_POINTS if marks.states_unit else 0,
        Item.GREETING: TICK_POINTS if marks.greets else 0,
        Item.TONE: marks.tone,
        Item.CLOSING: TICK_POINTS if marks.closes_politely else 0,
        Item.CONTENT: content,
    }


def total(scores: Mapping[Item, int]) -> int:
    """The form's 總分: the sum of the items (壹 + 貳 + 參), at most 100."""
    return sum(scores.values())


def courtesy(scores: Mapping[Item, int]) -> int:
    """貳、電話禮貌 (0–40): the four courtesy items together."""
    return sum(scores[i] for i in (Item.UNIT, Item.GREETING, Item.TONE, Item.CLOSING))


@dataclass(frozen=True, slots=True)
class ItemAverage:
    """An item's average over some tests, in points and as a share of its maximum."""

    item: Item
    points: float
    share: float  # 0..1 of ITEM_MAX


def averages(tests: Iterable[Mapping[Item, int]]) -> list[ItemAverage]:
    """The average of each item over `tests`, in the form's order (empty without tests)."""
    rows = list(tests)
    if not rows:
        return []
    out = []
    for item in Item:
        points = sum(r[item] for r in rows) / len(rows)
        out.append(ItemAverage(item, round(points, 2), round(points / ITEM_MAX[item], 4)))
    return out


def weakest(avgs: Sequence[ItemAverage]) -> Item | None:
    """The item furthest below its maximum (by share, items having different maxima); the
    form's order breaks a tie; None without tests or when every item is at its maximum."""
    lowest = min(avgs, key=lambda a: a.share, default=None)
    if lowest is None or lowest.share >= 1:
        return None
    return lowest.item


def needs_follow_up(score: int, threshold: int = DEFAULT_THRESHOLD) -> bool:
    """A test under the threshold needs a follow-up (改善措施) before it leaves the list."""
    return score < threshold
