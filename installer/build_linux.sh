#!/usr/bin/env bash
# Build the Linux onedir bundle from this source tree: dist/frontdesk/frontdesk.
#
#     installer/build_linux.sh            # uses python3 and the packages it has
#     PYTHON=.venv/bin/python installer/build_linux.sh
#
# The app's own dependencies must already be installed (pip install '.[postgres,sound]');
# PyInstaller is installed when missing. Prints the build time and the bundle size.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PYTHON:-python3}
DIST=${FRONTDESK_DIST:-dist}
WORK=${FRONTDESK_BUILD:-build/pyinstaller}

if ! "$PYTHON" -m PyInstaller --version >/dev/null 2>&1; then
    echo "== installing PyInstaller"
    "$PYTHON" -m pip install --quiet "pyinstaller>=6.10,<7"
fi

echo "== PyInstaller $("$PYTHON" -m PyInstaller --version), $("$PYTHON" --version)"
start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" installer/frontdesk.spec
end=$(date +%s)

echo "== built $DIST/frontdesk in $((end - start)) s"
echo "== bundle size: $(du -sh "$DIST/frontdesk" | cut -f1) ($(find "$DIST/frontdesk" -type f | wc -l) files)"
