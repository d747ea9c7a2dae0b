"""The words on paper: the workbook and the volunteer sheet are Traditional Chinese government
forms, the same in every UI language.

The workbook is filed with the agency and typed into the national volunteer system, and
the volunteer sheet is filled in by hand, so their words follow the forms supervisors know
rather than the UI language setting. Dates on them come from words.dates (ROC forms).
"""

from __future__ import annotations

from frontdesk.core.calendar import DayKind
from frontdesk.core.timeutil import ROC_OFFSET

SHEET_ROSTER = "月值班表"
SHEET_ATTENDANCE = "簽到簽退紀錄"
SHEET_HOURS = "服務時數"
SHEET_NATIONAL = "時數登錄"  # the day rows for the national volunteer system
SHEET_SWAPS = "換班紀錄"
SHEETS = (SHEET_ROSTER, SHEET_ATTENDANCE, SHEET_HOURS, SHEET_NATIONAL, SHEET_SWAPS)

SLOT_NAMES = {"AM": "上午", "PM": "下午", "EV": "晚上"}

STATUS = {
    "on_time": "正常",
    "late": "遲到",
    "early_leave": "早退",
    "late_early_leave": "遲到早退",
    "no_sign_out": "未簽退",
    "absent": "缺勤",
    "walk_in": "臨時",
    "cancelled": "取消",
    "open": "值勤中",
}

RECORDED_BY = {"kiosk": "刷卡", "manual": "人工登錄", "auto": "系統"}

# Marks after a name on the roster; the legend under the table explains them.
MARK_SWAP = "(換)"
MARK_WALK_IN = "(臨)"
MARK_ABSENT = "(缺)"
MARK_CANCELLED = "(停)"

DAY_LABELS = {
    DayKind.WEEKEND: "例假日",
    DayKind.HOLIDAY: "放假",
    DayKind.MAKEUP_WORKDAY: "補行上班",
    DayKind.CLOSED: "停止上班",
    DayKind.MANUAL_CLOSED: "不排班",
    DayKind.MANUAL_OPEN: "加開值班",
}

SWAP_KIND = {"exchange": "互換", "cover": "代班", "arrange": "請督導安排"}
SWAP_STATE = {
    "pending_colleague": "待同事同意",
    "pending_supervisor": "待督導核定",
    "approved": "已核准",
    "rejected": "未核准",
    "cancelled": "已撤回",
    "expired": "逾期未決",
    "invalid": "已失效",
}

# The 備註 cell of a duty: what the kiosk recorded, before any words a person wrote.
NOTE_WALK_IN = "未排班臨時值勤"
NOTE_RESUMED = "同時段再次簽到"
# The 決定理由 cell of a request that no supervisor decided: what ended it.
OUTCOME_DECLINED = "同事婉拒"
OUTCOME_WITHDRAWN = "申請人撤回"
OUTCOME_EXPIRED = "值班開始前未決定"
OUTCOME_SUPERSEDED = "換班 #{id} 已先核准，本申請失效"

# The 決定者 of what no person decided (audit actors, services.context.Desk.actor).
ACTORS = {"system": "系統", "kiosk": "服務台", "setup": "系統設定", "demo": "示範資料"}
ACTOR_CLI = "命令列"

VOLUNTEER_STATUS = {"active": "在職", "trainee": "見習", "inactive": "停用"}

YES, NO = "是", "否"


def file_name(year: int, month: int) -> str:
    """志工值勤月報_115年11月.xlsx: the workbook's name, what it is and its ROC month."""
    return f"志工值勤月報_{year - ROC_OFFSET}年{month}月.xlsx"


def slot_name(code: str) -> str:
    """上午 / 下午 / 晚上 on paper; any other slot code as it is."""
    return SLOT_NAMES.get(code, code)


def actor_words(actor: str) -> str:
    """Who acted, on paper: a person's name as it is (services resolve supervisor accounts
    to their names), 系統 and the like for the app itself, 命令列（user） for a command."""
    if actor in ACTORS:
        return ACTORS[actor]
    if actor == "cli":
        return ACTOR_CLI
    if actor.startswith("cli:"):
        return f"{ACTOR_CLI}（{actor[4:]}）"
    return actor


def notice_rule_header(days: int) -> str:
    """The swap sheet's column saying whether a request met the notice rule, worded from the
    setting swap_notice_days: 符合一週規定 for 7 days (志工服務規範: 應提前一週), else
    符合提前N天規定."""
    return "符合一週規定" if days == 7 else f"符合提前{days}天規定"
