"""Volunteer codes as a card reader, a keyboard or a Chinese input method gives them.

A code reaches the app from the desk's card reader, a number typed at the kiosk, a
colleague identifying for a swap, a command-line option, the volunteer import sheet, the
volunteer form and the workspace search. A Taiwanese PC often has a Zhuyin or Cangjie
input method on, which types full-width characters (０-９, Ａ-Ｚ, －) and the ideographic
space. Every such place reads the code through `normalise_code`, so "ｖ００１ " and "V001"
are one volunteer everywhere. Imports nothing, so the starting screen may use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

# U+FF01..U+FF5E are the full-width forms of ASCII U+0021..U+007E; U+3000 is the
# ideographic (full-width) space.
_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

CODE_MAX = 32
CODE_RE = re.compile(rf"[A-Z0-9\-]{{1,{CODE_MAX}}}")


def ascii_width(text: str) -> str:
    """`text` with full-width ASCII forms (from an input method) as plain ASCII."""
    return "".join(chr(_FULL_WIDTH.get(ord(ch), ord(ch))) for ch in text)


def normalise_code(raw: object) -> str:
    """The stored form of a volunteer code: full-width folded to ASCII, blanks around it
    removed, letters in upper case ("ｖ００１ " -> "V001"); None counts as ""."""
    return ascii_width("" if raw is None else str(raw)).strip().upper()


def is_valid_code(code: str) -> bool:
    """A normalised code: 1 to CODE_MAX letters, digits or dashes."""
    return CODE_RE.fullmatch(code) is not None


# What an unknown number may look like to be shown back on the public screen: a few
# letters, an optional dash, then digits ("V001", "A-105", "801"), at most SHOWN_MAX long.
# Anything else a keyboard burst typed (a password, a pasted sentence) is never echoed.
SHOWN_MAX = 10
_SHOWN_RE = re.compile(r"[A-Z]{0,4}-?[0-9]{1,8}")


def may_show_code(code: str) -> bool:
    """True when `code` (normalised) looks like a volunteer number, so the kiosk may show
    it back in "the number ... is not known"; False for anything else, which could be a
    secret typed fast (a supervisor's password) and is answered without repeating it."""
    return len(code) <= SHOWN_MAX and _SHOWN_RE.fullmatch(code) is not None


def code_char(text: str) -> str:
    """The character a key press adds to a typed code ("１" -> "1"), or "" when the key
    types nothing that belongs in a code."""
    ch = ascii_width(text)
    if len(ch) == 1 and ch.isascii() and (ch.isalnum() or ch == "-"):
        return ch
    return ""


# A card reader types its code as a keyboard would, but faster than any hand: every key
# within BURST_GAP_SECONDS of the one before, the last followed by Enter.
BURST_GAP_SECONDS = 0.05
BURST_MIN_CHARS = 3


def is_card_burst(chars: str, times: list[float], enter_at: float) -> bool:
    """True when the keys `chars`, pressed at `times` (seconds, one per character) and
    followed by Enter at `enter_at`, are a card reader's burst rather than typing: at
    least BURST_MIN_CHARS code characters, each key (Enter too) within
    BURST_GAP_SECONDS of the one before, and the whole a valid code."""
    typed = [code_char(c) for c in chars]
    if len(typed) < BURST_MIN_CHARS or len(times) != len(typed) or not all(typed):
        return False
    instants = [*times, enter_at]
    limit = BURST_GAP_SECONDS + 1e-9  # a gap of exactly BURST_GAP_SECONDS, in floats
    if any(not 0 <= b - a <= limit for a, b in pairwise(instants)):
        return False
    return is_valid_code(normalise_code("".join(typed)))


_NUMBERED = re.compile(r"([A-Z\-]*)([0-9]+)")
FIRST_CODE = "V001"  # the first badge of a new desk


def next_code(existing: Iterable[str]) -> str:
    """The code to suggest for a new volunteer: the next number after the highest in the
    desk's most used numbering ("V029" after V001..V028, "A-105" after A-104), its digits
    padded as theirs are; FIRST_CODE when no code is numbered.

    Codes of volunteers who left count too: a badge once printed is never given again.
    """
    series: dict[str, list[tuple[int, int]]] = {}
    for code in existing:
        m = _NUMBERED.fullmatch(normalise_code(code))
        if m:
            series.setdefault(m[1], []).append((int(m[2]), len(m[2])))
    if not series:
        return FIRST_CODE
    prefix, numbers = max(series.items(), key=lambda kv: (len(kv[1]), kv[0]))
    highest, width = max(numbers)
    candidate = f"{prefix}{highest + 1:0{width}d}"
    return candidate if is_valid_code(candidate) else FIRST_CODE


def typed_number_codes(typed: str, codes: Iterable[str]) -> list[str]:
    """The codes a number typed without its zero padding, or without its letters, stands
    for: "7", "07", "007", "V7" and "V07" are V007 when its digits make the same number; a
    volunteer types the number on the badge and leaves the letters or the zeros off.
    Letters typed must be the code's own ("A7" is not V007); digits alone match a code of
    any letters. Every match is returned, so a caller takes one only when it is the only
    one (V007 and A007 both answer "7")."""
    m = _NUMBERED.fullmatch(normalise_code(typed))
    if m is None:
        return []
    letters, number = m[1], int(m[2])
    found = []
    for code in codes:
        c = _NUMBERED.fullmatch(normalise_code(code))
        if c and c[1] and int(c[2]) == number and (not letters or c[1] == letters):
            found.append(code)
    return found


def digits_alone_are_enough(codes: Iterable[str]) -> bool:
    """True when no two of the desk's numbered codes share a number under different
    letters (V012 and A012): only then can a volunteer be told that typing the digits
    alone finds them (typed_number_codes answers one code for any number)."""
    seen: dict[int, str] = {}
    for code in codes:
        m = _NUMBERED.fullmatch(normalise_code(code))
        if m is None or not m[1]:
            continue
        if seen.setdefault(int(m[2]), m[1]) != m[1]:
            return False
    return True


def code_example(codes: Iterable[str]) -> str:
    """A code written the way the desk's codes are ("V001" for V001..V028, "A-001" for
    A-104), to show a volunteer how a number looks; FIRST_CODE when none is numbered."""
    series: dict[str, list[int]] = {}
    for code in codes:
        m = _NUMBERED.fullmatch(normalise_code(code))
        if m:
            series.setdefault(m[1], []).append(len(m[2]))
    if not series:
        return FIRST_CODE
    prefix, widths = max(series.items(), key=lambda kv: (len(kv[1]), kv[0]))
    return f"{prefix}{1:0{max(widths)}d}"
