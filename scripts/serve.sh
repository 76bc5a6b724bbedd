#!/usr/bin/env bash
# The README's serve command: install into .venv and run the service on the committed model (CPU).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
. .venv/bin/activate
pip install -q torch==2.13.0
pip install -q -e .
exec manifest-parser serve "$@"
