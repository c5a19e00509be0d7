"""Turning facts into replies: short, readable on a phone, every fact followed by its source.

Wording lives here; facts come only from the knowledge file. Where the knowledge has no value the
reply says so plainly and offers what the bot does know.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from bot import compare
from bot.catalogue.model import BLS_SOURCE, ONET_SOURCE, Catalogue, default_catalogue
from bot.knowledge import Fact, Knowledge, Role, Salary
from bot.formatting import capitalized, decapitalized, join_words, money, salary_phrase, with_article
from bot.text import clean_mention

BULLET = "• "
ASK_WHICH_ROLE = "Which role do you mean?"
# What starts each quiz (data/nlu/guidance.yml, data/nlu/interest_quiz.yml), offered where it helps.
CAREER_QUIZ_PROMPT = "“which career is right for me?”"
INTEREST_QUIZ_PROMPT = "“quiz me on my interests”"

# Per attribute: the heading before its facts, and how to say the sources do not give it.
_WORDING = {
    "duties": ("What {plural} do:", "My sources don't describe what {plural} do day to day."),
    "works_with": ("Who {plural} work with:", "My sources don't say who {plural} work with."),
    "requirements": ("What it takes to become {a_name}:", "My sources don't say what education {plural} need."),
    "certifications": ("Certifications for {plural}:", "My sources don't mention certifications for {plural}."),
    "work_environment": ("Where {plural} work:", "My sources don't describe where {plural} work."),
    "travel": ("Travel for {plural}:", "My sources don't say whether {plural} travel."),
    "skills": ("Skills {plural} need:", "My sources don't list the skills {plural} need."),
    "salary": ("", "I don't have a salary figure for {plural} in my sources."),
    "salary_factors": ("", "My sources don't say what affects {plural}' pay."),
}
_NEXT_STEP_NAMES = {
    "duties": "what they do",
    "salary": "what they earn",
    "requirements": "what education they need",
    "skills": "which skills they need",
    "work_environment": "where they work",
    "works_with": "who they work with",
}


@dataclass
class Reply:
    """A reply under construction: its lines, and the sources its facts came from.

    Sources are the knowledge file's articles (quoted by their short titles) and the catalogue's
    data sets (named by their titles, e.g. BLS OEWS, May 2024).
    """

    knowledge: Knowledge | None = None
    lines: list[str] = field(default_factory=list)
    source_ids: list[str] = field(default_factory=list)
    catalogue: Catalogue | None = None

    def source_name(self, source_id: str) -> str:
        if self.knowledge and source_id in self.knowledge.sources:
            return f"“{self.knowledge.sources[source_id].short}”"
        return self.catalogue.sources[source_id].title  # type: ignore[union-attr]  # a catalogue source

    def cite(self, source_id: str) -> None:
        if source_id not in self.source_ids:
            self.source_ids.append(source_id)

    def line(self, text: str) -> "Reply":
        self.lines.append(text)
        return self

    def fact(self, fact: Fact, bullet: bool = True) -> "Reply":
        self.cite(fact.source)
        return self.line(f"{BULLET if bullet else ''}{fact.text}")

    def facts(self, facts: tuple[Fact, ...]) -> "Reply":
        for fact in facts:
            self.fact(fact)
        return self

    def text(self, next_step: str | None = None) -> str:
        parts = list(self.lines)
        if self.source_ids:
            titles = "; ".join(self.source_name(source_id) for source_id in self.source_ids)
            parts.append(f"({'Source' if len(self.source_ids) == 1 else 'Sources'}: {titles})")
        if next_step:
            parts.append(next_step)
        return "\n".join(parts)


def dollars(amount: int, at_least: bool = False) -> str:
    """'$100,750'; a BLS top-coded figure is a floor: '$239,200 or more'."""
    return f"${amount:,}{' or more' if at_least else ''}"


def role_names(knowledge: Knowledge) -> str:
    return join_words([role.plural for role in knowledge.roles.values()])


def next_step_for(role: Role, asked: str | None = None) -> str:
    """Suggests a few things the knowledge file does hold about the role."""
    known = [name for attribute, name in _NEXT_STEP_NAMES.items() if attribute != asked and role.knows(attribute)]
    return f"I can also tell you {join_words(known[:3])}." if known else ""


def describe_role(knowledge: Knowledge, role: Role) -> str:
    reply = Reply(knowledge).fact(role.summary, bullet=False)
    if role.duties:
        reply.line("Typical duties:").facts(role.duties[:3])
    return reply.text("Want to know about their pay, education or skills? Or how they compare with other roles?")


def _bls_figure_for_role(reply: Reply, role: Role, catalogue: Catalogue) -> None:
    """The BLS median of the occupation standing in for the role, apart from the article's figure."""
    pay = compare.bls_pay(role, catalogue)
    if pay.occupation is None or pay.median is None:
        return
    reply.catalogue = catalogue
    reply.cite(BLS_SOURCE)
    reply.line(
        f"{catalogue.sources[BLS_SOURCE].title} gives a median of {dollars(pay.median, pay.at_least)} a year for "
        f"{pay.occupation.title}, the occupation that covers {role.plural}: another survey and another measure, "
        "so the two figures shouldn't be compared."
    )


def answer_attribute(knowledge: Knowledge, role: Role, attribute: str, catalogue: Catalogue | None = None) -> str:
    """The role's facts on one attribute; for pay, also the BLS figure of its occupation (catalogue_code).

    catalogue: where that occupation's figures come from; the shipped catalogue when not given.
    """
    heading, missing = (part.format(a_name=with_article(role.name), plural=role.plural) for part in _WORDING[attribute])
    reply = Reply(knowledge)
    if not role.knows(attribute):
        return reply.line(missing).text(next_step_for(role, attribute))
    if attribute == "salary":
        salary = role.salary
        reply.cite(salary.source)  # type: ignore[union-attr]
        said = f"{capitalized(role.plural)} earn {salary_phrase(salary)}."  # type: ignore[arg-type]
        if role.catalogue_code:
            said = f"According to {reply.source_name(salary.source)}, {decapitalized(said)}"  # type: ignore[union-attr]
        reply.line(said)
        if role.salary_factors:
            reply.cite(role.salary_factors.source)
            reply.line(f"It varies with {join_words(list(role.salary_factors.factors))}.")
        if role.catalogue_code:
            _bls_figure_for_role(reply, role, catalogue or default_catalogue())
        return reply.text("Want to see how that compares with other roles?")
    if attribute == "salary_factors":
        factors = role.salary_factors
        reply.cite(factors.source)  # type: ignore[union-attr]
        reply.line(f"{capitalized(role.plural)}' pay varies with {join_words(list(factors.factors))}.")  # type: ignore[union-attr]
        return reply.text(next_step_for(role, attribute))
    reply.line(heading)
    if attribute == "skills":
        for skill in role.skills or ():
            reply.cite(skill.source)
            reply.line(f"{BULLET}{skill.text}")
    else:
        reply.facts(getattr(role, attribute))
    if attribute == "requirements" and role.certifications:
        reply.line("Certifications:").facts(role.certifications)
    return reply.text(next_step_for(role, attribute))


def compare_overview(knowledge: Knowledge, roles: list[Role]) -> str:
    reply = Reply(knowledge)
    reply.line(capitalized(" vs ".join(role.plural for role in roles)) + ":")
    for role in roles:
        reply.cite(role.summary.source)
        reply.line(f"{BULLET}{role.summary.text}")
    relations = knowledge.relations_of([role.id for role in roles])
    differences = [fact for relation in relations for fact in relation.differences]
    if differences:
        reply.line("Key differences:").facts(tuple(differences))
    if len(roles) > 2 or not relations:
        _side_by_side(reply, roles)
    if not relations:
        reply.line(f"My sources don't compare {join_words([role.plural for role in roles])} directly.")
    return reply.text("Ask which pays more, which is more technical, or what they have in common.")


def _side_by_side(reply: Reply, roles: list[Role]) -> None:
    reply.line("Side by side:")
    for role in roles:
        pay = salary_phrase(role.salary) if role.salary else "no figure in my sources"
        education = decapitalized(role.requirements[0].text) if role.requirements else "not given in my sources"
        if role.salary:
            reply.cite(role.salary.source)
        if role.requirements:
            reply.cite(role.requirements[0].source)
        reply.line(f"{BULLET}{capitalized(role.plural)}: pay {pay}; education: {education}")


def _missing_salaries(ranking: compare.SalaryRanking) -> list[str]:
    lines = []
    if ranking.without_figure:
        lines.append(
            f"I don't have a salary figure for {join_words([role.plural for role in ranking.without_figure])} in my sources."
        )
    if ranking.incomparable:
        names = join_words([role.plural for role in ranking.incomparable])
        lines.append(f"The figures for {names} come from another source or basis, so I won't mix them in.")
    return lines


def compare_salary(knowledge: Knowledge, roles: list[Role]) -> str:
    ranking = compare.rank_by_salary(roles)
    reply = Reply(knowledge)
    if len(ranking.ranked) < 2:
        reply.line(f"I can't say which pays more out of {join_words([role.plural for role in roles])}.")
        for role in ranking.ranked:
            reply.cite(role.salary.source)  # type: ignore[union-attr]
            reply.line(f"{capitalized(role.plural)} earn {salary_phrase(role.salary)}.")  # type: ignore[arg-type]
    else:
        top, others = ranking.ranked[0], ranking.ranked[1:]
        reply.cite(top.salary.source)  # type: ignore[union-attr]
        against = join_words([f"{money(role.salary)} for {role.plural}" for role in others])  # type: ignore[arg-type]
        reply.line(
            f"{capitalized(top.plural)} earn more: {money(top.salary)} a {top.salary.period} "  # type: ignore[union-attr, arg-type]
            f"on {top.salary.basis}, against {against}."  # type: ignore[union-attr]
        )
    for line in _missing_salaries(ranking):
        reply.line(line)
    return reply.text("Ask \"how much more?\" for the gap." if len(ranking.ranked) >= 2 else None)


def salary_difference(knowledge: Knowledge, roles: list[Role]) -> str:
    ranking = compare.rank_by_salary(roles)
    gap = compare.salary_gap(ranking)
    reply = Reply(knowledge)
    if gap is None:
        reply.line(f"I can't work out a pay gap between {join_words([role.plural for role in roles])}.")
    else:
        reply.cite(gap.source)
        high, low = gap.higher.salary, gap.lower.salary
        reply.line(
            f"{capitalized(gap.higher.plural)} earn {money(Salary(gap.difference, high.currency, high.period, high.basis, high.source))} "  # type: ignore[union-attr]
            f"more a {high.period} on {high.basis} than {gap.lower.plural} ({money(high)} vs {money(low)}), "  # type: ignore[union-attr, arg-type]
            f"about {gap.percent_more:.0f}% more."
        )
        factors = gap.higher.salary_factors
        if factors:
            reply.cite(factors.source)
            reply.line(f"Pay varies with {join_words(list(factors.factors))}.")
    for line in _missing_salaries(ranking):
        reply.line(line)
    return reply.text()


def compare_technical(knowledge: Knowledge, roles: list[Role]) -> str:
    result = compare.compare_technical(knowledge, roles)
    reply = Reply(knowledge)
    for verdict in result.verdicts:
        others = [role for role in roles if role.id != verdict.role and knowledge.relation(role.id, verdict.role)
                  and knowledge.relation(role.id, verdict.role).more_technical == verdict]  # type: ignore[union-attr]
        winner = knowledge.roles[verdict.role]
        reply.cite(verdict.source)
        reply.line(f"{capitalized(winner.plural)} are more technical than {join_words([r.plural for r in others])}. {verdict.text}")
    for first, second in result.unjudged_pairs:
        reply.line(f"My sources don't compare how technical {first.plural} and {second.plural} are.")
        for role in (first, second):
            depth = next((skill for skill in role.skills or () if skill.skill == "technical_knowledge"), None)
            if depth:
                reply.cite(depth.source)
                reply.line(f"{BULLET}{capitalized(role.plural)}: {depth.text}")
    return reply.text()


def shared_skills(knowledge: Knowledge, roles: list[Role]) -> str:
    reply = Reply(knowledge)
    names = join_words([role.plural for role in roles])
    relations = knowledge.relations_of([role.id for role in roles])
    overlap = [fact for relation in relations for fact in relation.overlap]
    if overlap and len(roles) == 2:
        reply.line(f"Where {names} overlap:").facts(tuple(overlap))
        return reply.text("Want to know whether you could do both?")
    common = compare.skills_in_common(roles)
    if not common:
        return reply.line(f"My sources don't name skills that {names} have in common.").text()
    reply.line(f"Skills my sources give for all of {names}:" if len(roles) > 2 else f"Skills my sources give for both {names}:")
    for skill_id, wordings in common:
        reply.line(f"{BULLET}{wordings[0][1].label}:")
        for role, skill in wordings:
            reply.cite(skill.source)
            reply.line(f"   {capitalized(role.plural)}: {skill.text}")
    return reply.text()


def do_both(knowledge: Knowledge, roles: list[Role]) -> str:
    reply = Reply(knowledge)
    asked = knowledge.relations_of([role.id for role in roles]) if len(roles) >= 2 else []
    combining = [fact for relation in asked for fact in relation.combining]
    if combining:
        return reply.facts(tuple(combining)).text()
    everywhere = [(relation, fact) for relation in knowledge.relations for fact in relation.combining]
    if len(roles) >= 2:
        reply.line(f"My sources don't discuss combining {join_words([role.plural for role in roles])}.")
    for relation, fact in everywhere:
        pair = join_words(sorted(knowledge.roles[role_id].plural for role_id in relation.roles))
        reply.line(f"About {pair}, they say:")
        reply.fact(fact)
    return reply.text()


def unknown_role(catalogue: Catalogue, mention: str) -> str:
    """Says the role is neither an article role nor in the catalogue, and what to try instead."""
    name = clean_mention(mention)
    subject = f"“{name}”" if name else "that role"
    return (
        f"I don't have details about {subject}: it isn't among my articles' roles or the "
        f"{len(catalogue.occupations):,} occupations in my catalogue. Try the job's usual title, "
        f"or say {CAREER_QUIZ_PROMPT} to find one that fits."
    )


def capabilities(knowledge: Knowledge, catalogue: Catalogue) -> str:
    """What the bot covers, counted from its data, and how to start each quiz."""
    onet, bls = catalogue.sources[ONET_SOURCE], catalogue.sources[BLS_SOURCE]
    return "\n".join([
        f"I know {role_names(knowledge)} in detail, from articles: what they do, pay, education, skills and how "
        "they compare.",
        f"For {len(catalogue.occupations):,} occupations I have pay ({bls.title}), and preparation, skills, "
        f"interests and related occupations ({onet.title}).",
        f"Not sure what fits you? Say {CAREER_QUIZ_PROMPT} or {INTEREST_QUIZ_PROMPT}.",
        "Every fact names its source, and I'll tell you when my sources don't say.",
    ])
