"""The audit log's words: every action code recorded anywhere has a Chinese name, and an
entry reads as sentences (no codes, no JSON, no ISO dates)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import frontdesk
from frontdesk import i18n
from frontdesk.words import audit as words
from frontdesk.words.audit_fields import FIELDS
from frontdesk.words.audit_names import Names

PACKAGE = Path(frontdesk.__file__).parent
ACTION_CODE = re.compile(r"[a-z]+\.[a-z_]+")
# The calls that take an action code: the use cases' record(), the store's append(), the
# swap service's _close() and a scan's Change (services.signing: recorded by keep() or the
# store's server function); a code may sit in any argument (also inside `a if x else b`).
RECORDING_CALLS = {"record", "append", "_close", "Change"}
HAN = re.compile(r"[\u4e00-\u9fff]")


def recorded_action_codes() -> dict[str, str]:
    """Every action code literal passed to a recording call in the package: code -> where."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in RECORDING_CALLS:
                continue
            args = [*node.args, *(k.value for k in node.keywords)]
            for arg in args:
                for leaf in ast.walk(arg):
                    if (
                        isinstance(leaf, ast.Constant)
                        and isinstance(leaf.value, str)
                        and ACTION_CODE.fullmatch(leaf.value)
                    ):
                        found.setdefault(leaf.value, f"{path.relative_to(PACKAGE)}:{leaf.lineno}")
    return found


@pytest.fixture
def zh(qapp: object) -> Iterator[None]:
    i18n.install("zh_TW")
    yield
    i18n.install("en")


def test_every_recorded_action_code_has_a_name() -> None:
    codes = recorded_action_codes()
    # The scan itself is checked: it finds the codes of every subject.
    assert {"attendance.sign_in", "swap.decline", "supervisor.disable", "site.create"} <= set(codes)
    assert len(codes) >= 45
    missing = {code: where for code, where in codes.items() if code not in words.ACTIONS}
    assert missing == {}, "add these to words.audit.ACTIONS"


def test_every_action_name_is_chinese(zh: None) -> None:
    for code in words.ACTIONS:
        name = words.action_name(code)
        assert HAN.search(name) and not re.search(r"[A-Za-z]", name), (code, name)
    assert len({words.action_name(c) for c in words.ACTIONS}) == len(words.ACTIONS)  # distinct


def test_every_field_label_is_chinese(zh: None) -> None:
    for key, (label, _write) in FIELDS.items():
        text = label()
        assert HAN.search(text) and not re.search(r"[A-Za-z]", text.replace("PIN", "")), key


NAMES = Names(
    agency="苓雅區衛生所",
    volunteers={7: ("V007", "王小明"), 8: ("V008", "李美華")},
    supervisors={1: "王督導"},
    usernames={"boss": "王督導"},
)


def test_a_correction_reads_as_sentences(zh: None) -> None:
    before = {
        "volunteer_id": 7,
        "day": "2026-10-01",
        "slot": "AM",
        "in": "2026-10-01T00:31:00+00:00",
        "out": None,
        "status": "no_sign_out",
        "credited": 0,
        "review": True,
    }
    after = {**before, "out": "2026-10-01T03:25:00+00:00", "status": "on_time", "review": False}
    after |= {"credited": 174, "reason": "簽退單上寫 11:25"}
    assert words.actor_text("supervisor:boss", NAMES) == "督導 王督導"
    assert words.action_name("attendance.correct") == "更正簽到退時間"
    assert words.subject_text("attendance", "3", before, after, NAMES) == (
        "115/10/01 上午班 王小明（V007）"
    )
    assert words.detail_lines("attendance", before, after, NAMES) == [
        "簽退：（無） → 11:25",
        "狀態：未簽退 → 正常",
        "認列時數：0.00 小時 → 2.90 小時",
        "待確認：是 → 否",
        "原因：簽退單上寫 11:25",
    ]


def test_settings_sites_and_swaps_in_words(zh: None) -> None:
    text = words.details_text(
        "site",
        {"late_grace_minutes": "5", "makeup_saturday_is_duty": "true", "language": "en"},
        {"late_grace_minutes": "10", "makeup_saturday_is_duty": "false", "language": "zh_TW"},
        NAMES,
    )
    assert text == ("遲到寬限（分）：5 → 10；補行上班的星期六要值班：是 → 否；語言：English → 中文")
    assert words.subject_text("site", "1", None, {"name": "x"}, NAMES) == "苓雅區衛生所"
    swap = words.details_text(
        "swap_request",
        None,
        {"kind": "cover", "requester": 7, "colleague": 8, "given": "2026-11-13/PM"},
        NAMES,
    )
    assert (
        swap
        == "類別：代班；申請人：王小明（V007）；同事：李美華（V008）；讓出的班：115/11/13 下午班"
    )
    assert words.details_text(
        "assignment", {"volunteer": "V007"}, {"reason": "swap #3"}, NAMES
    ) == ("原因：換班申請 3")
    assert words.actor_text("volunteer:V008", NAMES) == "志工 李美華（V008）"
    assert words.actor_text("kiosk", NAMES) == "服務台電腦"
    assert words.actor_text("system", NAMES) == "系統自動"


def recorded_field_keys() -> dict[str, str]:
    """Every literal key of a dict the package records as an entry's before or after (in a
    recording call, or returned by an audit snapshot): key -> where."""
    found: dict[str, str] = {}

    def keys_of(node: ast.AST, path: Path) -> None:
        for leaf in ast.walk(node):
            if isinstance(leaf, ast.Dict):
                for key in leaf.keys:
                    if isinstance(key, ast.Constant) and isinstance(key.value, str):
                        found.setdefault(key.value, f"{path.relative_to(PACKAGE)}:{key.lineno}")

    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in RECORDING_CALLS:
                    for k in node.keywords:
                        if k.arg in ("before", "after"):
                            keys_of(k.value, path)
            elif isinstance(node, ast.FunctionDef) and any(
                "register" in ast.unparse(d) for d in node.decorator_list
            ):
                for ret in ast.walk(node):
                    if isinstance(ret, ast.Return) and ret.value is not None:
                        keys_of(ret.value, path)
    return found


def test_every_recorded_field_has_a_label() -> None:
    from frontdesk.core.settings import EXTRA_KEYS, SPECS

    keys = recorded_field_keys()
    assert {"volunteer_id", "in", "requester", "reason", "locked_until"} <= set(keys)
    settings = {s.key for s in SPECS} | set(EXTRA_KEYS)  # settings.update records these
    missing = {k: w for k, w in keys.items() if k not in FIELDS}
    missing |= {k: "core.settings" for k in settings if k not in FIELDS}
    assert missing == {}, "add these to words.audit_fields.FIELDS"


def test_a_swap_state_is_one_word_on_every_screen(zh: None) -> None:
    """等待督導審核 on the swap screens, 待督導核定 in the audit log and the workbook: one
    state had two words (and 等待對方回覆 / 待同事同意)."""
    from frontdesk.core.swaps import SwapState
    from frontdesk.words import workbook
    from frontdesk.words.swaps import state_text

    audit_word = FIELDS["state"][1]
    for state in SwapState:
        shown = state_text(state)
        assert shown == workbook.SWAP_STATE[state.value], state
        assert audit_word(state.value, Names()) == shown, state


def test_an_account_in_the_log_is_named_by_its_display_name() -> None:
    """The audit entry's 帳號 field showed the login name `supervisor` alone; the person comes
    first now, with the login name they sign in with (the account's own record needs it)."""
    names = Names(usernames={"supervisor": "王督導"})
    assert FIELDS["username"][1]("supervisor", names) == "王督導（supervisor）"
    assert FIELDS["username"][1]("gone", names) == "gone"  # a deleted account: its name


def test_a_phone_test_reads_as_sentences(zh: None) -> None:
    after = {
        "volunteer": "V007",
        "staff": None,
        "tested_at": "2026-11-02T02:05:00+00:00",
        "tester": "衛生局 林小姐",
        "total": 78,
    }
    assert words.action_name("phone_test.record") == "登錄電話禮貌測試"
    assert (
        words.subject_text("phone_test", "4", None, after, NAMES) == "電話禮貌測試 4 王小明（V007）"
    )
    assert words.details_text("phone_test", None, after, NAMES) == (
        "測試時間：115/11/02 10:05:00；測試人員：衛生局 林小姐；總分：78"
    )
    follow = {"follow_up": "督導說明轉接分機表", "follow_up_on": "2026-11-06", "total": 78}
    assert words.details_text("phone_test", {"follow_up": None}, follow, NAMES) == (
        "改善措施：（無） → 督導說明轉接分機表；改善日期：115/11/06；總分：78"
    )
    staff = {"volunteer": None, "staff": "總機 陳小姐", "total": 91}
    assert words.subject_text("phone_test", "5", None, staff, NAMES) == "電話禮貌測試 5 總機 陳小姐"
