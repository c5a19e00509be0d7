"""Reply texts about catalogue occupations, each fact followed by its source.

Wages and employment are BLS OEWS May 2024's; interests, job zone, education, skills and related
occupations are O*NET 29.3's. Each reply names the source of what it states; a comparison draws
every figure from one source. Wording lives here, facts come from the catalogue, and the plain words
for interest areas and job zones from interests.yml.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from bot import compare as comparisons
from bot.catalogue.interests import InterestGuide, InterestResult, default_interest_guide
from bot.catalogue.model import BLS_SOURCE, ONET_SOURCE, Catalogue, Occupation, Wages
from bot.catalogue.prose import OnetProse, default_prose
from bot.catalogue.titles import TitleMatch
from bot.formatting import capitalized, join_words
from bot.knowledge import Knowledge, Role
from bot.replies import BULLET, Reply, compare_salary, dollars
from bot.text import clean_mention

TASKS_SHOWN = 3
SKILLS_SHOWN = 5
RELATED_SHOWN = 5
NEXT_STEP = "Ask about its pay, preparation, interests, skills or related occupations."


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


def _pay_lines(catalogue: Catalogue, occupation: Occupation, reply: Reply, detailed: bool) -> None:
    """Median and 10th-90th percentile range (and with detail, mean and employment), or that BLS has none."""
    reply.cite(BLS_SOURCE)
    wages = occupation.wages
    if wages is None or wages.median is None:
        reply.line(f"BLS publishes no annual wage figure for {occupation.title}.")
        return
    line = f"Pay: a median of {_wage(wages, 'median')} a year"
    if wages.pct10 is not None and wages.pct90 is not None:
        line += f"; the middle 80% earn from {_wage(wages, 'pct10')} to {_wage(wages, 'pct90')} (10th to 90th percentile)"
    reply.line(line + ".")
    if not detailed:
        return
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
             prose: OnetProse | None = None) -> str:
    """Title and key facts (pay, preparation, interests); description and tasks when O*NET prose is available."""
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


def related(catalogue: Catalogue, occupation: Occupation) -> str:
    reply = _title_reply(catalogue, occupation)
    reply.cite(ONET_SOURCE)
    titles = [catalogue.occupations[code].title for code in occupation.related if code in catalogue.occupations]
    if not titles:
        return reply.line(f"O*NET lists no related occupations for {occupation.title}.").text()
    reply.line("Related occupations:")
    reply.lines += [f"{BULLET}{title}" for title in titles[:RELATED_SHOWN]]
    return reply.text("Ask about any of them by name.")


def compare(catalogue: Catalogue, first: Occupation, second: Occupation, guide: InterestGuide | None = None) -> str:
    """Two occupations side by side: pay (BLS), preparation and interests (O*NET)."""
    guide = guide or default_interest_guide()
    reply = Reply(catalogue=catalogue).line(f"{first.title} vs {second.title}:")
    _pay_comparison(reply, comparisons.rank_by_bls_median([first, second], catalogue))
    for occupation in (first, second):
        reply.line(f"{occupation.title}:")
        _zone_line(occupation, guide, reply, detailed=False)
        _interest_line(occupation, guide, reply)
    shared = [letter for letter in first.high_point if letter in second.high_point]
    if shared:
        reply.line(f"Both draw on {_area_names(shared, guide)}.")
    return reply.text()


def _name(subject: comparisons.Subject) -> str:
    return subject.plural if isinstance(subject, Role) else subject.title


def _median(side: comparisons.BlsPay) -> str:
    return dollars(side.median, side.at_least)  # type: ignore[arg-type]  # ranked sides have a median


def _pay_comparison(reply: Reply, ranking: comparisons.BlsPayRanking) -> None:
    """BLS medians, highest first, with the gap; every figure from BLS, every missing one said."""
    reply.cite(BLS_SOURCE)
    for side in ranking.ranked:
        if side.stands_in:
            reply.line(f"For {_name(side.subject)} I use BLS's figure for {side.occupation.title}.")  # type: ignore[union-attr]
    if ranking.settled:
        top, others = ranking.ranked[0], ranking.ranked[1:]
        against = join_words([f"{_median(side)} for {_name(side.subject)}" for side in others])
        reply.line(f"{capitalized(_name(top.subject))} earn more: a median of {_median(top)} a year, against {against}.")
        gap = comparisons.bls_gap(ranking)
        if gap:
            about = "at least" if gap.higher.at_least else "about"
            reply.line(f"That's {'at least ' if gap.higher.at_least else ''}{dollars(gap.difference)} more a year, "
                       f"{about} {gap.percent_more:.0f}% more.")
    elif len(ranking.ranked) >= 2:
        top = ranking.ranked[0]
        names = join_words([_name(side.subject) for side in ranking.ranked if side.median == top.median])
        why = ("it publishes no higher figure" if top.at_least
               else "it reports their pay together" if len({side.occupation.wages.soc_code for side in ranking.ranked  # type: ignore[union-attr]
                                                              if side.median == top.median}) == 1
               else "they are level")
        reply.line(f"BLS gives {names} the same median, {_median(top)} a year ({why}), so it can't say which pays more.")
    else:
        reply.lines += [f"{capitalized(_name(side.subject))} earn a median of {_median(side)} a year." for side in ranking.ranked]
    for side in ranking.without_figure:
        if side.occupation is None:
            reply.line(f"No occupation in the BLS data matches {_name(side.subject)} as my articles describe them, "
                       "so I have no BLS figure for them.")
        else:
            reply.line(f"BLS publishes no annual wage figure for {_name(side.subject)}.")


def compare_pay(knowledge: Knowledge, catalogue: Catalogue, subjects: Sequence[Role | Occupation]) -> str:
    """Which pays more, among article roles and catalogue occupations, never mixing sources.

    Only article roles: the articles' figures. Any catalogue occupation among them: BLS figures for
    every side, an article role standing in through its catalogue_code (said so); a side without a
    figure in that source is said plainly.
    """
    if all(isinstance(subject, Role) for subject in subjects):
        return compare_salary(knowledge, list(subjects))  # type: ignore[arg-type]
    reply = Reply(knowledge, catalogue=catalogue)
    ranking = comparisons.rank_by_bls_median(subjects, catalogue)
    _pay_comparison(reply, ranking)
    if any(side.stands_in for side in ranking.ranked):
        reply.line("My articles' own figures are averages from another source, so I don't mix them in here.")
    return reply.text()


def clarify(catalogue: Catalogue, match: TitleMatch, limit: int = 4) -> Clarification:
    """The question to ask when a mention fits several occupations, with buttons for the likeliest."""
    name = clean_mention(match.mention) or "that"
    choices = tuple(Choice(catalogue.occupations[code].title, code) for code in match.codes[:limit])
    more = len(match.codes) - len(choices)
    text = f"“{name}” could mean several occupations. Which one do you mean?"
    if more > 0:
        text += f" (Or tell me more precisely: I know {more} more that fit.)"
    return Clarification(text, choices)


def recommendation(catalogue: Catalogue, result: InterestResult, guide: InterestGuide | None = None) -> str:
    """The top matches of the interest quiz with reasons: shared areas, wage, preparation."""
    guide = guide or default_interest_guide()
    reply = Reply(catalogue=catalogue)
    if result.flat_profile:
        return reply.line(
            "You answered every activity the same way, so your answers don't point to any kind of work. "
            "Try the quiz again and say which activities you'd enjoy more than others."
        ).text()
    reply.cite(ONET_SOURCE)
    reply.line(f"Your strongest interests: {_area_names(result.person_top_areas, guide)}.")
    if result.max_zone is not None:
        reply.line(f"Keeping to occupations that need at most {guide.zones[result.max_zone].name}:")
    if not result.matches:
        return reply.line("I found no occupation with an interest profile that fits that preparation.").text()
    reply.line("The occupations whose interests are most like yours:")
    for number, found in enumerate(result.matches, start=1):
        reply.line(f"{number}. {found.occupation.title}: {_reasons(found.occupation, found.shared_areas, guide, reply)}")
    return reply.text(f"Ask about any of them, for example “tell me about {result.matches[0].occupation.title}”.")


def _reasons(occupation: Occupation, shared_areas: Sequence[str], guide: InterestGuide, reply: Reply) -> str:
    reasons = [f"shares your interest in {_area_names(shared_areas, guide)}" if shared_areas
               else "its mix of interests is shaped like yours"]
    wages = occupation.wages
    reply.cite(BLS_SOURCE)
    reasons.append(f"median pay {_wage(wages, 'median')} a year" if wages and wages.median is not None
                   else "no BLS wage figure")
    if occupation.job_zone is not None:
        reasons.append(guide.zones[occupation.job_zone].name)
    return "; ".join(reasons)


def attribution(catalogue: Catalogue, knowledge: Knowledge, prose: OnetProse | None = None) -> str:
    """Where the bot's data comes from: the articles, and both data sets with their credit lines."""
    prose = prose or default_prose()
    roles = join_words([role.name for role in knowledge.roles.values()])
    lines = [f"The roles I know in detail ({roles}) come from these articles:"]
    lines += [f"{BULLET}“{source.title}”" for source in knowledge.sources.values()]
    onet, bls = catalogue.sources[ONET_SOURCE], catalogue.sources[BLS_SOURCE]
    lines.append(f"Occupations, interests, preparation, skills and related occupations: {onet.title}. {onet.credit}")
    if prose.available and prose.credit != onet.credit:
        lines.append(f"Occupation descriptions and tasks: {prose.database}. {prose.credit}")
    lines.append(f"Wages and employment: {bls.title}. {bls.credit} BLS has not endorsed this assistant.")
    return "\n".join(lines)

