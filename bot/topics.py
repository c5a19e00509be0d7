"""The front door to everything the bot can talk about: a topic's attributes, comparisons, the catalogue.

A topic is an article role (bot/knowledge/roles.yml, answered from its articles) or a catalogue
occupation (O*NET 29.3 and BLS OEWS May 2024). Each kind answers from its own source; this module
owns the choice between them, so the actions never ask which kind a topic is. An article role that
the articles say nothing about on some attribute (hourly pay, employment, tools) is answered from the
occupation that covers it (its catalogue_code), and the reply says so. A comparison never puts two
sources' figures side by side: with an occupation in it, every figure is BLS's or O*NET's.

Adding an attribute: its fact in the knowledge (with its source), one reply function registered in
OCCUPATION_ANSWERS (and the article roles' wording, if the articles give it), NLU examples.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence

from bot import advice, charts, replies
from bot.catalogue import answers, search as catalogue_search
from bot.catalogue.answers import Choice
from bot.catalogue.interests import InterestGuide, InterestResult, default_interest_guide
from bot.catalogue.model import BLS_SOURCE, ONET_SOURCE, Catalogue, Occupation, default_catalogue
from bot.catalogue.pay import PaySide
from bot.catalogue.prose import OnetProse, default_prose
from bot.formatting import capitalized, join_words
from bot.knowledge import ATTRIBUTES, Knowledge, Role, default_knowledge
from bot.question import Question
from bot.reply import BULLET, Reply, dollars
from bot.text import clean_mention


@dataclass(frozen=True)
class Library:
    """Everything the bot knows: the articles, the catalogue, and the plain words for interests and zones."""

    knowledge: Knowledge
    catalogue: Catalogue
    guide: InterestGuide
    prose: OnetProse

    def topic(self, topic_id: str) -> "Topic":
        """An article role by id, or an occupation by O*NET-SOC code (KeyError when neither)."""
        role = self.knowledge.roles.get(topic_id)
        return ArticleTopic(role) if role else OccupationTopic(self.catalogue.occupations[topic_id])

    def knows(self, topic_id: str) -> bool:
        return topic_id in self.knowledge.roles or topic_id in self.catalogue.occupations


@lru_cache(maxsize=1)
def default_library() -> Library:
    return Library(default_knowledge(), default_catalogue(), default_interest_guide(), default_prose())


def prepare(library: Library) -> None:
    """Builds what the first catalogue list would otherwise build mid-conversation (about 0.15 s)."""
    catalogue_search.title_words(library.catalogue)


# The catalogue's reply for each attribute; an attribute not here gets the overview.
OccupationAnswer = Callable[[Library, Occupation], str]
OCCUPATION_ANSWERS: dict[str, OccupationAnswer] = {
    "salary": lambda library, occupation: answers.salary(library.catalogue, occupation),
    "salary_factors": lambda library, occupation: answers.salary(library.catalogue, occupation),
    "hourly_pay": lambda library, occupation: answers.hourly_pay(library.catalogue, occupation),
    "starting_pay": lambda library, occupation: answers.starting_pay(library.catalogue, occupation),
    "employment": lambda library, occupation: answers.employment(library.catalogue, occupation),
    "technology": lambda library, occupation: answers.technology(library.catalogue, occupation),
    "requirements": lambda library, occupation: answers.preparation(library.catalogue, occupation, library.guide),
    "certifications": lambda library, occupation: answers.preparation(library.catalogue, occupation, library.guide),
    "skills": lambda library, occupation: answers.skills(library.catalogue, occupation),
    "interests": lambda library, occupation: answers.interests(library.catalogue, occupation, library.guide),
    "related": lambda library, occupation: answers.related(library.catalogue, occupation, library.guide),
}
# Attributes whose answer is about pay, where a figure the person names is placed among the percentiles.
PAY_FIELDS = {"salary": "median", "salary_factors": "median", "hourly_pay": "hourly_median", "starting_pay": "pct10"}
ATTRIBUTE_NAMES = (*ATTRIBUTES, *OCCUPATION_ANSWERS, "outlook")  # every attribute a question may name


class Topic(ABC):
    """Something the bot can talk about. `occupation` is whose BLS and O*NET figures count for it."""

    id: str  # how the conversation remembers it: a role id or an O*NET-SOC code
    plural: str  # as replies name it: "project managers", "Registered Nurses"
    occupation: Occupation | None
    stands_in: bool  # the occupation's figures stand in for an article role's

    def pay_side(self, field: str = "median") -> PaySide:
        return PaySide(self.plural, self.occupation, self.stands_in, field)

    @abstractmethod
    def overview(self, library: Library) -> str:
        """What it is, in a few lines, with the next things to ask."""

    @abstractmethod
    def answer(self, library: Library, attribute: str) -> str:
        """One attribute, from the topic's own source (or the occupation standing in, said so)."""

    @abstractmethod
    def knows(self, library: Library, attribute: str) -> bool:
        """Whether `answer` says something about the attribute itself, not the overview in its place."""


class ArticleTopic(Topic):
    def __init__(self, role: Role) -> None:
        self.role = role
        self.id, self.plural = role.id, role.plural
        self.occupation = None
        self.stands_in = bool(role.catalogue_code)

    def linked(self, library: Library) -> Occupation | None:
        """The catalogue occupation that covers the role, if it has one."""
        return library.catalogue.occupations.get(self.role.catalogue_code or "")

    def with_catalogue(self, library: Library) -> "ArticleTopic":
        self.occupation = self.linked(library)
        self.stands_in = self.occupation is not None
        return self

    def overview(self, library: Library) -> str:
        return replies.describe_role(library.knowledge, self.role)

    def answer(self, library: Library, attribute: str) -> str:
        if attribute == "salary" and self.role.salary:
            reply = replies.salary_reply(library.knowledge, self.role)
            _bls_median_beside(reply, self, library)
            return reply.text(replies.SALARY_NEXT_STEP)
        if attribute in ATTRIBUTES:
            return replies.answer_attribute(library.knowledge, self.role, attribute)
        occupation = self.linked(library)
        if attribute in OCCUPATION_ANSWERS and occupation:
            return f"{_covered_by(self.role, occupation)}\n{OCCUPATION_ANSWERS[attribute](library, occupation)}"
        return self.overview(library)

    def knows(self, library: Library, attribute: str) -> bool:
        return attribute in ATTRIBUTES or (attribute in OCCUPATION_ANSWERS and self.linked(library) is not None)


class OccupationTopic(Topic):
    def __init__(self, occupation: Occupation) -> None:
        self.id, self.plural = occupation.code, occupation.title
        self.occupation = occupation
        self.stands_in = False

    def overview(self, library: Library) -> str:
        return answers.overview(library.catalogue, self.occupation, library.guide, library.prose)  # type: ignore[arg-type]

    def answer(self, library: Library, attribute: str) -> str:
        reply = OCCUPATION_ANSWERS.get(attribute)
        return reply(library, self.occupation) if reply else self.overview(library)  # type: ignore[arg-type]

    def knows(self, library: Library, attribute: str) -> bool:
        return attribute in OCCUPATION_ANSWERS


def _covered_by(role: Role, occupation: Occupation, why: str = "My articles don't cover that") -> str:
    return f"{why} for {role.plural}; here are the figures for {occupation.title}, the occupation that covers them:"


def _bls_median_beside(reply: Reply, topic: ArticleTopic, library: Library) -> None:
    """The BLS median of the occupation covering the role, apart from the article's figure."""
    side = topic.with_catalogue(library).pay_side()
    if side.amount is None:
        return
    reply.catalogue = library.catalogue
    reply.cite(BLS_SOURCE)
    reply.line(
        f"{library.catalogue.sources[BLS_SOURCE].title} gives a median of {dollars(side.amount, side.at_least)} a year for "
        f"{side.occupation.title}, the occupation that covers {topic.plural}: another survey and another measure, "  # type: ignore[union-attr]
        "so the two figures shouldn't be compared."
    )


# ------------------------------------------------------------------ describing one topic

def _gaps(library: Library, topic: Topic, question: Question) -> list[str]:
    """What the question asked that the data cannot answer, said plainly before what it does hold."""
    lines = []
    if "outlook" in question.attributes:
        lines.append("My data has no job outlook or growth projections: BLS OEWS counts today's jobs and pay, "
                     "and O*NET doesn't forecast, so I can't say how demand will change. What it does hold:")
    if question.place and question.asks_pay:
        where = "outside the US" if not question.place.in_us else f"for {question.place.name}"
        lines.append(f"I only have national US figures (BLS OEWS, May 2024), no pay {where}. Nationally:")
    return lines


def _answer_one(library: Library, topic: Topic, attribute: str, question: Question) -> str:
    if attribute == "outlook":
        return topic.answer(library, "employment")
    if question.amount and attribute in PAY_FIELDS:
        occupation = _catalogue_side(library, topic)
        if occupation:
            placed = answers.pay_placement(library.catalogue, occupation, question.amount.value, question.amount.hourly)
            if isinstance(topic, ArticleTopic):
                return f"{_covered_by(topic.role, occupation, 'My articles give only an average')}\n{placed}"
            return placed
    return topic.answer(library, attribute)


def describe(library: Library, topic: Topic, question: Question) -> str:
    """Everything one message asks about one topic: each attribute in turn (the overview when none), gaps first.

    Of several attributes, one the topic has nothing on is left out rather than answered with the overview
    ("which programs do architects work with?" tags tools and "work with").
    """
    asked = [attribute for attribute in question.attributes if attribute in ATTRIBUTE_NAMES]
    known = [attribute for attribute in asked if attribute in ("duties", "outlook") or topic.knows(library, attribute)]
    if known:
        asked = known
    parts = _gaps(library, topic, question)
    if not asked:
        parts.append(topic.overview(library))
    for attribute in asked:
        if attribute == "duties" and isinstance(topic, OccupationTopic):
            parts.append(answers.overview(library.catalogue, topic.occupation, library.guide, library.prose,  # type: ignore[arg-type]
                                          with_pay=not question.asks_pay))
        else:
            parts.append(_answer_one(library, topic, attribute, question))
    return "\n\n".join(parts)


def describe_all(library: Library, topics: Sequence[Topic], question: Question) -> str:
    return "\n\n".join(describe(library, topic, question) for topic in topics)


# ------------------------------------------------------------------ comparing topics

# Comparisons only the articles make ("which is more technical?", "can I do both?"), by aspect.
ARTICLE_COMPARISONS: dict[str, Callable[[Knowledge, list[Role]], str]] = {
    "overview": replies.compare_overview,
    "salary": replies.compare_salary,
    "salary_difference": replies.salary_difference,
    "technical": replies.compare_technical,
    "shared_skills": replies.shared_skills,
    "skills": replies.shared_skills,
    "do_both": replies.do_both,
}
ASK_WHAT_TO_COMPARE = "Which role or occupation should I compare {title} with?"


def _articles_only(topics: Sequence[Topic]) -> list[Role] | None:
    roles = [topic.role for topic in topics if isinstance(topic, ArticleTopic)]
    return roles if len(roles) == len(topics) else None


def _with_catalogue(library: Library, topics: Sequence[Topic]) -> list[Topic]:
    return [topic.with_catalogue(library) if isinstance(topic, ArticleTopic) else topic for topic in topics]


def compare_pay(library: Library, topics: Sequence[Topic], field: str = "median") -> str:
    """BLS figures on one field for every side, an article role through the occupation covering it (said so)."""
    topics = _with_catalogue(library, topics)
    reply = Reply(library.knowledge, catalogue=library.catalogue)
    answers.add_pay_comparison(reply, [topic.pay_side(field) for topic in topics])
    if any(topic.stands_in for topic in topics):
        reply.line("My articles' own figures are averages from another source, so I don't mix them in here.")
    return reply.text()


def _rank_lines(reply: Reply, sides: list[tuple[Topic, float | None, str]], more: str, missing: str) -> None:
    """Sides ranked on a number, highest first, each with how it is said; the ones without a number named."""
    known = sorted([side for side in sides if side[1] is not None], key=lambda side: -side[1])  # type: ignore[operator]
    for topic, _, said in known:
        if topic.stands_in:
            reply.line(f"For {topic.plural} I use O*NET's and BLS's figures for {topic.occupation.title}.")  # type: ignore[union-attr]
    if len(known) >= 2:
        if known[0][1] > known[1][1]:  # type: ignore[operator]
            reply.line(f"{capitalized(known[0][0].plural)} {more}.")
        else:
            reply.line(f"{capitalized(join_words([side[0].plural for side in known if side[1] == known[0][1]]))} are level.")
    reply.lines += [f"{BULLET}{capitalized(topic.plural)}: {said}" for topic, _, said in known]
    for topic, _, _ in [side for side in sides if side[1] is None]:
        reply.line(missing.format(name=topic.plural))


def compare_preparation(library: Library, topics: Sequence[Topic]) -> str:
    """Which needs more preparation: O*NET job zones, with the education most often required."""
    topics = _with_catalogue(library, topics)
    reply = Reply(library.knowledge, catalogue=library.catalogue)
    reply.cite(ONET_SOURCE)
    sides = []
    for topic in topics:
        occupation = topic.occupation
        zone = occupation.job_zone if occupation else None
        said = ""
        if zone is not None:
            said = f"job zone {zone} of 5, {library.guide.zones[zone].name}"
            if occupation.education:  # type: ignore[union-attr]
                said += f"; most often required: {occupation.education.level}"  # type: ignore[union-attr]
        sides.append((topic, zone, said))
    _rank_lines(reply, sides, "need the most preparation", "O*NET gives no job zone for {name}, or no occupation in it covers them.")
    roles = _articles_only(topics)
    if roles:
        for role in roles:
            if role.requirements:
                reply.line(f"My articles on {role.plural}:").fact(role.requirements[0])
    return reply.text()


def compare_employment(library: Library, topics: Sequence[Topic]) -> str:
    topics = _with_catalogue(library, topics)
    reply = Reply(library.knowledge, catalogue=library.catalogue)
    reply.cite(BLS_SOURCE)
    sides = []
    for topic in topics:
        wages = topic.occupation.wages if topic.occupation else None
        count = wages.employment if wages and wages.employment else None
        sides.append((topic, count, f"about {count:,} employed in the US" if count else ""))
    _rank_lines(reply, sides, "have the most jobs", "BLS publishes no employment figure for {name}, or no occupation in it covers them.")
    reply.line("(Employment counts exclude the self-employed.)")
    return reply.text()


def _each(library: Library, topics: Sequence[Topic], attribute: str) -> str:
    return "\n\n".join(topic.answer(library, attribute) for topic in topics)


def _overview_comparison(library: Library, topics: Sequence[Topic]) -> str:
    """Two occupations side by side; otherwise each topic from its own sources, so none is mixed."""
    occupations = [topic.occupation for topic in topics if isinstance(topic, OccupationTopic)]
    if len(occupations) == len(topics) == 2:
        return answers.compare(library.catalogue, occupations[0], occupations[1], library.guide)  # type: ignore[arg-type]
    return "\n\n".join(topic.overview(library) for topic in topics)


CATALOGUE_COMPARISONS: dict[str, Callable[[Library, Sequence[Topic]], str]] = {
    "salary": compare_pay,
    "salary_factors": compare_pay,
    "salary_difference": compare_pay,
    "hourly_pay": lambda library, topics: compare_pay(library, topics, "hourly_median"),
    "starting_pay": lambda library, topics: compare_pay(library, topics, "pct10"),
    "requirements": compare_preparation,
    "certifications": compare_preparation,
    "employment": compare_employment,
    "outlook": compare_employment,
    "overview": _overview_comparison,
}
# Aspects an article-only comparison answers from the catalogue, as there is no article figure to rank.
_CATALOGUE_EVEN_FOR_ARTICLES = ("hourly_pay", "starting_pay", "requirements", "certifications", "employment", "outlook")


def compare(library: Library, topics: Sequence[Topic], aspect: str) -> str:
    """Topics compared on one aspect: an attribute ("requirements") or a comparison the articles make ("technical")."""
    roles = _articles_only(topics)
    if roles and aspect not in _CATALOGUE_EVEN_FOR_ARTICLES:
        compose = ARTICLE_COMPARISONS.get(aspect)
        return compose(library.knowledge, roles) if compose else _each(library, topics, aspect)
    if len(topics) < 2:
        return ASK_WHAT_TO_COMPARE.format(title=topics[0].plural)
    compose_catalogue = CATALOGUE_COMPARISONS.get(aspect)
    if compose_catalogue:
        return compose_catalogue(library, topics)
    return _each(library, topics, aspect) if aspect in ATTRIBUTE_NAMES else _overview_comparison(library, topics)


def check_premise(library: Library, topics: Sequence[Topic], question: Question) -> str | None:
    """A claim that the first topic earns more (or less) than the second, checked against the figures."""
    if question.claims_more is None or len(topics) < 2:
        return None
    first, second = topics[0], topics[1]
    roles = _articles_only([first, second])
    if roles and all(role.salary for role in roles):
        figures = [(topic, role.salary.amount, False) for topic, role in zip((first, second), roles)]  # type: ignore[union-attr]
        source, measure = replies.Reply(library.knowledge).source_name(roles[0].salary.source), "an average"  # type: ignore[union-attr]
    else:
        sides = [topic.pay_side() for topic in _with_catalogue(library, [first, second])]
        if any(side.amount is None for side in sides):
            return None
        figures = [(topic, side.amount, side.at_least) for topic, side in zip((first, second), sides)]
        source, measure = library.catalogue.sources[BLS_SOURCE].title, "a median"
    (_, one, one_floor), (_, other, other_floor) = figures
    if one == other or (one_floor and other_floor):
        verdict = f"{capitalized(first.plural)} and {second.plural} have the same {measure[2:]} pay in my data"
        right = None
    else:
        right = (one > other) == question.claims_more
        higher, lower = (first, second) if one > other else (second, first)
        verdict = f"{capitalized(higher.plural)} earn more than {lower.plural}"
    said = join_words([f"{dollars(amount, floor)} for {topic.plural}" for topic, amount, floor in figures])
    opening = "That's right:" if right else "Actually, that's not so:" if right is False else "Not quite:"
    return f"{opening} {verdict} ({measure} of {said} a year; {source})."


def fit_check(library: Library, topic: Topic, levels: dict[str, float]) -> str:
    """"Is PM a good fit if I like organizing?": the articles weigh it for a role; an occupation's interest areas let the person judge."""
    if isinstance(topic, ArticleTopic):
        return advice.fit_check(library.knowledge, topic.role, levels)
    return topic.answer(library, "interests")


# ------------------------------------------------------------------ charts that go with an answer

# Comparisons a bar chart helps with, and whether by the hour: pay on the median, as the text compares it.
PAY_CHART_ASPECTS = {"salary": False, "salary_difference": False, "hourly_pay": True}
# One topic's pay answers that a chart of its percentiles helps with.
SPREAD_CHART_ATTRIBUTES = ("salary", "salary_factors", "hourly_pay", "starting_pay")


def _drawable(build: Callable[[], charts.Chart]) -> charts.Chart | None:
    """The chart, or none when the data can't draw it (BLS publishes no percentiles, say)."""
    try:
        return build()
    except charts.ChartError:
        return None


def comparison_chart(library: Library, topics: Sequence[Topic], aspect: str) -> charts.Chart | None:
    """Bars beside a pay comparison of two to five topics, from the source the answer's text uses: one
    article's averages when the articles answer, else BLS's medians (an article role through its occupation)."""
    if aspect not in PAY_CHART_ASPECTS or not charts.MIN_TOPICS <= len(topics) <= charts.MAX_TOPICS:
        return None
    hourly = PAY_CHART_ASPECTS[aspect]
    roles = _articles_only(topics)
    if roles and aspect not in _CATALOGUE_EVEN_FOR_ARTICLES:
        sources = {role.salary.source for role in roles if role.salary}
        priced = [role.id for role in roles if role.salary]
        if len(sources) != 1:
            return None
        return _drawable(lambda: charts.pay_comparison(library.knowledge, library.catalogue, priced, source=sources.pop()))
    field = "hourly_median" if hourly else "median"
    priced = [topic.id for topic in _with_catalogue(library, topics) if topic.pay_side(field).amount is not None]
    return _drawable(lambda: charts.pay_comparison(library.knowledge, library.catalogue, priced, hourly))


def description_chart(library: Library, topics: Sequence[Topic], question: Question) -> charts.Chart | None:
    """One topic's pay percentiles beside an answer about its pay (hourly when the question is)."""
    asked = [attribute for attribute in question.attributes if attribute in SPREAD_CHART_ATTRIBUTES]
    if len(topics) != 1 or not asked:
        return None
    hourly = "hourly_pay" in asked or bool(question.amount and question.amount.hourly)
    return _drawable(lambda: charts.pay_spread(library.knowledge, library.catalogue, topics[0].id, hourly))


def interest_chart(library: Library, profile: dict[str, float], result: InterestResult) -> charts.Chart | None:
    """The person's interest scores beside the best match's O*NET profile, so "why this one?" can be seen."""
    if not result.matches:
        return None
    code = result.matches[0].occupation.code
    return _drawable(lambda: charts.interest_profiles(library.catalogue, library.guide, profile, code))


# ------------------------------------------------------------------ questions over the catalogue

@dataclass(frozen=True)
class Listing:
    text: str
    choices: tuple[Choice, ...]  # buttons: one per occupation listed


def search(library: Library, text: str) -> Listing:
    """"Highest-paying jobs without a four-year degree", "jobs for someone who loves animals"."""
    query = catalogue_search.read_search(text, library.guide)
    found = catalogue_search.run(library.catalogue, query)
    reply = Reply(catalogue=library.catalogue)
    subject = f" about {join_words([clean_mention(word) for word in query.named])}" if query.named else ""
    if query.empty:
        reply.line("I can list occupations by pay (“the highest-paying jobs”), by preparation (“jobs without a "
                   "four-year degree”) or by a subject (“jobs working with animals”). What would you like?")
        return Listing(reply.text(), ())
    if not found.occupations:
        reply.line(f"I found no occupation{subject} in my catalogue"
                   + (f" {query.zone_words}" if query.zone_words else "") + ". Try other words, or the interest quiz: "
                   f"say {replies.INTEREST_QUIZ_PROMPT}.")
        return Listing(reply.text(), ())
    heading = {"highest": "The highest-paying occupations", "lowest": "The lowest-paying occupations"}.get(query.order or "", "Occupations")
    if subject and not found.by_area:
        heading += f"{subject}, found by their titles"
    elif found.by_area:
        heading += f" whose work is mostly {join_words([library.guide.areas[letter].name for letter in query.areas])}"
    if query.zone_words:
        heading += f", {query.zone_words}"
    if query.order:
        heading += ", by BLS median annual wage"
    reply.cite(BLS_SOURCE)
    reply.cite(ONET_SOURCE)
    reply.line(heading + ":")
    for number, occupation in enumerate(found.occupations, start=1):
        wages = occupation.wages
        pay = (f"median {dollars(wages.median, 'median' in wages.top_coded)} a year" if wages and wages.median is not None
               else "no BLS wage figure")
        zone = library.guide.zones[occupation.job_zone].name if occupation.job_zone else "preparation not rated"
        reply.line(f"{number}. {occupation.title}: {pay}; {zone}")
    if query.order == "highest" and sum(bool(o.wages and "median" in o.wages.top_coded) for o in found.occupations) > 1:
        reply.line("BLS publishes no median above $239,200, so those marked “or more” can't be ranked among themselves.")
    choices = tuple(Choice(occupation.title, occupation.code) for occupation in found.occupations)
    return Listing(reply.text("Pick one to hear more."), choices)


def beyond_list(library: Library, listed: Sequence[str]) -> Listing:
    """"The sixth one" of a list of five: how long the list was, and a button for each of its topics."""
    topics = [library.topic(topic_id) for topic_id in listed if library.knows(topic_id)]
    return Listing(f"My last list had {len(topics)}. Which one do you mean?",
                   tuple(Choice(capitalized(topic.plural), topic.id) for topic in topics))


ASK_CURRENT_WORK = ("What do you work as now? Tell me (for example “I'm a nurse, what else could I do?”) and I'll "
                    "compare the skills.")


def _catalogue_side(library: Library, topic: Topic) -> Occupation | None:
    return topic.with_catalogue(library).occupation if isinstance(topic, ArticleTopic) else topic.occupation


def career_change(library: Library, current: Topic) -> Listing:
    """"I'm a nurse, what else could I do?": related occupations, each with what would change, one button each."""
    occupation = _catalogue_side(library, current)
    if occupation is None:
        return Listing(f"My articles don't say where {current.plural} move next, and no occupation in my catalogue covers "
                       f"them. Say {replies.INTEREST_QUIZ_PROMPT} to find occupations that fit your interests.", ())
    text = answers.related(library.catalogue, occupation, library.guide, moving=True)
    if isinstance(current, ArticleTopic):
        text = f"{_covered_by(current.role, occupation)}\n{text}"
    related = [library.catalogue.occupations[code] for code in occupation.related if code in library.catalogue.occupations]
    return Listing(text, tuple(Choice(other.title, other.code) for other in related[:answers.RELATED_SHOWN]))


def skill_gap(library: Library, current: Topic, target: Topic) -> str:
    """What someone in `current` would need to learn for `target` (O*NET skill importance)."""
    now, then = _catalogue_side(library, current), _catalogue_side(library, target)
    if now is None or then is None:
        missing = current if now is None else target
        return f"No occupation in my catalogue covers {missing.plural}, so I can't compare the skills."
    if now is then:
        return f"That's the work you do now ({now.title}). Name another occupation, and I'll compare the skills."
    return answers.skill_gap(library.catalogue, now, then, library.guide)


# ------------------------------------------------------------------ what the bot covers

def unknown_topic(library: Library, mention: str, suggestion: Occupation | None = None) -> str:
    """Says the job is neither an article role nor in the catalogue, and what to try instead."""
    name = clean_mention(mention)
    subject = f"“{name}”" if name else "that job"
    text = (f"I don't know {subject}: it isn't among my articles' roles or the "
            f"{len(library.catalogue.occupations):,} occupations in my catalogue.")
    if suggestion:
        return f"{text} Did you mean {suggestion.title}?"
    return f"{text} Try the job's usual title, or say {replies.CAREER_QUIZ_PROMPT} to find one that fits."


def capabilities(library: Library) -> str:
    """What the bot covers, counted from its data, and how to start each quiz."""
    onet, bls = library.catalogue.sources[ONET_SOURCE], library.catalogue.sources[BLS_SOURCE]
    return "\n".join([
        f"I know {replies.role_names(library.knowledge)} in detail, from articles: what they do, pay, education, "
        "skills and how they compare.",
        f"For {len(library.catalogue.occupations):,} occupations I have pay by the year and the hour and how many "
        f"work in it ({bls.title}), and preparation, skills, tools, interests and related occupations ({onet.title}).",
        "I can list occupations too: the highest-paying, those without a four-year degree, or jobs working with animals.",
        f"Not sure what fits you? Say {replies.CAREER_QUIZ_PROMPT} or {replies.INTEREST_QUIZ_PROMPT}.",
        "Every fact names its source, and I'll tell you when my sources don't say.",
    ])


def attribution(library: Library) -> str:
    """Where the bot's data comes from: the articles, and both data sets with their credit lines."""
    knowledge, catalogue, prose = library.knowledge, library.catalogue, library.prose
    roles = join_words([role.name for role in knowledge.roles.values()])
    lines = [f"The roles I know in detail ({roles}) come from these articles:"]
    lines += [f"{BULLET}“{source.title}”" for source in knowledge.sources.values()]
    onet, bls = catalogue.sources[ONET_SOURCE], catalogue.sources[BLS_SOURCE]
    lines.append(f"Occupations, interests, preparation, skills, technology and related occupations: {onet.title}. {onet.credit}")
    if prose.available and prose.credit != onet.credit:
        lines.append(f"Occupation descriptions and tasks: {prose.database}. {prose.credit}")
    lines.append(f"Wages and employment: {bls.title}. {bls.credit} BLS has not endorsed this assistant.")
    return "\n".join(lines)
