"""How fast the occupation catalogue answers, and what it costs in memory (`make bench` prints it too).

    .venv/bin/python -m bench.catalogue_speed [--repeat 200]

Times, over the committed catalogue: loading it, building the title index, resolving a title
against every title it holds, finding occupations in a message, and matching an interest profile
against every occupation's (with and without a preparation limit). Each figure is the median and the
worst of --repeat calls. Memory: the resident size this process gains by loading the catalogue and
building the index, as the action server does. Prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import statistics
import time
from typing import Callable

from bot.catalogue.interests import default_interest_guide, match, profile_from_answers
from bot.catalogue.model import load_catalogue
from bot.catalogue.titles import TitleIndex

MENTIONS = ("data scientist", "registered nurses", "RN", "software engineer", "economist", "engineer",
            "projct manger", "astronaut")
MESSAGE = ("I have been working as a teacher for years and wonder whether data scientists or economists "
           "earn more, and what a registered nurse needs to train for")


def resident_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024


def timed(step: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and worst milliseconds of `repeat` calls."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        step()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=200, help="calls per timed figure")
    args = parser.parse_args()

    before = resident_mb()
    started = time.perf_counter()
    catalogue = load_catalogue()
    loaded = time.perf_counter()
    index = TitleIndex(catalogue)
    built = time.perf_counter()
    titles = sum(1 + len(o.alternate_titles) + len(o.reported_titles) for o in catalogue.occupations.values())
    print(f"catalogue: {len(catalogue.occupations)} occupations, {titles} titles")
    print(f"load {1000 * (loaded - started):.0f} ms, title index {1000 * (built - loaded):.0f} ms, "
          f"memory +{resident_mb() - before:.0f} MB (catalogue and index)")

    guide = default_interest_guide()
    answers = {statement.id: "like" if statement.area in ("I", "C") else "dislike" for statement in guide.statements}
    profile = profile_from_answers(guide, answers)
    steps: dict[str, Callable[[], object]] = {
        **{f"resolve {mention!r}": (lambda m=mention: index.resolve(m)) for mention in MENTIONS},
        f"find in a {len(MESSAGE.split())}-word message": lambda: index.find_in_text(MESSAGE),
        "match a profile, all zones": lambda: match(catalogue, profile),
        "match a profile, zone 3": lambda: match(catalogue, profile, zones=(3,)),
    }
    print(f"\n{'step':40} {'median ms':>10} {'worst ms':>10}")
    for label, step in steps.items():
        median, worst = timed(step, args.repeat)
        print(f"{label:40} {median:10.3f} {worst:10.3f}")


if __name__ == "__main__":
    main()
