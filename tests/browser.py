"""Debian's headless Chromium driven through selenium, with the network off except loopback.

Every host name but 127.0.0.1 resolves to nothing, so a page that needs the internet (a CDN
script, a web font) fails to load here, as it would on an isolated network. Installed by
`scripts/install_browser.sh` (test.sh runs it); without it the browser tests fail and say so.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from tempfile import TemporaryDirectory

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from tests.shared_material import REPO_ROOT

ARTIFACTS = REPO_ROOT / "test-artifacts"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)


def _binary(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise RuntimeError(f"{name} is not installed: run `bash scripts/install_browser.sh` (as root)")
    return path


@contextmanager
def chromium() -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = _binary("chromium")
    with TemporaryDirectory(prefix="chromium-profile-") as profile:
        for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(options=options, service=Service(_binary("chromedriver")))
        try:
            yield driver
        finally:
            driver.quit()


def foreign_resources(driver: webdriver.Chrome, base_url: str) -> list[str]:
    """The URLs of every resource the page loaded that is NOT from `base_url`."""
    names: list[str] = driver.execute_script(
        "return performance.getEntriesByType('resource').map((entry) => entry.name)"
    )
    return [name for name in names if not name.startswith(base_url)]
