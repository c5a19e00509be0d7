"""The figures behind the interest quiz's GOOD_MATCH and NEAR_TIE (bot/catalogue/interests.py).

    .venv/bin/python -m bench.interest_zones

Over 82 consistent answer patterns (one, two or three areas liked, every other activity answered
"not sure" or "not for me"), against every profiled occupation of the committed catalogue:
- by correlation band, how often a match's main interest area (its first high point) is one the
  person liked: where that share stays high, a match is good;
- by job zone, how many patterns find five good matches in it, and the median fifth-best r;
- how far one answer moved one step (like <-> not sure <-> not for me) shifts a match's r: a
  difference smaller than that is a near-tie.
Prints figures, asserts nothing.
"""
from __future__ import annotations

import itertools
import statistics

import numpy

from bot.catalogue.interests import GOOD_MATCH, JOB_ZONES, NEAR_TIE, _profiles, _shapes, default_interest_guide, profile_from_answers
from bot.catalogue.model import RIASEC, default_catalogue

BAND = 0.05
SHOWN = 5


def patterns(guide) -> list[tuple[tuple[str, ...], dict[str, str]]]:
    """(liked areas, answers) for one to three liked areas, the rest all unsure or all disliked."""
    found = []
    for count in (1, 2, 3):
        for liked in itertools.combinations(RIASEC, count):
            for rest in ("unsure", "dislike"):
                found.append((liked, {s.id: "like" if s.area in liked else rest for s in guide.statements}))
    return found


def correlations(profiles, guide, answers: dict[str, str]) -> numpy.ndarray:
    profile = profile_from_answers(guide, answers)
    return profiles.shapes @ _shapes(numpy.array([[profile[letter] for letter in RIASEC]], dtype=float))[0]


def main() -> None:
    guide, catalogue = default_interest_guide(), default_catalogue()
    profiles = _profiles(catalogue)
    main_area = numpy.array([occupation.high_point[0] if occupation.high_point else "" for occupation in profiles.occupations])
    answered = patterns(guide)
    every_r, liked_main = [], []
    print(f"{len(answered)} answer patterns x {len(profiles.occupations)} profiled occupations\n")
    for liked, answers in answered:
        every_r.append(correlations(profiles, guide, answers))
        liked_main.append(numpy.isin(main_area, liked))
    every_r_flat, liked_flat = numpy.concatenate(every_r), numpy.concatenate(liked_main)
    print("r band       matches  main area liked")
    for low in numpy.arange(0.3, 1.0, BAND):
        band = (every_r_flat >= low) & (every_r_flat < low + BAND)
        print(f"{low:.2f}-{low + BAND:.2f}  {band.sum():8d}  {100 * liked_flat[band].mean():5.0f}%")
    print(f"\nGOOD_MATCH = {GOOD_MATCH}: by job zone, patterns with {SHOWN} good matches in the zone, and the fifth-best r")
    for zone in JOB_ZONES:
        inside = profiles.zones == zone
        fifth = [numpy.sort(r[inside])[::-1][SHOWN - 1] for r in every_r]
        enough = sum(int((r[inside] >= GOOD_MATCH).sum() >= SHOWN) for r in every_r)
        print(f"zone {zone} ({inside.sum():3d} occupations): {enough:2d} of {len(answered)}; "
              f"fifth-best r median {statistics.median(fifth):.2f}, lowest {min(fifth):.2f}")
    shifts = []
    steps = {"like": ("unsure",), "unsure": ("like", "dislike"), "dislike": ("unsure",)}
    for (_, answers), before in zip(answered, every_r):
        top = numpy.argsort(-before)[:SHOWN]
        for statement_id, answer in answers.items():
            for other in steps[answer]:
                after = correlations(profiles, guide, {**answers, statement_id: other})
                shifts.extend(numpy.abs(after[top] - before[top]))
    print(f"\nNEAR_TIE = {NEAR_TIE}: one answer moved one step shifts a top-{SHOWN} match's r by a median "
          f"{statistics.median(shifts):.3f} (quartiles {numpy.percentile(shifts, 25):.3f}-{numpy.percentile(shifts, 75):.3f})")


if __name__ == "__main__":
    main()
