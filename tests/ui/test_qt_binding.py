"""The Qt binding keeps None alive: PySide6 6.12.0 dropped a reference to None on every
call that returns nothing, and on Python 3.11 the desk died ("Fatal Python error:
none_dealloc") once None's few thousand references were gone: the supervisor's roster
page with 5,000 volunteers after a dozen visits, with 30,000 at the first. The probe runs
in its own process, so a broken binding fails this test instead of killing the run."""

from __future__ import annotations

import os
import subprocess
import sys

from frontdesk.selfchecks import NONE_PROBE_CALLS, none_references_lost

CALLS = 20_000  # several times the references None has when a desk starts
PROBE = f"""
import sys
from PySide6.QtWidgets import QApplication, QComboBox, QLabel
app = QApplication([])
label, combo = QLabel(), QComboBox()
before = sys.getrefcount(None)
for i in range({CALLS}):
    label.setText("x")
    combo.addItem("x", i)
    combo.setCurrentIndex(0)
print(before - sys.getrefcount(None))
"""


def test_many_qt_calls_leave_none_alive() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-800:]
    assert abs(int(done.stdout.split()[-1])) < 100, done.stdout


def test_the_self_test_probe_finds_no_loss(qapp: object) -> None:
    assert NONE_PROBE_CALLS >= 100
    assert none_references_lost() == 0
