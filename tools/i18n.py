"""Update the Qt Linguist catalogue from the sources and build the shipped .qm.

    python tools/i18n.py            # lupdate frontdesk/ -> resources/i18n/*.ts, then lrelease
    python tools/i18n.py --release  # only build the .qm from the .ts

The .qm is committed, so a fresh install needs no build step.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "frontdesk"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_TW",)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found: install PySide6 (it ships {name})")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def update(language: str) -> Path:
    ts = I18N / f"frontdesk_{language}.ts"
    I18N.mkdir(parents=True, exist_ok=True)
    cmd = [
        _tool("pyside6-lupdate"),
        *sources(),
        "-no-obsolete",
        "-locations",
        "none",
        "-target-language",
        language,
        "-ts",
        str(ts.relative_to(ROOT)),
    ]
    subprocess.run(cmd, check=True, cwd=ROOT)
    return ts


def release(language: str) -> Path:
    ts = I18N / f"frontdesk_{language}.ts"
    qm = ts.with_suffix(".qm")
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, cwd=ROOT)
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only build the .qm files")
    args = parser.parse_args(argv)
    for language in LANGUAGES:
        if not args.release:
            print(update(language))
        print(release(language))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
