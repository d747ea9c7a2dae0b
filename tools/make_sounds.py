"""Write the kiosk's two short sounds to resources/sounds/ (16-bit mono PCM WAV).

    python tools/make_sounds.py

ok.wav: a bright rising two-note chime for "done, all well"; look.wav: a lower, longer
double tone for "please look at the screen". The WAVs are committed; this script says
how they were made, so they can be made again or changed.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "sounds"
RATE = 22_050  # Hz: plenty for two plain tones, and half the bytes of CD rate

# (frequency in Hz, seconds); a frequency of 0 is a pause
OK = [(1046.5, 0.09), (1318.5, 0.16)]  # C6 then E6: a rising major third
LOOK = [(440.0, 0.22), (0.0, 0.08), (349.2, 0.30)]  # A4, pause, F4: falling, longer


def tone(freq: float, seconds: float, volume: float = 0.6) -> list[int]:
    """Samples of a sine tone with 8 ms fades, so it starts and stops without a click."""
    count = int(RATE * seconds)
    fade = int(RATE * 0.008)
    samples = []
    for i in range(count):
        edge = min(1.0, i / fade, (count - 1 - i) / fade) if fade else 1.0
        value = math.sin(2 * math.pi * freq * i / RATE) if freq else 0.0
        samples.append(int(32767 * volume * edge * value))
    return samples


def write(path: Path, notes: list[tuple[float, float]]) -> None:
    samples = [s for freq, seconds in notes for s in tone(freq, seconds)]
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    write(OUT / "ok.wav", OK)
    write(OUT / "look.wav", LOOK)
    print(f"wrote {OUT / 'ok.wav'} and {OUT / 'look.wav'}")


if __name__ == "__main__":
    main()
