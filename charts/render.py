"""Drawing a chart's data (bot/charts.py) as a PNG with matplotlib's Agg backend.

Figures are made with matplotlib's object API (no pyplot, so no global state and no GUI backend),
720 px wide at 100 dpi, fonts of 11 to 16 px (DejaVu Sans, shipped with matplotlib): readable on a phone at 600-800 px. Colours are
from the Okabe-Ito palette, which stays distinct under the common colour-vision deficiencies.
"""
from __future__ import annotations

import io
import textwrap
from functools import singledispatch

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from bot.charts import Chart, InterestProfiles, PayComparison, PaySpread
from bot.reply import dollars

WIDTH_INCHES, DPI = 7.2, 100
BLUE, ORANGE, SKY, INK, GREY = "#0072B2", "#E69F00", "#56B4E9", "#222222", "#555555"
STYLE = "2"  # raise when the drawing changes, so cached images are drawn again
LABEL_WIDTH = 24  # characters per line of a topic's name
SPREAD_HEIGHT, INTERESTS_HEIGHT = 3.1, 4.3  # inches
TEXT, TITLE, SMALL = 13, 16, 11  # font sizes in pixels at 100 dpi: a phone shows the chart at about half size


def png(chart: Chart) -> bytes:
    """The chart as PNG bytes."""
    figure = _draw(chart)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def size(chart: Chart) -> tuple[int, int]:
    """The PNG's width and height in pixels."""
    return round(WIDTH_INCHES * DPI), round(_height(chart) * DPI)


def _figure(chart: Chart) -> Figure:
    figure = Figure(figsize=(WIDTH_INCHES, _height(chart)), dpi=DPI, facecolor="white")
    figure.text(0.015, 0.02, "\n".join(textwrap.wrap(chart.source, 90)), fontsize=SMALL, color=GREY, va="bottom")
    return figure


def _money(amount: float, hourly: bool, at_least: bool = False) -> str:
    return dollars(round(float(amount), 2) if hourly else int(amount), at_least).replace(" or more", "+")


def _axis_money(hourly: bool) -> FuncFormatter:
    return FuncFormatter(lambda value, _: f"${value:,.0f}" if hourly or not value else f"${value / 1000:,.0f}k")


def _frame(axes, hourly: bool | None = None) -> None:
    """No box, a light grid; the x axis in dollars when `hourly` says by the year or the hour."""
    if hourly is not None:
        axes.xaxis.set_major_formatter(_axis_money(hourly))
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(labelsize=TEXT, colors=INK)
    axes.grid(axis="x", color="#dddddd", linewidth=0.8)
    axes.set_axisbelow(True)


def _height(chart: Chart) -> float:
    """In inches: a pay comparison grows with its topics and their names' lines."""
    if isinstance(chart, PayComparison):
        lines = sum(len(textwrap.wrap(bar.name, LABEL_WIDTH)) for bar in chart.bars)
        return 1.7 + 0.5 * len(chart.bars) + 0.2 * lines
    return SPREAD_HEIGHT if isinstance(chart, PaySpread) else INTERESTS_HEIGHT


@singledispatch
def _draw(chart: Chart) -> Figure:
    raise TypeError(type(chart))


@_draw.register
def _(chart: PayComparison) -> Figure:
    figure = _figure(chart)
    height = _height(chart)
    axes = figure.add_axes([0.33, 1.05 / height, 0.6, 1 - 1.75 / height])
    rows = range(len(chart.bars))
    axes.barh(rows, [bar.value for bar in chart.bars], height=0.55, color=BLUE)
    right = max(bar.high if bar.high is not None else bar.value for bar in chart.bars)
    for row, bar in zip(rows, chart.bars):
        end = bar.value
        if chart.ranged and bar.low is not None and bar.high is not None:
            axes.plot([bar.low, bar.high], [row, row], color=INK, linewidth=1.6, marker="|", markersize=14)
            if bar.high_floor:  # BLS's "or more": the range goes on past its end
                axes.plot([bar.high], [row], color=INK, marker=">", markersize=8)
            end = bar.high
        axes.text(end + right * 0.035, row, _money(bar.value, chart.hourly, bar.value_floor),
                  va="center", fontsize=TEXT, fontweight="bold", color=INK)
    axes.set_yticks(list(rows), ["\n".join(textwrap.wrap(bar.name, LABEL_WIDTH)) for bar in chart.bars])
    axes.invert_yaxis()
    axes.set_xlim(0, right * 1.25)
    _frame(axes, chart.hourly)
    figure.text(0.015, 1 - 0.3 / height, chart.title, fontsize=TITLE, fontweight="bold", color=INK, va="top")
    return figure


@_draw.register
def _(chart: PaySpread) -> Figure:
    figure = _figure(chart)
    axes = figure.add_axes([0.05, 0.3, 0.9, 0.42])
    amounts = [amount for _, amount, _ in chart.points]
    low, high = min(amounts), max(amounts)
    by_name = {name: amount for name, amount, _ in chart.points}
    if "25th percentile" in by_name and "75th percentile" in by_name:
        axes.barh(0, by_name["75th percentile"] - by_name["25th percentile"], left=by_name["25th percentile"],
                  height=0.5, color=SKY)
    axes.plot([low, high], [0, 0], color=INK, linewidth=1.6, zorder=1)
    for index, (name, amount, floor) in enumerate(chart.points):
        median = name == "median"
        axes.plot([amount], [0], marker="|", markersize=30 if median else 18, markeredgewidth=4 if median else 2,
                  color=BLUE if median else INK)
        above = index % 2 == 0
        axes.text(amount, 0.5 if above else -0.5, f"{name}\n{_money(amount, chart.hourly, floor)}",
                  ha="center", va="bottom" if above else "top", fontsize=TEXT,
                  fontweight="bold" if median else "normal", color=INK)
    margin = (high - low) * 0.12 or high * 0.1
    axes.set_xlim(low - margin, high + margin)
    axes.set_ylim(-1.3, 1.3)
    axes.set_yticks([])
    _frame(axes, chart.hourly)
    axes.spines["left"].set_visible(False)
    figure.text(0.015, 0.96, "\n".join(textwrap.wrap(chart.title, 50)), fontsize=TITLE, fontweight="bold", color=INK, va="top")
    return figure


@_draw.register
def _(chart: InterestProfiles) -> Figure:
    figure = _figure(chart)
    rows = range(len(chart.areas))
    yours = figure.add_axes([0.35, 0.16, 0.27, 0.58])
    theirs = figure.add_axes([0.67, 0.16, 0.29, 0.58], sharey=yours)
    yours.barh(rows, chart.person, height=0.6, color=BLUE)
    yours.axvline(0, color=INK, linewidth=1)
    reach = max(1.0, *(abs(score) for score in chart.person))
    yours.set_xlim(-reach * 1.1, reach * 1.1)
    yours.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    yours.set_yticks(list(rows), chart.areas)
    yours.invert_yaxis()
    yours.set_title("Your answers", fontsize=TEXT, loc="left", color=INK)
    theirs.barh(rows, chart.levels, height=0.6, color=ORANGE)
    theirs.set_xlim(1, 7)
    theirs.tick_params(labelleft=False)
    theirs.set_title("\n".join(textwrap.wrap(f"{chart.occupation} (O*NET, 1-7)", 22)), fontsize=TEXT, loc="left", color=INK)
    _frame(yours)
    _frame(theirs)
    figure.text(0.015, 0.97, "Your interests beside the best match's", fontsize=TITLE, fontweight="bold", color=INK, va="top")
    return figure

