"""An input file is measured before it is read.

A mistaken or hostile file (a zip bomb named .xlsx that unpacks 7 MB into 2 GiB of XML,
a sheet past Excel's million rows, a video renamed .csv) is refused in a sentence
within a second and with memory bounded, before any parser sees it: first its size on
disk, then for a workbook the sizes its zip directory declares (Python's zipfile never
unpacks more than a member declares, so the declared sizes bound the work) and each
member's compression ratio, then, while it is read in streaming mode, its rows.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from frontdesk.services.errors import InvalidInput, NotFound

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """How large one kind of input file may be."""

    max_bytes: int  # on disk
    max_unpacked: int = 0  # a zip's members together, as declared; 0 = not a zip
    max_ratio: int = 0  # a member's unpacked size over its packed size (members over 1 MiB)
    max_rows: int = 0  # data rows of a sheet; 0 = no sheet


# A year of the DGPA calendar is about 15 KB.
CALENDAR_CSV = Limits(max_bytes=1 * MIB)
# 20,000 volunteers make a 0.6 MB workbook of 9 MB XML, packed 14 to 1; a zip bomb packs
# about 1,000 to 1. Excel itself stops at 1,048,576 rows.
VOLUNTEER_XLSX = Limits(max_bytes=20 * MIB, max_unpacked=64 * MIB, max_ratio=200, max_rows=50_000)
_RATIO_FROM = 1 * MIB  # small members (styles, themes) may pack tighter harmlessly


def _refuse(path: Path, reason: str, message: str, **facts: object) -> InvalidInput:
    return InvalidInput(f"{path}: {message}", field="file", reason=reason, path=str(path), **facts)


def _mb(n: int) -> str:
    return f"{n / MIB:.1f}"


def measure(path: Path, limits: Limits, *, not_this_kind: str) -> int:
    """The size of the file at `path` in bytes, refused when missing, empty or too big.

    `not_this_kind` is the reason given for a folder (e.g. "not_xlsx").
    """
    if not path.exists():
        raise NotFound(f"{path} does not exist", what="file", path=str(path))
    if path.is_dir():
        raise _refuse(path, not_this_kind, "a folder")
    size = path.stat().st_size
    if size == 0:
        raise _refuse(path, "empty_file", "empty")
    if size > limits.max_bytes:
        raise too_big(path, limits, size)
    return size


def too_big(path: Path, limits: Limits, size: int) -> InvalidInput:
    """The refusal of a file of `size` bytes, more than `limits` allows."""
    return _refuse(
        path,
        "too_big",
        f"{size} bytes, at most {limits.max_bytes}",
        size=_mb(size),
        limit=_mb(limits.max_bytes),
    )


def measure_zip(path: Path, limits: Limits, *, not_this_kind: str) -> None:
    """Refuse a zip (an xlsx) whose members would unpack too big or are packed too tightly.

    Reads only the zip's central directory; a file that is no zip at all gets
    `not_this_kind`.
    """
    measure(path, limits, not_this_kind=not_this_kind)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _refuse(path, not_this_kind, "not a zip file") from None
    unpacked = sum(i.file_size for i in infos)
    if unpacked > limits.max_unpacked:
        raise _refuse(
            path,
            "too_big_unpacked",
            f"unpacks to {unpacked} bytes, at most {limits.max_unpacked}",
            size=_mb(unpacked),
            limit=_mb(limits.max_unpacked),
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FROM and ratio > limits.max_ratio:
            raise _refuse(
                path,
                "packed_too_tightly",
                f"{info.filename} packed {ratio:.0f} to 1, at most {limits.max_ratio}",
                ratio=f"{ratio:.0f}",
                limit=limits.max_ratio,
            )


def too_many_rows(path: Path, limits: Limits) -> InvalidInput:
    """The refusal of a sheet with more data rows than `limits` allows."""
    return _refuse(
        path, "too_many_rows", f"more than {limits.max_rows} rows", limit=limits.max_rows
    )
