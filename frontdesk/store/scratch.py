"""Temporary files: one naming pattern of ours, one register in the data folder, and the
next start removes what a killed backup, export or restore left.

A job that writes a file through a temporary one names it `.frontdesk-tmp-<job>-<name>`
beside its target (so `os.replace` stays atomic, on a USB stick too) and lists it in
`<data folder>/tmp/<job>.list`, while it holds `<job>.lock` with the operating system's
lock. Temporary files a library makes (openpyxl's XML of each write-only sheet, which
holds the unmasked phone numbers of a personal-data export) go to `<data folder>/tmp/<job>/`,
never to the system's temp folder. At start-up every job whose lock nobody holds is dead:
the files it listed (by our prefix only, with SQLite's `-journal` of each) and its folder
are removed.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from frontdesk.store import filelock

PREFIX = ".frontdesk-tmp-"
FOLDER = "tmp"
SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")
_TEMPDIR = threading.RLock()  # tempfile.tempdir is one value per process
_LOCK_FILE_GRACE_SECONDS = 60.0


def scratch_root(db_path: Path) -> Path:
    """Where the register of temporary files lives: `tmp/` in the database's folder."""
    return db_path.parent / FOLDER


def is_ours(path: Path) -> bool:
    """True for a name made by Job.beside (or SQLite's side file of one)."""
    return path.name.startswith(PREFIX)


class Job:
    """The temporary files of one backup, export or restore; see the module docstring."""

    def __init__(self, root: Path | None, stack: ExitStack) -> None:
        self.id = f"{os.getpid()}-{secrets.token_hex(4)}"
        self.root = root
        self._made: list[Path] = []
        if root is not None:
            root.mkdir(parents=True, exist_ok=True)
            stack.enter_context(filelock.exclusive(root / f"{self.id}.lock", wait_seconds=5))

    @property
    def folder(self) -> Path | None:
        """This job's own folder for library temp files (None without a data folder)."""
        return None if self.root is None else self.root / self.id

    def beside(self, target: Path) -> Path:
        """A temporary name beside `target`, registered before anything is written to it."""
        tmp = target.with_name(f"{PREFIX}{self.id}-{target.name}")
        if self.root is not None:
            with (self.root / f"{self.id}.list").open("a", encoding="utf-8") as listing:
                listing.write(f"{tmp.absolute()}\n")
                listing.flush()
                os.fsync(listing.fileno())
        self._made.append(tmp)
        return tmp

    @contextmanager
    def library_temp_files(self) -> Iterator[None]:
        """Python's `tempfile` (so openpyxl) writes into this job's folder for the block.

        Serialised: the setting is the whole process's.
        """
        folder = self.folder
        if folder is None:
            yield
            return
        folder.mkdir(parents=True, exist_ok=True)
        with _TEMPDIR:
            saved = tempfile.tempdir
            tempfile.tempdir = str(folder)
            try:
                yield
            finally:
                tempfile.tempdir = saved

    def finish(self) -> None:
        """Remove what is left of this job's files (the placed ones are already gone)."""
        for tmp in self._made:
            _remove_with_side_files(tmp)
        if self.root is not None:
            _remove_job(self.root, self.id)


@contextmanager
def job(db_path: Path | None) -> Iterator[Job]:
    """A job registered in the data folder of `db_path` (None: not registered, e.g. in memory)."""
    with ExitStack() as stack:
        current = Job(None if db_path is None else scratch_root(db_path), stack)
        try:
            yield current
        finally:
            current.finish()
    if current.root is not None:  # the lock is released: its file may go now
        with contextlib.suppress(OSError):
            (current.root / f"{current.id}.lock").unlink()


def is_alive(db_path: Path, job_id: str) -> bool:
    """True while the job `job_id` of the data folder of `db_path` runs (holds its lock)."""
    lock = scratch_root(db_path) / f"{job_id}.lock"
    if not lock.exists():
        return False
    try:
        with filelock.exclusive(lock, wait_seconds=0):
            return False
    except TimeoutError:
        return True
    except OSError:
        return True  # cannot tell: treat it as alive, its rows stay invisible meanwhile


def clean_leftovers(db_path: Path) -> list[Path]:
    """Remove the temporary files of every dead job (one whose lock is free); at start-up.

    Returns what was removed. A job still running (another process) keeps its files.
    """
    root = scratch_root(db_path)
    if not root.is_dir():
        return []
    removed: list[Path] = []
    ids = {p.name.split(".", 1)[0] for p in root.iterdir()}
    for job_id in sorted(ids):
        lock = root / f"{job_id}.lock"
        try:
            with filelock.exclusive(lock, wait_seconds=0):
                removed += _listed(root, job_id)
                _remove_job(root, job_id)
        except TimeoutError:
            continue  # alive
        except OSError:
            continue  # cannot lock (permissions): leave it for IT to see
        # A lock file just made by a starting job is not locked yet: only old ones go.
        with contextlib.suppress(OSError):
            if time.time() - lock.stat().st_mtime > _LOCK_FILE_GRACE_SECONDS:
                lock.unlink()
    return removed


def _listed(root: Path, job_id: str) -> list[Path]:
    """Remove the files a dead job listed, if they still carry our prefix."""
    listing = root / f"{job_id}.list"
    try:
        lines = listing.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    removed = []
    for line in lines:
        path = Path(line.strip())
        if line.strip() and is_ours(path):
            removed += _remove_with_side_files(path)
    return removed


def _remove_with_side_files(path: Path) -> list[Path]:
    removed = []
    for candidate in (path, *(path.with_name(path.name + s) for s in SQLITE_SIDE_FILES)):
        try:
            candidate.unlink()
        except OSError:
            continue
        removed.append(candidate)
    return removed


def _remove_job(root: Path, job_id: str) -> None:
    shutil.rmtree(root / job_id, ignore_errors=True)
    with contextlib.suppress(OSError):
        (root / f"{job_id}.list").unlink()
