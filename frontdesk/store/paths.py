"""Where the data lives: the per-machine data folder, overridable for tests and IT."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from frontdesk import APP_AUTHOR, APP_NAME
from frontdesk.store.errors import WouldOverwriteData

ENV_HOME = "FRONTDESK_HOME"
ENV_DB = "FRONTDESK_DB"
NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "sshfs", "9p", "afs", "ncpfs"}


def data_dir() -> Path:
    """The per-machine data folder (ProgramData on Windows); FRONTDESK_HOME overrides it."""
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env)
    machine = platformdirs.site_data_path(APP_NAME, APP_AUTHOR)
    if sys.platform == "win32" or _writable(machine):
        return machine
    # On Linux and macOS the machine-wide folder is usually root-only; fall back per user.
    return platformdirs.user_data_path(APP_NAME, APP_AUTHOR)


def _writable(path: Path) -> bool:
    probe = path
    while not probe.exists():
        if probe.parent == probe:
            return False
        probe = probe.parent
    return os.access(probe, os.W_OK)


def default_db_path() -> Path:
    return data_dir() / "frontdesk.sqlite3"


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def is_network_path(path: Path) -> bool:
    """True when `path` lives on a network share (UNC/remote drive, NFS, SMB...)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0]
        if drive:
            return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4)  # DRIVE_REMOTE
        return False
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    resolved = str(Path(text).resolve())
    best, best_fs = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        if (resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")) and len(
            mount_point
        ) > len(best):
            best, best_fs = mount_point, parts[2]
    return best_fs in NETWORK_FS


# --- what no output may write over ------------------------------------------------------

SIDE_SUFFIXES = (
    "-wal",
    "-shm",
    "-journal",
    "-restore",
    "-schema.lock",
    "-kiosk.lock",
    "-supervisor.lock",
)

ANCHOR_SUFFIX = "-audit-anchors.txt"


def _same(a: Path, b: Path) -> bool:
    """True when `a` and `b` are one file: the same resolved name, or one inode (a hard link)."""
    if os.path.normcase(a.resolve()) == os.path.normcase(b.resolve()):
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def overlap(out: Path, db_path: Path) -> str | None:
    """What of the desk's own files `out` would write over: "database" (the SQLite file or
    one of its side files: WAL, SHM, journal, locks), "backups" (a file in its backups
    folder), or None. Names are resolved first, so links and `..` do not hide a match.
    """
    out = Path(out).expanduser()
    db_path = Path(db_path).expanduser()
    names = [db_path, *(db_path.with_name(db_path.name + s) for s in SIDE_SUFFIXES)]
    names.append(db_path.with_name(db_path.stem + ANCHOR_SUFFIX))  # store.anchors
    if any(_same(out, name) for name in names):
        return "database"
    backups = os.path.normcase(backups_dir(db_path.resolve()))
    target = os.path.normcase(out.resolve())
    if target == backups or target.startswith(backups + os.sep):
        return "backups"
    return None


def refuse_overwrite(out: Path, db_path: Path | None) -> None:
    """Raise WouldOverwriteData (facts: path, what) before `out` is written, when it would
    write over the desk's database, its side files or its backups (see `overlap`)."""
    if db_path is None:
        return
    what = overlap(out, db_path)
    if what is not None:
        raise WouldOverwriteData(
            f"{out} is the desk's own {what}; nothing was written", path=str(out), what=what
        )
