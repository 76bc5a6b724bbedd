"""The review page at `/`: paste or drop a document, see its manifest and where each value was read.

Plain HTML, CSS and JavaScript files shipped inside the package (`service/api/static/`), with
no external assets and no build step, so the page works on a network without internet access.
It calls `/v1/parse` from the browser like any other client.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).parent / "static"


def install_review_page(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    async def review_page() -> FileResponse:
        return FileResponse(STATIC_DIR / "review.html", media_type="text/html")
