#!/usr/bin/env bash
# CI: build the Linux onedir bundle and run its self-test on the offscreen platform.
#
# A missing hidden import, data file or migration script makes the frozen self-test
# fail, and so this script. Prints the build time, the bundle size and how long the
# frozen self-test took from process start to exit (the first run after the build).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PYTHON:-python3}
DIST=${FRONTDESK_DIST:-dist}
APP="$DIST/frontdesk/frontdesk"

ms() { "$PYTHON" -c 'import time; print(int(time.time() * 1000))'; }

t0=$(ms)
installer/build_linux.sh
t1=$(ms)

expected=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
got=$(QT_QPA_PLATFORM=offscreen "$APP" --version)
if [[ $got != "frontdesk $expected" ]]; then
    echo "== FAIL: the bundle says '$got', pyproject.toml says $expected" >&2
    exit 1
fi

echo "== frozen self-test"
status=0
t2=$(ms)
env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen \
    timeout 300 "$APP" --self-test </dev/null || status=$?
t3=$(ms)

echo "== build: $(((t1 - t0) / 1000)) s; bundle: $(du -sh "$DIST/frontdesk" | cut -f1);" \
    "self-test: $((t3 - t2)) ms from start to exit (exit $status)"
exit "$status"
