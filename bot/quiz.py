"""The career quiz: reading answers, whether clicked, typed or volunteered, and turning them into trait levels.

The questions and the traits they speak to come from the knowledge file's `quiz` section; their
wording is conversational glue in the domain.
"""
from __future__ import annotations

from typing import Mapping

from bot.knowledge import Knowledge, QuizQuestion

YES, SOMEWHAT, NO = "yes", "somewhat", "no"
LEVELS = {YES: 1.0, SOMEWHAT: 0.5, NO: -1.0}
_CONTRAST_WORDS = ("rather", "prefer", "instead")  # "I'd rather code" answers "no" to another question

Answers = Mapping[str, str]  # question id -> answer (yes/somewhat/no, or a choice)


def question(knowledge: Knowledge, question_id: str) -> QuizQuestion:
    return next(q for q in knowledge.quiz if q.id == question_id)


def valid_answers(quiz_question: QuizQuestion) -> tuple[str, ...]:
    return tuple(quiz_question.choices) if quiz_question.choices is not None else tuple(LEVELS)


def trait_levels(knowledge: Knowledge, answers: Answers) -> dict[str, float]:
    """Each trait's level from the answers given so far."""
    levels: dict[str, float] = {}
    for quiz_question in knowledge.quiz:
        answer = answers.get(quiz_question.id)
        if answer is None:
            continue
        if quiz_question.choices is not None:
            for trait in quiz_question.choices.get(answer, ()):
                levels[trait] = 1.0
        elif answer in LEVELS:
            for trait in quiz_question.traits:
                levels[trait] = LEVELS[answer]
    return levels


def volunteered(knowledge: Knowledge, likes: set[str], dislikes: set[str]) -> dict[str, str]:
    """Answers implied by liked and disliked activities ("I love programming, hate managing people")."""
    answers = {}
    for quiz_question in knowledge.quiz:
        traits = set(quiz_question.traits)
        if traits & dislikes:
            answers[quiz_question.id] = NO
        elif traits & likes:
            answers[quiz_question.id] = YES
    return answers


def read_reply(
    knowledge: Knowledge,
    asked: str | None,
    text: str,
    plain_answer: str | None,
    likes: set[str],
    dislikes: set[str],
    choice: str | None,
) -> dict[str, str]:
    """Every answer a reply gives: to the question asked, and to any other it speaks to.

    plain_answer is yes/somewhat/no when the reply was just that; choice is a picked option.
    """
    answers = volunteered(knowledge, likes, dislikes)
    if asked is None:
        return answers
    quiz_question = question(knowledge, asked)
    if quiz_question.choices is not None:
        if choice in quiz_question.choices:
            answers[asked] = choice
    elif asked not in answers:
        if plain_answer in LEVELS:
            answers[asked] = plain_answer
        elif answers and any(word in text.lower() for word in _CONTRAST_WORDS):
            answers[asked] = NO  # asked about planning, said "I'd rather code"
    return answers
