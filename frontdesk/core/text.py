"""Free text as it is stored and shown: one cleaning rule for every field a person fills in.

Names, notes, reasons, labels and settings reach the public kiosk, the supervisor's lists
and Excel workbooks. What cannot be seen must not be stored: control characters (a NUL
breaks a workbook), format characters (a right-to-left override, U+202E, shows the
rest of a name backwards on the kiosk; zero-width spaces make two names look alike),
lone surrogates and noncharacters. Such characters are removed, never shown: removing
them changes nothing a reader could see. What is left is NFC-normalised (one code point
sequence for one look) and trimmed, and each field has its own length (the column's size).
A field that is required and has nothing visible left, or too long where cutting would
lose words, is refused with `TextRefused`, which the services turn into an error naming
the field.

The same definition of "invisible" is what a workbook cell drops (export.cells.clean):
it covers every character XML 1.0, and so openpyxl, refuses.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})  # control, format, surrogate
_KEPT_IN_CELLS = frozenset("\t\n\r")  # the controls a workbook cell may hold
LINE_CONTROLS = _KEPT_IN_CELLS  # tab and line breaks: what a multi-line field may be typed with


def is_invisible(ch: str) -> bool:
    """A character that shows nothing or is not text (Unicode Cc, Cf, Cs, noncharacters)."""
    if unicodedata.category(ch) in _INVISIBLE_CATEGORIES:
        return True
    cp = ord(ch)
    return 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE


def has_invisible(text: str, *, allow: frozenset[str] = frozenset()) -> bool:
    """Whether `text` holds an invisible character (see is_invisible) not in `allow`."""
    return not text.isprintable() and any(ch not in allow and is_invisible(ch) for ch in text)


def remove_invisible(text: str, *, keep: frozenset[str] = frozenset()) -> str:
    """`text` without its invisible characters (those in `keep` stay); fast when none."""
    if text.isprintable():  # no Cc/Cf/Cs/Cn/Z* but the space: nothing to look at
        return text
    return "".join(ch for ch in text if ch in keep or not is_invisible(ch))


CELL_MAX = 32767  # the most characters an Excel cell holds
FORMULA_LEADS = ("=", "+", "-", "@")  # how a text Excel would read as a formula starts


def for_cell(text: str) -> str:
    """Text a workbook cell can hold: invisible characters removed, tab and line breaks
    kept, at most CELL_MAX characters. Every workbook the app writes cleans its text here.

    This removes everything XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates,
    U+FFFE/U+FFFF), which openpyxl refuses with IllegalCharacterError (a \\x0b pasted into
    a note once lost the whole volunteer list), and the bidi and zero-width characters that
    would make a cell read differently from what was typed.
    """
    return remove_invisible(text, keep=_KEPT_IN_CELLS)[:CELL_MAX]


def reads_as_formula(text: str) -> bool:
    """Whether Excel would take this text for a formula when the cell is edited: such a
    text is written as an explicit text cell."""
    return text.startswith(FORMULA_LEADS)


def _spaced(text: str) -> str:
    """Invisible characters removed; a control that is whitespace becomes a space."""
    if text.isprintable():
        return text
    return "".join((" " if ch.isspace() else "") if is_invisible(ch) else ch for ch in text)


def clean(value: object, *, multiline: bool = False) -> str:
    """The storable text of a typed or imported value (None is "").

    Invisible characters are removed (whitespace controls become spaces), the text is
    NFC-normalised and trimmed. A single-line text has every run of whitespace (line
    breaks, tabs, ideographic spaces) made one space; a multi-line text keeps its lines
    (any line break becomes "\\n"), each without trailing spaces, and no blank lines at
    either end. Idempotent: clean(clean(x)) == clean(x).
    """
    s = "" if value is None else value if isinstance(value, str) else str(value)
    if not multiline:
        return " ".join(unicodedata.normalize("NFC", _spaced(s)).split())
    lines = [unicodedata.normalize("NFC", _spaced(line)).rstrip() for line in s.splitlines()]
    return "\n".join(lines).strip()


@dataclass(frozen=True, slots=True)
class TextRule:
    """How one free-text field is cleaned and limited."""

    max_length: int  # characters, after cleaning
    multiline: bool = False
    required: bool = False  # refused when nothing visible is left
    cut: bool = False  # too long is cut to max_length (notes, imports) instead of refused


class TextRefused(ValueError):
    """A free text that cannot be stored: `reason` is "empty" or "too_long"."""

    def __init__(self, reason: str, max_length: int) -> None:
        super().__init__(f"text {reason} (at most {max_length} characters)")
        self.reason = reason
        self.max_length = max_length


def checked(value: object, rule: TextRule) -> str:
    """`value` cleaned by `rule`; TextRefused when required and empty, or too long."""
    s = clean(value, multiline=rule.multiline)
    if len(s) > rule.max_length:
        if not rule.cut:
            raise TextRefused("too_long", rule.max_length)
        s = clean(s[: rule.max_length], multiline=rule.multiline)
    if rule.required and not s:
        raise TextRefused("empty", rule.max_length)
    return s


# Every free-text field, its length the column's size (store.models) or the screen's room.
PERSON_NAME = TextRule(60, required=True)  # a volunteer's name
LANGUAGES = TextRule(120, cut=True)
VOLUNTEER_NOTES = TextRule(2000, multiline=True, cut=True)
TRAINING_TITLE = TextRule(120)
HANDOVER_NOTE = TextRule(1000, multiline=True, required=True)
REASON = TextRule(1000, multiline=True)  # correction, review and decision reasons
# Why a volunteer cannot serve, or why a supervisor swaps at short notice: one limit for the
# kiosk's editor, the supervisor's form and the use cases (refused beyond it, never cut).
SWAP_REASON = TextRule(500, multiline=True)
REMOVAL_REASON = TextRule(200, cut=True)  # why a duty left the roster
CALENDAR_LABEL = TextRule(120)  # a closure's reason, a holiday's name
USERNAME = TextRule(60, required=True)
DISPLAY_NAME = TextRule(60)
AGENCY_NAME = TextRule(60, required=True)
DESK_NAME = TextRule(60, required=True)
SETTING_VALUE = TextRule(2000)
SETTING_LINES = TextRule(2000, multiline=True)  # duty points, phone script
