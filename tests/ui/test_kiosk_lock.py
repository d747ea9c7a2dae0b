"""One kiosk per data folder, not per machine: a second kiosk on another folder
(`--basedir`) starts; one on the same folder is refused with a sentence naming it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile

from frontdesk.app import SingleInstance, already_running_text

HOLD = """
import sys
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from frontdesk.app import SingleInstance
held = SingleInstance()
print("held" if held.acquire() else "refused", flush=True)
sys.stdin.readline()
held.release()
"""


def test_the_lock_is_per_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, zh: None
) -> None:
    first, second = tmp_path / "desk-a", tmp_path / "desk-b"
    env = {**os.environ, "FRONTDESK_HOME": str(first), "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = os.pathsep.join([str(Path.cwd()), env.get("PYTHONPATH", "")])
    with subprocess.Popen(
        [sys.executable, "-c", HOLD],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdin is not None and holder.stdout is not None
        try:
            assert holder.stdout.readline().strip() == "held"
            assert (first / "kiosk.lock").exists()  # in the data folder, not machine-wide
            # another desk's folder on the same PC: it runs
            monkeypatch.setenv("FRONTDESK_HOME", str(second))
            other = SingleInstance()
            assert other.acquire()
            other.release()
            # the same folder: refused, and said so with the folder
            monkeypatch.setenv("FRONTDESK_HOME", str(first))
            same = SingleInstance()
            assert not same.acquire()
            assert same.lock.error() == QLockFile.LockError.LockFailedError
            text = already_running_text(same.folder)
            assert "已經在使用這個資料夾" in text and str(first) in text
        finally:
            holder.stdin.write("\n")
            holder.stdin.flush()
            holder.wait(timeout=20)
    # once the first has ended, the folder is free again
    again = SingleInstance()
    assert again.acquire()
    again.release()
