"""The words on the service-hours statement (服務時數證明) and the recognition workbook:
Traditional Chinese forms, the same in every UI language, like words.workbook."""

from __future__ import annotations

STATEMENT_TITLE = "志願服務時數證明"
STATEMENT_FILE = "服務時數證明_{code}_{first}-{last}.pdf"
LABEL_AGENCY = "服務單位"
LABEL_VOLUNTEER = "志工姓名（編號）"
LABEL_PERIOD = "服務期間"
LABEL_BOOK = "志願服務紀錄冊"
BOOK_MISSING = "未登錄"
LABEL_TRAININGS = "教育訓練"
TRAINING_KINDS = {"basic": "基礎訓練", "special": "特殊訓練"}
TRAINING_LINE = "{kind}「{title}」{day}，{hours} 小時{issuer}"
TRAINING_MISSING = "{kind}未登錄"
COLUMNS = ("服務日期", "時段", "服務項目", "服務時數", "備註")
SLOT_WORDS = {"AM": "上午", "PM": "下午", "EV": "晚上"}
BY_HAND = "補登"
TOTAL = "合計"
NONE_SERVED = "本期間無服務紀錄。"
CERTIFY = "茲證明上列志工於{period}在本單位服務，時數共計 {hours} 小時。"
HOURS_NOTE = "服務時數為實際服務時間（不含交通及訓練時數），以每 {step} 小時為單位登錄。"
SIGN_LINE = "志工督導簽章：＿＿＿＿＿＿＿＿＿＿"
STAMP_BOX = "機關（單位）戳章"
ISSUED = "中華{day}"  # 中華民國115年12月1日
PERIOD = "{first}至{last}"

# The recognition workbook
RECOGNITION_SHEET = "表揚資格"
RECOGNITION_TITLE = "志工表揚資格一覽（{day}）"
RECOGNITION_FILE = "志工表揚資格_{day}.xlsx"
RECOGNITION_HEADER = (
    "志工編號",
    "姓名",
    "年資起算日",
    "本單位時數",
    "既有時數",
    "合計時數",
    "近三個月時數",
    "目前符合",
    "三個月內可符合",
    "榮譽卡時數（本期）",
    "榮譽卡到期提醒",
    "缺漏",
)
GOALS = {
    "certificate": "志願服務績效證明書",
    "honor_card": "志願服務榮譽卡",
    "hw_bronze": "衛生福利志願服務獎勵銅牌",
    "hw_silver": "衛生福利志願服務獎勵銀牌",
    "hw_gold": "衛生福利志願服務獎勵金牌",
    "vs_bronze": "志願服務獎勵銅牌",
    "vs_silver": "志願服務獎勵銀牌",
    "vs_gold": "志願服務獎勵金牌",
}
MISSING = {"basic": "基礎訓練", "special": "特殊訓練", "record_book": "紀錄冊"}
CARD_EXPIRES = "{day} 到期"
