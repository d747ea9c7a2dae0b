"""What a supervisor's step came to, as the page's controller tells its widgets."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from frontdesk.ui.widgets.form import Banner


class Tone(StrEnum):
    """How the message line shows a sentence: done, refused, or for information."""

    OK = "ok"
    ERROR = "error"
    INFO = "info"


@dataclass(frozen=True)
class Answer:
    """A sentence for the message line, or a question to ask before the step is taken again
    with `confirmed=True` (`if_declined` is then said when the person says no); `reload`
    when the step changed what the page shows; `call` the LINE call for help for a slot
    the step left under its minimum (offered beside the sentence to copy)."""

    text: str = ""
    tone: Tone = Tone.OK
    question: str = ""
    if_declined: str = ""
    reload: bool = False
    call: str = ""

    @classmethod
    def refused(cls, text: str, *, reload: bool = False) -> Answer:
        return cls(text, Tone.ERROR, reload=reload)

    def show(self, banner: Banner) -> None:
        """Put the sentence in `banner` in its tone (nothing when there is none)."""
        if self.text:
            {Tone.OK: banner.ok, Tone.ERROR: banner.error, Tone.INFO: banner.info}[self.tone](
                self.text
            )
