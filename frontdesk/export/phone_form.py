"""The 電話服務品質及禮貌測試紀錄表 filled in, as HTML for an A4 page (printed by the screens
through Qt's printer, to paper or PDF), so a test can be signed and filed.

The rows, their order and their wording are those of the paper form (the second annex of
the agency's service-improvement plan, see core.phone_tests); a ticked box is ☑, the
others ☐, each section's points in its 得分 column and the total at the foot. Like the
workbook it is a Traditional Chinese government form in every UI language.
"""

from __future__ import annotations

from html import escape

from frontdesk.core import phone_tests as rules
from frontdesk.core.phone_tests import AnswerWay, ContentWay, Item
from frontdesk.core.timeutil import local, roc_year
from frontdesk.services.phone_tests import TestLine

TITLE = "電話服務品質及禮貌測試紀錄表"
ON, OFF = "☑", "☐"

STYLE = """
body { font-family: 'Noto Sans CJK TC', 'Microsoft JhengHei', sans-serif; font-size: 9pt; }
h1 { font-size: 13pt; text-align: center; margin: 0 0 4px 0; }
table.head td { padding: 1px 4px; font-size: 9.5pt; }
table.form { border-collapse: collapse; width: 100%; }
table.form td, table.form th { border: 1px solid #000; padding: 1px 3px; vertical-align: top; }
table.form th { background: #e8e8e8; font-weight: bold; }
td.pts, td.got { text-align: center; white-space: nowrap; }
td.got { font-weight: bold; }
tr.section td { background: #f2f2f2; font-weight: bold; }
p.total { font-size: 12pt; font-weight: bold; text-align: right; margin: 2px 0; }
p.small { font-size: 9pt; margin: 2px 0; }
"""

# 貳二 and 參's rows in the form's words: band code -> the words beside the box.
TONE_WORDS = {
    "warm": "語調謙和、熱誠。",
    "plain": "語調平淡、態度尚可。",
    "impatient": "語調急躁、不耐煩。",
    "rude": "語調粗暴。",
}
OFFICER_WORDS = {
    "detailed": "解說詳盡(對所詢問之疑義、程序或相關法規能具體明確答覆。)",
    "adequate": "解說尚可(對所詢問之疑義、程序或相關法規尚能答覆。)",
    "unclear": "解說不清楚(對所詢問之疑義、程序或相關法規大都無法答覆。)",
    "none": "無法解說(對所詢問之疑義、程序或相關法規不清楚無法說明。)",
}
STAND_IN_WORDS = {
    "satisfying": "能給予詳盡滿意的回答，提供所需之資訊。",
    "simple": "能先洽詢主管及其他人員，給予簡易回答，或留下民眾電話或其它聯絡方式，便於後續完整回覆。",
    "not_ours": "非承辦或本機關業務，無法回答，請其留下聯絡電話，或提供其他聯絡方式。",
    "later": "無法即時回答，請其稍後(或另日)再撥。",
    "nothing": "無法即時回答，亦未請對方留下電話號碼或其他聯絡方式。",
}


def _box(on: bool) -> str:
    return ON if on else OFF


def _span(b: rules.Band) -> str:
    return str(b.lo) if b.lo == b.hi else f"{b.lo}-{b.hi}"


def _row(text: str, points: str, got: str = "", rowspan_got: int = 0) -> str:
    got_cell = ""
    if rowspan_got:
        got_cell = f'<td class="got" rowspan="{rowspan_got}">{escape(got)}</td>'
    return f'<tr><td>{text}</td><td class="pts">{escape(points)}</td>{got_cell}</tr>'


def _section(title: str) -> str:
    return (
        f'<tr class="section"><td>{escape(title)}</td>'
        '<td class="pts">細項配分</td><td class="pts">分項得分</td></tr>'
    )


def _answer_rows(t: TestLine) -> list[str]:
    """壹、接聽速度: both variants, the one scored ticked in the band its points fall in."""
    m, got = t.marks, t.scores[Item.ANSWER]
    rows = [_section("壹、接聽速度：佔 30 分（以下情形，依實際狀況擇一選填）")]
    seconds = "無人接聽" if m.ring_seconds is None else f"鈴響 {m.ring_seconds} 秒"
    for way, head, over in (
        (
            AnswerWay.SWITCHBOARD,
            "一、語音系統及總機接聽情形：(接貳測試)",
            "斷線(要求掛斷重播)或電話故障",
        ),
        (AnswerWay.PERSON, "二、受測人員接聽電話：(接貳測試)", "電話故障"),
    ):
        mine = m.answer_way is way
        rows.append(f'<tr><td colspan="3"><b>{escape(head)}</b></td></tr>')
        within, middle, zero = mine and got == 30, mine and 0 < got < 30, mine and got == 0
        extra = ""
        if way is AnswerWay.PERSON:
            extra = "；同一機關內線轉接二次後，每增一次轉接，減 5 分；電話轉接過程斷掉，減 5 分"
            if mine:
                extra += f"（轉接 {m.transfers} 次{'，轉接中斷' if m.dropped else ''}）"
        note = f"（{seconds}）" if mine else ""
        rows += [
            _row(
                f"{_box(within)} 電話鈴響 10 秒內接聽。{note if within else ''}",
                "30",
                str(got) if mine else "",
                3,
            ),
            _row(
                f"{_box(middle)} 電話鈴響 10 秒以上，每增加鈴響 3 秒，減 5 分{escape(extra)}。"
                f"{note if middle else ''}",
                "0-25",
            ),
            _row(
                f"{_box(zero)} 電話鈴響 25 秒以上無人接聽、{escape(over)}。{note if zero else ''}",
                "0",
            ),
        ]
    return rows


def _courtesy_rows(t: TestLine) -> list[str]:
    m, s = t.marks, t.scores
    rows = [_section("貳、電話禮貌：佔 40 分")]
    rows.append(
        _row(
            f"一、接話時：{_box(m.states_unit)} 報明「單位名稱」或「姓氏」",
            "10",
            str(s[Item.UNIT]),
            1,
        )
    )
    rows.append(
        _row(
            f"{_box(m.greets)} 說「您好」或「族群問候語」等禮貌問候語",
            "10",
            str(s[Item.GREETING]),
            1,
        )
    )
    for i, b in enumerate(rules.TONE_BANDS):
        lead = "二、接話態度：" if i == 0 else ""
        text = f"{lead}{_box(m.tone_band == b.code)} {escape(TONE_WORDS[b.code])}"
        rows.append(_row(text, _span(b), str(s[Item.TONE]), len(rules.TONE_BANDS) if i == 0 else 0))
    rows.append(
        _row(
            f"三、結束時：{_box(m.closes_politely)} 有禮貌性回應(如「再見」、「不客氣」、「好」等)",
            "10",
            str(s[Item.CLOSING]),
            1,
        )
    )
    return rows


def _content_rows(t: TestLine) -> list[str]:
    m, got = t.marks, t.scores[Item.CONTENT]
    rows = [_section("參、答話內容：佔 30 分（以下二種情形，依實際狀況擇一選填）")]
    officer = m.content_way is ContentWay.OFFICER
    rows.append('<tr><td colspan="3"><b>一、業務承辦人答話內容：</b></td></tr>')
    for i, b in enumerate(rules.OFFICER_BANDS):
        text = f"{_box(officer and m.content_band == b.code)} {escape(OFFICER_WORDS[b.code])}"
        n = len(rules.OFFICER_BANDS) if i == 0 else 0
        rows.append(_row(text, _span(b), str(got) if officer else "", n))
    rows.append('<tr><td colspan="3"><b>二、電話代接人員答話內容：</b></td></tr>')
    stand_in = not officer
    reason = (
        f"1. 代接時；{_box(stand_in and m.stand_in_reason)} 能說明承辦人員無法接聽之合理情形"
        "(如電話忙線中、暫時離開座位、開會中、差假公出…或非屬機關業務)。"
    )
    n = len(rules.STAND_IN_BANDS) + 2
    rows.append(_row(reason, "10", str(got) if stand_in else "", n))
    rows.append(_row("2. 代為答覆情形：", ""))
    for b in rules.STAND_IN_BANDS:
        text = f"{_box(stand_in and m.content_band == b.code)} {escape(STAND_IN_WORDS[b.code])}"
        rows.append(_row(text, _span(b)))
    return rows


def _head(agency: str, t: TestLine) -> str:
    when = local(t.tested_at)
    person = escape(t.person or t.volunteer_code)
    who = f"{person}（{'志工' if t.answered_by == 'volunteer' else '所內人員'}）"
    cells = [
        ("受測單位", escape(t.unit or agency)),
        ("電話(分機)號碼", escape(t.extension)),
        (
            "測試日期時間",
            f"{roc_year(when.date())} 年 {when.month} 月 {when.day} 日 "
            f"{when.hour} 時 {when.minute} 分",
        ),
        ("測試主題", escape(t.topic)),
        ("測試人員", escape(t.tester)),
        ("受測人員", who),
    ]
    rows = "".join(
        f"<tr><td><b>{a}：</b>{x}</td><td><b>{b}：</b>{y}</td></tr>"
        for (a, x), (b, y) in zip(cells[0::2], cells[1::2], strict=True)
    )
    return f'<table class="head" width="100%">{rows}</table>'


def file_name(t: TestLine) -> str:
    """電話禮貌測試_1151102_王小明.pdf: the test's day (ROC) and the person tested."""
    d = local(t.tested_at).date()
    return f"電話禮貌測試_{roc_year(d)}{d.month:02d}{d.day:02d}_{t.person or t.volunteer_code}.pdf"


def form_html(agency: str, t: TestLine) -> str:
    """The filled form of test `t` at `agency` (its name leads the title), one A4 page."""
    rows = [*_answer_rows(t), *_courtesy_rows(t), *_content_rows(t)]
    follow = ""
    if t.follow_up:
        done = t.follow_up_on
        on = f"（{roc_year(done)} 年 {done.month} 月 {done.day} 日）" if done else ""
        follow = f"<p class='small'><b>改善措施{on}：</b>{escape(t.follow_up)}</p>"
    notes = f"<p class='small'><b>備註：</b>{escape(t.notes)}</p>" if t.notes else ""
    return (
        f"<html><head><meta charset='utf-8'><style>{STYLE}</style></head><body>"
        f"<h1>{escape(agency)}{TITLE}</h1>"
        f"{_head(agency, t)}"
        '<table class="form" width="100%">'
        '<tr><th>項目　測試內容</th><th width="10%">配分</th><th width="10%">得分</th></tr>'
        f"{''.join(rows)}</table>"
        f"<p class='total'>總分：{t.total} 分</p>{notes}{follow}"
        "<table class='head' width='100%'><tr><td>測試人員：</td><td>志工督導：</td>"
        "<td>機關首長：</td></tr></table>"
        "</body></html>"
    )
