"""Sentences put together: each ends with its stop, and they join the language's way.

A sentence that is a person's words (a supervisor's reason typed without a full stop) or
a part written on its own must not run into the next one: 「今天已在值班中 這個班還是由您值」
reads as one broken clause. Chinese joins sentences with nothing between them after 。,
English with a space after the full stop. Translation context "Sentences".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# What ends a sentence, in either language; a quotation or bracket closing the text ends
# it only when its last word inside does (「請按「確定」」 still needs its 。).
_ENDS = frozenset("。！？!?.…；;：:")
_CLOSERS = "」』）)"


def ended(text: str) -> str:
    """`text` with a full stop added when it does not end with one ('' stays ''): each
    sentence ends exactly once, never 「。。」."""
    text = text.strip()
    inside = text.rstrip(_CLOSERS)
    if not text or not inside or inside[-1] in _ENDS:
        return text
    return QCoreApplication.translate("Sentences", "{sentence}.").format(sentence=text)


def sentences(*parts: str) -> str:
    """The non-empty `parts`, each ended (see `ended`), joined the language's way."""
    done = [ended(p) for p in parts if p and p.strip()]
    if not done:
        return ""
    text = done[0]
    for part in done[1:]:
        text = QCoreApplication.translate("Sentences", "{first} {second}").format(
            first=text, second=part
        )
    return text
