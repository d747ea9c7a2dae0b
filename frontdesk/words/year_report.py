"""The words of the year's service report workbook (年度提升服務成果報告): a Traditional
Chinese government report in every UI language, like words.workbook.
"""

from __future__ import annotations

from frontdesk.core.timeutil import ROC_OFFSET

SHEET_SUMMARY = "年度摘要"
SHEET_DUTY = "每月值勤"
SHEET_SWAPS = "換班統計"
SHEET_PHONE = "電話禮貌測試"
SHEET_TESTS = "電話測試明細"
SHEET_LEARNING = "訓練與表揚"
SHEETS = (SHEET_SUMMARY, SHEET_DUTY, SHEET_SWAPS, SHEET_PHONE, SHEET_TESTS, SHEET_LEARNING)

# (header, width) of the 每月值勤 sheet: within styles.PRINTABLE_PX["landscape"].
DUTY_COLUMNS = (
    ("月份", 6.0),
    ("應值勤班次", 7.0),
    ("足額班次", 7.0),
    ("涵蓋率", 7.0),
    ("服務志工（人）", 7.5),
    ("服務時數", 7.5),
    ("排班人次", 6.5),
    ("實到人次", 6.5),
    ("準時", 5.5),
    ("遲到", 5.5),
    ("早退", 5.5),
    ("缺勤", 5.5),
    ("臨時支援", 6.5),
    ("停止上班（班次）", 8.0),
    ("不排班（日）", 7.0),
)
PHONE_COLUMNS = (
    ("月份", 6.0),
    ("測試次數", 6.5),
    ("平均總分", 7.0),
    ("接聽速度（30）", 8.0),
    ("報明單位（10）", 8.0),
    ("問候語（10）", 7.5),
    ("接話態度（10）", 8.0),
    ("結束回應（10）", 8.0),
    ("答話內容（30）", 8.0),
    ("改善措施完成", 8.0),
)
TEST_COLUMNS = (
    ("測試日期", 15.0),
    ("受測人員", 12.0),
    ("身分", 7.0),
    ("測試人員", 12.0),
    ("總分", 6.0),
    ("改善日期", 10.0),
    ("改善措施", 40.0),
)
LEARNING_COLUMNS = (
    ("月份", 6.0),
    ("訓練場次", 7.0),
    ("受訓人次", 7.0),
    ("訓練時數", 7.0),
    ("達績效證明書資格（人）", 11.0),
    ("達榮譽卡資格（人）", 11.0),
    ("表揚核發（件）", 9.0),
)
SWAP_OUTCOMES = ("approved", "rejected", "cancelled", "expired", "invalid", "pending")
OUTCOME_HEADERS = {
    "approved": "已核准",
    "rejected": "未核准",
    "cancelled": "已撤回",
    "expired": "逾期未決",
    "invalid": "已失效",
    "pending": "待決定",
}
KIND_HEADERS = {"exchange": "互換", "cover": "代班", "arrange": "請督導安排"}
TOTAL = "合計"
ANSWERED_BY = {"volunteer": "志工", "staff": "所內人員"}
COVERAGE_CHART = "每月值勤涵蓋率（%）"
PHONE_CHART = "每月電話禮貌測試平均分數"
RECOGNITION_NOTES = (
    "說明：達資格人數為當月新達資格者，依值勤時數與年資計算"
    "（績效證明書：服務滿1年且150小時；榮譽卡：服務滿3年且300小時）。",
    "表揚核發件數依系統登錄之核發紀錄。",
)


def title(agency: str, year: int) -> str:
    """高雄市苓雅區衛生所 民國115年 志工服務年度成果報告"""
    return f"{agency} 民國{year - ROC_OFFSET}年 志工服務年度成果報告"


def month_name(month: int) -> str:
    return f"{month}月"


def file_name(year: int) -> str:
    """志工服務年度報告_115年.xlsx: the workbook's name with its ROC year."""
    return f"志工服務年度報告_{year - ROC_OFFSET}年.xlsx"
