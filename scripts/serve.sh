#!/usr/bin/env bash
# The README's serve command: install into .venv when needed (scripts/install.sh) and run the
# service on the committed model (CPU; a GPU when one is present).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/manifest-parser serve "$@"
