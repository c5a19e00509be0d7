"""Drawing and serving charts: the PNG decodes at the size the layout gives; the page server's chart route
answers a bad address with 400 and its reason, keeps drawn charts on disk within its bound, and revalidates."""
from __future__ import annotations

import io
from http import HTTPStatus

import pytest
from PIL import Image

from bot import charts
from bot.catalogue.model import BLS_SOURCE, RIASEC
from bot.topics import default_library
from charts import render
from charts.service import ChartService

library = default_library()
NURSES, DEVELOPERS, ECONOMISTS = "29-1141.00", "15-1252.00", "19-3011.00"
CHARTS = [
    charts.pay_comparison(library.knowledge, library.catalogue, [NURSES, DEVELOPERS, "project_manager", "11-1011.00", ECONOMISTS]),
    charts.pay_comparison(library.knowledge, library.catalogue, ["implementation_specialist", "project_manager"], source="is_vs_pm"),
    charts.pay_spread(library.knowledge, library.catalogue, NURSES, hourly=True),
    charts.interest_profiles(library.catalogue, library.guide, dict(zip(RIASEC, (2, 3, -1, 0, -2, 1))), DEVELOPERS),
]


@pytest.mark.parametrize("chart", CHARTS, ids=["pay", "article pay", "spread", "interests"])
def test_the_png_decodes_at_the_expected_size_readable_on_a_phone(chart):
    image = Image.open(io.BytesIO(render.png(chart)))
    assert image.format == "PNG" and image.size == render.size(chart)
    assert 600 <= image.width <= 800


def split(address: str) -> tuple[str, str]:
    path, _, query = address.partition("?")
    return path, query


@pytest.fixture
def service(tmp_path) -> ChartService:
    return ChartService(tmp_path / "charts", max_files=2)


def test_a_chart_is_served_as_a_cacheable_png_and_kept_on_disk(service):
    answer = service.answer(*split(CHARTS[0].address))
    assert answer.status == HTTPStatus.OK and answer.headers["Content-Type"] == "image/png"
    assert "max-age" in answer.headers["Cache-Control"] and Image.open(io.BytesIO(answer.body)).size == render.size(CHARTS[0])
    [kept] = service.cache_dir.glob("*.png")
    assert kept.read_bytes() == answer.body
    again = service.answer(*split(CHARTS[0].address), if_none_match=answer.headers["ETag"])
    assert again.status == HTTPStatus.NOT_MODIFIED and again.body == b""


def test_the_disk_cache_keeps_at_most_its_bound_dropping_the_least_recently_used(service):
    for chart in CHARTS[:3]:
        assert service.answer(*split(chart.address)).status == HTTPStatus.OK
    assert len(list(service.cache_dir.glob("*.png"))) == 2


@pytest.mark.parametrize("address", [
    f"/charts/pay?codes=99-9999.99,{NURSES}&per=year&data={BLS_SOURCE}",
    "/charts/pay?codes=" + ",".join(list(library.catalogue.occupations)[:6]) + f"&per=year&data={BLS_SOURCE}",
    "/charts/pay",
])
def test_a_bad_address_gets_400_with_the_reason_and_nothing_is_drawn(service, address):
    answer = service.answer(*split(address))
    assert answer.status == HTTPStatus.BAD_REQUEST and answer.body.startswith(b"Bad chart address: ")
    assert b"Traceback" not in answer.body and not service.cache_dir.exists()
