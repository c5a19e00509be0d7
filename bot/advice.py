"""Replies that advise: does a role fit what someone enjoys, which role the quiz points to, and why.

Every reason pairs the person's own answer with what a named source says about the role.
"""
from __future__ import annotations

from bot.formatting import capitalized, join_words
from bot.knowledge import Knowledge, Role
from bot.recommend import Reason, Recommendation, RoleScore, recommend, score_roles
from bot.replies import next_step_for
from bot.reply import BULLET, Reply

QUIZ_NEXT_STEP = 'Ask "why?", "what about the others?", "tell me more about it" or "how do I get there?".'


def _reason_line(reason: Reason) -> str:
    if reason.level < 0:
        return f"{BULLET}You'd rather avoid {reason.trait.label}, yet {reason.link.because}."
    how = "somewhat like" if reason.level < 1 else "like"
    return f"{BULLET}You {how} {reason.trait.label}: {reason.link.because}."


def _add_reasons(reply: Reply, reasons: tuple[Reason, ...]) -> None:
    for reason in sorted(reasons, key=lambda r: -abs(r.points)):
        reply.cite(reason.link.source)
        reply.line(_reason_line(reason))


def fit_check(knowledge: Knowledge, role: Role, levels: dict[str, float]) -> str:
    """"Is PM a good fit if I like organizing?": the verdict, the reasons, and where else the likes point."""
    reply = Reply(knowledge)
    if not levels:
        linked = [trait for trait in knowledge.traits.values() if trait.link(role.id)]
        if not linked:
            return reply.line(f"My sources don't say who {role.plural} suit best.").text(next_step_for(role))
        reply.line(f"My sources connect {role.plural} with:")
        for trait in linked:
            link = trait.link(role.id)
            reply.cite(link.source)  # type: ignore[union-attr]
            reply.line(f"{BULLET}{trait.label}: {link.because}")  # type: ignore[union-attr]
        return reply.text("Tell me what you enjoy and I'll say how well it fits.")
    scores = score_roles(knowledge, levels)
    mine = next(entry for entry in scores if entry.role.id == role.id)
    best = scores[0]
    if mine.score > 0 and mine.score >= best.score:
        reply.line(f"From what you've told me, {role.name} looks like a good fit.")
    elif best.score > mine.score:
        reply.line(f"From what you've told me, {best.role.name} may suit you better than {role.name}.")
    else:
        reply.line(f"From what you've told me, {role.name} doesn't look like a strong fit.")
    _add_reasons(reply, mine.reasons)
    for trait_id, level in levels.items():
        trait = knowledge.traits.get(trait_id)
        if trait and level > 0 and not trait.link(role.id) and trait.links:
            for link in trait.links:
                reply.cite(link.source)
            others = [knowledge.roles[link.role].plural for link in trait.links]
            reply.line(f"{BULLET}My sources connect {trait.label} with {join_words(others)}, not with {role.plural}.")
    return reply.text()


def choosing_guidance(knowledge: Knowledge) -> str:
    reply = Reply(knowledge).line("My sources offer this guide to choosing:")
    for relation in knowledge.relations:
        reply.facts(relation.choosing)
        reply.facts(relation.combining)
    return reply.text("Tell me what you enjoy (say \"I like planning\" or \"I love coding\") and I'll tell you how it fits.")


def _ruling_out(result: Recommendation) -> tuple[Reason, ...]:
    """What the person would rather avoid that counts against the other roles, not the recommended one."""
    best_traits = {reason.trait.id for reason in result.best.reasons}
    seen: set[str] = set()
    ruling_out = []
    for entry in result.ranking[1:]:
        for reason in entry.against_it:
            if reason.trait.id not in best_traits and reason.trait.id not in seen:
                seen.add(reason.trait.id)
                ruling_out.append(reason)
    return tuple(ruling_out)


def _combining_note(knowledge: Knowledge, result: Recommendation, reply: Reply) -> None:
    """When the top two roles are a pair a source says can be combined, say so."""
    if result.runner_up.score <= 0:
        return
    relation = knowledge.relation(result.best.role.id, result.runner_up.role.id)
    if relation and relation.combining:
        reply.line("You don't have to choose just one:").facts(relation.combining)


def quiz_result(knowledge: Knowledge, result: Recommendation, levels: dict[str, float]) -> str:
    """The recommendation: top role and runner-up, explained by the person's answers and the roles' facts."""
    if not result.decided:
        return choosing_guidance(knowledge)
    best, runner_up = result.best, result.runner_up
    reply = Reply(knowledge)
    if result.close_call:
        reply.line(f"It's a close call between {best.role.name} and {runner_up.role.name}; {best.role.name} edges ahead.")
    else:
        reply.line(f"My recommendation: {best.role.name}, with {runner_up.role.name} as the runner-up.")
    reply.line(f"Why {best.role.name}:")
    _add_reasons(reply, best.for_it[:3] if best.for_it else best.reasons[:3])
    for reason in _ruling_out(result):
        reply.cite(reason.link.source)
        other = knowledge.roles[reason.link.role]
        reply.line(f"{BULLET}You'd rather avoid {reason.trait.label}, which counts against {other.plural}: {reason.link.because}.")
    _combining_note(knowledge, result, reply)
    if levels.get("pay", 0) > 0 and best.role.salary is None:
        reply.line(f"Pay matters to you, but I have no salary figure for {best.role.plural} in my sources.")
    return reply.text(QUIZ_NEXT_STEP)


def _score_line(entry: RoleScore) -> str:
    return f"{capitalized(entry.role.plural)}: {entry.score:+.1f}"


def explain_why(knowledge: Knowledge, levels: dict[str, float]) -> str:
    """"Why?": every answer that counted for and against the recommended role, and the final scores."""
    result = recommend(knowledge, levels)
    if not result.decided:
        return choosing_guidance(knowledge)
    reply = Reply(knowledge).line(f"How your answers add up for {result.best.role.plural}:")
    _add_reasons(reply, result.best.reasons)
    reply.line("Scores: " + "; ".join(_score_line(entry) for entry in result.ranking) + ".")
    return reply.text()


def explain_others(knowledge: Knowledge, levels: dict[str, float]) -> str:
    """"What about the others?": each other role's score and what counted for and against it."""
    result = recommend(knowledge, levels)
    reply = Reply(knowledge)
    for entry in result.ranking[1:]:
        reply.line(f"{_score_line(entry)}")
        if entry.reasons:
            _add_reasons(reply, entry.reasons)
        else:
            reply.line(f"{BULLET}Nothing you told me points to {entry.role.plural} or away from them.")
    return reply.text(f"Ask about any of them, e.g. \"what do {result.ranking[-1].role.plural} do?\"")
