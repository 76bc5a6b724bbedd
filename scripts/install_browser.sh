#!/usr/bin/env bash
# The headless browser that the review page's test drives: Debian's chromium and chromium-driver,
# installed with apt-get when missing (CI runs as root on Debian). Without root or apt-get it says
# what to install and leaves the decision to the caller; the browser test then fails and says why.
set -euo pipefail

if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "install chromium and chromium-driver (Debian packages) for the review page's browser test" >&2
  exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
