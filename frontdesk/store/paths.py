"""Where the data lives: the per-machine data folder, overridable for tests and IT."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from frontdesk import APP_AUTHOR, APP_NAME

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
