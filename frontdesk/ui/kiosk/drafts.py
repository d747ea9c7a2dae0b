"""What a volunteer typed and did not keep, kept for them: a card, the idle return or a
tap may close a note or a reason at any moment, and nothing a person typed is lost
silently (ui.kiosk.notes, ui.kiosk.swap)."""

from __future__ import annotations

from datetime import date


class Drafts:
    """Text begun and not kept (a handover note, a swap reason), one per volunteer, for
    the day it was typed: given back when the same volunteer comes to write again."""

    def __init__(self) -> None:
        self._day: date | None = None
        self._texts: dict[int, str] = {}

    def _for(self, day: date) -> dict[int, str]:
        if day != self._day:  # yesterday's half-typed text is not today's
            self._day, self._texts = day, {}
        return self._texts

    def keep(self, day: date, volunteer_id: int, text: str) -> None:
        """Keep `text` as the volunteer's draft ("" or blanks: none is kept)."""
        texts = self._for(day)
        if text.strip():
            texts[volunteer_id] = text
        else:
            texts.pop(volunteer_id, None)

    def take(self, day: date, volunteer_id: int) -> str:
        """The volunteer's draft of `day` ("" for none); it stays until saved or replaced."""
        return self._for(day).get(volunteer_id, "")

    def drop(self, day: date, volunteer_id: int) -> None:
        self._for(day).pop(volunteer_id, None)
