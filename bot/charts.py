"""What a chart shows, as plain data with a stable address; drawing it is the page server's (charts/).

A chart is a pure function of its address: the topics, the figure and the data release are in it,
nothing about the conversation. The front door (bot/topics.py) builds a chart to go with an answer;
the page server reads the same address back with `read_address`, so what is drawn is exactly what
the alt text says. Facts keep their source here too: a pay comparison holds one source's figures,
BLS's medians with their 10th-90th percentile range, or one article's averages, never both.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence, Union
from urllib.parse import parse_qs, urlencode

from bot.catalogue.interests import InterestGuide
from bot.catalogue.model import BLS_SOURCE, ONET_SOURCE, RIASEC, Catalogue, Occupation
from bot.catalogue.pay import ANNUAL_PERCENTILES, HOURLY_PERCENTILES, figure
from bot.knowledge import Knowledge
from bot.reply import dollars

PAY_PATH = "/charts/pay"
SPREAD_PATH = "/charts/pay-spread"
INTERESTS_PATH = "/charts/interests"
MIN_TOPICS, MAX_TOPICS = 2, 5
PER = ("year", "hour")
SCORE_LIMIT = 100  # an interest score is a small sum of answer scores; anything larger is no quiz's


class ChartError(ValueError):
    """An address that names no chart (unknown topic, too many, a figure the data lacks); the message says which."""


@dataclass(frozen=True)
class PayBar:
    name: str
    value: float  # BLS's median, or the article's average
    low: float | None = None  # 10th percentile
    high: float | None = None  # 90th percentile
    value_floor: bool = False  # BLS top-coded: this or more
    high_floor: bool = False


@dataclass(frozen=True)
class PayComparison:
    address: str
    title: str
    bars: tuple[PayBar, ...]  # highest first
    hourly: bool
    ranged: bool  # BLS figures with a 10th-90th percentile range; False: an article's averages
    source: str  # said under the chart
    alt: str


@dataclass(frozen=True)
class PaySpread:
    address: str
    title: str
    points: tuple[tuple[str, float, bool], ...]  # (percentile name, amount, top-coded), lowest first
    hourly: bool
    source: str
    alt: str


@dataclass(frozen=True)
class InterestProfiles:
    address: str
    areas: tuple[str, ...]  # the six areas' plain names, RIASEC order
    person: tuple[float, ...]  # the person's quiz scores, same order
    occupation: str
    levels: tuple[float, ...]  # O*NET's interest levels (1-7), same order
    source: str
    alt: str


Chart = Union[PayComparison, PaySpread, InterestProfiles]


def _address(path: str, **params: str) -> str:
    return f"{path}?{urlencode(params, safe=',')}"


def _money(amount: float, hourly: bool, at_least: bool = False) -> str:
    return dollars(round(float(amount), 2) if hourly else int(amount), at_least)


def _unit(hourly: bool) -> str:
    return "an hour" if hourly else "a year"


def _occupation_for(knowledge: Knowledge, catalogue: Catalogue, topic_id: str) -> tuple[Occupation, str]:
    """The occupation whose BLS figures count for a topic, and how the chart names it."""
    role = knowledge.roles.get(topic_id)
    code = role.catalogue_code if role else topic_id
    occupation = catalogue.occupations.get(code or "")
    if occupation is None:
        raise ChartError(f"no occupation in the catalogue covers {role.plural}" if role else f"unknown topic {topic_id[:40]!r}")
    return occupation, (f"{occupation.title} ({role.plural})" if role else occupation.title)


def _bls_bar(knowledge: Knowledge, catalogue: Catalogue, topic_id: str, hourly: bool) -> PayBar:
    occupation, name = _occupation_for(knowledge, catalogue, topic_id)
    prefix = "hourly_" if hourly else ""
    wages = occupation.wages
    median = figure(wages, f"{prefix}median")
    if median is None:
        raise ChartError(f"BLS publishes no {'hourly' if hourly else 'annual'} median for {occupation.title}")
    top_coded = wages.top_coded  # type: ignore[union-attr]
    return PayBar(name, median, figure(wages, f"{prefix}pct10"), figure(wages, f"{prefix}pct90"),
                  f"{prefix}median" in top_coded, f"{prefix}pct90" in top_coded)


def _article_bar(knowledge: Knowledge, topic_id: str, source: str) -> PayBar:
    role = knowledge.roles.get(topic_id)
    if role is None or role.salary is None or role.salary.source != source or role.salary.period != "year":
        raise ChartError(f"the article {source!r} gives no yearly pay for {topic_id[:40]!r}")
    return PayBar(role.plural.capitalize(), role.salary.amount)


def _checked_topics(topic_ids: Sequence[str]) -> tuple[str, ...]:
    ids = tuple(topic_ids)
    if not MIN_TOPICS <= len(ids) <= MAX_TOPICS:
        raise ChartError(f"a pay comparison shows {MIN_TOPICS} to {MAX_TOPICS} topics, not {len(ids)}")
    if len(set(ids)) != len(ids):
        raise ChartError("a topic is named twice")
    return tuple(sorted(ids))


def pay_comparison(knowledge: Knowledge, catalogue: Catalogue, topic_ids: Sequence[str], hourly: bool = False,
                   source: str = BLS_SOURCE) -> PayComparison:
    """Two to five topics' pay from one source: BLS's medians with their 10th-90th percentile range (an article
    role through the occupation covering it, named so), or one article's averages."""
    ids = _checked_topics(topic_ids)
    per = "hour" if hourly else "year"
    address = _address(PAY_PATH, codes=",".join(ids), per=per, data=source)
    if source == BLS_SOURCE:
        bars = [_bls_bar(knowledge, catalogue, topic_id, hourly) for topic_id in ids]
        measure, ranged = "median", True
        said = (f"Source: {catalogue.sources[BLS_SOURCE].title}, national. "
                "Bars: median; lines: 10th to 90th percentile.")
    elif source in knowledge.sources and not hourly:
        bars = [_article_bar(knowledge, topic_id, source) for topic_id in ids]
        measure, ranged = "average", False
        said = f"Source: “{knowledge.sources[source].short}” (an article): averages, no range given."
    else:
        raise ChartError(f"no pay figures from {source!r} {'an hour' if hourly else 'a year'}")
    bars.sort(key=lambda bar: (-bar.value, bar.name))
    title = f"{measure.capitalize()} pay {_unit(hourly)}"
    described = "; ".join(
        f"{bar.name} {_money(bar.value, hourly, bar.value_floor)}"
        + (f" (10th to 90th percentile {_money(bar.low, hourly)} to {_money(bar.high, hourly, bar.high_floor)})"
           if bar.low is not None and bar.high is not None else "")
        for bar in bars)
    alt = f"Bar chart of {measure} pay {_unit(hourly)}, highest first: {described}. {said}"
    return PayComparison(address, title, tuple(bars), hourly, ranged, said, alt)


def pay_spread(knowledge: Knowledge, catalogue: Catalogue, topic_id: str, hourly: bool = False) -> PaySpread:
    """One occupation's published percentiles (10th, 25th, median, 75th, 90th), by the year or the hour."""
    occupation, name = _occupation_for(knowledge, catalogue, topic_id)
    wages = occupation.wages
    fields = HOURLY_PERCENTILES if hourly else ANNUAL_PERCENTILES
    points = tuple((_percentile_name(rank), figure(wages, field), field in wages.top_coded)  # type: ignore[union-attr]
                   for field, rank in fields if figure(wages, field) is not None)
    if len(points) < 2:
        raise ChartError(f"BLS publishes no {'hourly' if hourly else 'annual'} percentiles for {occupation.title}")
    said = f"Source: {catalogue.sources[BLS_SOURCE].title}, national."
    described = ", ".join(f"{label} {_money(amount, hourly, floor)}" for label, amount, floor in points)  # type: ignore[arg-type]
    alt = f"Chart of what {name} earn {_unit(hourly)}, by percentile: {described}. {said}"
    address = _address(SPREAD_PATH, code=topic_id, per="hour" if hourly else "year", data=BLS_SOURCE)
    return PaySpread(address, f"{name}: pay {_unit(hourly)}", points, hourly, said, alt)  # type: ignore[arg-type]


def _percentile_name(rank: int) -> str:
    return "median" if rank == 50 else f"{rank}th percentile"


def interest_profiles(catalogue: Catalogue, guide: InterestGuide, scores: Mapping[str, float], code: str) -> InterestProfiles:
    """The person's six quiz scores beside one occupation's six O*NET interest levels: two scales, two panels."""
    occupation = catalogue.occupations.get(code)
    if occupation is None or not occupation.interests or any(letter not in occupation.interests for letter in RIASEC):
        raise ChartError(f"O*NET gives no interest profile for {code!r}")
    person = tuple(float(scores[letter]) for letter in RIASEC)
    if any(abs(score) > SCORE_LIMIT for score in person):
        raise ChartError("interest scores out of range")
    levels = tuple(float(occupation.interests[letter]) for letter in RIASEC)
    areas = tuple(guide.areas[letter].name for letter in RIASEC)
    said = f"Source of the occupation's levels: {catalogue.sources[ONET_SOURCE].title}."
    yours = ", ".join(f"{area} {score:g}" for area, score in zip(areas, person))
    theirs = ", ".join(f"{area} {level:g}" for area, level in zip(areas, levels))
    alt = (f"Two bar charts side by side. Your interest scores from the quiz: {yours}. O*NET's interest levels "
           f"for {occupation.title}, from 1 to 7: {theirs}.")
    address = _address(INTERESTS_PATH, scores=",".join(f"{score:g}" for score in person), code=code, data=ONET_SOURCE)
    return InterestProfiles(address, areas, person, occupation.title, levels, said, alt)


# ------------------------------------------------------------------ reading an address back

def _params(query: str, expected: set[str]) -> dict[str, str]:
    try:
        parsed = parse_qs(query, keep_blank_values=True, strict_parsing=bool(query), max_num_fields=len(expected) + 1)
    except ValueError as error:
        raise ChartError(f"malformed query: {error}") from None
    if set(parsed) != expected or any(len(values) != 1 for values in parsed.values()):
        raise ChartError(f"expected exactly the parameters {', '.join(sorted(expected))}")
    return {name: values[0] for name, values in parsed.items()}


def _per(value: str) -> bool:
    if value not in PER:
        raise ChartError("per must be year or hour")
    return value == "hour"


def _scores(value: str) -> dict[str, float]:
    parts = value.split(",")
    if len(parts) != len(RIASEC):
        raise ChartError(f"scores: expected {len(RIASEC)} numbers")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        raise ChartError("scores: expected numbers") from None
    if any(number != number for number in numbers):  # NaN
        raise ChartError("scores: expected numbers")
    return dict(zip(RIASEC, numbers))


def read_address(knowledge: Knowledge, catalogue: Catalogue, guide: InterestGuide, path: str, query: str) -> Chart:
    """The chart an address names; ChartError for anything else (the page server answers 400)."""
    if path == PAY_PATH:
        params = _params(query, {"codes", "per", "data"})
        return pay_comparison(knowledge, catalogue, params["codes"].split(","), _per(params["per"]), params["data"])
    if path == SPREAD_PATH:
        params = _params(query, {"code", "per", "data"})
        if params["data"] != BLS_SOURCE:
            raise ChartError(f"pay percentiles come from {BLS_SOURCE} only")
        return pay_spread(knowledge, catalogue, params["code"], _per(params["per"]))
    if path == INTERESTS_PATH:
        params = _params(query, {"scores", "code", "data"})
        if params["data"] != ONET_SOURCE:
            raise ChartError(f"interest levels come from {ONET_SOURCE} only")
        return interest_profiles(catalogue, guide, _scores(params["scores"]), params["code"])
    raise ChartError(f"no chart at {path}")
