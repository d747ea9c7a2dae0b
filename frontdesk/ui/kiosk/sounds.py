"""The kiosk's two sounds: one for "done, all well" and one for "please look at the
screen", so a volunteer hears the difference without reading (Qt's QSoundEffect playing
the short WAVs in resources/sounds, made by tools/make_sounds.py).

Sound is a help, never a condition: without Qt Multimedia (it ships in PySide6-Addons,
the `sound` extra), without an audio device, or with a missing file, the kiosk stays
silent and works as before.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QUrl

from frontdesk.i18n import resource

log = logging.getLogger(__name__)

OK = "ok"  # signed in or out, all well
LOOK = "look"  # a refusal, a question or a warning: please read the screen
KINDS = (OK, LOOK)


def for_tone(tone: str) -> str:
    """The sound for an answer's tone (words.scan OK / INFO / WARN / BAD): OK sounds well,
    and so does INFO (nothing recorded, as asked); the others ask to look."""
    return OK if tone in ("ok", "info") else LOOK


class Sounds(QObject):
    """The loaded sound effects; `play` at the desk's volume (0 = off)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effects: dict[str, object] = {}
        self.played: list[str] = []  # what was asked to play, newest last (for the log)
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except Exception:  # not installed, or its audio libraries missing: stay silent
            log.info("no Qt Multimedia: the kiosk stays silent")
            return
        for kind in KINDS:
            path = resource("sounds", f"{kind}.wav")
            if not path.is_file():
                log.warning("sound file missing: %s", path)
                continue
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            self._effects[kind] = effect

    @property
    def available(self) -> bool:
        return bool(self._effects)

    def play(self, kind: str, volume: int) -> bool:
        """Play `kind` at `volume` percent; False when silent (off, or nothing to play on).
        Never raises: a sound that cannot play is only logged."""
        self.played = [*self.played[-9:], kind]
        effect = self._effects.get(kind)
        if volume <= 0 or effect is None:
            return False
        try:
            effect.setVolume(min(volume, 100) / 100)  # type: ignore[attr-defined]
            effect.play()  # type: ignore[attr-defined]
        except Exception:
            log.exception("sound %s failed", kind)
            return False
        return True
