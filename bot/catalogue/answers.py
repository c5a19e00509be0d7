"""Reply texts about catalogue occupations, each fact followed by its source.

Wages and employment are BLS OEWS May 2024's; interests, job zone, education, skills and related
occupations are O*NET 29.3's. Each reply names the source of what it states; a comparison draws
every figure from one source. Wording lives here, facts come from the catalogue, and the plain words
for interest areas and job zones from interests.yml.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from bot.catalogue import career, pay
from bot.catalogue.interests import JOB_ZONES, InterestGuide, InterestMatch, InterestResult, default_interest_guide, moved
from bot.catalogue.model import BLS_SOURCE, ONET_SOURCE, Catalogue, Occupation, Wages
from bot.catalogue.prose import OnetProse, default_prose
from bot.catalogue.titles import TitleMatch
from bot.formatting import capitalized, join_words
from bot.question import Question
from bot.reply import BULLET, Reply, dollars
from bot.text import clean_mention

TASKS_SHOWN = 3
SKILLS_SHOWN = 5
RELATED_SHOWN = 5
TECHNOLOGY_KINDS_SHOWN = 5
NEXT_STEP = "Ask about its pay, preparation, interests, skills, tools or related occupations."
PERCENTILE_NAMES = {10: "10th percentile", 25: "25th percentile", 50: "median", 75: "75th percentile", 90: "90th percentile"}


@dataclass(frozen=True)
class Choice:
    """A button: what it shows and what it sends back (an occupation code)."""

    title: str
    code: str


@dataclass(frozen=True)
class Clarification:
    text: str  # the question, e.g. "Which kind of engineer do you mean?"
    choices: tuple[Choice, ...]  # the likeliest occupations, best first


def _wage(wages: Wages, field: str) -> str:
    """One BLS wage figure; a top-coded one ("#") is a floor."""
    return dollars(getattr(wages, field), at_least=field in wages.top_coded)


def _group_note(catalogue: Catalogue, occupation: Occupation, wages: Wages) -> str | None:
    """Which wider occupation BLS's figures are for, when they are not for this one alone."""
    if occupation.code == f"{wages.soc_code}.00":
        return None
    broad = catalogue.occupations.get(f"{wages.soc_code}.00")
    whole = broad.title if broad and broad is not occupation else f"the BLS occupation {wages.soc_code}"
    return f"BLS reports pay for {whole} as a whole; these figures are for that group."


def _percentiles(wages: Wages, fields: tuple[tuple[str, int], ...], unit: str) -> str | None:
    known = [(field, rank) for field, rank in fields if getattr(wages, field) is not None]
    if not known:
        return None
    return "; ".join(f"{PERCENTILE_NAMES[rank]} {_wage(wages, field)}" for field, rank in known) + f" {unit}"


def _pay_lines(catalogue: Catalogue, occupation: Occupation, reply: Reply, detailed: bool) -> None:
    """Median and 10th-90th percentile range (with detail, every percentile, the mean and employment), or that BLS has none."""
    reply.cite(BLS_SOURCE)
    wages = occupation.wages
    if wages is None or wages.median is None:
        reply.line(f"BLS publishes no annual wage figure for {occupation.title}.")
        if wages and wages.hourly_median is not None:
            reply.line(f"It publishes hourly figures only: a median of {_wage(wages, 'hourly_median')} an hour.")
        return
    line = f"Pay: a median of {_wage(wages, 'median')} a year"
    if wages.pct10 is not None and wages.pct90 is not None:
        line += f"; the middle 80% earn from {_wage(wages, 'pct10')} to {_wage(wages, 'pct90')} (10th to 90th percentile)"
    reply.line(line + ".")
    if not detailed:
        return
    percentiles = _percentiles(wages, pay.ANNUAL_PERCENTILES, "a year")
    if percentiles:
        reply.line(f"Percentiles: {percentiles}.")
    if wages.mean is not None:
        reply.line(f"The mean is {_wage(wages, 'mean')} a year.")
    if wages.employment:
        reply.line(f"About {wages.employment:,} people are employed in it in the US, not counting the self-employed.")
    note = _group_note(catalogue, occupation, wages)
    if note:
        reply.line(note)


def _zone_line(occupation: Occupation, guide: InterestGuide, reply: Reply, detailed: bool) -> None:
    reply.cite(ONET_SOURCE)
    if occupation.job_zone is None:
        reply.line(f"O*NET gives no job zone (level of preparation) for {occupation.title}.")
        return
    zone = guide.zones[occupation.job_zone]
    words = f"{zone.name}: {zone.description}" if detailed else zone.name
    reply.line(f"Preparation: job zone {zone.zone} of 5, {words}.")


def _area_names(letters: Sequence[str], guide: InterestGuide) -> str:
    return join_words([guide.areas[letter].name for letter in letters])


def _interest_line(occupation: Occupation, guide: InterestGuide, reply: Reply) -> None:
    reply.cite(ONET_SOURCE)
    if not occupation.high_point:
        reply.line(f"O*NET gives no interest profile for {occupation.title}.")
        return
    reply.line(f"Interests: mostly {_area_names(occupation.high_point, guide)}.")


def _title_reply(catalogue: Catalogue, occupation: Occupation) -> Reply:
    return Reply(catalogue=catalogue).line(f"{occupation.title} (O*NET-SOC {occupation.code})")


def overview(catalogue: Catalogue, occupation: Occupation, guide: InterestGuide | None = None,
             prose: OnetProse | None = None, with_pay: bool = True) -> str:
    """Title and key facts (pay, preparation, interests); description and tasks when O*NET prose is available.

    with_pay=False leaves pay to a pay answer given beside it ("what does X do and what does it pay?").
    """
    guide = guide or default_interest_guide()
    prose = prose or default_prose()
    reply = _title_reply(catalogue, occupation)
    description = prose.description(occupation.code)
    if description:
        reply.line(description)
        tasks = prose.tasks(occupation.code, TASKS_SHOWN)
        if tasks:
            reply.line("Typical tasks:")
            reply.lines += [f"{BULLET}{task}" for task in tasks]
    if with_pay:
        _pay_lines(catalogue, occupation, reply, detailed=False)
    _zone_line(occupation, guide, reply, detailed=False)
    _interest_line(occupation, guide, reply)
    if description:
        reply.line(prose.credit)
    return reply.text(NEXT_STEP)


def salary(catalogue: Catalogue, occupation: Occupation) -> str:
    """Median and 10th-90th percentile range, or a plain statement that BLS publishes none."""
    reply = _title_reply(catalogue, occupation)
    _pay_lines(catalogue, occupation, reply, detailed=True)
    return reply.text()


def hourly_pay(catalogue: Catalogue, occupation: Occupation) -> str:
    """Hourly median and percentiles; for occupations BLS reports by the year only, that said, with the annual median."""
    reply = _title_reply(catalogue, occupation)
    reply.cite(BLS_SOURCE)
    wages = occupation.wages
    if wages is None or wages.hourly_median is None:
        reply.line(f"BLS publishes no hourly wage figure for {occupation.title}"
                   + (", as they are usually paid by the year." if wages and wages.annual_only else "."))
        if wages and wages.median is not None:
            reply.line(f"The annual median is {_wage(wages, 'median')} a year.")
        return reply.text()
    line = f"Hourly pay: a median of {_wage(wages, 'hourly_median')} an hour"
    if wages.hourly_pct10 is not None and wages.hourly_pct90 is not None:
        line += f"; the middle 80% earn from {_wage(wages, 'hourly_pct10')} to {_wage(wages, 'hourly_pct90')} an hour"
    reply.line(line + ".")
    percentiles = _percentiles(wages, pay.HOURLY_PERCENTILES, "an hour")
    if percentiles:
        reply.line(f"Percentiles: {percentiles}.")
    if wages.median is not None:
        reply.line(f"That compares with a median of {_wage(wages, 'median')} a year.")
    return reply.text()


def starting_pay(catalogue: Catalogue, occupation: Occupation) -> str:
    """BLS does not survey pay by experience: the low percentiles, said to be only an approximation of starting pay."""
    reply = _title_reply(catalogue, occupation)
    reply.cite(BLS_SOURCE)
    wages = occupation.wages
    reply.line("BLS doesn't survey pay by experience, so there is no starting-salary figure; "
               "the low end of the range is the nearest guide (an approximation: not everyone there is new).")
    if wages is None or (wages.pct10 is None and wages.hourly_pct10 is None):
        return reply.line(f"BLS publishes no percentiles for {occupation.title}.").text()
    if wages.pct10 is not None:
        low = f"the 10th percentile is {_wage(wages, 'pct10')} a year"
        if wages.pct25 is not None:
            low += f" and the 25th {_wage(wages, 'pct25')}"
    else:
        low = f"the 10th percentile is {_wage(wages, 'hourly_pct10')} an hour"
        if wages.hourly_pct25 is not None:
            low += f" and the 25th {_wage(wages, 'hourly_pct25')}"
    reply.line(f"For {occupation.title}, {low}.")
    if wages.median is not None:
        reply.line(f"The median, for comparison, is {_wage(wages, 'median')} a year.")
    return reply.text()


def pay_placement(catalogue: Catalogue, occupation: Occupation, amount: float, hourly: bool) -> str:
    """Where a sum the person names falls among the occupation's percentiles."""
    reply = _title_reply(catalogue, occupation)
    reply.cite(BLS_SOURCE)
    wages = occupation.wages
    unit = "an hour" if hourly else "a year"
    placement = pay.place(wages, amount, hourly) if wages else None
    if placement is None:
        reply.line(f"BLS publishes no {'hourly' if hourly else 'annual'} percentiles for {occupation.title}, "
                   f"so I can't place {dollars(amount)} {unit}.")
        return reply.text()
    said = f"{dollars(amount)} {unit}"
    below, above = placement.below, placement.above
    if below is None:
        reply.line(f"{said} is below the 10th percentile for {occupation.title} ({_wage(wages, above[0])}): "  # type: ignore[arg-type, index]
                   "more than 90% of them earn more.")
    elif above is None:
        at_least = below[0] in wages.top_coded  # type: ignore[union-attr]
        reply.line(f"{said} is at or above the 90th percentile for {occupation.title} ({_wage(wages, below[0])})"  # type: ignore[arg-type]
                   + ("." if at_least else ": more than 90% of them earn less."))
    else:
        reply.line(f"{said} is between the {PERCENTILE_NAMES[below[1]]} ({_wage(wages, below[0])}) and the "  # type: ignore[arg-type]
                   f"{PERCENTILE_NAMES[above[1]]} ({_wage(wages, above[0])}) for {occupation.title}: "  # type: ignore[arg-type]
                   f"between {below[1]}% and {above[1]}% of them earn less than that, the rest more.")
    median = "hourly_median" if hourly else "median"
    if getattr(wages, median) is not None:
        reply.line(f"The median is {_wage(wages, median)} {unit}. Where you live, your experience and the employer "  # type: ignore[arg-type]
                   "move this a lot; these are national figures.")
    return reply.text()


def employment(catalogue: Catalogue, occupation: Occupation) -> str:
    reply = _title_reply(catalogue, occupation)
    reply.cite(BLS_SOURCE)
    wages = occupation.wages
    if wages is None or not wages.employment:
        return reply.line(f"BLS publishes no employment figure for {occupation.title}.").text()
    reply.line(f"About {wages.employment:,} people work as {occupation.title} in the US (May 2024), "
               "not counting the self-employed.")
    note = _group_note(catalogue, occupation, wages)
    if note:
        reply.line(note.replace("pay", "employment"))
    return reply.text()


def technology(catalogue: Catalogue, occupation: Occupation) -> str:
    """O*NET's technology skills: software and tools named in job postings and surveys, hot technologies first."""
    reply = _title_reply(catalogue, occupation)
    reply.cite(ONET_SOURCE)
    if not occupation.technology:
        return reply.line(f"O*NET lists no software or technology for {occupation.title}.").text(NEXT_STEP)
    reply.line("Software and technology used, by kind (★ = a “hot technology”, often named in job postings):")
    kinds: dict[str, list[str]] = {}
    for item in occupation.technology:
        kinds.setdefault(item.category, []).append(f"{item.name}{' ★' if item.hot else ''}")
    reply.lines += [f"{BULLET}{kind}: {', '.join(names)}" for kind, names in list(kinds.items())[:TECHNOLOGY_KINDS_SHOWN]]
    return reply.text()


def preparation(catalogue: Catalogue, occupation: Occupation, guide: InterestGuide | None = None) -> str:
    """Job zone in plain words, and the typical education with the share who named it."""
    reply = _title_reply(catalogue, occupation)
    _zone_line(occupation, guide or default_interest_guide(), reply, detailed=True)
    education = occupation.education
    if education:
        reply.line(f"Typical education: {education.level} ({education.share:.0f}% of workers surveyed say it is required).")
    else:
        reply.line(f"O*NET has no survey of the education {occupation.title} need.")
    return reply.text()


def interests(catalogue: Catalogue, occupation: Occupation, guide: InterestGuide | None = None) -> str:
    guide = guide or default_interest_guide()
    reply = _title_reply(catalogue, occupation)
    _interest_line(occupation, guide, reply)
    if occupation.interests and occupation.high_point:
        for letter in sorted(occupation.interests, key=lambda letter: -occupation.interests[letter])[:3]:  # type: ignore[index]
            area = guide.areas[letter]
            reply.line(f"{BULLET}{capitalized(area.name)} ({occupation.interests[letter]:.1f} of 7): {area.description}")  # type: ignore[index]
    return reply.text("Want to find occupations that fit your own interests? Ask for the interest quiz.")


def skills(catalogue: Catalogue, occupation: Occupation) -> str:
    reply = _title_reply(catalogue, occupation)
    reply.cite(ONET_SOURCE)
    if not occupation.skills:
        return reply.line(f"O*NET 29.3 rates no skills for {occupation.title}.").text(NEXT_STEP)
    reply.line("Most important skills (importance 1-5):")
    reply.lines += [f"{BULLET}{skill.name}: {skill.importance:.1f}" for skill in occupation.skills[:SKILLS_SHOWN]]
    return reply.text()


def _change(move: career.Move, guide: InterestGuide) -> str:
    """What changes in one move, in a phrase: pay, preparation, skills to build."""
    parts = []
    wages = move.target.wages
    if wages and wages.median is not None:
        change = "" if move.pay_change is None else f", {'+' if move.pay_change >= 0 else '-'}{dollars(abs(move.pay_change))}"
        if move.pay_change is None and move.current.wages and move.current.wages.soc_code == wages.soc_code:
            change = ", BLS reports it together with yours"
        parts.append(f"median {_wage(wages, 'median')}{change}")
    if move.target.job_zone is not None:
        shift = {None: "", 0: ", same as now"}.get(move.zone_change, f", {'more' if (move.zone_change or 0) > 0 else 'less'} than now")
        parts.append(f"{guide.zones[move.target.job_zone].name} (job zone {move.target.job_zone}{shift})")
    if move.gaps:
        parts.append("skills to build: " + ", ".join(f"{gap.name} ({gap.now:.1f} → {gap.then:.1f})" for gap in move.gaps))
    return "; ".join(parts)


def related(catalogue: Catalogue, occupation: Occupation, guide: InterestGuide | None = None, moving: bool = False) -> str:
    """O*NET's related occupations, each with what changes from this one: median pay, preparation, skills to build.

    moving: the person works as `occupation` now ("I'm a nurse, what else could I do?").
    """
    guide = guide or default_interest_guide()
    reply = _title_reply(catalogue, occupation)
    found = career.moves(catalogue, occupation, RELATED_SHOWN)
    if not found:
        reply.cite(ONET_SOURCE)
        return reply.line(f"O*NET lists no related occupations for {occupation.title}.").text()
    reply.cite(ONET_SOURCE)
    reply.cite(BLS_SOURCE)
    reply.line("Occupations O*NET relates to it, most related first, with what would change"
               + (" for you:" if moving else ":"))
    reply.lines += [f"{number}. {move.target.title}: {_change(move, guide)}" for number, move in enumerate(found, start=1)]
    if not occupation.skills:
        reply.line(f"O*NET 29.3 rates no skills for {occupation.title}, so I can't say which skills you'd need to build.")
    else:
        reply.line("Skill figures are O*NET importance ratings (1-5), now → in that occupation.")
    return reply.text("Ask about any of them, or “what would I need to learn for the first one?”")


def skill_gap(catalogue: Catalogue, current: Occupation, target: Occupation, guide: InterestGuide | None = None) -> str:
    """The skills that matter more in the target occupation than in the current one, with pay and preparation."""
    guide = guide or default_interest_guide()
    reply = Reply(catalogue=catalogue).line(f"From {current.title} to {target.title}:")
    reply.cite(ONET_SOURCE)
    if not current.skills or not target.skills:
        unrated = join_words([occupation.title for occupation in (current, target) if not occupation.skills])
        reply.line(f"O*NET 29.3 rates no skills for {unrated}, so I can't compare the skills.")
    else:
        gaps = career.skill_gaps(current, target, limit=SKILLS_SHOWN)
        if gaps:
            reply.line("Skills that matter more there than in your work now (O*NET importance, 1-5):")
            reply.lines += [f"{BULLET}{gap.name}: {gap.now:.1f} → {gap.then:.1f}" for gap in gaps]
        else:
            reply.line("No skill matters noticeably more there than in your work now.")
    move = career.move(current, target)
    change = _change(career.Move(move.current, move.target, move.pay_change, move.zone_change, ()), guide)
    if change:
        reply.cite(BLS_SOURCE)
        reply.line(f"{target.title}: {change}.")
    return reply.text("Ask “how do I get there?” for the preparation it takes.")


def compare(catalogue: Catalogue, first: Occupation, second: Occupation, guide: InterestGuide | None = None) -> str:
    """Two occupations side by side: pay (BLS), preparation and interests (O*NET)."""
    guide = guide or default_interest_guide()
    reply = Reply(catalogue=catalogue).line(f"{first.title} vs {second.title}:")
    add_pay_comparison(reply, [pay.PaySide(occupation.title, occupation, stands_in=False) for occupation in (first, second)])
    for occupation in (first, second):
        reply.line(f"{occupation.title}:")
        _zone_line(occupation, guide, reply, detailed=False)
        _interest_line(occupation, guide, reply)
    shared = [letter for letter in first.high_point if letter in second.high_point]
    if shared:
        reply.line(f"Both draw on {_area_names(shared, guide)}.")
    return reply.text()


UNITS = {"median": "a year", "hourly_median": "an hour", "pct10": "a year", "hourly_pct10": "an hour"}
FIGURE_NAMES = {"median": "a median", "hourly_median": "a median", "pct10": "a 10th percentile", "hourly_pct10": "a 10th percentile"}


def _amount(side: pay.PaySide) -> str:
    return dollars(side.amount, side.at_least)  # type: ignore[arg-type]  # ranked sides have a figure


def add_pay_comparison(reply: Reply, sides: Sequence[pay.PaySide]) -> None:
    """BLS figures on one field, highest first, with the gap; every figure from BLS, every missing one said."""
    reply.cite(BLS_SOURCE)
    ranking = pay.rank(sides)
    field = sides[0].field if sides else "median"
    unit, figure_name = UNITS[field], FIGURE_NAMES[field]
    for side in ranking.ranked:
        if side.stands_in:
            reply.line(f"For {side.name} I use BLS's figure for {side.occupation.title}.")  # type: ignore[union-attr]
    if ranking.settled:
        top, others = ranking.ranked[0], ranking.ranked[1:]
        against = join_words([f"{_amount(side)} for {side.name}" for side in others])
        reply.line(f"{capitalized(top.name)} earn more: {figure_name} of {_amount(top)} {unit}, against {against}.")
        gap = pay.gap(ranking)
        if gap:
            about = "at least" if gap.higher.at_least else "about"
            reply.line(f"That's {'at least ' if gap.higher.at_least else ''}{dollars(gap.difference)} more {unit}, "
                       f"{about} {gap.percent_more:.0f}% more.")
    elif len(ranking.ranked) >= 2:
        top = ranking.ranked[0]
        level = [side for side in ranking.ranked if side.amount == top.amount]
        why = ("it publishes no higher figure" if top.at_least
               else "it reports their pay together" if len({side.occupation.wages.soc_code for side in level}) == 1  # type: ignore[union-attr]
               else "they are level")
        reply.line(f"BLS gives {join_words([side.name for side in level])} the same {figure_name[2:]}, {_amount(top)} {unit} "
                   f"({why}), so it can't say which pays more.")
    else:
        reply.lines += [f"{capitalized(side.name)} earn {figure_name} of {_amount(side)} {unit}." for side in ranking.ranked]
    for side in ranking.without_figure:
        if side.occupation is None:
            reply.line(f"No occupation in the BLS data matches {side.name} as my articles describe them, "
                       "so I have no BLS figure for them.")
        else:
            reply.line(f"BLS publishes no {'hourly' if 'hourly' in field else 'annual'} wage figure for {side.name}.")


def clarify(catalogue: Catalogue, match: TitleMatch, limit: int = 4) -> Clarification:
    """The question to ask when a mention fits several occupations, with buttons for the likeliest."""
    name = clean_mention(match.mention) or "that"
    choices = tuple(Choice(catalogue.occupations[code].title, code) for code in match.codes[:limit])
    more = len(match.codes) - len(choices)
    text = f"“{name}” could mean several occupations. Which one do you mean?"
    if more > 0:
        text += f" (Or tell me more precisely: I know {more} more that fit.)"
    return Clarification(text, choices)


def zones_words(guide: InterestGuide, zones: Sequence[int]) -> str:
    """"job zone 4 (considerable preparation: most need a four-year college degree …)", or a span's names."""
    if len(zones) == 1:
        zone = guide.zones[zones[0]]
        return f"job zone {zone.zone} ({zone.name}: {zone.description})"
    return f"job zones {zones[0]}–{zones[-1]} ({guide.zones[zones[0]].name} to {guide.zones[zones[-1]].name})"


MOVE_WORDS = {-1: "less", 1: "more"}


def recommendation(catalogue: Catalogue, result: InterestResult, guide: InterestGuide | None = None) -> str:
    """The interest quiz's matches, in the chosen job zones (or marked as from the nearest), each with the
    person's liked activities behind it, its main interest areas, median pay and preparation."""
    guide = guide or default_interest_guide()
    reply = Reply(catalogue=catalogue)
    if result.flat_profile:
        return reply.line(
            "You answered every activity the same way, so your answers don't point to any kind of work. "
            "Try the quiz again and say which activities you'd enjoy more than others."
        ).text()
    reply.cite(ONET_SOURCE)
    reply.line(f"Your strongest interests: {_area_names(result.person_top_areas, guide)}.")
    where = ("across all five job zones, from little or no preparation to extensive preparation, as you'd do "
             "whatever it takes" if result.every_zone else f"in {zones_words(guide, result.zones)}")
    if not result.matches:
        return reply.line(f"I found no occupation with an interest profile {where}.").text()
    outside = sum(not found.in_chosen_zones for found in result.matches)
    if not outside:
        reply.line(f"The occupations whose interests are most like yours, {where}:")
    elif result.good_in_chosen_zones:
        reply.line(f"Only {result.good_in_chosen_zones} occupation{'s' if result.good_in_chosen_zones > 1 else ''} {where} "
                   "fit your answers well; after them, the closest from the nearest job zones, each marked:")
    else:
        reply.line(f"No occupation {where} fits your answers well; here are the closest from the nearest job zones, "
                   "each marked:")
    for number, found in enumerate(result.matches, start=1):
        reply.line(f"{number}. {found.occupation.title}{_zone_mark(found, result, guide)}: {_reasons(found, guide, reply)}")
    moves = [words for step, words in MOVE_WORDS.items() if not result.every_zone and moved(result.zones, step)]
    step = f" Or say “show me ones that need {' or '.join(moves)} preparation”." if moves else ""
    return reply.text("Ask about any of them by number or name, e.g. “tell me more about the second one” or "
                      f"“how much does the third one earn?”.{step}")


def _zone_mark(found: InterestMatch, result: InterestResult, guide: InterestGuide) -> str:
    """After the title: which zone a match from outside the chosen ones is in, or that a match is weak."""
    zone = found.occupation.job_zone
    if not found.in_chosen_zones and zone is not None:
        return f" (job zone {zone}, {MOVE_WORDS[1 if zone > max(result.zones) else -1]} preparation than you chose)"
    return "" if found.good else " (a weaker match)"


def _reasons(found: InterestMatch, guide: InterestGuide, reply: Reply) -> str:
    """Why it fits, in the person's own answers, then its areas, median pay and preparation."""
    occupation = found.occupation
    reasons = [f"you said you'd like {join_words([statement.liked for statement in found.liked])}"] if found.liked else []
    if occupation.high_point:
        reasons.append(f"this work is mostly {_area_names(occupation.high_point, guide)}")
    if not found.liked:
        reasons.append("its mix of interests is shaped like your answers")
    wages = occupation.wages
    reply.cite(BLS_SOURCE)
    if wages and wages.median is not None:
        reasons.append(f"median pay {_wage(wages, 'median')} a year")
    elif wages and wages.hourly_median is not None:
        reasons.append(f"median pay {_wage(wages, 'hourly_median')} an hour")
    else:
        reasons.append("no BLS wage figure")
    if occupation.job_zone is not None:
        reasons.append(guide.zones[occupation.job_zone].name)
    return "; ".join(reasons)


NO_INTEREST_QUIZ_YET = ("I can show occupations that need more or less preparation once I know your interests: "
                        "the interest quiz takes about two minutes.")


def zone_move_refused(guide: InterestGuide, zones: Sequence[int], step: int) -> str:
    """Why the matches can't move one zone down or up from these zones."""
    if tuple(zones) == JOB_ZONES:
        return ("These matches already span every job zone, from little or no preparation to extensive preparation. "
                "To narrow them, tell me how much preparation you'd take on:")
    edge = guide.zones[zones[0] if step < 0 else zones[-1]]
    return (f"These already reach job zone {edge.zone}, {edge.name}: no job zone needs {MOVE_WORDS[step]} "
            f"preparation. Pick another preparation, or ask about any of them:")
