#!/usr/bin/env bash
# Install the project into .venv, but only when needed: no environment yet, or pyproject.toml
# changed since the last install, or extras asked for that were not installed. The install is
# editable, so code changes never need one. A stamp in .venv records what was installed.
#   bash scripts/install.sh        runtime dependencies (what serve.sh needs)
#   bash scripts/install.sh dev    with the dev extras (what test.sh needs)
set -euo pipefail
cd "$(dirname "$0")/.."

extras="${1:-}"
stamp=.venv/.install-stamp
hash=$(sha256sum pyproject.toml | cut -d' ' -f1)

installed() {
  [ -x .venv/bin/manifest-parser ] && [ -f "$stamp" ] || return 1
  if [ -z "$extras" ]; then
    grep -q "^$hash" "$stamp"  # any install of this pyproject.toml has the runtime dependencies
  else
    grep -qxF "$hash $extras" "$stamp"
  fi
}

if installed; then
  exit 0
fi
python3 -m venv .venv
.venv/bin/pip install -q torch==2.13.0
.venv/bin/pip install -q -e ".${extras:+[$extras]}"
if ! grep -q "^$hash" "$stamp" 2>/dev/null; then
  : >"$stamp"  # a new pyproject.toml: earlier installs no longer count
fi
echo "$hash $extras" >>"$stamp"
