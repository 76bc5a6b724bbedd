#!/usr/bin/env bash
# The README's test command: install with dev extras into .venv (when needed) and the headless
# browser of the review page's test, lint, type-check, run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh dev
bash scripts/install_browser.sh
. .venv/bin/activate
ruff check service tests
ruff format --check service tests
mypy
set +e
pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: failing" >&2
  exit 1
fi
exit "$status"
