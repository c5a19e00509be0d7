"""The page server's chart route: an address (bot/charts.py) to a PNG, through a bounded on-disk cache.

A chart is a pure function of its address, so a drawn PNG is kept under a hash of that address
(plus the drawing's STYLE) and served again with caching headers. Drawing runs on a pool of
CHART_WORKERS threads (default 1): a burst of chart requests queues there instead of taking every
core from the Rasa server, and matplotlib never draws two figures at once. A bad address gets a 400
with the reason, never a stack trace.
"""
from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from http import HTTPStatus
from pathlib import Path
from typing import Mapping

from bot import charts
from bot.catalogue.interests import InterestGuide, default_interest_guide
from bot.catalogue.model import Catalogue, default_catalogue
from bot.knowledge import Knowledge, default_knowledge
from charts import render

logger = logging.getLogger(__name__)

DEFAULT_CACHE_FILES = 1000  # about 35 kB each
MAX_AGE_SECONDS = 86_400
RENDER_TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class Answer:
    status: HTTPStatus
    body: bytes
    headers: dict[str, str]


def _text(status: HTTPStatus, message: str) -> Answer:
    return Answer(status, f"{message}\n".encode(), {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"})


class ChartService:
    """Reads chart addresses, draws what isn't cached, keeps at most `max_files` PNGs in `cache_dir`."""

    def __init__(self, cache_dir: Path, max_files: int = DEFAULT_CACHE_FILES, workers: int = 1) -> None:
        self.cache_dir = cache_dir
        self.max_files = max_files
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="chart")

    @classmethod
    def from_environment(cls, env: Mapping[str, str]) -> "ChartService":
        return cls(Path(env.get("CHART_CACHE_DIR") or "var/charts"),
                   int(env.get("CHART_CACHE_FILES") or DEFAULT_CACHE_FILES), int(env.get("CHART_WORKERS") or 1))

    @cached_property
    def sources(self) -> tuple[Knowledge, Catalogue, InterestGuide]:
        """What charts are drawn from, loaded on first use (or by `prepare`, at start)."""
        return default_knowledge(), default_catalogue(), default_interest_guide()

    def prepare(self) -> None:
        """Loads the knowledge now, so the first chart asked for isn't slower than the rest."""
        self.sources  # noqa: B018

    def answer(self, path: str, query: str, if_none_match: str | None = None) -> Answer:
        try:
            chart = charts.read_address(*self.sources, path, query)
        except charts.ChartError as error:
            return _text(HTTPStatus.BAD_REQUEST, f"Bad chart address: {error}")
        file = self.cache_dir / f"{hashlib.sha256(f'{render.STYLE} {chart.address}'.encode()).hexdigest()}.png"
        try:
            body = self.pool.submit(self._cached_or_drawn, chart, file).result(RENDER_TIMEOUT_SECONDS)
        except Exception:  # logged here; the client learns only that drawing failed
            logger.exception("drawing %s failed", chart.address)
            return _text(HTTPStatus.INTERNAL_SERVER_ERROR, "The chart could not be drawn.")
        etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
        headers = {"Cache-Control": f"public, max-age={MAX_AGE_SECONDS}", "ETag": etag}
        if if_none_match == etag:
            return Answer(HTTPStatus.NOT_MODIFIED, b"", headers)
        return Answer(HTTPStatus.OK, body, {**headers, "Content-Type": "image/png"})

    def _cached_or_drawn(self, chart: charts.Chart, file: Path) -> bytes:
        """Runs on the pool: the cached PNG (marked as recently used), else drawn and kept."""
        try:
            body = file.read_bytes()
            os.utime(file)
            return body
        except FileNotFoundError:
            pass
        body = render.png(chart)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=self.cache_dir, suffix=".part", delete=False) as part:
            part.write(body)
        os.replace(part.name, file)  # atomic: another server sharing the directory never reads half a file
        self._evict()
        return body

    def _evict(self) -> None:
        """Drops the least recently used PNGs beyond max_files."""
        kept = sorted(((_mtime(path), path) for path in self.cache_dir.glob("*.png")), reverse=True)
        for _, stale in kept[self.max_files:]:
            stale.unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    """When a cached PNG was last used; 0 when another server sharing the directory just removed it."""
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return 0.0
