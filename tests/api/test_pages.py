"""The pages the app serves (review page, API docs) use only its own assets: no URL leaves it.

The browser tests (test_review_page.py) prove the pages work with the network off; these
check the same promise quickly, in-process, on every file the pages load.
"""

from __future__ import annotations

import re

import pytest

from service.config import Settings
from tests.api.serving import serve

EXTERNAL_URL = re.compile(r"""(src|href)=["']?(https?:)?//""")


@pytest.mark.anyio
async def test_review_page_and_its_assets_are_served_locally(settings: Settings) -> None:
    async with serve(settings) as served:
        page = await served.client.get("/")
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assets = re.findall(r"""(?:src|href)="(/static/[^"]+)\"""", page.text)
        assert sorted(assets) == ["/static/review.css", "/static/review.js"]
        for asset in assets:
            response = await served.client.get(asset)
            assert response.status_code == 200
            assert "http://" not in response.text and "https://" not in response.text
    assert not EXTERNAL_URL.search(page.text)


@pytest.mark.anyio
async def test_api_docs_load_swagger_ui_from_the_app(settings: Settings) -> None:
    async with serve(settings) as served:
        page = await served.client.get("/docs")
        assets = re.findall(r"""(?:src|href)="([^"]+)\"""", page.text)
        assert sorted(assets) == [
            "/docs/assets/favicon-32x32.png",
            "/docs/assets/swagger-ui-bundle.js",
            "/docs/assets/swagger-ui.css",
        ]
        for asset in assets:
            assert (await served.client.get(asset)).status_code == 200
        assert (await served.client.get("/redoc")).status_code == 404
