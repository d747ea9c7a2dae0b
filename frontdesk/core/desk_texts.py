"""The desk's standing texts from the duty rules, and how an edited one is cleaned.

志工服務規範 (服務台執勤準則) gives the desk volunteer two fixed texts: the duty points
(四、值班要點) and the phone manners (六、電話禮貌). They are the defaults of two settings
the supervisor edits (the agency's own wording, the extensions of its main counters), so
the kiosk never shows the rules' blanks such as 「轉接○○○，分機○○」.

Each text is lines; a line of the phone script is a heading, a full-width colon and the
words. AGENCY in a text stands for the agency's name (the agency_name setting), so the
greeting follows a renamed agency.
"""

from __future__ import annotations

from frontdesk.core.text import clean

AGENCY = "{機關名稱}"

# 四、值班要點, in the rules' order, as the kiosk has always shown them.
DUTY_POINTS = "\n".join(
    (
        "安全維護：維護所內人員及財產安全",
        "5S環境整潔：維持服務台整潔",
        "接待：接待來賓",
        "電話：接聽及轉接電話",
        "廣播：協助廣播",
        "緊急應變：採取應變措施並速通知主管",
    )
)

# 六、電話禮貌 (一)–(四), without the rules' blanks: the supervisor adds the extensions.
PHONE_SCRIPT = "\n".join(
    (
        "接聽：鈴響 3 聲（10 秒）內接聽。",
        f"接話：「{AGENCY}您好，很高興為您服務」",
        "轉接：「請稍候，將為您轉接承辦人員。」",
        "忙線：「對不起，承辦人員正在電話中，請留下聯絡資料，再請承辦人員與您聯繫。」",
        "結束：「謝謝」「再見」，讓來電者先掛電話。",
    )
)

MAX_LINES = 20  # what fits one tab of the kiosk at its type size


def clean_lines(raw: str) -> str:
    """A typed multi-line text as it is stored: cleaned by the one text rule (core.text:
    characters that show nothing removed, NFC), each line's runs of spaces made one space
    and trimmed, blank lines dropped; line breaks become "\\n"."""
    cleaned = (clean(line) for line in clean(raw, multiline=True).split("\n"))
    return "\n".join(line for line in cleaned if line)


def lines(text: str) -> list[str]:
    """The lines of a stored text (blank ones skipped)."""
    return [line for line in text.splitlines() if line.strip()]


def with_agency(text: str, agency_name: str) -> str:
    """`text` with AGENCY replaced by the agency's name."""
    return text.replace(AGENCY, agency_name)


def heading_and_words(line: str) -> tuple[str, str]:
    """接話：「…」 → ("接話", "「…」"); a line without a heading → ("", line)."""
    head, colon, words = line.partition("：")
    if not colon or not head.strip() or len(head) > 12:
        return "", line
    return head.strip(), words.strip()
