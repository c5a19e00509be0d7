"""Replies about the article roles: short, readable on a phone, every fact followed by its source.

Wording lives here; facts come only from the knowledge file (catalogue occupations' replies are
bot/catalogue/answers.py's; bot/topics.py chooses between them). Where the knowledge has no value the
reply says so plainly and offers what the bot does know.
"""
from __future__ import annotations

from bot import compare
from bot.formatting import capitalized, decapitalized, join_words, money, salary_phrase, with_article
from bot.knowledge import Knowledge, Role, Salary
from bot.reply import BULLET, Reply

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


def salary_reply(knowledge: Knowledge, role: Role) -> Reply:
    """The article's pay figure and what it varies with, left open for a figure from another source."""
    salary = role.salary
    reply = Reply(knowledge)
    reply.cite(salary.source)  # type: ignore[union-attr]
    said = f"{capitalized(role.plural)} earn {salary_phrase(salary)}."  # type: ignore[arg-type]
    if role.catalogue_code:
        said = f"According to {reply.source_name(salary.source)}, {decapitalized(said)}"  # type: ignore[union-attr]
    reply.line(said)
    if role.salary_factors:
        reply.cite(role.salary_factors.source)
        reply.line(f"It varies with {join_words(list(role.salary_factors.factors))}.")
    return reply


SALARY_NEXT_STEP = "Want to see how that compares with other roles?"


def answer_attribute(knowledge: Knowledge, role: Role, attribute: str) -> str:
    """The role's facts on one attribute, from its articles, or that they don't say."""
    heading, missing = (part.format(a_name=with_article(role.name), plural=role.plural) for part in _WORDING[attribute])
    reply = Reply(knowledge)
    if not role.knows(attribute):
        return reply.line(missing).text(next_step_for(role, attribute))
    if attribute == "salary":
        return salary_reply(knowledge, role).text(SALARY_NEXT_STEP)
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
