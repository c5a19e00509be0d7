"""Time per chart (`make bench` prints it too).

    .venv/bin/python -m bench.chart_speed [--repeat 20]

For each kind of chart: drawing it (matplotlib, Agg, to PNG bytes), and answering its address through
the page server's chart route when it is already in the disk cache. Each figure is the median and the
worst of --repeat calls. Prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench.catalogue_speed import timed
from bot import charts
from bot.catalogue.model import RIASEC
from bot.topics import default_library
from charts import render
from charts.service import ChartService


def examples() -> dict[str, charts.Chart]:
    library = default_library()
    knowledge, catalogue = library.knowledge, library.catalogue
    return {
        "pay comparison, 5 topics": charts.pay_comparison(
            knowledge, catalogue, ["15-1252.00", "29-1141.00", "project_manager", "47-2111.00", "19-3011.00"]),
        "pay spread, hourly": charts.pay_spread(knowledge, catalogue, "29-1141.00", hourly=True),
        "interest profiles": charts.interest_profiles(catalogue, library.guide, dict(zip(RIASEC, (2, 3, -1, 0, -2, 1))), "15-1252.00"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=20, help="calls per timed figure")
    args = parser.parse_args()
    render.png(next(iter(examples().values())))  # matplotlib's first figure loads fonts: not a chart's cost
    with tempfile.TemporaryDirectory() as cache:
        service = ChartService(Path(cache))
        print(f"{'chart':<26} {'drawn (median / worst)':>24} {'from the cache':>22}")
        for name, chart in examples().items():
            drawn = timed(lambda: render.png(chart), args.repeat)
            path, _, query = chart.address.partition("?")
            service.answer(path, query)
            cached = timed(lambda: service.answer(path, query), args.repeat)
            print(f"{name:<26} {drawn[0]:>10.1f} / {drawn[1]:>6.1f} ms {cached[0]:>10.2f} / {cached[1]:>6.2f} ms")


if __name__ == "__main__":
    main()
